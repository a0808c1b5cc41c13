"""Asylum-office events in the window (issue 18 § 2): a missed interview recorded through the
'What happened' dialog shows its 45-day good-cause deadline with the reasoning and source in
the Deadlines tab; a Notice of Intent to Deny shows its reply date flagged for the attorney."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.drafts import CaseDraft
from clinic.domain.enums import CaseFactKind, ClaimType, Stage
from clinic.services import cases
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from tests.ui.test_case_view import TODAY, cell, new_case, opened, row_with
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


def test_the_asylum_clock_log_moves_the_work_permit_date(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    """A reschedule stops the clock (no date while stopped), the restart gives the date back
    with the stopped days in the reasoning."""
    # filed Mon 2026-03-02 (the test's today): 150 days -> Thu 2026-07-30
    case_id = new_case(store, ClaimType.AFFIRMATIVE, stages=(Stage.PREPARING, Stage.FILED))
    draft = CaseDraft(ClaimType.AFFIRMATIVE, judge="Elena Rivera", filed_on=TODAY)
    cases.update_case(store=store, case_id=case_id, case=draft, today=TODAY).unwrap()
    page.show_case(case_id)
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    record(qtbot, page, CaseFactKind.INTERVIEW_RESCHEDULED, date(2026, 3, 6))
    tab.table.selectRow(
        row_with(tab.table, DeadlineColumn.TITLE, "Earliest (c)(8) EAD application")
    )
    assert "the asylum clock is stopped since Fri 2026-03-06" in tab.provenance.explanation.text()
    assert "record its restart" in tab.provenance.flags.text()
    record(qtbot, page, CaseFactKind.EAD_CLOCK_RESTARTED, date(2026, 3, 16))
    tab.table.selectRow(
        row_with(tab.table, DeadlineColumn.TITLE, "Earliest (c)(8) EAD application")
    )
    assert tab.provenance.explanation.text().startswith(
        "I-589 received Mon 2026-03-02 + 150 days + 10 stopped-clock days = Sun 2026-08-09"
    )
