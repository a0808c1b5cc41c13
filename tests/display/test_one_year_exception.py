"""Real-display test of the one-year exception (issue 18 § 2; 8 CFR 208.4(a)(4)-(5)): on a
client who arrived Thu 2024-03-14 (one-year deadline Fri 2025-03-14, passed, I-589 not filed),
a paralegal records through *Record a case date…*, typing as a person types, that changed
circumstances arose on 5/20/2025. The Deadlines tab then lists the reasonable-period warning
(Thu 2025-11-20) and the one-year deadline's reasoning and "Take care" line name the exception;
the same case read in Spanish. Screenshots: build/test-display/<test>/."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from harness import focus_window, settle, shot, wait_until
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft
from clinic.domain.enums import CaseFactKind, ClaimType
from clinic.services import cases, clients, deadlines
from clinic.ui.case_view.deadline_dialogs import CaseFactDialog
from clinic.ui.case_view.deadline_table_model import Column
from clinic.ui.main_window import MainWindow
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 7)
WARNING = "Changed circumstances: file within a reasonable period (warning)"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def late_case(store) -> int:  # type: ignore[no-untyped-def]
    client_id = clients.intake_client(
        store=store,
        client=ClientDraft("Quispe", "Rosa", last_arrival_on=date(2024, 3, 14)),
        today=TODAY,
        address=AddressDraft("12 Elm St", "Houston", "TX", "77002", moved_in_on=date(2024, 4, 1)),
    ).unwrap()
    return cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=date(2026, 11, 2)),
        today=TODAY,
    ).unwrap()


def type_into(widget: QWidget, text: str) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    wait_until(widget.hasFocus, message=f"focus in {widget.objectName()}")
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    QTest.keyClicks(widget, text)
    settle(0.1)


def row_titled(table, text: str) -> int:  # type: ignore[no-untyped-def]
    model = table.model()
    rows = [
        r for r in range(model.rowCount()) if text in (model.index(r, Column.TITLE).data() or "")
    ]
    assert rows, f"no row titled {text!r}"
    return rows[0]


def test_record_a_changed_circumstance(english, window, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    case_id = late_case(store)
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    tab = page.deadlines
    page.tabs.setCurrentWidget(tab)
    settle(0.3)
    QTest.mouseClick(tab.fact_button, Qt.MouseButton.LeftButton)
    dialog = None

    def dialog_open() -> bool:
        nonlocal dialog
        dialog = next((w for w in window.findChildren(CaseFactDialog) if w.isVisible()), None)
        return dialog is not None

    wait_until(dialog_open, message="Record a case date")
    assert dialog is not None
    focus_window(dialog)
    # choose the kind as a person does: type its first word into the closed drop-down (a space
    # would open the list), then the down arrow to the second of the one-year kinds and back
    dialog.kind.setFocus(Qt.FocusReason.TabFocusReason)
    wait_until(dialog.kind.hasFocus, message="focus in What happened")
    QTest.keyClicks(dialog.kind, "One-year")
    settle(0.2)
    assert dialog.kind.value() is CaseFactKind.CHANGED_CIRCUMSTANCES, dialog.kind.currentText()
    QTest.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.value() is CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES
    QTest.keyClick(dialog.kind, Qt.Key.Key_Up)
    assert dialog.kind.value() is CaseFactKind.CHANGED_CIRCUMSTANCES
    assert not dialog.kind.view().isVisible()  # the list stayed closed
    type_into(dialog.on.edit, "5/20/2025")
    QTest.keyClick(dialog.on.edit, Qt.Key.Key_Tab)
    wait_until(lambda: dialog.on.edit.text() == "5/20/2025", message="the date read whole")
    type_into(dialog.note, "New government arrests members of her party")
    shot("01-record-changed-circumstances")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(
        lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(),
        message="the dialog to close",
    )
    recorded = [
        d
        for d in deadlines.case_deadlines(store=store, case_id=case_id)
        if d.rule_id == "changed-circumstances-reasonable-period"
    ]
    assert [d.due_on for d in recorded] == [date(2025, 11, 20)]

    wait_until(lambda: bool(_titles(tab.table, WARNING)), message="the warning row")
    tab.table.selectRow(row_titled(tab.table, WARNING))
    settle(0.3)
    assert tab.provenance.explanation.text() == (
        "Changed circumstances arose Tue 2025-05-20 + 6 months = Thu 2025-11-20"
    )
    shot("02-reasonable-period-warning")
    tab.table.selectRow(row_titled(tab.table, "One-year"))
    settle(0.3)
    explanation = tab.provenance.explanation.text()
    assert "One-year exception recorded: changed circumstances Tue 2025-05-20" in explanation
    wait_until(tab.provenance.flags.isVisible, message="the Take care line")
    assert "Changed circumstances recorded as the one-year exception" in (
        tab.provenance.flags.text()
    )
    shot("03-one-year-deadline-names-the-exception")

    window.hide()
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("es")
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    try:  # the window as it is built in Spanish (the language setting rebuilds it the same way)
        spanish = MainWindow(window.session)
        qtbot.addWidget(spanish)
        spanish.resize(1280, 720)
        spanish.move(20, 20)
        spanish.show()
        focus_window(spanish)
        spanish.show_case(case_id)
        page = spanish.case_page
        wait_until(page.isVisible, message="the case page in Spanish")
        tab = page.deadlines
        page.tabs.setCurrentWidget(tab)
        settle(0.5)
        tab.table.selectRow(row_titled(tab.table, "Cambio de circunstancias"))
        settle(0.3)
        assert tab.provenance.explanation.text().startswith(
            "Surgió el cambio de circunstancias mar 2025-05-20"
        )
        tab.table.selectRow(row_titled(tab.table, "un año"))
        settle(0.3)
        spanish_words = tab.provenance.explanation.text()
        assert "Excepción al plazo de un año registrada: cambio de circunstancias" in spanish_words
        assert "El cambio de circunstancias: registrado como excepción" in (
            tab.provenance.flags.text()
        )
        assert page.deadlines.fact_button.text() == "Registrar una fecha del caso…", (
            page.deadlines.fact_button.text()
        )
        shot("04-the-same-in-spanish")
        spanish.hide()
    finally:
        translations.remove()


def _titles(table, text: str) -> list[int]:  # type: ignore[no-untyped-def]
    model = table.model()
    return [
        r for r in range(model.rowCount()) if text in (model.index(r, Column.TITLE).data() or "")
    ]
