"""Which language Clinic speaks to staff: English, Spanish, or whatever the computer uses.

The choice lives in a small plain JSON file (``preferences.json``) in the per-user config folder
(``platformdirs.user_config_dir("Clinic")``, or ``$CLINIC_CONFIG_DIR``). It holds no client data,
so it is readable before the store is unlocked: the unlock window can already be in Spanish.

A command line ``--lang`` or a test can override the choice for the running process with
:func:`override_language`; :func:`ui_language` honours that override first.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import platformdirs

from clinic.domain.i18n import translate, translate_n
from clinic.storage.datadir import APP_NAME, make_private_dir, write_private_file

ENV_CONFIG_DIR = "CLINIC_CONFIG_DIR"
PREFERENCES_FILE = "preferences.json"
LANGUAGE_KEY = "language"
LANGUAGE_SETTINGS = ("en", "es", "system")
UI_LANGUAGES = ("en", "es")
DEFAULT_SETTING = "system"
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_override: dict[str, str] = {}  # "lang" -> "en" | "es" while a process override is active


class LanguageSettingError(ValueError):
    """An unknown language value; the message says which values are allowed."""


def config_dir() -> Path:
    """The per-user config folder, unless ``CLINIC_CONFIG_DIR`` says otherwise."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def preferences_path() -> Path:
    return config_dir() / PREFERENCES_FILE


def read_preferences() -> dict[str, object]:
    """Every preference saved for this user on this computer (empty when none or damaged)."""
    return _read_preferences()


def save_preference(key: str, value: object) -> None:
    """Save one preference (atomically, owner-only; the file's other preferences are kept)."""
    prefs = _read_preferences()
    prefs[key] = value
    folder = config_dir()
    make_private_dir(folder)
    data = (json.dumps(prefs, indent=2, sort_keys=True) + "\n").encode("utf-8")
    write_private_file(folder / PREFERENCES_FILE, data)


def _read_preferences() -> dict[str, object]:
    try:
        raw = preferences_path().read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}  # a damaged preferences file means "defaults", never a crash at start-up
    return data if isinstance(data, dict) else {}


def language_setting() -> str:
    """The saved choice: ``"en"``, ``"es"`` or ``"system"`` (the default)."""
    value = _read_preferences().get(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in LANGUAGE_SETTINGS else DEFAULT_SETTING


def set_language_setting(value: str) -> None:
    """Save the choice (atomically; other preferences in the file are kept)."""
    if value not in LANGUAGE_SETTINGS:
        raise LanguageSettingError(
            f"Unknown language {value!r}: use one of {', '.join(LANGUAGE_SETTINGS)}."
        )
    save_preference(LANGUAGE_KEY, value)


def system_language() -> str:
    """``"es"`` when the environment's locale is Spanish (``es``, ``es_US.UTF-8`` …), else ``"en"``.

    The variables are read in gettext's order; the first one that is set decides (``LANGUAGE``
    may list several, separated by colons: the first counts)."""
    for name in _LOCALE_VARIABLES:
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        first = value.split(":")[0].strip().lower()
        if first in ("c", "posix") or first.startswith(("c.", "posix.")):
            return "en"
        return "es" if first.startswith("es") else "en"
    return "en"


def ui_language() -> str:
    """The language to use now: a process override, else the setting, else the system's."""
    if "lang" in _override:
        return _override["lang"]
    setting = language_setting()
    if setting == "system":
        return system_language()
    return setting


def override_language(value: str | None) -> None:
    """Use ``value`` ("en"/"es") for this process regardless of the setting; ``None`` clears it."""
    if value is not None and value not in UI_LANGUAGES:
        raise LanguageSettingError(
            f"Unknown language {value!r}: use one of {', '.join(UI_LANGUAGES)}."
        )
    if value is None:
        _override.pop("lang", None)
    else:
        _override["lang"] = value


def tr(template: str, /, **values: Any) -> str:
    """``template`` in the current language (:func:`ui_language`), filled in with ``values``.

    The command line imports it as ``_`` so that the catalogue extractor finds its texts."""
    return translate(template, ui_language(), **values)


def tr_n(singular: str, plural: str, n: int, /, **values: Any) -> str:
    """A counted text in the current language: ``tr_n("{n} row", "{n} rows", n)``."""
    return translate_n(singular, plural, n, ui_language(), **values)
