"""The review of December 2026 (asylum-rules.md § 8.1) through the services: a closed case keeps
only the rule deadlines its closing starts; a deadline met or ended by the case's own dates is
stored closed (done, or waived as not applicable) with its reason, and reopens if those dates change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clinic.domain.drafts import CaseDraft, ClientDraft
from clinic.domain.enums import CaseFactKind, ClaimType, DeadlineStatus, Outcome, Stage
from clinic.services import cases, checklists, clients, deadlines, search
from clinic.storage.store import Store
from tests.services.test_deadline_service import TODAY, by_rule, open_defensive


def test_closed_case_keeps_only_deadlines_its_closing_starts_and_no_next_deadline_a_year_out(
    store: Store,
) -> None:
    case_id = open_defensive(store, arrival=date(2026, 3, 2))  # one-year deadline 2027-03-02
    assert by_rule(store, case_id)["one-year-filing"][0].status is DeadlineStatus.OPEN
    cases.change_stage(
        store=store,
        case_id=case_id,
        stage=Stage.CLOSED,
        on=date(2026, 5, 20),
        outcome=Outcome.TRANSFERRED,
    ).unwrap()
    open_rules = [
        d
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.rule_id and d.status is DeadlineStatus.OPEN
    ]
    assert open_rules == []
    summary = next(s for s in search.list_cases(store=store, today=TODAY) if s.id == case_id)
    assert summary.next_deadline is None
    # a judge's decision recorded on the closed case starts the appeal and the motions
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.DECISION, on=date(2026, 5, 20)
    ).unwrap()
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.FINAL_ORDER, on=date(2026, 5, 20)
    ).unwrap()
    started = {
        d.rule_id
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.rule_id and d.status is DeadlineStatus.OPEN
    }
    assert started == {"bia-appeal", "motion-to-reconsider", "motion-to-reopen"}


def test_one_year_deadline_stored_as_met_by_a_timely_filing_8_cfr_208_4_a_2(store: Store) -> None:
    case_id = open_defensive(store)  # arrival 2025-03-14: deadline Mon 2026-03-16
    draft = cases.get_case(store=store, case_id=case_id)
    base = CaseDraft(draft.claim_type, opened_on=draft.opened_on)
    cases.update_case(
        store=store, case_id=case_id, case=replace(base, filed_on=date(2026, 3, 16)), today=TODAY
    ).unwrap()
    (one_year,) = by_rule(store, case_id)["one-year-filing"]
    assert one_year.status is DeadlineStatus.DONE
    assert one_year.completed_on == date(2026, 3, 16)
    assert one_year.status_reason.startswith("I-589 received Mon 2026-03-16: on or before")
    assert "met_by:i589_received" in one_year.flags
    assert "208.4(a)(2)" in one_year.status_reason
    # a corrected (later) filing date reopens it, now saying an exception is needed
    cases.update_case(
        store=store, case_id=case_id, case=replace(base, filed_on=date(2026, 3, 17)), today=TODAY
    ).unwrap()
    (one_year,) = by_rule(store, case_id)["one-year-filing"]
    assert one_year.status is DeadlineStatus.OPEN and one_year.status_reason == ""
    assert "late_after:i589_received" in one_year.flags


def test_ead_dates_waived_as_not_applicable_after_an_early_denial_8_cfr_208_7(
    store: Store,
) -> None:
    case_id = open_defensive(store)
    draft = cases.get_case(store=store, case_id=case_id)
    base = CaseDraft(draft.claim_type, opened_on=draft.opened_on, filed_on=date(2026, 1, 5))
    cases.update_case(store=store, case_id=case_id, case=base, today=TODAY).unwrap()
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.IJ_DENIAL, on=date(2026, 4, 1)
    ).unwrap()
    found = by_rule(store, case_id)
    for rule_id in ("ead-earliest-filing", "ead-earliest-grant"):
        (row,) = found[rule_id]
        assert row.status is DeadlineStatus.WAIVED
        assert "208.7" in row.status_reason


def test_checklist_of_an_unaccompanied_child_in_court_sends_the_i589_to_uscis_ina_208_b_3_c(
    store: Store,
) -> None:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            "Lopez", "Mia", last_arrival_on=date(2025, 3, 14), unaccompanied_child=True
        ),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=date(2025, 5, 1)),
        today=TODAY,
    ).unwrap()
    items = {
        i.item.id
        for i in checklists.case_checklist(
            store=store, case_id=case_id, today=TODAY
        ).checklist.items
    }
    assert "i589-uac-with-uscis" in items and "i589-filed-with-court" not in items


def test_checklist_of_a_referred_case_asks_for_no_new_i589_8_cfr_208_14_c_1(store: Store) -> None:
    client_id = clients.intake_client(
        store=store, client=ClientDraft("Diaz", "Luis"), today=TODAY
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(
            ClaimType.AFFIRMATIVE, opened_on=date(2025, 1, 6), filed_on=date(2025, 2, 3)
        ),
        today=TODAY,
    ).unwrap()
    for stage in (Stage.PREPARING, Stage.FILED, Stage.INTERVIEW):
        cases.change_stage(store=store, case_id=case_id, stage=stage, on=date(2025, 3, 3)).unwrap()
    cases.refer_to_court(
        store=store, case_id=case_id, on=date(2025, 4, 1), court="Newark Immigration Court"
    ).unwrap()
    result = checklists.case_checklist(
        store=store, case_id=case_id, today=TODAY, template_id="i589-defensive"
    )
    assert "i589-defensive" in {t.id for t in result.templates}
    items = {i.item.id for i in result.checklist.items}
    assert "i589-referred" in items
    assert "i589-filed-with-court" not in items and "fee-receipt" not in items
