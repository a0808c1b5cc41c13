"""Real-display test of the I-589 tab (issue 23): a paralegal opens a case, goes to the tab
with its mnemonic (Alt+9), types the applicant's details as a person types them (xdotool), saves
with Alt+V, and sees them stored as the form needs them; the same tab in Spanish. Screenshots of
both, and nothing but the case page painted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from harness import (
    assert_only_painted,
    focus_window,
    settle,
    shot,
    wait_until,
    xdotool_click_at,
    xdotool_key,
    xdotool_type,
)
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from clinic.domain.enums import MaritalStatus
from clinic.services import applicant, background, entries
from clinic.services.search import list_cases
from clinic.ui.translations import Translations

TODAY = date(2026, 12, 7)


def _case_id(store) -> int:  # type: ignore[no-untyped-def]
    return int(list_cases(store=store, today=TODAY)[0].id)


def _type_into(tab, key: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = tab.answers[key].input
    target = getattr(field, "edit", field)  # a date field's text box
    tab.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(target)
    settle(0.2)
    xdotool_click_at(target)
    wait_until(target.hasFocus, message=f"the {key} answer to have the focus")
    xdotool_type(text)


def test_the_details_typed_on_the_tab_are_saved_as_the_form_needs_them(window, store) -> None:  # type: ignore[no-untyped-def]
    case_id = _case_id(store)
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    focus_window(window)
    xdotool_key("alt+9")
    wait_until(lambda: page.tabs.currentWidget() is page.i589, message="the I-589 tab")
    tab = page.i589
    assert tab.progress.text().startswith("Part A.I: 0 of 10 answered")
    _type_into(tab, "ssn", "123-45-6789")
    _type_into(tab, "religion", "Catholic")
    _type_into(tab, "birth_city", "Cusco")
    _type_into(tab, "left_country_on", "2025-05-20")  # any locale reads the ISO form
    xdotool_key("Tab")  # the date is read as typed when the focus leaves it
    _type_into(tab, "passport_expires_on", "2031-01-15")
    xdotool_key("Tab")
    combo = tab.answers["marital_status"].input
    tab.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(combo)
    combo.setFocus()
    wait_until(combo.hasFocus, message="the marital status")
    xdotool_type("Married")  # a closed drop-down picks by the letters typed
    wait_until(lambda: combo.value() is MaritalStatus.MARRIED, message="Married chosen")
    assert tab.status.text() == "Answers not saved yet."
    shot("i589-tab-typed")
    xdotool_key("alt+v")
    wait_until(lambda: tab.status.text() == "Answers saved.", message="the answers saved")
    client_id = page.case.client.id
    stored = applicant.applicant_details(store=store, client_id=client_id)
    assert (stored.ssn, stored.religion, stored.birth_city) == ("123456789", "Catholic", "Cusco")
    assert stored.left_country_on == date(2025, 5, 20)
    assert stored.passport_expires_on == date(2031, 1, 15)
    assert stored.marital_status is MaritalStatus.MARRIED
    assert tab.progress.text().startswith("Part A.I: 6 of 11 answered")
    assert_only_painted(page, [*window.nav_pages, page])
    shot("i589-tab-saved")


@pytest.fixture
def spanish(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield
    translations.remove()
    QLocale.setDefault(before)


def test_the_tab_in_spanish(spanish, session, store, qtbot) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.main_window import MainWindow  # noqa: PLC0415

    main = MainWindow(session)
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.move(20, 20)
    main.show()
    focus_window(main)
    main.show_case(_case_id(store))
    page = main.case_page
    wait_until(page.isVisible, message="the case page")
    xdotool_key("alt+9")
    wait_until(lambda: page.tabs.currentWidget() is page.i589, message="the I-589 tab")
    tab = page.i589
    assert tab.progress.text().startswith("Parte A.I: 0 de 10 respondidas")
    assert tab.save_button.text() == "&Guardar respuestas"
    question = tab.findChild(QLabel, "i589Question_religion").text()
    assert "Religion" in question and "¿Cuál es su religión?" in question
    assert "no han sido revisadas" in tab.review_note.text()
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "I-58&9"
    settle(0.3)
    shot("i589-tab-spanish")
    jobs = tab.lists.editors["jobs"]
    assert jobs.title() == "Parte A.III 4 — Empleos, últimos 5 años (el actual primero)"
    assert jobs.add_button.text() == "Añadir"
    assert jobs.inputs["start"].edit.placeholderText() == "mm/aaaa, o déjelo vacío"
    entries_table = tab.lists.editors["entries"]
    assert entries_table.title().startswith("Parte A.I 19.C — Entradas a EE. UU.")
    tab.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(entries_table)
    settle(0.3)
    shot("i589-entries-spanish")
    assert tab.lists.people.title() == "Partes D y E — Intérprete y quien prepara el formulario"
    tab.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(tab.lists.people)
    settle(0.3)
    shot("i589-lists-spanish")
    main.hide()
    QApplication.processEvents()


def test_a_list_typed_with_the_keyboard_is_stored_and_removed(window, store) -> None:  # type: ignore[no-untyped-def]
    """Part A.III 4 (employment): the fields typed one after the other with Tab, Enter adds the
    row; a wrong row is refused beside its field; Delete in the table removes a row."""
    case_id = _case_id(store)
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    focus_window(window)
    xdotool_key("alt+9")
    wait_until(lambda: page.tabs.currentWidget() is page.i589, message="the I-589 tab")
    jobs = page.i589.lists.editors["jobs"]
    employer = jobs.inputs["employer"]
    page.i589.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(jobs)
    settle(0.3)
    xdotool_click_at(employer)
    wait_until(employer.hasFocus, message="the employer field")
    xdotool_type("Panaderia La Espiga, Chicago, IL")
    xdotool_key("Tab")
    xdotool_type("Baker")
    xdotool_key("Tab")
    xdotool_type("02/2024")  # the form asks months: mm/yyyy
    xdotool_key("Tab")
    xdotool_type("01/2023")  # before the start: refused
    xdotool_key("Tab")
    xdotool_click_at(employer)
    xdotool_key("Return")
    wait_until(jobs.problems["end"].isVisible, message="the end date refused")
    shot("i589-list-refused")
    end = jobs.inputs["end"]
    target = getattr(end, "edit", end)
    xdotool_click_at(target)
    xdotool_key("ctrl+a")
    xdotool_key("BackSpace")  # the present job: no end
    xdotool_key("Tab")
    xdotool_click_at(employer)
    xdotool_key("Return")
    client_id = page.case.client.id
    wait_until(
        lambda: len(background.background_of(store=store, client_id=client_id).jobs) == 1,
        message="the job stored",
    )
    (job,) = background.background_of(store=store, client_id=client_id).jobs
    assert (job.occupation, job.start, job.end) == ("Baker", date(2024, 2, 1), None)
    assert jobs.table.item(0, 3).text() == "now"
    page.i589.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(jobs.table)
    settle(0.3)
    shot("i589-list-typed")
    jobs.table.setFocus()
    jobs.table.setCurrentCell(0, 0)
    xdotool_key("Delete")
    wait_until(lambda: jobs.table.rowCount() == 0, message="the row removed")
    assert background.background_of(store=store, client_id=client_id).jobs == ()


def _scroll_to(tab, widget) -> None:  # type: ignore[no-untyped-def]
    tab.findChild(QScrollArea, "i589Questions").ensureWidgetVisible(widget)
    settle(0.3)


def test_an_entry_and_a_schools_months_typed_with_the_keyboard(window, store) -> None:  # type: ignore[no-untyped-def]
    """Part A.I 19.C's entries are a table like the other lists: an entry typed field after
    field with Tab and added with Enter becomes the last arrival; a school's month typed as a
    full date ("1/15/27") is refused under its field, never cut to a month, and "2/2008" is
    kept as February 2008."""
    case_id = _case_id(store)
    window.show_case(case_id)
    page = window.case_page
    wait_until(page.isVisible, message="the case page")
    focus_window(window)
    xdotool_key("alt+9")
    wait_until(lambda: page.tabs.currentWidget() is page.i589, message="the I-589 tab")
    tab = page.i589
    client_id = page.case.client.id
    table = tab.lists.editors["entries"]
    rows_before = table.table.rowCount()
    on = table.inputs["on"].edit
    _scroll_to(tab, table)
    xdotool_click_at(on)
    wait_until(on.hasFocus, message="the entry's date")
    xdotool_type("2026-11-03")  # any locale reads the ISO form
    xdotool_key("Tab")
    xdotool_type("Brownsville, TX")
    xdotool_key("Tab")
    xdotool_type("parole")
    xdotool_key("Tab")
    xdotool_type("2027-11-03")  # the status may expire ahead
    xdotool_key("Return")
    wait_until(lambda: table.table.rowCount() == rows_before + 1, message="the entry added")
    facts = entries.people_facts(store=store, client_id=client_id, today=TODAY)
    latest = facts.entries_of()[0]
    assert (latest.on, latest.place, latest.status) == (
        date(2026, 11, 3),
        "Brownsville, TX",
        "parole",
    )
    assert latest.status_expires == date(2027, 11, 3)
    assert table.table.item(0, 1).text() == "Brownsville, TX"
    _scroll_to(tab, table.table)
    shot("i589-entries-typed")

    schools = tab.lists.editors["schools"]
    name = schools.inputs["school"]
    _scroll_to(tab, schools)
    xdotool_click_at(name)
    wait_until(name.hasFocus, message="the school's name")
    xdotool_type("Instituto Central")
    xdotool_key("Tab")
    xdotool_type("High school")
    xdotool_key("Tab")
    xdotool_type("Tegucigalpa, Honduras")
    xdotool_key("Tab")
    start = schools.inputs["start"]
    assert start.edit.placeholderText() == "mm/yyyy, or leave empty"
    xdotool_type("1/15/27")
    xdotool_key("Tab")
    xdotool_type("11/2013")
    xdotool_key("Return")
    wait_until(lambda: not start.message.isHidden(), message="the full date refused")
    assert "only the month and the year" in start.message.text()
    assert start.edit.text() == "1/15/27"  # as typed
    assert background.background_of(store=store, client_id=client_id).schools == ()
    _scroll_to(tab, schools)
    shot("i589-month-refused")
    xdotool_click_at(start.edit)
    xdotool_key("ctrl+a")
    xdotool_key("BackSpace")
    xdotool_type("2/2008")
    xdotool_key("Return")
    wait_until(
        lambda: len(background.background_of(store=store, client_id=client_id).schools) == 1,
        message="the school stored",
    )
    (school,) = background.background_of(store=store, client_id=client_id).schools
    assert (school.start, school.end) == (date(2008, 2, 1), date(2013, 11, 1))
    assert schools.table.item(0, 3).text() == "02/2008"
    assert_only_painted(page, [*window.nav_pages, page])
