"""`clinic handout`, as a user runs it: the PDF read back with pdftotext holds the hearing date in
both languages' formats and the court's address; bad input gets a clear message."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from clinic import cli
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, HearingDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, HearingKind
from clinic.services import (
    cases,
    clients,
    evidence,
    handouts,
    language,
    lifecycle,
    schedule,
    settings,
)

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")

HEARING_DAY = date(2031, 3, 3)  # a Monday, far enough ahead to stay "upcoming"


@pytest.fixture
def data_dir(tmp_path: Path, memory_keyring: object) -> Iterator[Path]:
    root = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(root), passphrase=None, actor="tester"
    )
    try:
        today = date.today()
        client_id = clients.intake_client(
            store=store,
            client=ClientDraft(family_name="Peña", given_name="Iñaki", a_number="A-201-555-123"),
            today=today,
        ).unwrap()
        draft = CaseDraft(
            claim_type=ClaimType.DEFENSIVE,
            forum_name="Chicago Immigration Court",
            opened_on=date(2025, 4, 1),
        )
        case_id = cases.open_case(store=store, client_id=client_id, case=draft, today=today)
        hearing = HearingDraft(
            kind=HearingKind.MASTER_CALENDAR,
            on=HEARING_DAY,
            at=time(8, 30),
            timezone="America/Chicago",
            location="Chicago Immigration Court",
            address="525 West Van Buren Street, Suite 500, Chicago, IL 60607",
        )
        schedule.schedule_hearing(store=store, case_id=case_id.unwrap(), hearing=hearing).unwrap()
        evidence.add_evidence(
            store=store,
            case_id=case_id.unwrap(),
            evidence=EvidenceDraft(title="Cédula de identidad", category=EvidenceCategory.IDENTITY),
            today=today,
        ).unwrap()
    finally:
        store.lock()
    yield root
    language.override_language(None)


def run(data_dir: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli.run(cli.parse(["--data-dir", str(data_dir), *argv]), out)
    return code, out.getvalue()


def words(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def test_bilingual_hearing_reminder(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "F.pdf"
    code, printed = run(
        data_dir, "handout", "hearing-reminder", "1", "--lang", "en+es", "--out", str(out)
    )
    assert code == 0
    assert f"Saved the handout to {out}" in printed
    text = words(out)
    assert "Monday, March 3, 2031 at 8:30 AM" in text
    assert "lunes, 3 de marzo de 2031 a las 8:30 a. m." in text
    assert "525 West Van Buren Street, Suite 500, Chicago, IL 60607" in text
    assert "A-201-555-123" in text and "Iñaki Peña" in text


def test_sequential_layout_and_single_language(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "seq.pdf"
    code, _ = run(
        data_dir,
        "handout",
        "hearing-reminder",
        "1",
        "--layout",
        "sequential",
        "--out",
        str(out),
    )
    assert code == 0
    pages = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert "Your court hearing" in pages[0] and "Su audiencia" not in pages[0]
    spanish = tmp_path / "es.pdf"
    assert (
        run(data_dir, "handout", "document-request", "1", "--lang", "es", "--out", str(spanish))[0]
        == 0
    )
    text = words(spanish)
    assert "Documentos que necesitamos de usted" in text and "Cédula de identidad" in text
    assert "Documents we need from you" not in text


def test_appointment_slip_with_flags(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "slip.pdf"
    code, _ = run(
        data_dir,
        "handout",
        "appointment-slip",
        "1",
        "--at",
        "2031-03-04 14:15",
        "--with",
        "Ana Gómez",
        "--where",
        "Oficina 2",
        "--out",
        str(out),
    )
    assert code == 0
    text = words(out)
    assert "Tuesday, March 4, 2031 at 2:15 PM" in text
    assert "martes, 4 de marzo de 2031 a las 2:15 p. m." in text
    assert "Ana Gómez" in text and "Oficina 2" in text


def test_refuses_to_overwrite_and_explains_bad_input(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "kept.pdf"
    existing.write_bytes(b"mine")
    code, _ = run(data_dir, "handout", "hearing-reminder", "1", "--out", str(existing))
    assert code == cli.EXIT_USAGE
    assert existing.read_bytes() == b"mine"
    assert "already exists; choose a new file name" in capsys.readouterr().err
    code, _ = run(data_dir, "handout", "appointment-slip", "1", "--out", str(tmp_path / "a.pdf"))
    assert code == cli.EXIT_USAGE
    assert "--at" in capsys.readouterr().err
    code, _ = run(data_dir, "handout", "hearing-reminder", "7", "--out", str(tmp_path / "b.pdf"))
    assert code == cli.EXIT_USAGE
    assert "Case 7 does not exist." in capsys.readouterr().err
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_messages_in_spanish_with_global_lang(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, printed = run(
        data_dir, "--lang", "es", "handout", "hearing-reminder", "1", "--out", str(out)
    )
    assert code == 0
    assert printed.startswith(f"Se guardó la hoja informativa en {out}.")
    code, _ = run(data_dir, "--lang", "es", "handout", "hearing-reminder", "1", "--out", str(out))
    assert code == cli.EXIT_USAGE
    assert f"{out} ya existe; elija otro nombre de archivo." in capsys.readouterr().err
    code, _ = run(tmp_path / "nowhere", "--lang", "es", "cases")
    assert code != 0
    assert "No hay una base de datos de Clinic en" in capsys.readouterr().err


def test_a_language_without_its_own_letterhead_is_said_before_printing(
    data_dir: Path, tmp_path: Path
) -> None:
    """Spanish review H5: the handout sends the client to the phone and address "above", so a
    Spanish handout printed under the clinic's English letterhead (office hours "Monday–Friday
    9 AM–5 PM") is said to staff, until the clinic writes one in Spanish (Settings)."""
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=None, actor="tester"
    )
    try:
        current = settings.get_settings(store=store)
        english = "1 Example St · Phone (555) 010-0199 · Monday–Friday 9 AM–5 PM"
        settings.update_settings(
            store=store, settings=replace(current, letterhead=english)
        ).unwrap()
    finally:
        store.lock()
    code, printed = run(
        data_dir,
        "handout",
        "hearing-reminder",
        "1",
        "--lang",
        "en+es",
        "--out",
        str(tmp_path / "a.pdf"),
    )
    assert code == 0
    assert "no letterhead in Spanish yet" in printed
    assert english in words(tmp_path / "a.pdf")  # what the note warns of

    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=None, actor="tester"
    )
    try:
        spanish = "1 Example St · Teléfono (555) 010-0199 · de lunes a viernes, de 9:00 a. m. a 5:00 p. m."
        handouts.set_letterhead(store=store, code="es", text=spanish).unwrap()
    finally:
        store.lock()
    code, printed = run(
        data_dir,
        "handout",
        "hearing-reminder",
        "1",
        "--lang",
        "es",
        "--out",
        str(tmp_path / "b.pdf"),
    )
    assert code == 0 and "letterhead" not in printed
    assert "de lunes a viernes" in words(tmp_path / "b.pdf")
