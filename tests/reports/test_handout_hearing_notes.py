"""The two faults that blocked handing the papers to clients (Spanish review Dec 2026, H1, H2):
"arrive an hour early, there is a security check" only for hearings in person at the court, in
every handout language; and Spanish times as a reader expects ("a la 1:00 p. m.", never
"a las 1:00 p.m.")."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import AttendanceMode, ClaimType, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, clients, handouts, lifecycle, schedule
from clinic.storage import keys
from clinic.storage.store import Store

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")

TODAY = date(2026, 11, 28)
HEARING = HearingDraft(
    kind=HearingKind.MASTER_CALENDAR,
    on=date(2027, 3, 2),
    at=time(13, 0),
    timezone="America/Chicago",
    location="Chicago Immigration Court",
    address="525 West Van Buren Street, Suite 500\nChicago, IL 60607",
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    saved = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    data_dir = lifecycle.resolve_data_dir(tmp_path_factory.mktemp("notes") / "data")
    opened = lifecycle.init_store(data_dir=data_dir, passphrase="correct horse battery", actor="t")
    keys.SCRYPT_N = saved
    try:
        yield opened
    finally:
        opened.lock()


_NUMBERS = iter(range(100, 999))


def case_with(store: Store, hearing: HearingDraft) -> CaseId:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            family_name="Peña", given_name="Rosa", a_number=f"A-201-555-{next(_NUMBERS)}"
        ),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(
            claim_type=ClaimType.DEFENSIVE,
            forum_name="Chicago Immigration Court",
            opened_on=date(2025, 4, 1),
        ),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(store=store, case_id=case_id, hearing=hearing).unwrap()
    return case_id


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "h.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def reminder(store: Store, case_id: CaseId, langs: tuple[str, ...], tmp_path: Path) -> str:
    pdf = handouts.handout_pdf(
        store=store,
        case_id=case_id,
        kind="hearing-reminder",
        languages=langs,
        today=TODAY,
        layout="sequential",
    )
    return text_of(pdf, tmp_path)


EARLY = {
    "en": "security check",
    "es": "revisan a todas las personas",
    "ht": "kontwòl sekirite",
    "pt": "revista de segurança",
    "fr": "contrôle de sécurité",
}


@pytest.mark.parametrize(
    "mode", [AttendanceMode.IN_PERSON, AttendanceMode.VIDEO, AttendanceMode.TELEPHONIC]
)
def test_arrive_early_only_for_hearings_in_person(
    store: Store, mode: AttendanceMode, tmp_path: Path
) -> None:
    case_id = case_with(store, replace(HEARING, mode=mode))
    for lang in ("en", "es", "en+es", "en+ht", "pt", "fr"):
        langs = handouts.languages_of(lang)
        text = reminder(store, case_id, langs, tmp_path)
        for each in langs:
            shown = EARLY[each] in text
            assert shown is (mode is AttendanceMode.IN_PERSON), (mode, lang, each)
    text = reminder(store, case_id, ("en",), tmp_path)
    if mode is AttendanceMode.TELEPHONIC:
        assert "by telephone" in text
    if mode is AttendanceMode.VIDEO:
        assert "by video" in text


@pytest.mark.parametrize(
    ("at", "spanish", "english"),
    [
        (time(13, 0), "martes, 2 de marzo de 2027 a la 1:00 p. m. CST", "at 1:00 PM CST"),
        (time(1, 30), "martes, 2 de marzo de 2027 a la 1:30 a. m. CST", "at 1:30 AM CST"),
        (time(8, 30), "martes, 2 de marzo de 2027 a las 8:30 a. m. CST", "at 8:30 AM CST"),
        (time(12, 0), "martes, 2 de marzo de 2027 a las 12:00 p. m. CST", "at 12:00 PM CST"),
    ],
)
def test_spanish_hearing_time_reads_correctly(
    store: Store, at: time, spanish: str, english: str, tmp_path: Path
) -> None:
    case_id = case_with(store, replace(HEARING, at=at))
    text = reminder(store, case_id, ("en", "es"), tmp_path)
    assert spanish in text
    assert english in text
    assert "a las 1:" not in text and "p.m." not in text and "a.m." not in text


def test_spanish_appointment_time_reads_correctly(store: Store, tmp_path: Path) -> None:
    case_id = case_with(store, HEARING)
    for at, words in (
        (datetime(2026, 12, 3, 13, 0), "jueves, 3 de diciembre de 2026 a la 1:00 p. m."),
        (datetime(2026, 12, 3, 14, 15), "jueves, 3 de diciembre de 2026 a las 2:15 p. m."),
    ):
        pdf = handouts.handout_pdf(
            store=store,
            case_id=case_id,
            kind="appointment-slip",
            languages=("es",),
            today=TODAY,
            appointment=handouts.Appointment(at, "Ana Gómez", "Oficina"),
        )
        text = text_of(pdf, tmp_path)
        assert words in text
        assert "a las 1:" not in text
