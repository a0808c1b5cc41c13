"""The Settings page's form and the clinic's settings, both ways: the values shown from a
:class:`ClinicSettings`, and the settings the form's values make (what Save would save)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from clinic.services.settings import ClinicSettings

if TYPE_CHECKING:
    from clinic.ui.settings_page import SettingsPage


def fill_form(page: SettingsPage, settings: ClinicSettings) -> None:
    page.clinic_name.setText(settings.clinic_name)
    page.letterhead.setPlainText(settings.letterhead)
    for name, field in page.office.items():
        field.setText(getattr(settings, f"office_{name}"))
    page.auto_lock.setValue(settings.auto_lock_minutes)
    page.backup_folder.setText(settings.backup_folder)
    page.backups_kept.setValue(settings.backups_kept)
    page.timezone.setEditText(settings.default_timezone)
    page.zone_review.refresh()
    page.handout_layout.setCurrentIndex(
        max(0, page.handout_layout.findData(settings.handout_layout))
    )
    page.rules.set_values(settings.rule_days)
    page.closures.set_days(settings.closure_days, today=page.session.today())


def form_settings(page: SettingsPage, loaded: ClinicSettings) -> ClinicSettings:
    def office(name: str) -> str:
        return page.office[name].text().strip()

    return replace(
        loaded,
        clinic_name=page.clinic_name.text().strip(),
        letterhead=page.letterhead.toPlainText().strip(),
        office_street=office("street"),
        office_suite=office("suite"),
        office_city=office("city"),
        office_state=office("state"),
        office_zip_code=office("zip_code"),
        office_phone=office("phone"),
        auto_lock_minutes=page.auto_lock.value(),
        backup_folder=page.backup_folder.text().strip(),
        backups_kept=page.backups_kept.value(),
        default_timezone=page.timezone.currentText().strip(),
        rule_days=page.rules.values(),
        closure_days=page.closures.model.as_settings(),
        handout_layout=str(page.handout_layout.currentData() or "side-by-side"),
    )
