"""export-ics, export-case / import-case, report funder and cases --csv/--xlsx, run in-process
as a user types them (passphrases on standard input)."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from clinic import cli
from clinic.services import language, lifecycle
from clinic.services.demo import fill_demo_data

STORE_PASSPHRASE = "correct horse battery staple"
EXPORT_PASSPHRASE = "violet harbour tractor moon"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(root), passphrase=STORE_PASSPHRASE, actor="tester"
    )
    fill_demo_data(store=store, clients=3, seed=2, today=date.today())
    store.lock()
    return root


def run(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, *argv: str, secrets: tuple[str, ...] = ()
) -> tuple[int, str]:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("".join(f"{s}\n" for s in (STORE_PASSPHRASE, *secrets)))
    )
    out = io.StringIO()
    code = cli.run(cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv]), out)
    return code, out.getvalue()


def test_export_ics_writes_a_calendar_and_never_overwrites(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "court.ics"
    start = (date.today() - timedelta(days=400)).isoformat()
    code, text = run(monkeypatch, data_dir, "export-ics", "--out", str(out), "--from", start)
    assert code == 0 and "initials only" in text
    assert Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    before = out.read_bytes()
    code, _ = run(monkeypatch, data_dir, "export-ics", "--out", str(out))
    assert code == 2 and "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_export_case_then_import_case_into_another_store(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bundle = tmp_path / "case.cliniccase"
    code, text = run(
        monkeypatch,
        data_dir,
        "export-case",
        "1",
        "--out",
        str(bundle),
        "--with-files",
        secrets=(EXPORT_PASSPHRASE,),  # with --passphrase-stdin: one line, no confirmation
    )
    assert code == 0 and "encrypted with your passphrase" in text
    other = tmp_path / "other"
    lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(other), passphrase=STORE_PASSPHRASE, actor="b"
    ).lock()
    code, _ = run(
        monkeypatch, other, "import-case", str(bundle), secrets=("wrong passphrase here",)
    )
    assert code == 3 and "does not open" in capsys.readouterr().err
    code, text = run(monkeypatch, other, "import-case", str(bundle), secrets=(EXPORT_PASSPHRASE,))
    assert code == 0 and "Imported case 1" in text
    code, _ = run(monkeypatch, data_dir, "import-case", str(bundle), secrets=(EXPORT_PASSPHRASE,))
    assert code == 1 and "--merge-into" in capsys.readouterr().err  # same client already here
    code, _ = run(
        monkeypatch,
        data_dir,
        "export-case",
        "1",
        "--out",
        str(tmp_path / "p.json"),
        "--plaintext",
        "--with-files",
    )
    assert code == 2
    code, text = run(
        monkeypatch, data_dir, "export-case", "1", "--out", str(tmp_path / "p.json"), "--plaintext"
    )
    assert code == 0
    # one sentence each, not "to p.json, The file is not encrypted: … copies.."
    assert text.strip().endswith(
        "to " + str(tmp_path / "p.json") + ". The file is not encrypted: keep it somewhere "
        "safe and delete stray copies."
    )


def test_report_funder_by_extension_and_cases_csv_xlsx(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    year = str(date.today().year)
    code, _ = run(
        monkeypatch, data_dir, "report", "funder", "--year", year, "--out", str(tmp_path / "f.csv")
    )
    assert code == 0
    assert (tmp_path / "f.csv").read_bytes().startswith(b"\xef\xbb\xbftable,category,count")
    code, _ = run(
        monkeypatch, data_dir, "report", "funder", "--year", year, "--out", str(tmp_path / "f.pdf")
    )
    assert code == 0 and (tmp_path / "f.pdf").read_bytes().startswith(b"%PDF")
    code, _ = run(
        monkeypatch, data_dir, "report", "funder", "--year", year, "--out", str(tmp_path / "f.txt")
    )
    assert code == 2 and ".pdf or .csv" in capsys.readouterr().err

    code, _ = run(monkeypatch, data_dir, "cases", "--csv", str(tmp_path / "cases.csv"))
    assert code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "cases.csv").read_text("utf-8-sig"))))
    assert rows[0][:3] == ["Case", "Client", "A-number"] and len(rows) == 4
    code, _ = run(monkeypatch, data_dir, "cases", "--xlsx", str(tmp_path / "cases.xlsx"))
    assert code == 0
    sheet = load_workbook(tmp_path / "cases.xlsx").active
    assert [c.value for c in sheet[1]][:2] == ["Case", "Client"] and sheet.max_row == 4
    assert {r[1] for r in rows[1:]} == {sheet.cell(row=i, column=2).value for i in range(2, 5)}


def test_exports_and_a_refused_import_speak_spanish(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The Spanish review's leftovers: 'Se guardaron 1 caso' (the verb now agrees), and an
    import-case refused for a likely duplicate said so in English, with English reasons."""
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test
    bundle = tmp_path / "one.json"
    code, text = run(
        monkeypatch,
        data_dir,
        "--lang",
        "es",
        "export-case",
        "1",
        "--out",
        str(bundle),
        "--plaintext",
    )
    assert code == 0 and text.startswith("Se guardó 1 caso de 1 cliente y 0 archivos de pruebas")
    code, _ = run(monkeypatch, data_dir, "--lang", "es", "import-case", str(bundle))
    err = capsys.readouterr().err
    assert code == 1
    assert "ya tiene un cliente que probablemente es la misma persona (cliente " in err
    assert "mismo nombre" in err and "--merge-into" in err
    assert "same" not in err and "This store" not in err
    code, _ = run(monkeypatch, data_dir, "import-case", str(bundle))  # English as before
    assert code == 1 and "likely the same person (client 1: " in capsys.readouterr().err
    calendar = tmp_path / "court.ics"
    code, text = run(monkeypatch, data_dir, "--lang", "es", "export-ics", "--out", str(calendar))
    assert code == 0 and text.startswith("Se guardaron ") and " plazos en " in text


def test_export_and_import_errors_speak_spanish(
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with this test
    es = ("--lang", "es")
    code, _ = run(
        monkeypatch, data_dir, *es, "export-case", "99", "--out", str(tmp_path / "x"), "--plaintext"
    )
    assert code == 2 and "el caso 99 no existe" in capsys.readouterr().err
    bundle = tmp_path / "one.cliniccase"
    code, _ = run(
        monkeypatch, data_dir, *es, "export-case", "1", "--out", str(bundle), secrets=("weak",)
    )
    err = capsys.readouterr().err
    assert code != 0 and "Esa frase de contraseña es demasiado débil. Use al menos 10" in err
    code, _ = run(
        monkeypatch,
        data_dir,
        "export-case",
        "1",
        "--out",
        str(bundle),
        secrets=(EXPORT_PASSPHRASE,),
    )
    assert code == 0
    code, _ = run(monkeypatch, data_dir, *es, "import-case", str(bundle), secrets=("wrong one",))
    err = capsys.readouterr().err
    assert code == 3 and "Esa frase de contraseña no abre esta exportación de casos" in err
    junk = tmp_path / "junk.cliniccase"
    junk.write_bytes(b"not an export at all")
    code, _ = run(monkeypatch, data_dir, *es, "import-case", str(junk))
    err = capsys.readouterr().err
    assert "junk.cliniccase no es una exportación de casos de Clinic completa (no es ni un " in err
    assert "does not" not in err and "not a complete" not in err
