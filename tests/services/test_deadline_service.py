"""Deadlines follow the case: computed from its dates, recomputed when they change, overridable."""

from __future__ import annotations

from datetime import date, time

from clinic.domain.checklists import CheckKind
from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft, DeadlineDraft, HearingDraft
from clinic.domain.enums import (
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    HearingKind,
    Stage,
)
from clinic.domain.ids import CaseId
from clinic.domain.validation import Problem
from clinic.services import cases, checklists, clients, deadlines, schedule, search, settings
from clinic.services.dto import DeadlineView
from clinic.storage.store import Store

TODAY = date(2026, 6, 1)


def open_defensive(
    store: Store, *, arrival: date = date(2025, 3, 14), detained: bool = False
) -> CaseId:
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft("Reyes", "Ana", last_arrival_on=arrival),
        today=TODAY,
        address=AddressDraft("1 Main St", "El Paso", "TX", "79901", moved_in_on=date(2025, 4, 1)),
    ).unwrap()
    return cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=date(2025, 5, 1), detained=detained),
        today=TODAY,
    ).unwrap()


def by_rule(store: Store, case_id: CaseId) -> dict[str, list[DeadlineView]]:
    result: dict[str, list[DeadlineView]] = {}
    for view in deadlines.case_deadlines(store=store, case_id=case_id):
        result.setdefault(view.rule_id or view.kind, []).append(view)
    return result


def hearing(
    store: Store, case_id: CaseId, on: date, kind: HearingKind = HearingKind.INDIVIDUAL
) -> int:
    return schedule.schedule_hearing(
        store=store, case_id=case_id, hearing=HearingDraft(kind, on, time(9, 0), "America/Denver")
    ).unwrap()


def test_opening_a_case_computes_the_one_year_deadline_with_its_reasoning(store: Store) -> None:
    case_id = open_defensive(store)
    (one_year,) = by_rule(store, case_id)["one-year-filing"]
    assert one_year.due_on == date(2026, 3, 16)
    assert one_year.anchor_on == date(2025, 3, 14)
    assert "Sat 2026-03-14 → next business day Mon 2026-03-16" in one_year.explanation
    assert "208(a)(2)(B)" in one_year.source
    assert one_year.confidence == "confirmed"
    assert one_year.origin is DeadlineOrigin.RULE


def test_changing_the_arrival_date_moves_the_deadline(store: Store) -> None:
    case_id = open_defensive(store)
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    clients.update_client(
        store=store,
        client_id=client_id,
        client=ClientDraft("Reyes", "Ana", last_arrival_on=date(2025, 7, 3)),
        today=TODAY,
    ).unwrap()
    (one_year,) = by_rule(store, case_id)["one-year-filing"]
    assert one_year.due_on == date(2026, 7, 6)  # Fri 3 July 2026 is the observed Independence Day


def test_a_hearing_adds_prefiling_deadlines_and_moving_it_moves_them(store: Store) -> None:
    case_id = open_defensive(store)
    hearing(store, case_id, date(2026, 7, 20))
    (filing,) = by_rule(store, case_id)["individual-hearing-filing"]
    assert (filing.due_on, filing.safe_due_on, filing.act_by) == (
        date(2026, 7, 6),
        date(2026, 7, 2),
        date(2026, 7, 2),
    )
    summary = next(s for s in search.list_cases(store=store, today=TODAY) if s.id == case_id)
    assert summary.next_deadline is not None and summary.next_deadline <= date(2026, 7, 2)


def test_detained_case_gets_court_set_entries_not_invented_dates(store: Store) -> None:
    case_id = open_defensive(store, detained=True)
    hearing(store, case_id, date(2026, 7, 20))
    (filing,) = by_rule(store, case_id)["individual-hearing-filing"]
    assert filing.court_sets_date
    assert "court_set_when_detained" in filing.flags
    agenda = deadlines.agenda(store=store, today=date(2026, 7, 1), days=30)
    assert all(item.deadline is None or not item.deadline.court_sets_date for item in agenda)


def test_done_deadlines_survive_recomputation_and_open_ones_follow_inputs(store: Store) -> None:
    case_id = open_defensive(store)
    (still_open,) = by_rule(store, case_id)["one-year-filing"]
    schedule.close_deadline(
        store=store,
        deadline_id=still_open.id,
        status=DeadlineStatus.DONE,
        on=date(2026, 3, 1),
    ).unwrap()
    (done,) = by_rule(store, case_id)["one-year-filing"]
    assert done.completed_on == date(2026, 3, 1)
    no_reason = schedule.close_deadline(
        store=store,
        deadline_id=done.id,
        status=DeadlineStatus.WAIVED,
        on=TODAY,
    )
    assert [p.code for p in no_reason.problems] == [Problem.REQUIRED]
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    clients.update_client(
        store=store,
        client_id=client_id,
        client=ClientDraft("Reyes", "Ana", last_arrival_on=date(2025, 7, 3)),
        today=TODAY,
    ).unwrap()
    rows = by_rule(store, case_id)["one-year-filing"]
    assert {(r.anchor_on, r.status) for r in rows} == {
        (date(2025, 3, 14), DeadlineStatus.DONE),  # kept as history
        (date(2025, 7, 3), DeadlineStatus.OPEN),
    }


def test_judge_ordered_date_rolls_and_supersedes_the_default(store: Store) -> None:
    case_id = open_defensive(store)
    hearing(store, case_id, date(2026, 9, 14))
    schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft(
            "individual-hearing-filing",
            "Evidence due (IJ order)",
            date(2026, 9, 5),
            DeadlineOrigin.JUDGE_ORDERED,
        ),
    ).unwrap()
    rows = by_rule(store, case_id)["individual-hearing-filing"]
    judge = next(r for r in rows if r.origin is DeadlineOrigin.JUDGE_ORDERED)
    default = next(r for r in rows if r.origin is DeadlineOrigin.RULE)
    assert judge.due_on == date(2026, 9, 8)  # Sat 5 Sept → Labor Day Mon 7 → Tue 8
    assert "Labor Day" in judge.explanation
    assert default.status is DeadlineStatus.SUPERSEDED


def test_case_facts_drive_appeal_deadlines(store: Store) -> None:
    case_id = open_defensive(store)
    deadlines.record_case_fact(
        store=store, case_id=case_id, kind=CaseFactKind.DECISION, on=date(2026, 5, 1)
    ).unwrap()
    (appeal,) = by_rule(store, case_id)["bia-appeal"]
    assert appeal.due_on == date(2026, 6, 1)  # 31 May 2026 is a Sunday
    missing = deadlines.record_case_fact(store=store, case_id=case_id, kind=CaseFactKind.VD_DAYS)
    assert [(p.field, p.code) for p in missing.problems] == [("number", Problem.REQUIRED)]


def test_address_change_after_intake_starts_the_eoir_33_clock(store: Store) -> None:
    case_id = open_defensive(store)
    client_id = cases.get_case(store=store, case_id=case_id).client.id
    clients.record_move(
        store=store,
        client_id=client_id,
        address=AddressDraft("9 Oak Ave", "Houston", "TX", moved_in_on=date(2026, 5, 27)),
        today=TODAY,
    ).unwrap()
    (eoir33,) = by_rule(store, case_id)["eoir-33-address-change"]
    assert eoir33.due_on == date(2026, 6, 1)  # 27 May + 5 = Mon 1 June


def test_clinic_setting_changes_the_individual_hearing_days_everywhere(store: Store) -> None:
    case_id = open_defensive(store)
    hearing(store, case_id, date(2026, 7, 20))
    bad = settings.update_settings(
        store=store, settings=settings.ClinicSettings(rule_days={"individual-hearing-filing": 9999})
    )
    assert [p.code for p in bad.problems] == [Problem.RULE_SETTING_INVALID]
    settings.update_settings(
        store=store, settings=settings.ClinicSettings(rule_days={"individual-hearing-filing": 30})
    ).unwrap()
    (filing,) = by_rule(store, case_id)["individual-hearing-filing"]
    assert filing.due_on == date(2026, 6, 22)


def test_rule_deadlines_cannot_be_typed_in_by_hand(store: Store) -> None:
    case_id = open_defensive(store)
    result = schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("x", "x", date(2026, 7, 1), DeadlineOrigin.RULE, "bia-appeal"),
    )
    assert [p.code for p in result.problems] == [Problem.RULE_DEADLINES_ARE_COMPUTED]


def test_agenda_lists_overdue_first_then_the_next_two_weeks(store: Store) -> None:
    case_id = open_defensive(store)  # one-year deadline 2026-03-16: overdue on TODAY
    hearing(store, case_id, date(2026, 6, 10), HearingKind.MASTER_CALENDAR)
    items = deadlines.agenda(store=store, today=TODAY, days=14)
    assert items[0].overdue and items[0].deadline is not None
    assert items[0].deadline.rule_id == "one-year-filing"
    assert any(i.is_hearing and i.on == date(2026, 6, 10) for i in items)
    assert all(i.on <= date(2026, 6, 15) for i in items)
    case = cases.get_case(store=store, case_id=case_id)
    assert case.stage is Stage.INTAKE


def test_today_agenda_caps_overdue_at_the_oldest_and_counts_the_rest(store: Store) -> None:
    case_id = open_defensive(store)  # its one-year deadline (2026-03-16) is overdue too
    for day in (3, 9, 20, 27):  # manual deadlines, overdue in May
        schedule.record_deadline(
            store=store,
            case_id=case_id,
            deadline=DeadlineDraft("task", f"Task of May {day}", date(2026, 5, day)),
        ).unwrap()
    schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft("task", "Next week", date(2026, 6, 8)),
    ).unwrap()
    everything = deadlines.today_agenda(store=store, today=TODAY, days=14, overdue_limit=None)
    capped = deadlines.today_agenda(store=store, today=TODAY, days=14, overdue_limit=2)
    assert everything.overdue_total == capped.overdue_total == 5
    assert everything.overdue_hidden == 0 and everything.overdue_shown == 5
    assert (capped.overdue_shown, capped.overdue_hidden) == (2, 3)
    overdue = [i for i in capped.items if i.overdue]
    assert [i.on for i in overdue] == [date(2026, 3, 16), date(2026, 5, 3)]  # the oldest first
    # The next two weeks are never cut: the same upcoming lines either way.
    upcoming = [i.what for i in capped.items if not i.overdue]
    assert upcoming == [i.what for i in everything.items if not i.overdue]
    assert "Next week" in upcoming
    assert deadlines.agenda(store=store, today=TODAY, days=14) == everything.items


def test_a_recorded_one_year_exception_reaches_the_deadline_and_the_checklist(
    store: Store,
) -> None:
    """Issue 18 § 2 (8 CFR 208.4(a)(4)-(5)): the kind of exception and its dates, recorded as
    case dates, name the exception on the late one-year deadline, start the reasonable-period
    warning and count as the exception documented on the I-589 checklist."""
    case_id = open_defensive(store, arrival=date(2024, 3, 14))  # one year: Fri 2025-03-14

    def one_year_item() -> tuple[str, str]:
        checklist = checklists.case_checklist(store=store, case_id=case_id, today=TODAY)
        (item,) = [
            i
            for i in checklist.checklist.items
            if i.item.check is not None and i.item.check.kind is CheckKind.ONE_YEAR
        ]
        assert item.auto is not None
        return item.state.value, item.auto.detail

    state, words = one_year_item()
    assert state == "missing" and "document a changed or extraordinary circumstance" in words
    deadlines.record_case_fact(
        store=store,
        case_id=case_id,
        kind=CaseFactKind.CHANGED_CIRCUMSTANCES,
        on=date(2025, 5, 20),
        note="New government began arresting members of her party",
    ).unwrap()
    rows = by_rule(store, case_id)
    (one_year,) = rows["one-year-filing"]
    assert "One-year exception recorded: changed circumstances Tue 2025-05-20" in (
        one_year.explanation
    )
    assert "one_year_exception:changed" in one_year.flags
    (warning,) = rows["changed-circumstances-reasonable-period"]
    assert warning.due_on == date(2025, 11, 20)
    state, words = one_year_item()
    assert state == "done" and "an exception is documented" in words
