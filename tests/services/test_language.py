"""The staff language preference: saved outside the store, read before unlock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from clinic.services import language


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "config"
    monkeypatch.setenv(language.ENV_CONFIG_DIR, str(folder))
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    language.override_language(None)
    yield folder
    language.override_language(None)


def test_default_is_system_and_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert language.language_setting() == "system"
    assert language.ui_language() == "en"
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    assert language.ui_language() == "es"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert language.ui_language() == "en"


def test_locale_variables_are_read_in_gettext_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_MESSAGES", "es_MX.UTF-8")
    assert language.ui_language() == "es"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert language.ui_language() == "en"
    monkeypatch.setenv("LANGUAGE", "es:en")
    assert language.ui_language() == "es"


def test_c_locale_means_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert language.ui_language() == "en"


def test_saved_choice_wins_over_environment(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    language.set_language_setting("es")
    assert language.language_setting() == "es"
    assert language.ui_language() == "es"
    saved = json.loads((config_dir / "preferences.json").read_text(encoding="utf-8"))
    assert saved == {"language": "es"}
    monkeypatch.setenv("LANG", "es_US.UTF-8")
    language.set_language_setting("en")
    assert language.ui_language() == "en"


def test_other_preferences_are_kept_and_no_temp_file_left(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / "preferences.json").write_text('{"other": 1}', encoding="utf-8")
    language.set_language_setting("es")
    saved = json.loads((config_dir / "preferences.json").read_text(encoding="utf-8"))
    assert saved == {"language": "es", "other": 1}
    assert sorted(p.name for p in config_dir.iterdir()) == ["preferences.json"]


def test_unknown_value_is_refused_and_nothing_written(config_dir: Path) -> None:
    with pytest.raises(language.LanguageSettingError, match="en, es, system"):
        language.set_language_setting("fr")
    assert not (config_dir / "preferences.json").exists()


def test_damaged_or_odd_preferences_fall_back_to_system(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir.mkdir(parents=True)
    path = config_dir / "preferences.json"
    path.write_text("{not json", encoding="utf-8")
    assert language.language_setting() == "system"
    path.write_text('{"language": "klingon"}', encoding="utf-8")
    assert language.language_setting() == "system"
    path.write_text("[1, 2]", encoding="utf-8")
    assert language.language_setting() == "system"
    language.set_language_setting("es")  # a damaged file is replaced by a good one
    assert language.language_setting() == "es"


def test_process_override_beats_the_setting() -> None:
    language.set_language_setting("en")
    language.override_language("es")
    assert language.ui_language() == "es"
    assert language.language_setting() == "en"  # the override is not saved
    language.override_language(None)
    assert language.ui_language() == "en"
    with pytest.raises(language.LanguageSettingError):
        language.override_language("system")


def test_default_folder_is_the_per_user_config_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(language.ENV_CONFIG_DIR)
    assert language.config_dir().name == "Clinic"
