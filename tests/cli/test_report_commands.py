"""`clinic summary` and `clinic docket` as a user runs them (in process, passphrase on stdin)."""

from __future__ import annotations

import getpass
import io
import subprocess
import sys
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from clinic import cli
from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, HearingKind, StaffRole
from clinic.services import cases, clients, computer_user, lifecycle, schedule, staff
from clinic.storage import keys

PASSPHRASE = "correct horse battery staple"
TODAY = date.today()  # the commands count readiness from the real today


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store with one defensive case that has a hearing in three days."""
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
        computer_user.choose(store, paralegal)  # "Prepared by Ana Núñez"
        client = clients.intake_client(
            store=store, client=ClientDraft("Núñez", "Алексей"), today=TODAY
        ).unwrap()
        case_id = cases.open_case(
            store=store,
            client_id=client,
            case=CaseDraft(
                ClaimType.DEFENSIVE,
                forum_name="Chicago Immigration Court",
                paralegal_id=paralegal,
                opened_on=TODAY - timedelta(days=30),
            ),
            today=TODAY,
        ).unwrap()
        schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(
                HearingKind.MASTER_CALENDAR,
                TODAY + timedelta(days=3),
                time(9),
                location="Chicago Immigration Court",
            ),
        ).unwrap()
        assert case_id == 1
    finally:
        store.lock()
    return folder


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    args = cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv])
    return cli.run(args, out), out.getvalue()


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_summary_saves_the_case_and_refuses_to_overwrite(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "summary.pdf"
    code, printed = run(data_dir, monkeypatch, "summary", "1", "--out", str(out))
    assert code == 0
    assert "Saved the case summary" in printed and "not encrypted" in printed
    text = text_of(out)
    assert "NÚÑEZ, Алексей" in text and "Chicago Immigration Court" in text
    assert "Prepared by Ana Núñez" in " ".join(text.split())
    assert f"Prepared by {getpass.getuser()}" not in text  # never the computer's login
    before = out.read_bytes()
    code, _ = run(data_dir, monkeypatch, "summary", "1", "--out", str(out))
    assert code == 2 and "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before


def test_summary_of_an_unknown_case_is_a_usage_error(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / "summary.pdf"
    code, _ = run(data_dir, monkeypatch, "summary", "99", "--out", str(out))
    assert code == 2
    err = capsys.readouterr().err
    assert "case 99 does not exist" in err and "clinic cases" in err
    assert not out.exists()


def test_docket_saves_the_week_and_filters_by_paralegal(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    start, end = TODAY.isoformat(), (TODAY + timedelta(days=6)).isoformat()
    out = tmp_path / "docket.pdf"
    code, printed = run(
        data_dir, monkeypatch, "docket", "--from", start, "--to", end,
        "--paralegal", "ana núñez", "--out", str(out),
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    assert "Saved the hearing docket" in printed
    text = text_of(out)
    assert "NÚÑEZ, Алексей" in text and "Only cases of paralegal: Ana Núñez." in text
    assert "Master calendar" in text and "Page 1 of 1" in text
    code, _ = run(data_dir, monkeypatch, "docket", "--from", start, "--to", end, "--out", str(out))
    assert code == 2 and "already exists" in capsys.readouterr().err
    code, _ = run(
        data_dir, monkeypatch, "docket", "--from", start, "--to", end,
        "--paralegal", "Nobody Here", "--out", str(tmp_path / "other.pdf"),
    )  # fmt: skip
    assert code == 2 and "no staff member is named 'Nobody Here'" in capsys.readouterr().err
    assert not (tmp_path / "other.pdf").exists()


def test_docket_of_an_empty_range_says_so(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "empty.pdf"
    code, _ = run(
        data_dir, monkeypatch, "docket", "--from", "2001-01-01", "--to", "2001-01-07",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0
    assert "No hearings between Jan 1, 2001 and Jan 7, 2001." in text_of(out)


def test_bad_dates_are_refused_before_anything_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing_store = tmp_path / "no-store"
    out = tmp_path / "docket.pdf"
    code, _ = run(
        missing_store, monkeypatch, "docket", "--from", "2027-01-08", "--to", "2027-01-01",
        "--out", str(out),
    )  # fmt: skip
    assert code == 2
    assert "--from 2027-01-08 is after --to 2027-01-01; swap the dates." in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        cli.parse(["docket", "--from", "2027-13-01", "--to", "2027-01-01", "--out", str(out)])
    assert exit_info.value.code == 2
    assert "'2027-13-01' is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err
    code, _ = run(
        missing_store, monkeypatch, "docket", "--from", "2027-01-01", "--to", "2027-01-02",
        "--out", str(tmp_path / "no-such-folder" / "d.pdf"),
    )  # fmt: skip
    assert code == 2 and "does not exist" in capsys.readouterr().err
    assert not out.exists() and not missing_store.exists()


def test_without_a_chosen_user_the_pdf_commands_ask_for_prepared_by(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(tmp_path / "another-user"))  # nobody chosen
    out = tmp_path / "summary.pdf"
    code, _ = run(data_dir, monkeypatch, "summary", "1", "--out", str(out))
    said = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "--prepared-by NAME" in said and "clinic computer-user NAME" in said
    code, _ = run(data_dir, monkeypatch, "summary", "1", "--out", str(out), "--prepared-by", "Zed")
    said = capsys.readouterr().err
    assert code == 2 and "Zed is not an active staff member" in said and "Ana Núñez" in said
    code, _ = run(
        data_dir, monkeypatch, "summary", "1", "--out", str(out), "--prepared-by", "ana  núñez"
    )
    assert code == 0
    assert "Prepared by Ana Núñez" in " ".join(text_of(out).split())


def test_computer_user_is_chosen_once_and_kept_outside_the_store(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLINIC_CONFIG_DIR", str(tmp_path / "another-user"))
    code, printed = run(data_dir, monkeypatch, "computer-user")
    assert code == 0 and "Nobody is chosen" in printed
    code, printed = run(data_dir, monkeypatch, "computer-user", "Ana Núñez")
    assert code == 0 and "Prepared by Ana Núñez" in printed
    prefs = (tmp_path / "another-user" / "preferences.json").read_text(encoding="utf-8")
    assert "computer_user" in prefs and "Ana" not in prefs  # ids only, no names
    code, printed = run(data_dir, monkeypatch, "computer-user")
    assert "This computer's user: Ana Núñez." in printed
    out = tmp_path / "docket.pdf"
    start, end = TODAY.isoformat(), (TODAY + timedelta(days=7)).isoformat()
    code, _ = run(data_dir, monkeypatch, "docket", "--from", start, "--to", end, "--out", str(out))
    assert code == 0 and "Prepared by Ana Núñez" in " ".join(text_of(out).split())
    code, printed = run(data_dir, monkeypatch, "computer-user", "--none")
    assert code == 0 and "Nobody" in printed
