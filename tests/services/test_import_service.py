"""Importing a realistic messy spreadsheet: the exact rows stored and refused, all or nothing,
stored like intake stores them, audited as one import."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clinic.domain.drafts import CaseDraft, ClientDraft, FamilyMemberDraft, HearingDraft
from clinic.domain.enums import ClaimType, HearingKind, Relationship, Stage
from clinic.domain.ids import ClientId
from clinic.domain.importing.headers import ImportField
from clinic.services import cases, clients, importing, schedule, search, settings
from clinic.storage.models import AuditEntry, Case, Client, Deadline, FamilyMember, Hearing
from clinic.storage.store import Store, count_rows

MESSY = Path(__file__).parent / "data" / "messy-clients-cp1252.csv"
EXPECTED_REJECTED = [
    (6, "date of birth '31/02/1990' is not a real date"),
    (
        7,
        "likely the same person as the client on row 2 (same A-number, same name, same date of birth)",
    ),
    (9, "A-number 'A12-345': an A-number has 8 or 9 digits, e.g. A-123-456-789"),
    (
        10,
        "likely already in Clinic as client EXISTING, Person (same A-number, same name); remove the row or check the stored client",
    ),
]


@pytest.fixture
def existing(store: Store, today: date) -> ClientId:
    draft = ClientDraft("Existing", "Person", a_number="A-098-765-431")
    return clients.intake_client(store=store, client=draft, today=today).unwrap()


def _counts(store: Store) -> tuple[int, int, int, int, int]:
    return (
        count_rows(store, Client),
        count_rows(store, FamilyMember),
        count_rows(store, Case),
        count_rows(store, Hearing),
        count_rows(store, AuditEntry),
    )


def _plan(store: Store, today: date, **options: object) -> importing.ImportPlan:
    return importing.plan_import(
        store=store,
        data=MESSY.read_bytes(),
        file_name=MESSY.name,
        today=today,
        **options,  # type: ignore[arg-type]
    )


def test_messy_file_is_read_as_written(store: Store, today: date, existing: ClientId) -> None:
    plan = _plan(store, today)
    assert (plan.sheet.encoding, plan.sheet.delimiter) == ("cp1252", ";")
    assert plan.result.date_order is importing.DateOrder.DMY  # settled by 25/03/1990
    assert [(r.line, r.reason) for r in plan.rejected] == EXPECTED_REJECTED
    assert [c.row.line for c in plan.result.clients] == [2, 5, 8]
    assert [f.line for f in plan.result.clients[0].family] == [3]


def test_any_rejected_row_stores_nothing(store: Store, today: date, existing: ClientId) -> None:
    before = _counts(store)
    outcome = importing.commit_import(store=store, plan=_plan(store, today), skip_invalid=False)
    assert not outcome.stored
    assert "4 rows cannot be imported; nothing was stored" in outcome.reason
    assert _counts(store) == before


def test_skip_invalid_stores_exactly_the_valid_rows(
    store: Store, today: date, existing: ClientId
) -> None:
    outcome = importing.commit_import(store=store, plan=_plan(store, today), skip_invalid=True)
    assert outcome.stored
    assert (outcome.imported_rows, outcome.clients, outcome.family_members) == (4, 3, 1)
    assert (outcome.cases, outcome.hearings) == (2, 1)
    assert [r.line for r in outcome.rejected] == [6, 7, 9, 10]
    with store.unit_of_work() as session:
        stored = {
            c.family_name: c for c in session.scalars(select(Client).where(Client.id != existing))
        }
        assert set(stored) == {"Núñez", "Gómez Peña", "Ramírez"}
        jose, lucia, celik = stored["Núñez"], stored["Gómez Peña"], stored["Ramírez"]
        assert (jose.given_name, jose.a_number, jose.date_of_birth) == (
            "José",
            "012345678",
            date(1990, 3, 25),
        )
        assert (jose.nationalities, jose.phone, jose.last_arrival_on) == (
            ["HN"],
            "(210) 555-0101",
            date(2024, 1, 15),
        )
        assert [(f.given_name, f.relationship_) for f in jose.family] == [
            ("María", Relationship.CHILD)
        ]
        assert (lucia.a_number, lucia.last_arrival_on) == ("012345679", date(2023, 7, 14))
        assert lucia.notes == "Llamar por la tarde;\nsolo español"
        assert (celik.given_name, celik.a_number, celik.nationalities) == (
            "Çelik",
            "098765432",
            ["MX"],
        )
        (case,) = jose.cases
        assert (case.claim_type, case.stage, case.forum_name) == (
            ClaimType.DEFENSIVE,
            Stage.INTAKE,
            "San Antonio",
        )
        (hearing,) = case.hearings
        assert (hearing.kind, hearing.on) == (HearingKind.MASTER_CALENDAR, date(2027, 2, 3))
        assert [c.claim_type for c in lucia.cases] == [ClaimType.AFFIRMATIVE]
    hits = search.search_clients(store=store, text="jose nunez")
    assert [(h.name, h.case_count) for h in hits] == [("NÚÑEZ, José", 1)]


def test_imported_case_gets_the_same_deadlines_as_intake(store: Store, today: date) -> None:
    data = (
        b"Family name,Given name,Arrival,Claim type,Court,Hearing date\n"
        b"Imported,Ana,2026-01-15,defensive,Houston,2027-03-01\n"
    )
    plan = importing.plan_import(store=store, data=data, file_name="a.csv", today=today)
    importing.commit_import(store=store, plan=plan, skip_invalid=False)
    typed = clients.intake_client(
        store=store,
        client=ClientDraft("Typed", "Ana", last_arrival_on=date(2026, 1, 15)),
        today=today,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=typed,
        case=CaseDraft(ClaimType.DEFENSIVE, forum_name="Houston", opened_on=today),
        today=today,
    ).unwrap()
    schedule.schedule_hearing(
        store=store,
        case_id=case_id,
        hearing=HearingDraft(HearingKind.MASTER_CALENDAR, date(2027, 3, 1), location="Houston"),
    ).unwrap()
    with store.unit_of_work() as session:
        by_case: dict[int, set[tuple[str, date]]] = {}
        for row in session.scalars(select(Deadline)):
            by_case.setdefault(row.case_id, set()).add((row.kind, row.due_on))
    imported, typed_deadlines = by_case.values()
    assert imported and imported == typed_deadlines


def test_one_import_audit_entry_plus_per_row_creates(
    store: Store, today: date, existing: ClientId
) -> None:
    outcome = importing.commit_import(store=store, plan=_plan(store, today), skip_invalid=True)
    with store.unit_of_work() as session:
        imports = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "import")))
        created = session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == "create", AuditEntry.entity == "client")
        )
    assert len(imports) == 1
    changes = imports[0].changes
    assert changes["rows_imported"] == [None, 4]
    assert changes["rows_rejected"] == [None, [6, 7, 9, 10]]
    assert changes["clients"] == [None, list(outcome.client_ids)]
    assert created == 1 + 3  # the existing client and the three imported ones


def test_failure_mid_commit_leaves_nothing(
    store: Store, today: date, existing: ClientId, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(store, today)
    before = _counts(store)
    calls = 0
    real_store_clients = importing.store_clients

    def failing(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 2:  # the first client and its family are already flushed
            raise OSError("disk full")
        return real_store_clients(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "IMPORT_BATCH", 1)  # one client per batch
    monkeypatch.setattr(importing, "store_clients", failing)
    with pytest.raises(OSError, match="disk full"):
        importing.commit_import(store=store, plan=plan, skip_invalid=True)
    assert calls == 2
    assert _counts(store) == before


def test_a_client_stored_after_the_preview_stops_the_commit(store: Store, today: date) -> None:
    plan = importing.plan_import(
        store=store, data=b"Family name,A#\nSmith,A123456789\n", file_name="s.csv", today=today
    )
    clients.intake_client(
        store=store, client=ClientDraft("Smyth", "", a_number="123456789"), today=today
    ).unwrap()
    outcome = importing.commit_import(store=store, plan=plan, skip_invalid=True)
    assert not outcome.stored and "changed since the preview" in outcome.reason
    assert count_rows(store, Client) == 1


def test_the_mapping_used_is_kept_for_the_next_file_with_that_header(
    store: Store, today: date
) -> None:
    data = b"Apellido,Caso #,Oficina\nSmith,17,Houston\n"
    first = importing.plan_import(store=store, data=data, file_name="a.csv", today=today)
    assert first.mapping_source == importing.MappingSource.AUTOMATIC
    assert first.mapping == (ImportField.FAMILY_NAME, None, None)
    chosen = (ImportField.FAMILY_NAME, None, ImportField.FORUM_NAME)
    with_case = b"Apellido,Caso #,Oficina,Tipo\nSmith,17,Houston,affirmative\n"
    plan = importing.plan_import(
        store=store,
        data=with_case,
        file_name="b.csv",
        today=today,
        mapping=(*chosen, ImportField.CLAIM_TYPE),
    )
    assert importing.commit_import(store=store, plan=plan, skip_invalid=False).stored
    later = importing.plan_import(
        store=store,
        data=b"Apellido,Caso #,Oficina,Tipo\nJones,18,Miami,defensive\n",
        file_name="c.csv",
        today=today,
    )
    assert later.mapping_source == importing.MappingSource.SAVED
    assert later.mapping == (*chosen, ImportField.CLAIM_TYPE)
    assert later.result.clients[0].row.case is not None
    assert later.result.clients[0].row.case.forum_name == "Miami"


def test_ambiguous_dates_need_an_order(store: Store, today: date) -> None:
    data = b"Family name,DOB\nSmith,01/02/1990\n"
    with pytest.raises(importing.DateOrderNeeded):
        importing.plan_import(store=store, data=data, file_name="d.csv", today=today)
    plan = importing.plan_import(
        store=store, data=data, file_name="d.csv", today=today, date_order=importing.DateOrder.MDY
    )
    assert plan.result.clients[0].row.client.date_of_birth == date(1990, 1, 2)


def test_hearing_time_and_zone_come_from_the_row_and_the_settings(
    store: Store, today: date
) -> None:
    current = settings.get_settings(store=store)
    settings.update_settings(
        store=store, settings=replace(current, default_timezone="America/Chicago")
    ).unwrap()
    data = b"Family name,Claim type,Hearing date,Hearing time\nSmith,defensive,2027-01-04,1:30 PM\n"
    plan = importing.plan_import(store=store, data=data, file_name="t.csv", today=today)
    importing.commit_import(store=store, plan=plan, skip_invalid=False)
    with store.unit_of_work() as session:
        hearing = session.scalars(select(Hearing)).one()
        assert (hearing.at, hearing.timezone) == (time(13, 30), "America/Chicago")


def test_a_possible_conflict_with_a_family_member_is_a_note_not_a_refusal(
    store: Store, today: date
) -> None:
    clients.intake_client(
        store=store,
        client=ClientDraft("Ortiz", "Rosa"),
        family=[FamilyMemberDraft("Villanueva Cruz", "Marco Antonio", Relationship.SPOUSE)],
        today=today,
    ).unwrap()
    data = b"Family name,Given name\nVillanueva Cruz,Marco Antonio\n"
    plan = importing.plan_import(store=store, data=data, file_name="n.csv", today=today)
    assert plan.rejected == () and plan.valid_rows == 1
    assert [n.line for n in plan.notes] == [2]
    assert "possible conflict: may be a family member already in Clinic" in plan.notes[0].text


def test_the_date_order_is_not_remembered_with_the_mapping(store: Store, today: date) -> None:
    first = importing.plan_import(
        store=store, data=b"Apellido,DOB\nSmith,25/03/1990\n", file_name="a.csv", today=today
    )
    assert importing.commit_import(store=store, plan=first, skip_invalid=False).stored
    with pytest.raises(importing.DateOrderNeeded):
        importing.plan_import(
            store=store, data=b"Apellido,DOB\nJones,01/02/1990\n", file_name="b.csv", today=today
        )
