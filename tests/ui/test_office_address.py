"""The clinic's address and daytime telephone (issue 23): typed once in Settings, refused in
words beside the field when a ZIP code, state or telephone is wrong, and shown in the I-589
tab's Part E as what the form is filled with."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from clinic.domain.drafts import StaffDraft
from clinic.domain.enums import StaffRole
from clinic.services import settings, staff
from clinic.ui.settings_page import SettingsPage
from tests.ui.test_case_view import new_case
from tests.ui.test_case_view import page as page  # noqa: PLC0414 (fixtures)
from tests.ui.test_case_view import session as session  # noqa: PLC0414
from tests.ui.test_case_view import store as store  # noqa: PLC0414
from tests.ui.test_today_calendar_settings import shown


def _type(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, text)


def test_the_clinics_address_is_typed_once_in_settings_and_shown_for_part_e(
    qtbot: Any, session: Any, store: Any, page: Any
) -> None:
    case_id = new_case(store)
    laura = staff.add_staff(
        store=store, staff=StaffDraft("Laura Méndez", StaffRole.PARALEGAL)
    ).unwrap()
    page.show_case(case_id)
    box = page.i589.lists.people
    assert "Not recorded yet" in box.office.text()

    settings_page = shown(SettingsPage(session), qtbot)
    office = settings_page.office
    assert office["zip_code"].placeholderText() == "e.g. 60640"
    _type(office["street"], "1200 W Lawrence Ave")
    _type(office["suite"], "Suite 210")
    _type(office["city"], "Chicago")
    _type(office["state"], "IL")
    _type(office["zip_code"], "6064")  # a digit short
    _type(office["phone"], "(773) 555-0188")
    assert settings_page.has_unsaved_changes()
    assert not settings_page.save()
    message = settings_page.problems.label_for("office_zip_code")
    assert message.isVisibleTo(settings_page) and "five digits" in message.text()
    assert settings.get_settings(store=store).office_city == ""  # nothing saved
    assert office["city"].text() == "Chicago"  # what was typed stays
    _type(office["zip_code"], "60640")
    assert settings_page.save()
    saved = settings.get_settings(store=store)
    assert (saved.office_street, saved.office_zip_code, saved.office_phone) == (
        "1200 W Lawrence Ave",
        "60640",
        "(773) 555-0188",
    )

    box.preparer.set_value(int(laura))
    box.save()
    page.show_case(case_id)
    assert box.office.text() == (
        "1200 W Lawrence Ave, Suite 210, Chicago, IL 60640 · (773) 555-0188 "
        "(the clinic's, from Settings)"
    )
    assert "Part E" not in page.i589.findings.text()  # preparer and address recorded
