"""Entries, lawful status / TPS / parole and a family member's own I-589 through the services
(issue 18 § 2; the I-589 of issue 23 reads the same model)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from clinic.domain.drafts import FamilyMemberDraft
from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import (
    ArrivalManner,
    ProceedingKind,
    Relationship,
    StatusKind,
)
from clinic.domain.ids import ClientId
from clinic.domain.validation import Problem
from clinic.services import cases, clients, deadline_refresh, deadlines, entries
from clinic.services.settings_schema import settings_in
from clinic.storage.models import AuditEntry, Case, Client
from clinic.storage.store import Store
from tests.services.test_deadline_service import TODAY, by_rule, open_defensive


def _client_of(store: Store, case_id: int) -> ClientId:
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        assert case is not None
        return ClientId(case.client_id)


def test_entries_listed_newest_first_and_the_latest_becomes_the_last_arrival_matter_of_f_p_r(
    store: Store,
) -> None:
    case_id = open_defensive(store, arrival=date(2025, 3, 14))
    client_id = _client_of(store, case_id)
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2019, 6, 2),
            "JFK, New York",
            ArrivalManner.INSPECTED,
            "B-2",
            date(2019, 12, 1),
            "12345678901",
        ),
        today=TODAY,
    ).unwrap()
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2025, 9, 1), "Hidalgo, TX", ArrivalManner.PAROLED, "parole", date(2026, 9, 1)
        ),
        today=TODAY,
    ).unwrap()
    facts = entries.people_facts(store=store, client_id=client_id, today=TODAY)
    listed = facts.entries_of(None)
    # the arrival typed at intake (2025-03-14) is kept as an entry when a later one replaces it
    assert [e.on for e in listed] == [date(2025, 9, 1), date(2025, 3, 14), date(2019, 6, 2)]
    assert listed[1].ref is not None
    assert listed[2].status == "B-2" and listed[2].status_expires == date(2019, 12, 1)
    with store.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        assert client.last_arrival_on == date(2025, 9, 1)  # a later trip restarts the clock
        assert client.last_arrival_place == "Hidalgo, TX"
        assert client.last_arrival_manner is ArrivalManner.PAROLED


def test_the_last_arrival_typed_at_intake_is_listed_as_an_entry(store: Store) -> None:
    """Nothing recorded yet: the intake's last arrival is the client's one entry (the I-589
    lists every entry); recording the same arrival with its details lists it once."""
    case_id = open_defensive(store, arrival=date(2025, 3, 14))
    client_id = _client_of(store, case_id)
    with store.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        client.last_arrival_place = "near Eagle Pass, TX"
        client.last_arrival_manner = ArrivalManner.WITHOUT_INSPECTION
    listed = entries.people_facts(store=store, client_id=client_id, today=TODAY).entries_of(None)
    assert listed == [
        EntryFact(date(2025, 3, 14), "near Eagle Pass, TX", ArrivalManner.WITHOUT_INSPECTION)
    ]
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2025, 3, 14), "Eagle Pass, TX", ArrivalManner.WITHOUT_INSPECTION, "EWI"
        ),
        today=TODAY,
    ).unwrap()
    listed = entries.people_facts(store=store, client_id=client_id, today=TODAY).entries_of(None)
    assert [(e.on, e.status) for e in listed] == [(date(2025, 3, 14), "EWI")]
    # an earlier trip recorded later does not touch the last arrival or add a copy of it
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(date(2018, 1, 9), "JFK, New York", ArrivalManner.INSPECTED, "B-2"),
        today=TODAY,
    ).unwrap()
    listed = entries.people_facts(store=store, client_id=client_id, today=TODAY).entries_of(None)
    assert [e.on for e in listed] == [date(2025, 3, 14), date(2018, 1, 9)]


def test_entry_and_status_refuse_what_cannot_be_true(store: Store) -> None:
    client_id = _client_of(store, open_defensive(store))
    bad = entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(date(2026, 1, 5), status_expires=date(2025, 1, 1)),
        today=TODAY,
    )
    assert [p.code for p in bad.problems] == [Problem.END_BEFORE_START]
    future = entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(0, StatusKind.TPS, start=date(2027, 1, 1)),
        today=TODAY,
    )
    assert [p.code for p in future.problems] == [Problem.DATE_IN_FUTURE]
    stranger = entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(0, StatusKind.PAROLE, member_id=99999),
        today=TODAY,
    )
    assert [p.code for p in stranger.problems] == [Problem.NOT_THIS_CLIENTS]


def test_family_member_files_own_and_proceeding_kind_are_kept(store: Store) -> None:
    case_id = open_defensive(store)
    client_id = _client_of(store, case_id)
    member_id = clients.add_family_member(
        store=store,
        client_id=client_id,
        member=FamilyMemberDraft(
            "Reyes", "Luis", Relationship.CHILD, date(2003, 1, 10), in_us=True
        ),
        today=TODAY,
    ).unwrap()
    entries.set_own_filing(
        store=store,
        client_id=client_id,
        member_id=member_id,
        files_own=True,
        received_on=date(2026, 2, 1),
        today=TODAY,
    ).unwrap()
    entries.set_proceeding(
        store=store, case_id=case_id, proceeding=ProceedingKind.WITHHOLDING_ONLY
    ).unwrap()
    facts = entries.people_facts(store=store, client_id=client_id, today=TODAY)
    (member,) = facts.family
    assert member.files_own_i589 and member.own_i589_received == date(2026, 2, 1)
    assert member.notes == ()
    assert cases.get_case(store=store, case_id=case_id) is not None
    with store.unit_of_work() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.proceeding is ProceedingKind.WITHHOLDING_ONLY


def test_family_member_deadline_and_status_warning_stored_and_same_in_bulk_refresh(
    store: Store,
) -> None:
    case_id = open_defensive(store, arrival=date(2024, 8, 20))
    client_id = _client_of(store, case_id)
    entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(
            0, StatusKind.NONIMMIGRANT, "F-1", date(2024, 8, 20), date(2026, 5, 15)
        ),
        today=TODAY,
    ).unwrap()
    member_id = clients.add_family_member(
        store=store,
        client_id=client_id,
        member=FamilyMemberDraft("Reyes", "Marta", Relationship.SPOUSE, in_us=True),
        today=TODAY,
    ).unwrap()
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(
            date(2025, 7, 4), "San Ysidro, CA", ArrivalManner.PAROLED, member_id=member_id
        ),
        today=TODAY,
    ).unwrap()
    assert "family-one-year-filing" not in by_rule(store, case_id)  # a derivative: none
    entries.set_own_filing(
        store=store,
        client_id=client_id,
        member_id=member_id,
        files_own=True,
        received_on=None,
        today=TODAY,
    ).unwrap()
    found = by_rule(store, case_id)
    (own,) = found["family-one-year-filing"]
    assert own.due_on == date(2026, 7, 6)  # Sat Jul 4 -> Mon Jul 6 (Jul 3 observed)
    (warning,) = found["lawful-status-reasonable-period"]
    assert warning.due_on == date(2026, 11, 15)
    before = {
        (d.rule_id, d.due_on, d.explanation, d.status)
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
    }
    with store.unit_of_work() as session:
        changed = deadline_refresh.refresh_all_cases(
            session, settings=settings_in(session), actor="tester"
        )
    assert not changed.touched  # the bulk refresh reads the same people facts
    after = {
        (d.rule_id, d.due_on, d.explanation, d.status)
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
    }
    assert after == before


def test_removing_entries_moves_the_last_arrival_back_and_keeps_the_trail(store: Store) -> None:
    """An entry removed is gone from the list (its values stay in the audit trail); removing
    the last arrival makes the most recent remaining entry the last arrival (deadlines follow);
    the only entry left that is the last arrival is refused; another client's is refused."""
    case_id = open_defensive(store, arrival=date(2025, 3, 14))
    client_id = _client_of(store, case_id)
    later = entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(date(2025, 9, 1), "Hidalgo, TX", ArrivalManner.PAROLED, "parole"),
        today=TODAY,
    ).unwrap()
    status = entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(0, StatusKind.PAROLE, "", date(2025, 9, 1), None, None, later),
        today=TODAY,
    ).unwrap()
    listed = entries.people_facts(store=store, client_id=client_id, today=TODAY).entries_of()
    first = listed[1].ref
    assert [e.on for e in listed] == [date(2025, 9, 1), date(2025, 3, 14)] and first is not None

    entries.remove_entry(store=store, client_id=client_id, ref=later).unwrap()
    facts = entries.people_facts(store=store, client_id=client_id, today=TODAY)
    assert [e.on for e in facts.entries_of()] == [date(2025, 3, 14)]
    assert [(s.ref, s.entry_id, s.start) for s in facts.statuses] == [
        (status, None, date(2025, 9, 1))
    ]
    with store.unit_of_work() as session:
        client = session.get(Client, client_id)
        assert client is not None
        assert client.last_arrival_on == date(2025, 3, 14)
        assert client.last_arrival_manner is not ArrivalManner.PAROLED
    with store.unit_of_work() as session:
        audit = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        deleted = [dict(a.changes) for a in audit if a.action == "delete" and a.entity == "client"]
    (gone,) = deleted
    assert gone["entry"] == [later, None]
    assert gone["place"] == ["Hidalgo, TX", None]  # what it held stays in the trail

    refused = entries.remove_entry(store=store, client_id=client_id, ref=first)
    assert [p.code for p in refused.problems] == [Problem.LAST_ARRIVAL_ENTRY]
    assert [
        e.on
        for e in entries.people_facts(store=store, client_id=client_id, today=TODAY).entries_of()
    ] == [date(2025, 3, 14)]

    other = _client_of(store, open_defensive(store, arrival=date(2024, 1, 5)))
    stranger = entries.remove_entry(store=store, client_id=other, ref=first)
    assert [p.code for p in stranger.problems] == [Problem.NOT_THIS_CLIENTS]
