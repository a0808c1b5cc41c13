"""A settings change recomputes only what it can touch, in chunks of their own transactions:
the result is exactly that of recomputing every case; an interruption leaves the settings and
the chunks done saved and the rest pending, and finishing it gives the same result; a
colleague's save between a chunk's reads and its writes makes the chunk read again."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clinic.services import deadline_recompute, deadline_refresh, lifecycle
from clinic.services import settings as settings_service
from clinic.services.deadline_recompute import (
    PENDING_KEY,
    RecomputeCancelled,
    RecomputeScope,
    scope_of_change,
)
from clinic.services.demo import fill_demo_data
from clinic.services.settings_schema import ClinicSettings
from clinic.storage import anchors
from clinic.storage.models import Setting
from clinic.storage.store import Store

TODAY = date(2026, 6, 1)
PASSPHRASE = "correct horse battery staple"
RULE_CHANGE = ClinicSettings(rule_days={"individual-hearing-filing": 30})
# Due dates of this demo's deadlines: a "warn" rule's date on a closure day gets its flag.
CLOSURE_CHANGE = ClinicSettings(closure_days={"2026-06-12": "court closed (weather)"})


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("recompute") / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    try:
        fill_demo_data(store=store, clients=30, seed=11, today=TODAY)
    finally:
        store.lock()
    shutil.copytree(anchors.state_dir(), folder.parent / "state")  # what this computer knows
    yield folder


@pytest.fixture(autouse=True)
def _own_state() -> Iterator[None]:
    """Copies of the one demo store (one store id, advanced differently) must not see each
    other's audit heads: each copy is opened, used and locked with a state folder of its own
    (_open_copy switches it), one copy after the other."""
    before = os.environ.get(anchors.ENV_STATE_DIR)
    yield
    if before is None:
        os.environ.pop(anchors.ENV_STATE_DIR, None)
    else:
        os.environ[anchors.ENV_STATE_DIR] = before


def _open_copy(demo_folder: Path, tmp_path: Path, name: str) -> Store:
    copy = tmp_path / name
    state = tmp_path / f"state-{name}"
    shutil.copytree(demo_folder.parent / "state", state)
    os.environ[anchors.ENV_STATE_DIR] = str(state)
    shutil.copytree(demo_folder, copy)
    return lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(copy), passphrase=PASSPHRASE, actor="tester"
    )


def _state(store: Store) -> tuple[list[Any], list[Any]]:
    connection = store.raw_connection()
    try:
        rows = connection.execute(
            "SELECT id, case_id, kind, title, due_on, origin, rule_id, status, status_reason, "
            "completed_on, anchor_field, anchor_on, safe_due_on, explanation, source, as_of, "
            "confidence, flags, court_sets_date FROM deadline ORDER BY id"
        ).fetchall()
        audit = connection.execute(
            "SELECT seq, actor, action, entity, entity_id, changes FROM audit_entry ORDER BY seq"
        ).fetchall()
    finally:
        connection.close()
    return rows, audit


def _every_case(before: ClinicSettings, after: ClinicSettings) -> RecomputeScope:
    return RecomputeScope(every_case=True)


def _pending(store: Store) -> dict[str, Any] | None:
    with store.unit_of_work() as session:
        row = session.get(Setting, PENDING_KEY)
        return None if row is None else dict(row.value)


def test_the_scope_of_a_change_is_its_rules_and_days() -> None:
    before = ClinicSettings(
        rule_days={"individual-hearing-filing": 20, "a": 3},
        closure_days={"2026-07-06": "storm", "2026-08-01": "move"},
    )
    after = ClinicSettings(
        rule_days={"a": 3, "b": 4},
        closure_days={"2026-07-06": "storm (court closed)", "2026-09-01": "holiday"},
    )
    scope = scope_of_change(before, after)
    assert scope.rule_ids == {"individual-hearing-filing", "b"}
    assert scope.closure_days == {date(2026, 7, 6), date(2026, 8, 1), date(2026, 9, 1)}
    assert not scope.every_case and not scope.case_ids
    assert scope_of_change(after, after).empty
    assert RecomputeScope.from_json(scope.to_json()) == scope


@pytest.mark.parametrize("change", [RULE_CHANGE, CLOSURE_CHANGE], ids=["rule", "closure"])
def test_a_scoped_recompute_leaves_what_recomputing_every_case_leaves(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: ClinicSettings
) -> None:
    scoped = _open_copy(demo_folder, tmp_path, "scoped")
    try:
        with scoped.unit_of_work() as session:
            in_scope = deadline_recompute.cases_in_scope(
                session, scope_of_change(ClinicSettings(), change)
            )
            every = deadline_recompute.cases_in_scope(session, RecomputeScope(every_case=True))
        assert 0 < len(in_scope) < len(every)  # the scope really is narrower
        rows_before = _state(scoped)[0]
        scoped_changes = settings_service.update_settings(store=scoped, settings=change).changes
        assert _pending(scoped) is None
        assert lifecycle.verify_audit(store=scoped).ok
        scoped_state = _state(scoped)
        assert scoped_state[0] != rows_before  # the change really changed deadlines
    finally:
        scoped.lock()
    everything = _open_copy(demo_folder, tmp_path, "everything")
    try:
        with monkeypatch.context() as patch:
            patch.setattr(settings_service, "scope_of_change", _every_case)
            every_changes = settings_service.update_settings(
                store=everything, settings=change
            ).changes
        assert scoped_changes == every_changes
        assert scoped_state == _state(everything)
    finally:
        everything.lock()


def test_an_interrupted_recompute_keeps_the_settings_and_finishes_later(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = ClinicSettings(
        rule_days=RULE_CHANGE.rule_days, closure_days=CLOSURE_CHANGE.closure_days
    )
    whole = _open_copy(demo_folder, tmp_path, "whole")
    try:
        settings_service.update_settings(store=whole, settings=change)
        whole_rows = _state(whole)[0]
    finally:
        whole.lock()
    interrupted = _open_copy(demo_folder, tmp_path, "interrupted")
    try:
        monkeypatch.setattr(deadline_recompute, "FIRST_CHUNK", 3)
        monkeypatch.setattr(deadline_recompute, "MIN_CHUNK", 3)
        monkeypatch.setattr(deadline_recompute, "MAX_CHUNK", 3)
        chunks: list[int] = []

        def after_two_chunks() -> bool:
            chunks.append(1)
            return len(chunks) > 2

        with pytest.raises(RecomputeCancelled):
            settings_service.update_settings(
                store=interrupted, settings=change, cancelled=after_two_chunks
            )
        assert settings_service.get_settings(store=interrupted) == change  # saved
        pending = _pending(interrupted)
        assert pending is not None and pending["done_through"] > 0
        assert deadline_recompute.has_pending(store=interrupted)
        assert lifecycle.verify_audit(store=interrupted).ok  # each chunk is whole

        report = deadline_recompute.run_pending(store=interrupted)
        assert report.cases > 0 and min_id(report) > pending["done_through"]
        assert _pending(interrupted) is None
        assert _state(interrupted)[0] == whole_rows  # the same deadlines
        assert lifecycle.verify_audit(store=interrupted).ok
        assert deadline_recompute.run_pending(store=interrupted).cases == 0  # nothing left
    finally:
        interrupted.lock()


def min_id(report: deadline_recompute.RecomputeReport) -> int:
    """The smallest case id a run changed (every changed case is after the resume point)."""
    return min((case_id for _, case_id in report.changes.touched), default=10**9)


def test_a_save_between_a_chunks_reads_and_writes_makes_it_read_again(
    demo_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = _open_copy(demo_folder, tmp_path, "calm")
    try:
        settings_service.update_settings(store=whole, settings=RULE_CHANGE)
        whole_rows = _state(whole)[0]
    finally:
        whole.lock()
    store = _open_copy(demo_folder, tmp_path, "busy")
    real_plan = deadline_recompute.plan_chunk
    colleague = store.raw_connection()
    planned: list[int] = []

    def plan_then_a_colleague_saves(*args: Any, **kwargs: Any) -> Any:
        plan = real_plan(*args, **kwargs)
        if not planned:  # once: the first chunk's snapshot goes stale before it writes
            colleague.execute(
                "UPDATE asylum_case SET forum_name = forum_name || ' (2)' WHERE id = 1"
            )
        planned.append(1)
        return plan

    try:
        monkeypatch.setattr(deadline_recompute, "plan_chunk", plan_then_a_colleague_saves)
        settings_service.update_settings(store=store, settings=RULE_CHANGE)
        assert len(planned) == 2  # the one chunk (30 cases) was read and computed again
        assert _state(store)[0] == whole_rows
        assert lifecycle.verify_audit(store=store).ok
    finally:
        colleague.close()
        store.lock()


def test_recompute_cases_and_every_case_change_nothing_when_up_to_date(
    demo_folder: Path, tmp_path: Path
) -> None:
    store = _open_copy(demo_folder, tmp_path, "steady")
    try:
        before = _state(store)
        assert deadline_recompute.recompute_cases(store=store, case_ids=[1, 2, 5]).cases == 3
        report = deadline_recompute.recompute_every_case(store=store)
        assert report.changes.touched == frozenset() and report.cases == 30
        assert report.longest_write_s < 0.5
        assert _state(store) == before
        assert deadline_refresh.RecomputeCancelled is RecomputeCancelled
    finally:
        store.lock()
