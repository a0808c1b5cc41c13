"""The I-589 tab's lists (issue 23; Part A.III) and its preparer and interpreter (Parts D and
E): rows typed and added with Enter, refused in words beside the field, removed with Delete,
each change stored (and audited) at once; the cross-checks follow."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.services import background, staff
from clinic.services.i589_people import i589_people
from clinic.ui.case_view.i589_list_editor import ListEditor
from clinic.ui.date_input import OptionalDateInput
from tests.ui.test_case_view import new_case
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414


def _type(editor: ListEditor, name: str, text: str) -> None:
    field = editor.inputs[name]
    if isinstance(field, OptionalDateInput):
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
