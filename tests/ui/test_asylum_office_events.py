"""Asylum-office events in the window (issue 18 § 2): a missed interview recorded through the
'What happened' dialog shows its 45-day good-cause deadline with the reasoning and source in
the Deadlines tab; a Notice of Intent to Deny shows its reply date flagged for the attorney."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.enums import CaseFactKind, ClaimType
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from tests.ui.test_case_view import cell, new_case, opened, row_with
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def record(qtbot, view, kind: CaseFactKind, on: date) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.deadlines.fact_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, view, CaseFactDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    assert not dialog.request.isVisibleTo(dialog) and not dialog.agency.isVisibleTo(dialog)
    dialog.on.set_value(on)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_missed_interview_and_a_noid_show_their_dates(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, ClaimType.AFFIRMATIVE))
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    record(qtbot, page, CaseFactKind.INTERVIEW_MISSED, date(2026, 3, 2))
    row = row_with(tab.table, DeadlineColumn.TITLE, "show good cause")
    tab.table.selectRow(row)
    assert tab.provenance.explanation.text() == (
        "Asylum interview missed Mon 2026-03-02 + 45 days = Thu 2026-04-16"
    )
    assert "8 CFR 208.10" in tab.provenance.source.text()
    record(qtbot, page, CaseFactKind.NOID_SERVED, date(2026, 6, 1))
    row = row_with(tab.table, DeadlineColumn.TITLE, "Notice of Intent to Deny")
    assert "verify with your attorney" in cell(tab.table, row, DeadlineColumn.TITLE)
