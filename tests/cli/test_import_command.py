"""`clinic import FILE`, run in-process as a user would: exit codes, the report, nothing stored
unless everything (or, with --skip-invalid, every valid row) is."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from clinic import cli
from clinic.services import language, lifecycle
from clinic.storage.models import Client, FamilyMember
from clinic.storage.store import count_rows

PASSPHRASE = "correct horse battery staple"
MESSY = Path(__file__).parents[1] / "services" / "data" / "messy-clients-cp1252.csv"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    store.lock()
    return folder


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    args = cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv])
    return cli.run(args, out), out.getvalue()


def people(data_dir: Path) -> int:
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        return count_rows(store, Client) + count_rows(store, FamilyMember)
    finally:
        store.lock()


def test_invalid_rows_stop_the_import_with_the_full_report(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, text = run(data_dir, monkeypatch, "import", str(MESSY))
    assert code == 1
    assert "Windows-1252, separated by semicolons" in text
    assert "Dates read day first" in text
    assert "  row 6: date of birth '31/02/1990' is not a real date" in text
    assert "  row 7: likely the same person as the client on row 2" in text
    assert "  row 9: A-number 'A12-345'" in text
    assert "Nothing was stored: 3 rows cannot be imported" in text
    assert "--skip-invalid to import the other 5 rows" in text
    assert people(data_dir) == 0


def test_skip_invalid_json_report(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, text = run(data_dir, monkeypatch, "import", str(MESSY), "--skip-invalid", "--json")
    report = json.loads(text)
    assert code == 0
    assert report["imported"] == 5 and report["stored"] is True and report["dry_run"] is False
    assert (report["clients"], report["family_members"], report["cases"]) == (4, 1, 2)
    assert [r["row"] for r in report["rejected"]] == [6, 7, 9]
    assert report["rejected"][0]["reason"] == "date of birth '31/02/1990' is not a real date"
    assert report["mapping"]["A#"] == "a_number"
    assert people(data_dir) == 5
    assert run(data_dir, monkeypatch, "verify-audit")[0] == 0  # the chain holds after an import
    # the same file again: every client is now a duplicate of a stored one
    code, text = run(data_dir, monkeypatch, "import", str(MESSY), "--skip-invalid", "--json")
    again = json.loads(text)
    assert code == 1  # nothing imported is not a success, even with --skip-invalid
    assert again["imported"] == 0 and again["stored"] is False
    assert "already in Clinic" in again["rejected"][0]["reason"]
    assert people(data_dir) == 5


def test_dry_run_stores_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, text = run(
        data_dir, monkeypatch, "import", str(MESSY), "--dry-run", "--skip-invalid", "--json"
    )
    report = json.loads(text)
    assert code == 0
    assert (report["imported"], report["would_import"], report["stored"]) == (0, 5, False)
    assert report["dry_run"] is True
    assert people(data_dir) == 0
    code, text = run(data_dir, monkeypatch, "import", str(MESSY), "--dry-run")
    assert code == 1 and "Nothing was stored" in text


def test_ambiguous_dates_ask_for_date_order(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sheet = tmp_path / "us.csv"
    sheet.write_text("Last name,First name,DOB\nSmith,Ann,03/04/1990\n", encoding="utf-8")
    code, _ = run(data_dir, monkeypatch, "import", str(sheet))
    assert code == 2
    assert "--date-order mdy" in capsys.readouterr().err
    assert people(data_dir) == 0
    code, text = run(data_dir, monkeypatch, "import", str(sheet), "--date-order", "mdy")
    assert code == 0 and "Imported 1 row" in text
    assert people(data_dir) == 1


def test_mapping_file_and_its_mistakes(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sheet = tmp_path / "odd.csv"
    sheet.write_text("Who,When born\nSmith,1990-01-02\n", encoding="utf-8")
    code, _ = run(data_dir, monkeypatch, "import", str(sheet))
    assert code == 1 and "family name" in capsys.readouterr().err
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps({"columns": {"Who": "family_name", "When born": "date_of_birth"}}),
        encoding="utf-8",
    )
    code, text = run(
        data_dir, monkeypatch, "import", str(sheet), "--mapping", str(mapping), "--json"
    )
    assert code == 0 and json.loads(text)["mapping_source"] == "file"
    bad = tmp_path / "bad.json"
    bad.write_text('{"columns": {"Who": "shoe_size"}}', encoding="utf-8")
    code, _ = run(data_dir, monkeypatch, "import", str(sheet), "--mapping", str(bad))
    assert code == 2 and "not a field" in capsys.readouterr().err


def test_malformed_or_missing_file_is_reported_and_nothing_stored(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    code, text = run(data_dir, monkeypatch, "import", str(broken), "--json")
    report = json.loads(text)
    assert code == 1 and report["imported"] == 0 and ".xlsx" in report["error"]
    code, _ = run(data_dir, monkeypatch, "import", str(tmp_path / "nope.csv"))
    assert code == 2
    assert people(data_dir) == 0


def test_the_report_speaks_spanish(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The Spanish review's leftovers: how the file was read, the columns, the rejected rows'
    heading and row numbers, and the dry run's summary (the verb agrees with one row)."""
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test
    code, text = run(data_dir, monkeypatch, "--lang", "es", "import", "--dry-run", str(MESSY))
    assert code == 1
    assert "Windows-1252, separado por punto y coma; 8 filas después del encabezado" in text
    assert "Fechas leídas con el día primero (DD/MM/AAAA)." in text
    assert "Columnas (reconocidas automáticamente): Apellido → family_name" in text
    assert "Filas que no se pueden importar (3):" in text and "\n  fila 6: " in text
    assert "No se guardó nada: 3 filas no se pueden importar." in text
    assert "las otras 5 filas" in text
    for english in ("separated", "Dates read", "Columns", "Rows that", "  row ", "Fix them"):
        assert english not in text, english
    code, text = run(
        data_dir, monkeypatch, "--lang", "es", "import", "--dry-run", "--skip-invalid", str(MESSY)
    )
    assert code == 0 and "Prueba: se importarían 5 filas: 4 clientes, 1 familiar" in text
    one = tmp_path / "one.csv"
    one.write_text("\n\nLast name,First name,DOB\nSmith,Ann,1990-03-04\n", encoding="utf-8")
    code, text = run(data_dir, monkeypatch, "--lang", "es", "import", "--dry-run", str(one))
    assert code == 0, text
    assert "UTF-8, separado por comas; 1 fila después del encabezado" in text
    assert "El encabezado es la fila 3; se pasan por alto las filas en blanco" in text
    assert "Prueba: se importaría 1 fila: 1 cliente, 0 familiares, 0 casos" in text
    assert people(data_dir) == 0
