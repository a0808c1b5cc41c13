"""Appeals in the window (issue 18 § 2): the BIA briefing schedule recorded through 'What
happened' shows the brief's date; the one extension replaces it with the extended date; a
closed case can move to the motion-to-reopen stage and shows it in its own words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.enums import CaseFactKind, Outcome, Stage
from clinic.services import cases
from clinic.ui.case_view.case_words import word
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
    dialog.on.set_value(on)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_bia_brief_and_its_one_extension(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    stages = (Stage.PREPARING, Stage.HEARINGS, Stage.DECISION, Stage.APPEAL)
    page.show_case(new_case(store, stages=stages))
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    record(qtbot, page, CaseFactKind.BIA_BRIEFING_SCHEDULE, date(2026, 2, 13))
    row = row_with(tab.table, DeadlineColumn.TITLE, "Brief to the BIA")
    tab.table.selectRow(row)
    # Fri Feb 13 + 21 = Fri Mar 6
    assert tab.provenance.explanation.text() == (
        "BIA briefing schedule Fri 2026-02-13 + 21 days = Fri 2026-03-06"
    )
    record(qtbot, page, CaseFactKind.BIA_BRIEF_EXTENDED, date(2026, 3, 2))
    row = row_with(tab.table, DeadlineColumn.TITLE, "Brief to the BIA (extended once)")
    tab.table.selectRow(row)
    # Feb 13 + 42 = Fri Mar 27
    assert tab.provenance.explanation.text() == (
        "BIA briefing schedule, extended once Fri 2026-02-13 + 42 days = Fri 2026-03-27"
    )
    titles = [cell(tab.table, r, DeadlineColumn.TITLE) for r in range(tab.table.model().rowCount())]
    assert not any(t == "Brief to the BIA" for t in titles)  # the 21-day date gave way


def test_a_closed_case_moves_to_the_motion_to_reopen_stage(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store, stages=(Stage.PREPARING, Stage.HEARINGS, Stage.DECISION))
    cases.change_stage(
        store=store, case_id=case_id, stage=Stage.CLOSED, on=TODAY, outcome=Outcome.REMOVAL_ORDERED
    ).unwrap()
    cases.change_stage(store=store, case_id=case_id, stage=Stage.REOPENING, on=TODAY).unwrap()
    page.show_case(case_id)
    assert page.case.stage is Stage.REOPENING
    assert word(Stage.REOPENING) == "Motion to reopen"
    assert word(Stage.CIRCUIT_COURT) == "Court of appeals"
