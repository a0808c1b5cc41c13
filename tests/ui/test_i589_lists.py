"""The I-589 tab's lists (issue 23; Part A.III) and its preparer and interpreter (Parts D and
E): rows typed and added with Enter, refused in words beside the field, removed with Delete,
each change stored (and audited) at once; the cross-checks follow."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.reports.i589 import parsed
from clinic.services import background, entries, i589_forms, staff
from clinic.services.i589_people import i589_people
from clinic.ui.case_view.i589_list_editor import ListEditor
from clinic.ui.date_input import DateInput, OptionalDateInput
from clinic.ui.date_text import date_text
from clinic.ui.month_input import MonthInput
from tests.services.i589_case import BLANK
from tests.ui.test_case_view import new_case
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def _type(editor: ListEditor, name: str, text: str) -> None:
    field = editor.inputs[name]
    if isinstance(field, OptionalDateInput | MonthInput):
        field.set_value(date.fromisoformat(text))
        return
    assert isinstance(field, QLineEdit)
    field.setText(text)


def test_a_job_is_added_with_enter_refused_in_words_and_removed_with_delete(
    page: Any, store: Any
) -> None:
    case_id = new_case(store)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.i589)
    tab = page.i589
    client_id = page.case.client.id
    jobs = tab.lists.editors["jobs"]
    _type(jobs, "employer", "Maquila Textil, San Pedro Sula")
    _type(jobs, "occupation", "Seamstress")
    _type(jobs, "start", "2019-05-01")
    _type(jobs, "end", "2015-03-01")  # before the start
    employer = jobs.inputs["employer"]
    assert isinstance(employer, QLineEdit)
    QTest.keyClick(employer, Qt.Key.Key_Return)
    assert jobs.problems["end"].isVisibleTo(jobs) and jobs.problems["end"].text()
    assert background.background_of(store=store, client_id=client_id).jobs == ()
    _type(jobs, "end", "2023-05-20")
    QTest.keyClick(employer, Qt.Key.Key_Return)
    (stored,) = background.background_of(store=store, client_id=client_id).jobs
    assert (stored.occupation, stored.start, stored.end) == (
        "Seamstress",
        date(2019, 5, 1),
        date(2023, 5, 1),  # the month is kept
    )
    assert jobs.table.rowCount() == 1
    assert jobs.table.item(0, 3).text() == "05/2023"
    assert employer.text() == ""  # ready for the next row
    jobs.table.setCurrentCell(0, 0)
    QTest.keyClick(jobs.table, Qt.Key.Key_Delete)
    assert background.background_of(store=store, client_id=client_id).jobs == ()
    assert jobs.table.rowCount() == 0


def test_the_preparer_and_interpreter_are_saved_and_the_check_follows(
    page: Any, store: Any
) -> None:
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    case_id = new_case(store)
    page.show_case(case_id)
    tab = page.i589
    assert "Who prepared the form" in tab.findings.text()
    box = tab.lists.people
    box.preparer.set_value(int(laura))
    box.interpreter.setText("Juana Mamani")
    box.language.set_value("qu")
    QTest.keyClick(box.interpreter, Qt.Key.Key_Return)
    assert box.status.text() == "Preparer and interpreter saved."
    saved = i589_people(store=store, case_id=case_id)
    assert (saved.preparer_id, saved.interpreter_language) == (laura, "qu")
    assert "Who prepared the form" not in tab.findings.text()
    box.language.set_value("")  # a name without its language
    box.save()
    assert box.problem.text() and i589_people(store=store, case_id=case_id) == saved


def _keys(editor: ListEditor, name: str, text: str) -> QLineEdit:
    """Type into a list's field as a person does: the field cleared, the keys one by one."""
    field = editor.inputs[name]
    edit = field.edit if isinstance(field, DateInput | MonthInput) else field
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)
    return edit


def test_the_entries_are_a_table_typed_added_refused_and_removed_moving_the_last_arrival(
    page: Any, store: Any
) -> None:
    """Part A.I 19.C: the arrival typed at intake is the first row (not removable here: the
    message says where it is corrected); a later entry typed and added with Enter becomes the
    last arrival; a future date is refused under its field; the new row is removed with Delete
    and the last arrival goes back; the only entry left, the last arrival, stays."""
    case_id = new_case(store)
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.i589)
    client_id = page.case.client.id
    table = page.i589.lists.editors["entries"]
    locale = table.inputs["on"].locale()

    def day(iso: str) -> str:  # as this computer's locale writes (and reads) it
        return date_text(date.fromisoformat(iso), locale)

    assert table.table.rowCount() == 1 and table.table.item(0, 0).text() == day("2025-06-01")
    table.table.setCurrentCell(0, 0)  # the intake's arrival, not a recorded entry
    QTest.keyClick(table.table, Qt.Key.Key_Delete)
    assert "client's details" in table.status.text()
    assert table.table.rowCount() == 1

    _keys(table, "on", day("2026-09-01"))  # after today (2026-03-02): not an entry yet
    _keys(table, "place", "Hidalgo, TX")
    _keys(table, "status", "parole")
    edit = _keys(table, "status_expires", day("2027-09-01"))
    QTest.keyClick(edit, Qt.Key.Key_Return)
    problem = table.problems["on"]
    assert problem.isVisibleTo(table) and "future" in problem.text()
    assert table.table.rowCount() == 1

    edit = _keys(table, "on", day("2026-01-15"))
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert not table.problems["on"].isVisibleTo(table), table.status.text()
    assert [table.table.item(r, 0).text() for r in range(2)] == [
        day("2026-01-15"),
        day("2025-06-01"),
    ]
    assert table.table.item(0, 3).text() == day("2027-09-01")
    facts = entries.people_facts(store=store, client_id=client_id, today=date(2026, 3, 1))
    assert facts.entries_of()[0].status == "parole"
    assert page.i589.lists.editors["entries"].inputs["place"].text() == ""  # next row

    table.table.setCurrentCell(0, 0)
    QTest.keyClick(table.table, Qt.Key.Key_Delete)
    assert table.table.rowCount() == 1
    assert [
        e.on
        for e in entries.people_facts(
            store=store, client_id=client_id, today=date(2026, 3, 1)
        ).entries_of()
    ] == [date(2025, 6, 1)]


def test_a_schools_months_are_typed_mm_yyyy_and_a_full_date_is_refused_under_its_field(
    page: Any, store: Any
) -> None:
    """Part A.III's from/to are months: the field says mm/yyyy; "1/15/27" (a full date) is
    refused under the field and nothing is added; "9/2008" is kept as September 2008."""
    case_id = new_case(store)
    page.show_case(case_id)
    client_id = page.case.client.id
    schools = page.i589.lists.editors["schools"]
    start = schools.inputs["start"]
    assert isinstance(start, MonthInput)
    assert start.edit.placeholderText() == "mm/yyyy, or leave empty"
    _keys(schools, "school", "Instituto Central")
    _keys(schools, "start", "1/15/27")
    edit = _keys(schools, "end", "11/2013")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert not start.message.isHidden()
    assert "only the month and the year" in start.message.text()
    assert background.background_of(store=store, client_id=client_id).schools == ()
    assert start.edit.text() == "1/15/27"  # as typed
    edit = _keys(schools, "start", "9/2008")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    (stored,) = background.background_of(store=store, client_id=client_id).schools
    assert (stored.start, stored.end) == (date(2008, 9, 1), date(2013, 11, 1))
    assert [schools.table.item(0, c).text() for c in (3, 4)] == ["09/2008", "11/2013"]


def test_the_stored_blank_is_read_ahead_when_the_tab_is_first_shown(
    qtbot: Any, page: Any, store: Any
) -> None:
    """The first fill in the window finds the blank read: showing the I-589 tab reads the
    stored blank on a background thread (once per blank)."""
    if not BLANK.is_file():
        pytest.skip(f"the blank form {BLANK} is missing")
    stored = i589_forms.add_form(store=store, source=BLANK, today=date(2026, 3, 2)).form
    parsed.forget()  # adding it read it: forget, as a new process would have
    assert not i589_forms.is_read(stored)
    page.show_case(new_case(store))
    page.tabs.setCurrentWidget(page.i589)
    qtbot.waitUntil(lambda: i589_forms.is_read(stored), timeout=30_000)
    assert page.i589.filler._read_ahead == stored.digest
    parsed.forget()
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentWidget(page.i589)  # shown again: the same blank is not read again
    qtbot.wait(200)
    assert not i589_forms.is_read(stored)
