"""The window shows a staff PDF before it is saved; what is then saved is exactly the bytes that
were shown (not a second rendering), still audited and never over an existing file."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import attorney_reports, cases, checklists, clients, handouts, schedule
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store


def make_case(store: Store, today: date) -> CaseId:
    client = clients.intake_client(
        store=store, client=ClientDraft("Núñez", "Ana"), today=today
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Court", opened_on=today),
        today=today,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(
            HearingKind.MASTER_CALENDAR, today + timedelta(days=3), time(9), location="Court"
        ),
    ).unwrap()
    return case_id


def exports(store: Store) -> int:
    with store.unit_of_work() as session:
        return len(list(session.scalars(select(AuditEntry).where(AuditEntry.action == "export"))))


def test_each_staff_pdf_saves_the_bytes_it_was_given(
    store: Store, today: date, tmp_path: Path
) -> None:
    case_id = make_case(store, today)
    made = {
        "checklist": checklists.checklist_pdf(store=store, case_id=case_id, today=today),
        "summary": attorney_reports.case_summary_pdf(store=store, case_id=case_id, today=today),
        "docket": attorney_reports.docket_pdf(
            store=store, start=today, end=today + timedelta(days=6), today=today
        ),
        "handout": handouts.handout_pdf(
            store=store,
            case_id=case_id,
            kind="hearing-reminder",
            languages=("en",),
            today=today,
        ),
    }
    saves = {
        "checklist": lambda out, pdf: checklists.export_checklist_pdf(
            store=store, case_id=case_id, destination=out, today=today, pdf=pdf
        ),
        "summary": lambda out, pdf: attorney_reports.export_case_summary_pdf(
            store=store, case_id=case_id, destination=out, today=today, pdf=pdf
        ),
        "docket": lambda out, pdf: attorney_reports.export_docket_pdf(
            store=store,
            start=today,
            end=today + timedelta(days=6),
            destination=out,
            today=today,
            pdf=pdf,
        ),
        "handout": lambda out, pdf: handouts.export_handout_pdf(
            store=store,
            case_id=case_id,
            kind="hearing-reminder",
            languages=("en",),
            destination=out,
            today=today,
            pdf=pdf,
        ),
    }
    for number, (kind, pdf) in enumerate(made.items(), start=1):
        assert pdf.startswith(b"%PDF-")
        target = tmp_path / f"{kind}.pdf"
        assert saves[kind](target, pdf).unwrap() == target
        assert target.read_bytes() == pdf  # what was previewed, byte for byte
        assert exports(store) == number
        with pytest.raises(FileExistsError):
            saves[kind](target, b"%PDF-1.4 other")
        assert target.read_bytes() == pdf
