"""The services' bulk path (clinic.services.bulk) writes what one action at a time writes.

A small demo and a spreadsheet import are built both ways, on each engine of
``CLINIC_TEST_ENGINES``, and every table is compared row by row (ids, timestamps, hashes and
file keys aside), the audit entries in order, and the audit chain is checked. The one
difference by design: one ``deadlines_recomputed`` entry per case where one by one there was
one per change along the way; the deadlines they leave are the same rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import DateTime, LargeBinary, select
from sqlalchemy.orm import Session

from clinic.domain.audit_chain import verify_chain
from clinic.services import importing, lifecycle
from clinic.services.auditing import VERSION_KEY
from clinic.services.bulk import bulk_writes
from clinic.services.demo import fill_demo_data
from clinic.storage.audit_log import _record_of
from clinic.storage.datadir import DataDir
from clinic.storage.models import AuditEntry, Client, Deadline
from clinic.storage.models.base import Base, UtcDateTime
from clinic.storage.store import Store
from tests.services.conftest import office_store

TODAY = date(2025, 6, 15)
CLIENTS = 20
# version: a row the bulk path inserts whole is at 1, one by one it may be updated after
_SKIPPED = {"id", "hash", "prev_hash", "seq", "file_key", "vault_name", "wrapped_key", "version"}


@pytest.fixture
def other_store(engine_kind: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A second empty store on the same engine as ``store``."""
    if engine_kind == "office":
        yield from office_store()
        return
    root = tmp_path_factory.mktemp("other")
    opened = lifecycle.init_store(
        data_dir=DataDir(root / "data"), passphrase="another passphrase here", actor="tester"
    )
    yield opened
    opened.lock()


def _rows(store: Store) -> dict[str, Counter[tuple[Any, ...]]]:
    """Every table's rows as a multiset, without ids, timestamps, hashes and keys."""
    found: dict[str, Counter[tuple[Any, ...]]] = {}
    with store.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            if table.name in ("audit_entry", "alembic_version", "setting"):
                continue
            columns = [
                c
                for c in table.columns
                if c.name not in _SKIPPED
                and not isinstance(c.type, DateTime | LargeBinary | UtcDateTime)
            ]
            rows = session.execute(select(*columns)).all()
            found[table.name] = Counter(tuple(map(repr, row)) for row in rows)
    return found


def _audit(session: Session) -> tuple[list[tuple[Any, ...]], list[AuditEntry]]:
    entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
    breaks = verify_chain((_record_of(e), e.hash) for e in entries)
    assert breaks == [], breaks
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    # rule deadlines are numbered when computed, which the bulk path does later: a deadline is
    # named by what it is rather than by its id
    deadlines = {
        d.id: (d.case_id, d.origin, d.rule_id, d.kind, d.title, d.anchor_field, d.anchor_on)
        for d in session.scalars(select(Deadline))
    }
    kept = [
        (
            e.actor,
            e.action,
            e.entity,
            deadlines[e.entity_id] if e.entity == "deadline" and e.entity_id else e.entity_id,
            # the version a row reached counts its updates, which the bulk path saves
            repr({k: v for k, v in e.changes.items() if k != VERSION_KEY}),
        )
        for e in entries
        if "deadlines_recomputed" not in e.changes
    ]
    return kept, entries


def _recomputed_cases(entries: list[AuditEntry]) -> Counter[int]:
    return Counter(
        e.entity_id for e in entries if "deadlines_recomputed" in e.changes and e.entity_id
    )


def test_a_bulk_demo_writes_the_rows_and_audit_entries_of_one_by_one(
    store: Store, other_store: Store
) -> None:
    bulk = fill_demo_data(store=store, clients=CLIENTS, seed=3, today=TODAY)
    single = fill_demo_data(
        store=other_store, clients=CLIENTS, seed=3, today=TODAY, one_by_one=True
    )
    assert bulk == single
    assert _rows(store) == _rows(other_store)
    with store.unit_of_work() as session, other_store.unit_of_work() as other:
        kept, entries = _audit(session)
        kept_single, entries_single = _audit(other)
    assert kept == kept_single
    once = _recomputed_cases(entries)
    assert set(once) == set(_recomputed_cases(entries_single))  # the same cases have deadlines
    # computed before each stage change and each read of the case's deadlines, not per action
    assert sum(once.values()) < sum(_recomputed_cases(entries_single).values())


def _sheet(rows: int) -> bytes:
    lines = ["Family name,Given name,A#,Date of birth,Claim type,Court,Hearing date,Relationship"]
    for i in range(rows):
        claim = "defensive" if i % 2 else "affirmative"
        court, hearing = ("San Antonio", f"2027-03-{10 + i % 9}") if i % 2 else ("", "")
        lines.append(
            f"Ruiz {i},Ana,A2000000{i:02d},1980-01-{10 + i % 9},{claim},{court},{hearing},"
        )
        if i % 3 == 0:
            lines.append(f"Ruiz {i},Leo,,2015-06-01,,,,child")
    return ("\n".join(lines) + "\n").encode()


def test_an_import_stores_in_batches_what_row_by_row_stores(
    store: Store, other_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _sheet(12)
    plan = importing.plan_import(store=store, data=data, file_name="a.csv", today=TODAY)
    outcome = importing.commit_import(store=store, plan=plan, skip_invalid=False)
    assert outcome.stored and outcome.clients == 12 and outcome.hearings == 6
    monkeypatch.setattr(importing, "IMPORT_BATCH", 1)  # a row at a time
    plan = importing.plan_import(store=other_store, data=data, file_name="a.csv", today=TODAY)
    single = importing.commit_import(store=other_store, plan=plan, skip_invalid=False)
    assert single.client_ids == outcome.client_ids
    assert _rows(store) == _rows(other_store)
    with store.unit_of_work() as session, other_store.unit_of_work() as other:
        kept, entries = _audit(session)
        kept_single, entries_single = _audit(other)
    assert kept == kept_single
    assert [e.action for e in entries] == [e.action for e in entries_single]
    assert kept[-1][1] == "import"
    once = _recomputed_cases(entries)
    assert len(once) == 6 and set(once.values()) == {1}  # the court cases' deadlines, once each


def test_a_failure_part_way_through_a_bulk_write_leaves_nothing(store: Store) -> None:
    with store.unit_of_work() as session:
        before = len(list(session.scalars(select(AuditEntry))))
    with pytest.raises(RuntimeError), bulk_writes(store) as bulk:
        fill_demo_data(store=bulk.as_store, clients=3, seed=3, today=TODAY, one_by_one=True)
        raise RuntimeError("a failure part way")
    with store.unit_of_work() as session:
        assert list(session.scalars(select(Client))) == []
        assert len(list(session.scalars(select(AuditEntry)))) == before
