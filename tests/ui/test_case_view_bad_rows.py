"""Issue 16 § 5: a bad row already in a store never crashes opening the case view.

An older Clinic's import (or hand editing) may have left an A-number with letters, a date that
is no date, or a claim type or stage Clinic does not know. Opening such a case shows it, with the
values Clinic cannot read marked, and ``doctor`` names the record and field (never the value).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import text

from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage.datadir import DataDir
from clinic.storage.store import Store
from clinic.ui.case_view import CaseViewPage
from clinic.ui.session import UiSession

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = lifecycle.init_store(
        data_dir=DataDir(tmp_path / "data"), passphrase=PASSPHRASE, actor="t"
    )
    fill_demo_data(store=opened, clients=3, seed=4, today=TODAY)
    yield opened
    if not opened.locked:
        opened.lock()


def _cases(store: Store) -> list[tuple[int, int]]:
    with store.engine.begin() as connection:
        rows = connection.execute(text("SELECT id, client_id FROM asylum_case ORDER BY id"))
        return [(int(r[0]), int(r[1])) for r in rows]


def _spoil(store: Store, sql: str, **values: object) -> None:
    with store.engine.begin() as connection:
        connection.execute(text(sql), values)


def _shown_text(page: QWidget) -> str:
    shown = (label for label in page.findChildren(QLabel) if label.isVisibleTo(page))
    return " | ".join(label.text() for label in shown if label.text())


BAD_ROWS = {
    "a_number": ("UPDATE client SET a_number = '12AB' WHERE id = :client", "client", "a_number"),
    "date_of_birth": (
        "UPDATE client SET date_of_birth = '1990-13-45' WHERE id = :client",
        "client",
        "date_of_birth",
    ),
    "claim_type": (
        "UPDATE asylum_case SET claim_type = 'bogus' WHERE id = :case",
        "case",
        "claim_type",
    ),
    "stage": ("UPDATE asylum_case SET stage = 'nonsense' WHERE id = :case", "case", "stage"),
    "hearing_on": (
        "UPDATE hearing SET \"on\" = 'not a date' WHERE case_id = :case",
        "hearing",
        "on",
    ),
    "deadline_due": (
        "UPDATE deadline SET due_on = '2026-02-30' WHERE case_id = :case",
        "deadline",
        "due_on",
    ),
}


@pytest.mark.parametrize("bad", sorted(BAD_ROWS))
def test_opening_a_case_with_a_bad_row_never_crashes(qtbot, store: Store, bad: str) -> None:  # type: ignore[no-untyped-def]
    sql, record, field = BAD_ROWS[bad]
    case_id, client_id = _cases(store)[0]
    _spoil(store, sql, case=case_id, client=client_id)
    session = UiSession(store, today=lambda: TODAY)
    page = CaseViewPage(session)
    qtbot.addWidget(page)
    page.show_case(case_id)  # raised (ValueError, LookupError) before
    assert page.case_id == case_id, "the case is still shown, not silently dropped"
    shown = _shown_text(page)
    assert "not valid" in shown or "cannot be read" in shown, shown
    report = lifecycle.doctor(store=store)
    assert not report.ok
    assert any(line.startswith(record) and field in line for line in report.invalid_records), (
        report.invalid_records
    )
    assert "12AB" not in " ".join(report.invalid_records)


@pytest.mark.parametrize("bad", ["date_of_birth", "deadline_due", "hearing_on"])
def test_the_case_table_lists_a_case_with_a_bad_date(store: Store, bad: str) -> None:
    from clinic.services import search  # noqa: PLC0415
    from clinic.ui.case_table_model import CaseTableModel, Column  # noqa: PLC0415

    sql, _record, _field = BAD_ROWS[bad]
    case_id, client_id = _cases(store)[0]
    _spoil(store, sql, case=case_id, client=client_id)
    model = CaseTableModel()
    model.reset(
        lambda offset, limit: search.list_cases(
            store=store, today=TODAY, offset=offset, limit=limit
        )
    )
    model.fetchMore()
    assert model.rowCount() == len(_cases(store))
    for row in range(model.rowCount()):
        for column in Column:
            model.data(model.index(row, column))
