"""2025-26 events in the window (issue 18 § 2): a DHS motion to pretermit recorded through
'What happened' shows the 10-day response date; the judge's date recorded next replaces it;
closing offers 'I-589 rejected: annual asylum fee unpaid' as an outcome."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.enums import CaseFactKind, Outcome, Stage
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from clinic.ui.case_view.stage_dialogs import MoveStageDialog
from tests.ui.test_case_view import cell, new_case, opened, row_with
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def record(qtbot, view, kind: CaseFactKind, on: date) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.deadlines.fact_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, view, CaseFactDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.on.set_value(on)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_dhs_motion_and_the_judges_response_date(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, stages=(Stage.PREPARING, Stage.HEARINGS)))
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    record(qtbot, page, CaseFactKind.DHS_MOTION_PRETERMIT, date(2026, 2, 20))
    default = row_with(tab.table, DeadlineColumn.TITLE, "Response to the DHS motion to pretermit")
    tab.table.selectRow(default)
    # Fri Feb 20 + 10 = Mon Mar 2
    assert tab.provenance.explanation.text() == (
        "DHS motion to pretermit received Fri 2026-02-20 + 10 days = Mon 2026-03-02"
    )
    record(qtbot, page, CaseFactKind.DHS_MOTION_RESPONSE_DUE, date(2026, 3, 16))
    default = row_with(tab.table, DeadlineColumn.TITLE, "Response to the DHS motion to pretermit")
    assert cell(tab.table, default, DeadlineColumn.STATUS) == "Done"
    set_ = row_with(tab.table, DeadlineColumn.TITLE, "date set by the judge")
    tab.table.selectRow(set_)
    assert tab.provenance.explanation.text().startswith(
        "Response date set by the judge Mon 2026-03-16"
    )


def test_closing_offers_the_rejected_i589_outcome(qtbot, store, page, session) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    dialog = MoveStageDialog(session, page.case, Stage.CLOSED, page)
    outcome = dialog.field_widget("outcome")
    index = outcome.findData(Outcome.REJECTED_UNPAID_FEE.value)  # type: ignore[attr-defined]
    assert outcome.itemText(index) == "I-589 rejected: annual asylum fee unpaid"  # type: ignore[attr-defined]
    dialog.discard()
