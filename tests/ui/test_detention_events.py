"""Detention in the window (issue 18 § 2): a defensive case can schedule a bond hearing and a
fear review (court kinds; an affirmative case cannot), and the judge's bond decision recorded
through 'What happened' shows its 30-day BIA appeal date, rolled past July 4, with reasoning."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.enums import CaseFactKind, ClaimType, HearingKind
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from clinic.ui.case_view.hearing_dialogs import ScheduleHearingDialog, hearing_kinds_for
from tests.ui.test_case_view import new_case, opened, row_with
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def test_bond_and_fear_reviews_are_court_hearings() -> None:
    defensive = hearing_kinds_for(ClaimType.DEFENSIVE)
    assert HearingKind.BOND in defensive and HearingKind.FEAR_REVIEW in defensive
    assert HearingKind.BOND not in hearing_kinds_for(ClaimType.AFFIRMATIVE)


def test_a_bond_decision_shows_its_appeal_date(qtbot, store, page, session) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store, detained=True))
    dialog = ScheduleHearingDialog(session, page.case, page)
    assert dialog.kind.findData(HearingKind.BOND.value) >= 0
    assert dialog.kind.itemText(dialog.kind.findData(HearingKind.BOND.value)) == "Bond hearing"
    dialog.discard()
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.fact_button, Qt.MouseButton.LeftButton)
    facts = opened(qtbot, page, CaseFactDialog)
    facts.kind.setCurrentIndex(facts.kind.findData(CaseFactKind.BOND_DECISION))
    facts.on.set_value(date(2026, 6, 4))
    qtbot.mouseClick(facts.save_button, Qt.MouseButton.LeftButton)
    assert not facts.isVisible()
    tab.table.selectRow(row_with(tab.table, DeadlineColumn.TITLE, "Appeal of the bond decision"))
    assert tab.provenance.explanation.text().startswith(
        "Bond decision Thu 2026-06-04 + 30 days = Sat 2026-07-04 → next business day Mon 2026-07-06"
    )
    assert "1003.38" in tab.provenance.source.text()
