"""Row versions (issue 21, working together): a save started from an older version of a record is
refused with what the other person changed, who and when, and the user's values; a save that
touches other fields passes with both edits kept; saving over theirs once seen is audited.

Two "people" share one store here: ``store`` and ``maria``, a second handle with another actor
(on the office engine the server writes the session's login as "who", whatever the client says:
the same login here, so the test expects whatever the trail holds for Maria's entry)."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import select, update

from clinic.domain.drafts import CaseDraft, ClientDraft, DeadlineDraft, HearingDraft
from clinic.domain.enums import ClaimType, DeadlineOrigin, DeadlineStatus, HearingKind
from clinic.domain.ids import CaseId, ClientId
from clinic.services import cases, clients, schedule
from clinic.services.auditing import VERSION_KEY
from clinic.services.errors import EditConflict, ErrorKind, reason_of
from clinic.storage.errors import ChangedMeanwhile
from clinic.storage.models import AuditEntry, Client
from clinic.storage.store import Store

DRAFT = ClientDraft(
    family_name="Morales", given_name="Lucía", a_number="A-201-555-124", phone="555-0100"
)


@pytest.fixture
def maria(store: Store) -> Store:
    other = copy.copy(store)
    other.actor = "maria"
    return other


def _client(store: Store, today: date) -> ClientId:
    return clients.intake_client(store=store, client=DRAFT, today=today).unwrap()


def _entries(store: Store, entity: str, entity_id: int) -> list[AuditEntry]:
    with store.unit_of_work() as session:
        return list(
            session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
                .order_by(AuditEntry.seq)
            )
        )


def test_a_new_row_is_version_1_and_every_save_adds_one(store: Store, today: date) -> None:
    client_id = _client(store, today)
    assert clients.get_client(store=store, client_id=client_id).version == 1
    clients.update_client(
        store=store,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0101"),
        today=today,
        expected_version=1,
    ).unwrap()
    assert clients.get_client(store=store, client_id=client_id).version == 2
    last = _entries(store, "client", client_id)[-1]
    assert last.changes["phone"] == ["555-0100", "555-0101"]
    assert last.changes[VERSION_KEY] == 2


def test_a_save_over_a_newer_change_is_refused_with_both_versions(
    store: Store, maria: Store, today: date
) -> None:
    client_id = _client(store, today)
    seen = clients.get_client(store=store, client_id=client_id)
    clients.update_client(
        store=maria,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0199"),
        today=today,
        expected_version=seen.version,
    ).unwrap()
    maria_entry = _entries(store, "client", client_id)[-1]

    with pytest.raises(EditConflict) as raised:
        clients.update_client(
            store=store,
            client_id=client_id,
            client=replace(DRAFT, phone="555-0123"),
            today=today,
            expected_version=seen.version,
        )
    conflict = raised.value
    assert conflict.kind is ErrorKind.CONFLICT
    assert reason_of(conflict).kind is ErrorKind.CONFLICT
    assert conflict.exit_code == 5
    assert (conflict.expected_version, conflict.current_version) == (1, 2)
    (change,) = conflict.changes
    assert change.field == "phone"
    assert (change.before, change.theirs, change.yours) == ("555-0100", "555-0199", "555-0123")
    assert change.attempted
    assert change.who == maria_entry.actor
    assert change.at == maria_entry.at
    assert conflict.attempted["phone"] == "555-0123"
    assert maria_entry.actor in str(conflict)
    assert "phone" in str(conflict)
    assert "nothing was saved" in str(conflict)
    assert "nada" in conflict.message_in("es")
    # nothing was saved: Maria's phone stands, the version did not move
    now = clients.get_client(store=store, client_id=client_id)
    assert (now.phone, now.version) == ("555-0199", 2)


def test_an_edit_of_other_fields_passes_and_keeps_their_change(
    store: Store, maria: Store, today: date
) -> None:
    client_id = _client(store, today)
    clients.update_client(
        store=maria,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0199"),
        today=today,
        expected_version=1,
    ).unwrap()
    # my form still shows the old phone; I changed the e-mail only
    clients.update_client(
        store=store,
        client_id=client_id,
        client=replace(DRAFT, email="lucia@example.org"),
        today=today,
        expected_version=1,
    ).unwrap()
    now = clients.get_client(store=store, client_id=client_id)
    assert (now.phone, now.email, now.version) == ("555-0199", "lucia@example.org", 3)
    mine = _entries(store, "client", client_id)[-1]
    assert set(mine.changes) == {"email", VERSION_KEY}


def test_saving_over_theirs_once_seen_is_audited_and_a_later_change_conflicts_again(
    store: Store, maria: Store, today: date
) -> None:
    client_id = _client(store, today)
    clients.update_client(
        store=maria,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0199", notes="Prefers mornings"),
        today=today,
        expected_version=1,
    ).unwrap()
    mine = replace(DRAFT, phone="555-0123")
    with pytest.raises(EditConflict) as raised:
        clients.update_client(
            store=store, client_id=client_id, client=mine, today=today, expected_version=1
        )
    fields = {c.field: c for c in raised.value.changes}
    assert set(fields) == {"phone", "notes"}
    assert fields["phone"].attempted and not fields["notes"].attempted

    # Maria saves again before I decide: my choice to save over version 2 is stale
    clients.update_client(
        store=maria,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0177", notes="Prefers mornings"),
        today=today,
        expected_version=2,
    ).unwrap()
    with pytest.raises(EditConflict) as again:
        clients.update_client(
            store=store,
            client_id=client_id,
            client=mine,
            today=today,
            expected_version=1,
            save_over=raised.value.current_version,
        )
    assert again.value.current_version == 3
    assert {c.field: c.theirs for c in again.value.changes}["phone"] == "555-0177"

    clients.update_client(
        store=store,
        client_id=client_id,
        client=mine,
        today=today,
        expected_version=1,
        save_over=again.value.current_version,
    ).unwrap()
    now = clients.get_client(store=store, client_id=client_id)
    # my phone over theirs; their note (a field I left as it was) stays
    assert (now.phone, now.notes, now.version) == ("555-0123", "Prefers mornings", 4)
    phones = [
        e.changes["phone"] for e in _entries(store, "client", client_id) if "phone" in e.changes
    ]
    assert phones[-3:] == [
        ["555-0100", "555-0199"],
        ["555-0199", "555-0177"],
        ["555-0177", "555-0123"],
    ]


def test_a_version_moved_on_with_no_recorded_change_is_still_a_conflict(
    store: Store, today: date
) -> None:
    client_id = _client(store, today)
    with store.unit_of_work() as session:
        session.execute(update(Client).where(Client.id == client_id).values(version=2))
    with pytest.raises(EditConflict) as raised:
        clients.update_client(
            store=store,
            client_id=client_id,
            client=replace(DRAFT, phone="555-0123"),
            today=today,
            expected_version=1,
        )
    assert raised.value.changes == ()
    clients.update_client(
        store=store,
        client_id=client_id,
        client=replace(DRAFT, phone="555-0123"),
        today=today,
        expected_version=1,
        save_over=2,
    ).unwrap()
    assert clients.get_client(store=store, client_id=client_id).phone == "555-0123"


def test_an_update_that_finds_the_row_changed_under_it_is_changed_meanwhile(
    store: Store, today: date
) -> None:
    client_id = _client(store, today)
    with pytest.raises(ChangedMeanwhile) as raised, store.unit_of_work() as session:
        row = session.get(Client, client_id)
        assert row is not None
        # someone else's UPDATE lands between this save's read and its write
        session.execute(
            update(Client.__table__)  # type: ignore[arg-type]
            .where(Client.__table__.c.id == client_id)  # type: ignore[attr-defined]
            .values(version=2, phone="555-0199")
        )
        row.phone = "555-0123"
        session.flush()
    assert reason_of(raised.value).kind is ErrorKind.CONFLICT
    assert raised.value.exit_code == 5
    assert clients.get_client(store=store, client_id=client_id).phone == "555-0100"


def _case(store: Store, today: date) -> CaseId:
    client_id = _client(store, today)
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Chicago Immigration Court",
        judge="Hon. Ana Ruiz",
        opened_on=date(2025, 4, 1),
    )
    return cases.open_case(store=store, client_id=client_id, case=draft, today=today).unwrap()


def test_the_cases_judge_changed_meanwhile_is_named(
    store: Store, maria: Store, today: date
) -> None:
    case_id = _case(store, today)
    seen = cases.get_case(store=store, case_id=case_id)
    draft = CaseDraft(
        claim_type=ClaimType.DEFENSIVE,
        forum_name="Chicago Immigration Court",
        judge="Hon. Ana Ruiz",
        opened_on=date(2025, 4, 1),
    )
    cases.update_case(
        store=maria,
        case_id=case_id,
        case=replace(draft, judge="Hon. Bo Lee"),
        today=today,
        expected_version=seen.version,
    ).unwrap()
    with pytest.raises(EditConflict) as raised:
        cases.update_case(
            store=store,
            case_id=case_id,
            case=replace(draft, judge="Hon. Cy Park"),
            today=today,
            expected_version=seen.version,
        )
    judge = {c.field: c for c in raised.value.changes}["judge"]
    assert (judge.before, judge.theirs, judge.yours) == (
        "Hon. Ana Ruiz",
        "Hon. Bo Lee",
        "Hon. Cy Park",
    )
    assert cases.get_case(store=store, case_id=case_id).judge == "Hon. Bo Lee"


def test_a_deadline_waived_meanwhile_is_not_silently_marked_done(
    store: Store, maria: Store, today: date
) -> None:
    case_id = _case(store, today)
    deadline_id = schedule.record_deadline(
        store=store,
        case_id=case_id,
        deadline=DeadlineDraft(
            kind="manual",
            title="Send the brief",
            due_on=date(2026, 12, 15),
            origin=DeadlineOrigin.MANUAL,
        ),
    ).unwrap()
    seen = next(
        d for d in cases.get_case(store=store, case_id=case_id).deadlines if d.id == deadline_id
    )
    schedule.close_deadline(
        store=maria,
        deadline_id=deadline_id,
        status=DeadlineStatus.WAIVED,
        on=today,
        reason="The judge set another schedule",
        expected_version=seen.version,
    ).unwrap()
    with pytest.raises(EditConflict) as raised:
        schedule.close_deadline(
            store=store,
            deadline_id=deadline_id,
            status=DeadlineStatus.DONE,
            on=today,
            expected_version=seen.version,
        )
    status = {c.field: c for c in raised.value.changes}["status"]
    assert (status.before, status.theirs, status.yours) == ("open", "waived", "done")
    now = next(
        d for d in cases.get_case(store=store, case_id=case_id).deadlines if d.id == deadline_id
    )
    assert now.status is DeadlineStatus.WAIVED


def test_a_hearing_outcome_recorded_meanwhile_is_named(
    store: Store, maria: Store, today: date
) -> None:
    case_id = _case(store, today)
    hearing_id = schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(kind=HearingKind.MASTER_CALENDAR, on=date(2026, 12, 2), at=time(9, 0)),
    ).unwrap()
    schedule.record_hearing_outcome(
        store=maria, hearing_id=hearing_id, outcome="Reset to March", expected_version=1
    ).unwrap()
    with pytest.raises(EditConflict) as raised:
        schedule.record_hearing_outcome(
            store=store, hearing_id=hearing_id, outcome="Pleadings taken", expected_version=1
        )
    (outcome,) = raised.value.changes
    assert (outcome.before, outcome.theirs, outcome.yours) == (
        "",
        "Reset to March",
        "Pleadings taken",
    )
    schedule.record_hearing_outcome(
        store=store,
        hearing_id=hearing_id,
        outcome="Pleadings taken",
        expected_version=1,
        save_over=raised.value.current_version,
    ).unwrap()
    hearing = cases.get_case(store=store, case_id=case_id).hearings[0]
    assert (hearing.outcome, hearing.version) == ("Pleadings taken", 3)


def test_the_hearing_time_changed_meanwhile_is_named_and_another_field_passes(
    store: Store, maria: Store, today: date
) -> None:
    case_id = _case(store, today)
    draft = HearingDraft(
        kind=HearingKind.MASTER_CALENDAR,
        on=date(2026, 12, 2),
        at=time(9, 0),
        timezone="America/Chicago",
        location="Chicago Immigration Court, courtroom 4",
    )
    hearing_id = schedule.schedule_hearing(store=store, case_id=case_id, hearing=draft).unwrap()
    schedule.change_hearing(
        store=maria,
        hearing_id=hearing_id,
        hearing=replace(draft, at=time(10, 0)),
        expected_version=1,
    ).unwrap()
    # I had 9:00 and typed 9:30: refused, Maria's 10:00 named
    with pytest.raises(EditConflict) as raised:
        schedule.change_hearing(
            store=store,
            hearing_id=hearing_id,
            hearing=replace(draft, at=time(9, 30)),
            expected_version=1,
        )
    (at,) = raised.value.changes
    assert (at.field, at.before, at.theirs, at.yours) == ("at", "09:00:00", "10:00:00", "09:30:00")
    # another field from the same old form passes, and Maria's time stays
    schedule.change_hearing(
        store=store,
        hearing_id=hearing_id,
        hearing=replace(draft, location="Chicago Immigration Court, courtroom 7"),
        expected_version=1,
    ).unwrap()
    hearing = cases.get_case(store=store, case_id=case_id).hearings[0]
    assert (hearing.at, hearing.location, hearing.version) == (
        time(10, 0),
        "Chicago Immigration Court, courtroom 7",
        3,
    )
