"""The words every staff PDF shares, in English and Spanish: prepared by the chosen staff member
(never the computer's login), the A-number in one form, hearing times with their zone, one date
style with four-digit years, real plurals and primary sources only."""

from __future__ import annotations

import getpass
import re
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft, StaffDraft
from clinic.domain.enums import ClaimType, HearingKind, StaffRole
from clinic.services import (
    attorney_reports,
    cases,
    checklists,
    clients,
    computer_user,
    lifecycle,
    schedule,
    staff,
)
from clinic.storage.store import Store

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 15, 0, tzinfo=UTC)
HEARING = date(2027, 1, 12)  # in winter: Central Standard Time


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "d"),
        passphrase="correct horse battery staple",
        actor=lifecycle.default_actor(),
    )
    me = staff.add_staff(store=opened, staff=StaffDraft("Lucía Gómez", StaffRole.PARALEGAL))
    computer_user.choose(opened, me.unwrap())
    client = clients.intake_client(
        store=opened,
        client=ClientDraft(
            "Mejía Flores", "Rosa", a_number="212345678", last_arrival_on=date(2026, 4, 7)
        ),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=opened,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Chicago Immigration Court"),
        today=TODAY,
    ).unwrap()
    schedule.schedule_hearing(
        store=opened,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.MASTER_CALENDAR,
            HEARING,
            time(9),
            timezone="America/Chicago",
            location="Chicago Immigration Court",
        ),
    ).unwrap()
    yield opened
    opened.lock()


def text_of(pdf: bytes, folder: Path, name: str) -> str:
    path = folder / name
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def staff_pdfs(store: Store, lang: str, folder: Path) -> dict[str, str]:
    return {
        "summary": text_of(
            attorney_reports.case_summary_pdf(
                store=store, case_id=1, today=TODAY, now=NOW, lang=lang
            ),
            folder,
            f"summary-{lang}.pdf",
        ),
        "docket": text_of(
            attorney_reports.docket_pdf(
                store=store, start=HEARING, end=HEARING, today=TODAY, now=NOW, lang=lang
            ),
            folder,
            f"docket-{lang}.pdf",
        ),
        "checklist": text_of(
            checklists.checklist_pdf(store=store, case_id=1, today=TODAY, now=NOW, lang=lang),
            folder,
            f"checklist-{lang}.pdf",
        ),
    }


@pytest.mark.parametrize(
    ("lang", "prepared", "hearing_day", "short_year"),
    [
        ("en", "Prepared by", "Jan 12, 2027", "Dec 7, 2026"),
        ("es", "por", "12 ene 2027", "7 dic 2026"),
    ],
)
def test_staff_pdfs_share_one_wording(
    store: Store, tmp_path: Path, lang: str, prepared: str, hearing_day: str, short_year: str
) -> None:
    for name, text in staff_pdfs(store, lang, tmp_path).items():
        assert f"{prepared} Lucía Gómez" in text or (name == "checklist" and "Lucía Gómez" in text)
        assert f"by {getpass.getuser()}" not in text and "por root" not in text, name
        assert "A-212-345-678" in text, name
        assert "212345678" not in text, name  # never the bare digits
        # the hearing's time with its zone; Spanish as the glossary writes it (es_US, RAE spacing)
        assert re.search(r"9:00( AM)? CST" if lang == "en" else r"9:00 a\. m\. CST", text), name
        assert hearing_day in text, name
        assert short_year in text, name  # generated / as-of dates: the same short style
        if name == "checklist":  # the case data's own dates, in the same style
            assert ("Apr 7, 2027" if lang == "en" else "7 abr 2027") in text
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}\b", text), name  # no two-digit years
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text), name  # no second (ISO) style
        assert "(s)" not in text, name
        assert not re.search(r"fact sheet|\.md\b|shared/", text, re.IGNORECASE), name


def test_counted_words_take_the_plural_rule() -> None:
    from clinic.reports.pdf_words import w  # noqa: PLC0415

    assert w("en", "docket_count", n=1) == "1 hearing."
    assert w("en", "docket_count", n=2) == "2 hearings."
    assert w("es", "checklist_missing", n=1) == "falta 1 punto de la lista de verificación"
    assert w("es", "checklist_missing", n=3) == "faltan 3 puntos de la lista de verificación"
    with pytest.raises(TypeError):
        w("en", "docket_count")
