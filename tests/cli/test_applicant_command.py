"""`clinic applicant CLIENT_ID [--ssn …] [--marital-status …] …` as a user runs it (issue 23):
the details are shown, recorded, checked in words, and cleared with an empty value."""

from __future__ import annotations

from pathlib import Path

import pytest

from clinic.services import lifecycle
from clinic.storage import keys
from tests.cli.test_i589_command import PASSPHRASE, run  # the same way of running a command
from tests.services.i589_case import make_case


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)
    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    folder = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        make_case(store)
    finally:
        store.lock()
    return folder


def test_record_show_and_clear(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, shown = run(data_dir, monkeypatch, "applicant", "1")
    assert code == 0 and "U.S. Social Security number: —" in shown
    code, shown = run(
        data_dir,
        monkeypatch,
        "applicant",
        "1",
        "--ssn",
        "123-45-6789",
        "--marital-status",
        "married",
        "--birth-country",
        "hn",
        "--passport-expires-on",
        "2031-01-31",
        "--fluent-in-english",
        "no",
    )
    assert code == 0, shown
    assert "Recorded 5 of client 1's I-589 details." in shown
    assert "U.S. Social Security number: 123456789" in shown
    assert "Country of birth: HN" in shown and "Marital status: married" in shown
    assert "Passport or travel document expires: 2031-01-31" in shown
    assert "Fluent in English: no" in shown
    code, shown = run(data_dir, monkeypatch, "applicant", "1", "--ssn", "", "--religion", "Baptist")
    assert code == 0
    assert "U.S. Social Security number: —" in shown and "Religion: Baptist" in shown
    assert "Marital status: married" in shown  # what was not given is kept


def test_bad_details_are_refused_in_words_in_spanish(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("--lang", "es", "applicant", "1", "--ssn", "12345", "--birth-country", "XX")
    code, _shown = run(data_dir, monkeypatch, *argv)
    said = capsys.readouterr().err
    assert code == 2
    assert "Número de Seguro Social de EE. UU.: Un número de Seguro Social" in said
    assert "País de nacimiento:" in said
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "applicant", "1")
    assert "Número de Seguro Social de EE. UU.: —" in shown  # nothing was stored
    assert "País de nacimiento: —" in shown


def test_an_unknown_client_is_named(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _shown = run(data_dir, monkeypatch, "applicant", "99", "--religion", "x")
    assert code == 2 and "99" in capsys.readouterr().err


def test_doctor_and_backup_speak_spanish(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Spanish review's leftovers: doctor's lines, the backup check's 'Made … by' line and
    its counts (one file, not 'files') were English under --lang es."""
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "doctor")
    assert code == 0, shown
    assert "clientes: 1" in shown and "cabezas de auditoría: ninguno" in shown
    assert "ADVERTENCIA: no hay carpeta de copias de seguridad" in shown
    assert "clients:" not in shown and "WARNING" not in shown
    backup = tmp_path / "b.clinicbackup"
    assert run(data_dir, monkeypatch, "backup", "--to", str(backup))[0] == 0
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "backup", "--verify", str(backup))
    assert code == 0, shown
    assert "Hecha el " in shown and "1 cliente, 1 caso, 0 archivos de pruebas" in shown
    code, shown = run(data_dir, monkeypatch, "doctor")
    assert "clients: 1" in shown and "audit heads: none" in shown  # English labels as before


def test_parts_b_and_c_recorded_and_a_yes_needs_its_explanation(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, shown = run(data_dir, monkeypatch, "applicant", "1", "--part-b2", "yes")
    assert code != 0  # the synthetic case has no explanation for Part B 2
    code, shown = run(
        data_dir,
        monkeypatch,
        "applicant",
        "1",
        "--part-b2",
        "yes",
        "--part-b2-explanation",
        "Detained two days in 2021 for a protest.",
        "--part-c5",
        "unknown",
    )
    assert code == 0, shown
    assert "Part B 2: accused, arrested or detained in another country: yes" in shown
    assert "Part B 2: explanation: Detained two days in 2021 for a protest." in shown
    assert "Part C 5: filing more than 1 year after the last arrival: —" in shown
