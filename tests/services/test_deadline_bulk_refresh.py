"""Recomputing every case after a settings change (the set-based path) gives exactly what
refreshing each case on its own gives: the same deadline rows, the same audit entries in the
same order, a chain that verifies, and no writes at all when nothing changed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clinic.services import deadline_refresh, lifecycle
from clinic.services import settings as settings_service
from clinic.services.deadline_recompute import PENDING_KEY, RecomputeReport
from clinic.services.demo import fill_demo_data
from clinic.services.settings_schema import ClinicSettings
from clinic.storage.models import Case, Setting
from clinic.storage.store import Store

TODAY = date(2026, 6, 1)
PASSPHRASE = "correct horse battery staple"
CHANGED = ClinicSettings(
    rule_days={"individual-hearing-filing": 30, "exception-reasonable-period-warning": 3},
    closure_days={"2026-07-06": "court closed (weather)", "2026-09-08": "ECAS outage"},
)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("bulk") / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        fill_demo_data(store=store, clients=24, seed=7, today=TODAY)
    finally:
        store.lock()
    yield folder


def _open_copy(demo_folder: Path, tmp_path: Path, name: str) -> Store:
    copy = tmp_path / name
    shutil.copytree(demo_folder, copy)
    return lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(copy), passphrase=PASSPHRASE, actor="tester"
    )


def _state(store: Store) -> tuple[list[Any], list[Any]]:
    connection = store.raw_connection()
    try:
        rows = connection.execute(
            "SELECT id, case_id, kind, title, due_on, origin, rule_id, status, status_reason, "
            "completed_on, notes, anchor_field, anchor_on, safe_due_on, explanation, source, "
            "as_of, confidence, flags, court_sets_date FROM deadline ORDER BY id"
        ).fetchall()
        audit = connection.execute(
            "SELECT seq, actor, action, entity, entity_id, changes FROM audit_entry ORDER BY seq"
        ).fetchall()
    finally:
        connection.close()
    return rows, audit


def _one_case_at_a_time(*, store: Store, **_progress: object) -> RecomputeReport:
    """What is pending, done by refreshing every case on its own in one unit of work."""
    with store.unit_of_work() as session:
        session.delete(session.get(Setting, PENDING_KEY))
        ids = set(session.scalars(select(Case.id)))
        return RecomputeReport(deadline_refresh.refresh_cases(session, ids, store.actor))


def test_bulk_recompute_matches_refreshing_each_case(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bulk = _open_copy(demo_folder, tmp_path, "bulk")
    single = _open_copy(demo_folder, tmp_path, "single")
    try:
        bulk_changes = settings_service.update_settings(store=bulk, settings=CHANGED).changes
        with monkeypatch.context() as patch:
            patch.setattr(settings_service, "run_pending", _one_case_at_a_time)
            single_changes = settings_service.update_settings(
                store=single, settings=CHANGED
            ).changes

        bulk_rows, bulk_audit = _state(bulk)
        single_rows, single_audit = _state(single)
        assert len(bulk_changes.touched) > 3  # the settings change really moved deadlines
        assert bulk_changes == single_changes
        assert bulk_rows == single_rows
        assert bulk_audit == single_audit
        assert lifecycle.verify_audit(store=bulk).ok
    finally:
        bulk.lock()
        single.lock()


def test_bulk_recompute_with_nothing_to_change_writes_nothing(
    demo_folder: Path, tmp_path: Path
) -> None:
    store = _open_copy(demo_folder, tmp_path, "steady")
    try:
        before = _state(store)
        with store.unit_of_work() as session:
            connection = session.connection().connection.driver_connection
            assert connection is not None
            writes_before = connection.total_changes
            changes = deadline_refresh.refresh_all_cases(
                session, settings=ClinicSettings(), actor="tester"
            )
            assert connection.total_changes == writes_before  # not even same-value updates
        assert changes.touched == frozenset()
        assert _state(store) == before
    finally:
        store.lock()
