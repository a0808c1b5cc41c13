"""The calendar file (.ics) from the File menu: which hearings and deadlines go in, and whether
names may.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.enums import StaffRole
from clinic.services import staff
from clinic.ui.date_input import DateInput, check_inputs
from clinic.ui.file_saver import FileSaver
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession

if TYPE_CHECKING:  # imported where used: it loads reportlab/icalendar
    from clinic.services.exports import ics


class CalendarExportDialog(QDialog):
    """Which hearings and deadlines go into the .ics file, and whether names may."""

    def __init__(self, today: date, paralegals: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExportDialog")
        self.setWindowTitle(self.tr("Export calendar"))
        self.setAccessibleName(self.tr("Export calendar"))
        self.today = today
        self.start_edit = self._date("icsFromDate", self.tr("First day"), today)
        self.end_edit = self._date("icsToDate", self.tr("Last day"), today + timedelta(days=365))
        self.paralegal_combo = QComboBox()
        self.paralegal_combo.setObjectName("icsParalegal")
        self.paralegal_combo.setAccessibleName(self.tr("Paralegal"))
        self.paralegal_combo.addItem(self.tr("Every paralegal"), "")
        for name in paralegals:
            self.paralegal_combo.addItem(name, name)
        self.full_names = QCheckBox(self.tr("Show clients' full names and A-numbers"))
        self.full_names.setObjectName("icsFullNames")
        self.full_names.setAccessibleName(self.tr("Show clients' full names and A-numbers"))
        self.warning = QLabel(
            self.tr(
                "Calendars sync to phones and cloud accounts. With this ticked, every entry "
                "names the client and their A-number; without it, entries show initials only "
                "(for example \u201cJ.G.\u201d) and the case number."
            )
        )
        self.warning.setObjectName("icsFullNamesWarning")
        self.warning.setWordWrap(True)
        tint(self.warning, Role.DANGER)
        self.warning.setVisible(False)
        self.full_names.toggled.connect(self.warning.setVisible)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("icsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start_edit)
        form.addRow(self.tr("&To:"), self.end_edit)
        form.addRow(self.tr("&Paralegal:"), self.paralegal_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_names)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

    def _date(self, name: str, accessible: str, day: date) -> DateInput:
        edit = DateInput(day, today=lambda: self.today)
        edit.set_names(name, accessible)
        return edit

    def accept(self) -> None:
        if check_inputs(self):  # a day that does not read is shown under its field
            super().accept()

    def calendar_filter(self) -> ics.CalendarFilter:
        from clinic.services.exports import ics  # noqa: PLC0415 - reportlab on first use

        start = self.start_edit.value() or self.today
        end = self.end_edit.value() or self.today
        return ics.CalendarFilter(
            start=min(start, end), end=max(start, end), paralegal=self.paralegal_combo.currentData()
        )


def _paralegals(session: UiSession) -> list[str]:
    people = staff.list_staff(store=session.store, active_only=False)
    return [p.name for p in people if p.role is StaffRole.PARALEGAL]


class CalendarExporter(QObject):
    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExporter")
        self.session = session
        self._parent = parent
        self.saver = FileSaver(parent)

    def ask(self) -> CalendarExportDialog:
        return CalendarExportDialog(self.session.today(), _paralegals(self.session), self._parent)

    def start(self) -> None:
        if not self.session.is_open:
            return
        dialog = self.ask()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save(dialog.calendar_filter(), full_names=dialog.full_names.isChecked())

    def save(self, calendar_filter: ics.CalendarFilter, *, full_names: bool) -> bool:
        from clinic.services.exports import ics  # noqa: PLC0415 - reportlab on first use

        store = self.session.store

        def work(
            destination: Path, _report: Callable[[int, int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            return ics.export_calendar(
                store=store,
                destination=destination,
                calendar_filter=calendar_filter,
                full_names=full_names,
                overwrite=True,
            )

        return self.saver.save(
            warning=self.tr(
                "The calendar file is NOT encrypted and is meant to be imported into Outlook or "
                "Google Calendar. The export is recorded in the audit log."
            ),
            caption=self.tr("Save the calendar file"),
            suggested_name="clinic-hearings-and-deadlines.ics",
            filters=self.tr("iCalendar (*.ics)"),
            work=work,
            done_text=lambda path, result: self.tr("Saved {0} and {1} to {2}.").format(
                self.tr("%n hearing(s)", "", result.value.hearings),
                self.tr("%n deadline(s)", "", result.value.deadlines),
                path,
            ),
        )
