"""Entries, lawful status and family filings in the case view (issue 18 § 2): an entry recorded
through the tab is listed for the I-589; a TPS held on the one-year deadline is named in that
deadline's reasoning (8 CFR 208.4(a)(5)(iv)); a child marked as filing their own I-589 gets a
one-year deadline of their own (INA 208(a)(2)(B)); withholding-only proceedings drop the client's
one-year deadline (8 CFR 1208.2(c))."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from clinic.domain.entries import EntryFact, StatusPeriod
from clinic.domain.enums import ArrivalManner, ProceedingKind, StatusKind
from clinic.services import entries
from clinic.ui.case_view.case_words import short_date
from clinic.ui.case_view.deadline_table_model import Column as DeadlineColumn
from clinic.ui.case_view.people_tab import (
    EntryColumn,
    EntryDialog,
    FamilyColumn,
    OwnFilingDialog,
    ProceedingDialog,
)
from tests.ui.test_case_view import TODAY, cell, new_case, opened, row_with
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def test_entry_recorded_in_the_tab_is_listed_and_becomes_the_last_arrival(
    qtbot, store, page
) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    tab = page.people
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.entry_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, EntryDialog)
    dialog.on.set_value(date(2025, 9, 1))
    dialog.place.setText("Hidalgo, TX")
    dialog.manner.set_value(ArrivalManner.PAROLED)
    dialog.status.setText("parole")
    dialog.expires.set_value(date(2026, 9, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = row_with(tab.entry_table, EntryColumn.PLACE, "Hidalgo, TX")
    assert cell(tab.entry_table, row, EntryColumn.WHOSE) == "Client"
    assert cell(tab.entry_table, row, EntryColumn.MANNER) == "Paroled"
    assert page.case is not None and page.case.client.last_arrival_on == date(2025, 9, 1)


def test_tps_named_in_the_one_year_reasoning_and_a_childs_own_deadline(
    qtbot, store, page, session
) -> None:  # type: ignore[no-untyped-def]
    case_id = new_case(store)  # last arrival Sun 2025-06-01: one-year Mon 2026-06-01
    page.show_case(case_id)
    client_id = page.case.client.id
    entries.record_status(
        store=store,
        client_id=client_id,
        status=StatusPeriod(0, StatusKind.TPS, "Honduras", date(2025, 1, 1), date(2027, 1, 31)),
        today=TODAY,
    ).unwrap()
    (child,) = page.case.client.family
    entries.record_entry(
        store=store,
        client_id=client_id,
        entry=EntryFact(date(2025, 7, 4), "San Ysidro, CA", member_id=child.id),
        today=TODAY,
    ).unwrap()
    page.reload()
    tab = page.people
    page.tabs.setCurrentWidget(tab)
    tab.family_table.selectRow(0)
    qtbot.mouseClick(tab.own_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, OwnFilingDialog)
    dialog.files_own.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cell(tab.family_table, 0, FamilyColumn.COVERED) == "Own I-589 and derivative"
    deadlines = page.deadlines
    page.tabs.setCurrentWidget(deadlines)
    own = row_with(deadlines.table, DeadlineColumn.TITLE, "family member filing their own")
    # Fri Jul 4, 2025 + 1 year = Sat Jul 4, 2026 -> Mon Jul 6 (Fri Jul 3 observed)
    assert short_date(date(2026, 7, 6)) in cell(deadlines.table, own, DeadlineColumn.ACT_BY)
    one_year = row_with(deadlines.table, DeadlineColumn.TITLE, "One-year asylum filing deadline")
    deadlines.table.selectRow(one_year)
    assert "TPS until Sun 2027-01-31: held on this date" in deadlines.provenance.explanation.text()


def test_withholding_only_drops_the_clients_one_year_deadline(qtbot, store, page) -> None:  # type: ignore[no-untyped-def]
    page.show_case(new_case(store))
    tab = page.people
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.proceeding_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, ProceedingDialog)
    dialog.proceeding.set_value(ProceedingKind.WITHHOLDING_ONLY)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.proceeding.text() == "Proceeding: Withholding-only proceedings"
    titles = [
        cell(page.deadlines.table, r, DeadlineColumn.TITLE)
        for r in range(page.deadlines.table.model().rowCount())
    ]
    assert not any(t == "One-year asylum filing deadline" for t in titles)
