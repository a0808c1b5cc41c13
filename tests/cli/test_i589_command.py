"""`clinic i589 CASE_ID --form FILE --out FILE.pdf [--flatten]` as a user runs it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from clinic import cli
from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.services import computer_user, lifecycle, staff
from clinic.storage import keys
from tests.services.i589_case import BLANK, make_case

PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")


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
        paralegal = staff.add_staff(
            store=store, staff=StaffDraft("Ana Núñez", StaffRole.PARALEGAL)
        ).unwrap()
        computer_user.choose(store, paralegal)  # who prepares it, for the audit trail
        assert make_case(store) == 1
    finally:
        store.lock()
    return folder


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    args = cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv])
    return cli.run(args, out), out.getvalue()


def test_fills_says_what_to_type_and_never_overwrites(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "i589.pdf"
    code, out = run(data_dir, monkeypatch, "i589", "1", "--form", str(BLANK), "--out", str(target))
    assert code == 0, capsys.readouterr().err
    assert "Form I-589 (Rev. 08/25/20), an edition Clinic knows." in out
    assert "Pages of Supplement A filled: 1; of Supplement B: 5." in out
    assert "Part A.I, 17;" in out  # religion: not recorded in Clinic yet
    assert "Part A.II, child 3, 14;" in out  # not in the U.S.: no last entry recorded
    assert f"Saved the I-589 to {target}." in out and "not encrypted" in out
    fields = PdfReader(target).get_fields() or {}
    assert fields["form1[0].#subform[0].PtAILine4_LastName[0]"]["/V"] == "Ramírez Gutiérrez"
    before = target.read_bytes()

    code, out = run(
        data_dir,
        monkeypatch,
        "--lang",
        "es",
        "i589",
        "1",
        "--form",
        str(BLANK),
        "--out",
        str(target),
        "--flatten",
    )
    assert code == 2 and out == ""
    assert "ya existe" in capsys.readouterr().err
    assert target.read_bytes() == before

    flat = tmp_path / "plano.pdf"
    code, out = run(
        data_dir,
        monkeypatch,
        "--lang",
        "es",
        "i589",
        "1",
        "--form",
        str(BLANK),
        "--out",
        str(flat),
        "--flatten",
    )
    assert code == 0
    assert "una edición que Clinic conoce" in out and "Suplemento A" in out
    assert "Parte A.I, 9: código postal (ZIP);" in out and "Parte A.II, hijo/a 3, 14;" in out
    assert f"Se guardó el I-589 en {flat}." in out
    assert not (PdfReader(flat).get_fields() or {})


def test_a_missing_form_or_case_is_a_usage_error(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "nowhere.pdf"
    code, _ = run(
        data_dir, monkeypatch, "i589", "1", "--form", str(missing), "--out", str(tmp_path / "a.pdf")
    )
    assert code == 2 and "give the blank I-589 as --form" in capsys.readouterr().err
    code, _ = run(
        data_dir, monkeypatch, "i589", "7", "--form", str(BLANK), "--out", str(tmp_path / "b.pdf")
    )
    assert code == 2 and "case 7 does not exist" in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_check_lists_what_blocks_printing_and_exits_1(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`clinic i589 CASE_ID --check` (issue 23): the synthetic case has Parts B and C answered
    but none of Part A.I's details; its 4 entries and 6 children go on the supplements."""
    code, shown = run(data_dir, monkeypatch, "i589", "1", "--check")
    assert code == 1, shown
    assert "Part A.I 11 [must be put right]: Not answered yet: Marital Status." in shown
    assert "Part A.II [must be put right]" not in shown and "19.C [must" not in shown
    assert "Part B" not in shown and "Part C" not in shown  # answered, and explained
    assert "Part E [must be put right]: Who prepared the form is not recorded" in shown
    assert shown.rstrip().endswith("things must be put right before the I-589 is printed.")
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "i589", "1", "--check")
    assert code == 1 and "hay que corregirlo" in shown and "Sin responder todavía" in shown
    code, shown = run(data_dir, monkeypatch, "i589", "1")  # neither --check nor --form/--out
    assert code == 2
