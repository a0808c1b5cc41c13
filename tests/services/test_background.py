"""The I-589's Part A.III lists through the service (issue 23): rows added and removed, each
audited on the client (a removed row's values stay in the trail), rows checked before anything
is stored, and read back in the form's order."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from clinic.domain.background import (
    AddressKind,
    AddressRow,
    Relation,
    RelativeRow,
    SchoolRow,
    WorkRow,
)
from clinic.domain.drafts import ClientDraft
from clinic.domain.ids import ClientId
from clinic.domain.validation import Problem
from clinic.services import background, clients
from clinic.storage.models import AuditEntry, BackgroundJob
from clinic.storage.postgres_import import _tables
from clinic.storage.store import Store

TODAY = date(2026, 12, 7)


def _client(store: Store, name: str = "Reyes") -> ClientId:
    return clients.intake_client(store=store, client=ClientDraft(name, "Ana"), today=TODAY).unwrap()


def _trail(store: Store) -> list[tuple[str, dict[str, list[object]]]]:
    with store.unit_of_work() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        return [(r.action, dict(r.changes)) for r in rows if r.entity == "client"]


def test_rows_are_added_read_back_in_the_forms_order_and_removed_with_an_audit_trail(
    store: Store,
) -> None:
    client_id = _client(store)
    add = background.add_row
    old = WorkRow("Maquila, San Pedro Sula", "Seamstress", date(2015, 3, 9), date(2019, 4, 30))
    old_id = add(store=store, client_id=client_id, row=old, today=TODAY).unwrap()
    now = WorkRow("Panadería, Chicago", "Baker", date(2024, 2, 1))
    add(store=store, client_id=client_id, row=now, today=TODAY).unwrap()
    for row in (
        RelativeRow(Relation.SIBLING, "Carlos Reyes", "La Ceiba, Honduras"),
        RelativeRow(Relation.FATHER, "Héctor Reyes", deceased=True),
        RelativeRow(Relation.MOTHER, "Rosa Paz", location="La Ceiba, Honduras"),
        SchoolRow("Escuela Morazán", "Primary", "La Ceiba", date(1993, 2, 1), date(1998, 11, 1)),
        AddressRow(AddressKind.BEFORE_US, "", "San Pedro Sula", "Cortés", "hn"),
    ):
        add(store=store, client_id=client_id, row=row, today=TODAY).unwrap()
    read = background.background_of(store=store, client_id=client_id)
    assert [j.occupation for j in read.jobs] == ["Baker", "Seamstress"]  # present first
    assert (read.jobs[1].start, read.jobs[1].end) == (date(2015, 3, 1), date(2019, 4, 1))
    assert [r.relation for r in read.relatives] == [
        Relation.MOTHER,
        Relation.FATHER,
        Relation.SIBLING,
    ]
    (address,) = read.of_kind(AddressKind.BEFORE_US)
    assert address.country == "HN" and read.of_kind(AddressKind.RESIDENCE) == ()

    removed = background.remove_row(store=store, client_id=client_id, kind=WorkRow, ref=old_id)
    assert removed.ok
    assert [
        j.occupation for j in background.background_of(store=store, client_id=client_id).jobs
    ] == ["Baker"]
    trail = _trail(store)
    created = [c for a, c in trail if a == "create" and "background_job" in c]
    assert created[0]["occupation"] == [None, "Seamstress"]
    (deleted,) = [c for a, c in trail if a == "delete"]
    assert deleted["background_job"] == [old_id, None]
    assert deleted["employer"] == ["Maquila, San Pedro Sula", None]  # what it held stays


def test_another_clients_row_is_not_removed(store: Store) -> None:
    mine, theirs = _client(store, "Reyes"), _client(store, "Paz")
    row = WorkRow("Tienda", "Clerk", date(2020, 1, 1), date(2021, 1, 1))
    ref = background.add_row(store=store, client_id=theirs, row=row, today=TODAY).unwrap()
    refused = background.remove_row(store=store, client_id=mine, kind=WorkRow, ref=ref)
    assert [p.code for p in refused.problems] == [Problem.NOT_THIS_CLIENTS]
    with store.unit_of_work() as session:
        assert session.get(BackgroundJob, ref) is not None


def test_rows_are_checked_before_anything_is_stored(store: Store) -> None:
    client_id = _client(store)
    cases = (
        (
            SchoolRow("", start=date(2001, 1, 1), end=date(2002, 1, 1)),
            [("school", Problem.REQUIRED)],
        ),
        (
            WorkRow("Tienda", "Clerk", date(2021, 5, 1), date(2020, 5, 1)),
            [("end", Problem.END_BEFORE_START)],
        ),
        (WorkRow("Tienda", "Clerk"), [("start", Problem.REQUIRED)]),
        (
            AddressRow(AddressKind.RESIDENCE, "", "Chicago", "IL", "US", date(2027, 3, 1)),
            [("start", Problem.DATE_IN_FUTURE)],
        ),
        (
            AddressRow(AddressKind.BEFORE_US, "", "", "", "XX"),
            [("city", Problem.REQUIRED), ("country", Problem.UNKNOWN_COUNTRY)],
        ),
        (RelativeRow(Relation.MOTHER, " "), [("full_name", Problem.REQUIRED)]),
        (RelativeRow(Relation.SIBLING, "x" * 201), [("full_name", Problem.TOO_LONG)]),
    )
    for row, expected in cases:
        result = background.add_row(store=store, client_id=client_id, row=row, today=TODAY)
        assert [(p.field, p.code) for p in result.problems] == expected, row
    # the same month as the start: allowed (the form asks months)
    same = WorkRow("Tienda", "Clerk", date(2021, 5, 20), date(2021, 5, 3))
    assert background.add_row(store=store, client_id=client_id, row=same, today=TODAY).ok
    read = background.background_of(store=store, client_id=client_id)
    assert len(read.jobs) == 1 and not read.schools and not read.addresses and not read.relatives


def test_the_office_import_copies_the_lists_tables() -> None:
    """The office import copies every model table column by column: the lists are among them,
    after the client table they belong to."""
    names = [t.name for t in _tables()]
    for name in (
        "background_address",
        "background_school",
        "background_job",
        "background_relative",
    ):
        assert names.index("client") < names.index(name)
