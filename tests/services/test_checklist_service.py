"""Checklist service: a case's checklist from its data, audited staff ticks, the exported PDF."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, StaffDraft
from clinic.domain.enums import (
    ChecklistState,
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    StaffRole,
    TranslationStatus,
)
from clinic.domain.ids import CaseId
from clinic.services import cases, checklists, clients, evidence, staff
from clinic.services.results import Entity
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store

CLIENT = ClientDraft(
    family_name="Ковальчук",
    given_name="Олена",
    a_number="A-201-555-123",
    last_arrival_on=date(2025, 3, 14),
)


def make_case(store: Store, today: date, claim: ClaimType, **changes: object) -> CaseId:
    attorney = staff.add_staff(
        store=store, staff=StaffDraft("Zoë Brontë", StaffRole.ATTORNEY)
    ).unwrap()
    client_id = clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    draft = CaseDraft(
        claim_type=claim,
        forum_name="Chicago Immigration Court" if claim is ClaimType.DEFENSIVE else "",
        attorney_id=attorney,
        opened_on=date(2025, 4, 1),
        **changes,  # type: ignore[arg-type]
    )
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


def add(store: Store, case_id: CaseId, today: date, title: str, **kw: object) -> None:
    draft = EvidenceDraft(
        title=title,
        category=kw.pop("category", EvidenceCategory.OTHER),  # type: ignore[arg-type]
        status=EvidenceStatus.RECEIVED,
        **kw,
    )  # type: ignore[arg-type]
    evidence.add_evidence(store=store, case_id=case_id, evidence=draft, today=today).unwrap()


def states(
    store: Store, case_id: CaseId, today: date, template: str | None = None
) -> dict[str, ChecklistState]:
    shown = checklists.case_checklist(
        store=store, case_id=case_id, today=today, template_id=template
    )
    return {i.item.id: i.state for i in shown.checklist.items}


def test_default_templates_differ_by_claim_type(store: Store, today: date) -> None:
    defensive = make_case(store, today, ClaimType.DEFENSIVE)
    shown = checklists.case_checklist(store=store, case_id=defensive, today=today)
    assert shown.checklist.template.id == "i589-defensive"
    assert {"eoir28", "proof-of-service"} <= set(states(store, defensive, today))
    assert "g28" not in states(store, defensive, today)
    assert all(t.applies_to.hold_for for t in shown.templates)
    assert "i589-affirmative" not in {t.id for t in shown.templates}


def test_automatic_checks_read_the_evidence(store: Store, today: date) -> None:
    case_id = make_case(store, today, ClaimType.DEFENSIVE, filed_on=date(2026, 4, 1))
    before = states(store, case_id, today)
    assert before["eoir28"] is ChecklistState.MISSING
    assert before["i589-filed-with-court"] is ChecklistState.DONE
    assert (
        before["one-year"] is ChecklistState.MISSING
    )  # filed 2026-04-01, arrived 2025-03-14: late
    add(store, case_id, today, "EOIR-28 (entry of appearance)")
    add(store, case_id, today, "Proof of service on DHS")
    add(store, case_id, today, "Declaration of Олена", category=EvidenceCategory.DECLARATION)
    add(
        store,
        case_id,
        today,
        "Довідка з лікарні",
        language="uk",
        translation=TranslationStatus.NEEDED,
    )
    after = states(store, case_id, today)
    assert after["eoir28"] is ChecklistState.DONE
    assert after["proof-of-service"] is ChecklistState.DONE
    assert after["declaration"] is ChecklistState.DONE
    assert after["translations"] is ChecklistState.MISSING


def test_ticks_are_audited_and_not_applicable_needs_a_reason(store: Store, today: date) -> None:
    case_id = make_case(store, today, ClaimType.DEFENSIVE)
    refused = checklists.set_item_state(
        store=store,
        case_id=case_id,
        template_id="i589-defensive",
        item_id="ecas-filing",
        state=ChecklistState.NOT_APPLICABLE,
        reason="  ",
    )
    assert not refused.ok and refused.problems[0].field == "reason"
    done = checklists.set_item_state(
        store=store,
        case_id=case_id,
        template_id="i589-defensive",
        item_id="ecas-filing",
        state=ChecklistState.NOT_APPLICABLE,
        reason="Paper filing ordered by the judge",
    )
    assert done.ok and case_id in done.changes.ids(Entity.CASE)
    assert states(store, case_id, today)["ecas-filing"] is ChecklistState.NOT_APPLICABLE
    checklists.set_item_state(
        store=store,
        case_id=case_id,
        template_id="i589-defensive",
        item_id="ecas-filing",
        state=ChecklistState.MISSING,
    ).unwrap()
    assert states(store, case_id, today)["ecas-filing"] is ChecklistState.MISSING
    with store.unit_of_work() as session:
        entries = list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "checklist_item")
                .order_by(AuditEntry.seq)
            )
        )
    assert [e.changes["state"] for e in entries] == [
        [None, "not_applicable"],
        ["not_applicable", "missing"],
    ]
    assert entries[0].changes["reason"][1] == "Paper filing ordered by the judge"
    assert entries[0].actor == "tester"


def test_unknown_template_or_item_is_refused(store: Store, today: date) -> None:
    case_id = make_case(store, today, ClaimType.AFFIRMATIVE)
    with pytest.raises(checklists.UnknownTemplate):
        checklists.case_checklist(store=store, case_id=case_id, today=today, template_id="nope")
    with pytest.raises(checklists.UnknownTemplate):
        checklists.set_item_state(
            store=store,
            case_id=case_id,
            template_id="i589-affirmative",
            item_id="nope",
            state=ChecklistState.DONE,
        )


def test_export_never_overwrites_and_is_audited(store: Store, today: date, tmp_path: Path) -> None:
    case_id = make_case(store, today, ClaimType.AFFIRMATIVE)
    target = tmp_path / "checklist.pdf"
    checklists.export_checklist_pdf(store=store, case_id=case_id, destination=target, today=today)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "КОВАЛЬЧУК, Олена" in text and "Zoë Brontë" in text
    assert "Form G-28" in text and "EOIR-28" not in text
    with pytest.raises(FileExistsError):
        checklists.export_checklist_pdf(
            store=store, case_id=case_id, destination=target, today=today
        )
    with store.unit_of_work() as session:
        exports = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "export")))
    assert len(exports) == 1
    assert exports[0].changes["template"] == [None, "i589-affirmative"]
