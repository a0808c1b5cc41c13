"""Gathering the case summary and the hearing docket from a real encrypted store, and saving
them (never over an existing file, audited)."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    DeadlineDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
    StaffDraft,
)
from clinic.domain.enums import (
    ClaimType,
    DeadlineStatus,
    EvidenceCategory,
    EvidenceStatus,
    HearingKind,
    Relationship,
    StaffRole,
    Stage,
    TranslationStatus,
)
from clinic.domain.ids import CaseId, StaffId
from clinic.services import (
    attorney_reports,
    cases,
    clients,
    evidence,
    notes,
    schedule,
    staff,
)
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)


def add_staff(store: Store, name: str, role: StaffRole) -> StaffId:
    return staff.add_staff(store=store, staff=StaffDraft(name, role)).unwrap()


def make_case(
    store: Store,
    today: date,
    family_name: str,
    given_name: str,
    *,
    claim: ClaimType = ClaimType.DEFENSIVE,
    paralegal: StaffId | None = None,
    attorney: StaffId | None = None,
    a_number: str = "",
) -> CaseId:
    client = clients.intake_client(
        store=store,
        client=ClientDraft(
            family_name,
            given_name,
            a_number=a_number,
            date_of_birth=date(1990, 4, 3),
            nationalities=("UA",),
            languages=("uk", "ru"),
            interpreter_needed=True,
            phone="(312) 555-0143",
            last_arrival_on=date(2026, 1, 2),
        ),
        today=today,
        family=(
            FamilyMemberDraft("Ковальчук", "Марія", Relationship.CHILD, derivative=True),
            FamilyMemberDraft("Ковальчук", "Іван", Relationship.SPOUSE, derivative=False),
        ),
        address=AddressDraft("4410 N Kedzie Ave", "Chicago", "IL", "60625"),
    ).unwrap()
    defensive = claim is ClaimType.DEFENSIVE
    return cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(
            claim_type=claim,
            forum_name="Chicago Immigration Court" if defensive else "Chicago Asylum Office",
            judge="Ramírez" if defensive else "",
            paralegal_id=paralegal,
            attorney_id=attorney,
            opened_on=date(2026, 2, 1),
        ),
        today=today,
    ).unwrap()


def hearing(store: Store, case_id: CaseId, kind: HearingKind, on: date, at: time) -> None:
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(kind, on, at, location="Chicago Immigration Court"),
    ).unwrap()


def text_of(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_the_summary_gathers_the_whole_case(store: Store, today: date) -> None:
    attorney = add_staff(store, "Zoë Brontë", StaffRole.ATTORNEY)
    paralegal = add_staff(store, "Ana Núñez", StaffRole.PARALEGAL)
    case_id = make_case(
        store, today, "Ковальчук", "Олена", paralegal=paralegal, attorney=attorney,
        a_number="201555123",
    )  # fmt: skip
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    hearing(store, case_id, HearingKind.MASTER_CALENDAR, today - timedelta(days=30), time(9))
    hearing(store, case_id, HearingKind.INDIVIDUAL, today + timedelta(days=60), time(13))
    hearing(store, case_id, HearingKind.MASTER_CALENDAR, today + timedelta(days=10), time(9))
    cases.change_stage(store=store, case_id=case_id, stage=Stage.PREPARING, on=today).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft(
            "Свідоцтво про народження", EvidenceCategory.IDENTITY, "uk",
            TranslationStatus.NEEDED, status=EvidenceStatus.RECEIVED,
        ),
        today=today,
    ).unwrap()  # fmt: skip
    evidence.attach_file(
        store=store, evidence_id=item, source=io.BytesIO(b"%PDF-1.4 scan"), original_name="b.pdf"
    ).unwrap()
    evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft("Declaration", EvidenceCategory.DECLARATION),
        today=today,
    ).unwrap()
    schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("manual", "Send the records request", today - timedelta(days=3)),
    ).unwrap()
    for n in range(12):
        notes.add_note(store=store, client_id=client_id, case_id=case_id, body=f"Note {n}")

    data = attorney_reports.case_summary_data(store=store, case_id=case_id, today=today, now=NOW)

    assert data.client_name == "КОВАЛЬЧУК, Олена"
    assert data.a_number == "A-201-555-123"
    assert data.address == "4410 N Kedzie Ave\nChicago, IL 60625"
    assert data.attorney == "Zoë Brontë" and data.paralegal == "Ana Núñez"
    assert [(f.name, f.derivative) for f in data.family] == [
        ("КОВАЛЬЧУК, Марія", True),
        ("КОВАЛЬЧУК, Іван", False),
    ]
    assert [h.on for h in data.upcoming] == [today + timedelta(days=10), today + timedelta(days=60)]
    assert [h.on for h in data.past] == [today - timedelta(days=30)]
    assert [e.to_stage for e in data.history][-1] is Stage.PREPARING
    manual = next(d for d in data.deadlines if d.title == "Send the records request")
    assert manual.overdue
    computed = [d for d in data.deadlines if d.source]
    assert computed, "rule-computed deadlines carry their source"
    assert all(d.as_of is not None for d in computed)
    assert data.rules_as_of >= max(d.as_of for d in computed if d.as_of)
    birth = next(e for e in data.evidence if e.language == "uk")
    assert birth.translation is TranslationStatus.NEEDED and birth.files == 1
    assert [n.body for n in data.notes] == [f"Note {n}" for n in range(11, 1, -1)]
    assert data.notes_total == 12


def test_summary_export_never_overwrites_and_is_audited(
    store: Store, today: date, tmp_path: Path
) -> None:
    case_id = make_case(store, today, "Núñez", "Алексей")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    attorney_reports.export_case_summary_pdf(
        store=store, case_id=case_id, destination=target, today=today, now=NOW
    )
    text = text_of(target)
    assert "NÚÑEZ, Алексей" in text and "Page 1 of" in text
    before = target.read_bytes()
    with pytest.raises(FileExistsError):
        attorney_reports.export_case_summary_pdf(
            store=store, case_id=case_id, destination=target, today=today
        )
    assert target.read_bytes() == before
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]  # no temp files left
    with store.unit_of_work() as session:
        exports = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    assert len(exports) == 1 and exports[0].entity_id == case_id
    assert exports[0].changes["case_summary_pdf_saved_to"] == [None, str(target)]
    with pytest.raises(LookupError):
        attorney_reports.case_summary_data(store=store, case_id=CaseId(999), today=today)


def test_the_docket_lists_hearings_in_range_with_readiness(store: Store, today: date) -> None:
    ana = add_staff(store, "Ana Núñez", StaffRole.PARALEGAL)
    ben = add_staff(store, "Ben Okafor", StaffRole.PARALEGAL)
    first = make_case(store, today, "Ковальчук", "Олена", paralegal=ana)
    second = make_case(store, today, "Zayas", "Óscar", paralegal=ben)
    monday = date(2026, 11, 30)
    hearing(store, first, HearingKind.INDIVIDUAL, monday + timedelta(days=2), time(13))
    hearing(store, second, HearingKind.MASTER_CALENDAR, monday + timedelta(days=2), time(8, 30))
    hearing(store, second, HearingKind.BIOMETRICS, monday + timedelta(days=1), time(10))
    hearing(store, first, HearingKind.MASTER_CALENDAR, monday + timedelta(days=9), time(9))
    evidence.add_evidence(
        store=store,
        case_id=first,
        evidence=EvidenceDraft(
            "Паспорт", EvidenceCategory.IDENTITY, "uk", TranslationStatus.NEEDED
        ),
        today=today,
    ).unwrap()
    schedule.record_deadline(
        store=store,
        case_id=first,
        deadline=DeadlineDraft("manual", "Old task", today - timedelta(days=2)),
    ).unwrap()

    data = attorney_reports.docket_data(
        store=store, start=monday, end=monday + timedelta(days=6), today=today, now=NOW
    )

    assert [(e.client_name, e.kind) for e in data.entries] == [
        ("КОВАЛЬЧУК, Олена", HearingKind.INDIVIDUAL),
        ("ZAYAS, Óscar", HearingKind.MASTER_CALENDAR),
    ]  # biometrics are not on the docket; the hearing on day 9 is outside the range
    olena = data.entries[0]
    assert olena.paralegal == "Ana Núñez" and olena.judge == "Ramírez"
    assert olena.interpreter_languages == ("uk", "ru")
    assert olena.readiness.untranslated == 1
    open_before = [
        d
        for d in cases.get_case(store=store, case_id=first).deadlines
        if d.status is DeadlineStatus.OPEN
        and not d.court_sets_date
        and d.kind != "earliest_date"
        and d.act_by <= olena.on
    ]
    assert olena.readiness.open_deadlines == len(open_before) >= 1
    assert olena.readiness.overdue_deadlines >= 1  # "Old task" is past
    assert olena.readiness.checklist_missing is not None and olena.readiness.checklist_missing > 0
    assert not olena.readiness.ready

    only_ben = attorney_reports.docket_data(
        store=store, start=monday, end=monday + timedelta(days=6), today=today,
        paralegal="ben okafor",
    )  # fmt: skip
    assert [e.client_name for e in only_ben.entries] == ["ZAYAS, Óscar"]
    assert only_ben.paralegal_filter == "Ben Okafor"
    with pytest.raises(attorney_reports.UnknownStaff):
        attorney_reports.docket_data(
            store=store, start=monday, end=monday, today=today, paralegal="Nobody"
        )
    with pytest.raises(attorney_reports.BadDateRange):
        attorney_reports.docket_data(store=store, start=monday, end=monday - timedelta(days=1),
                                     today=today)  # fmt: skip


def test_docket_export_of_an_empty_range_and_no_overwrite(
    store: Store, today: date, tmp_path: Path
) -> None:
    target = tmp_path / "docket.pdf"
    attorney_reports.export_docket_pdf(
        store=store, start=date(2027, 1, 4), end=date(2027, 1, 8), destination=target,
        today=today, now=NOW,
    )  # fmt: skip
    assert "No hearings between Jan 4, 2027 and Jan 8, 2027." in text_of(target)
    with pytest.raises(FileExistsError):
        attorney_reports.export_docket_pdf(
            store=store, start=date(2027, 1, 4), end=date(2027, 1, 8), destination=target,
            today=today,
        )  # fmt: skip
    with store.unit_of_work() as session:
        exports = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    assert len(exports) == 1
    assert exports[0].changes["hearings"] == [None, 0]
    assert exports[0].changes["from"] == [None, "2027-01-04"]
