"""The calendar file (.ics) from the File menu: which hearings and deadlines go in, and whether
names may.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from clinic.ui.date_input import check_inputs
from clinic.ui.export_setup import (
    DialogExport,
    day_field,
    name_dialog,
    ok_cancel,
    paralegal_choice,
    paralegal_names,
    period_form,
)
from clinic.ui.file_saver import FileSaver
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession

if TYPE_CHECKING:  # imported where used: it loads reportlab/icalendar
    from clinic.services.exports import ics


class CalendarExportDialog(QDialog):
    """Which hearings and deadlines go into the .ics file, and whether names may."""

    def __init__(self, today: date, paralegals: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name_dialog(self, "calendarExportDialog", self.tr("Export calendar"))
        self.today = today
        self.start_edit = day_field("icsFromDate", self.tr("First day"), today, self._today)
        self.end_edit = day_field(
            "icsToDate", self.tr("Last day"), today + timedelta(days=365), self._today
        )
        self.paralegal_combo = paralegal_choice(
            "icsParalegal", self.tr("Paralegal"), self.tr("Every paralegal"), paralegals
        )
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
        buttons = ok_cancel(self, "icsButtons")
        form = period_form(
            [
                (self.tr("&From:"), self.start_edit),
                (self.tr("&To:"), self.end_edit),
                (self.tr("&Paralegal:"), self.paralegal_combo),
            ]
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.full_names)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)

    def _today(self) -> date:
        return self.today

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


class CalendarExporter(DialogExport[CalendarExportDialog]):
    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(session, parent, "calendarExporter")
        self.saver = FileSaver(parent)

    def ask(self) -> CalendarExportDialog:
        return CalendarExportDialog(
            self.session.today(), paralegal_names(self.session), self._parent
        )

    def save_chosen(self, dialog: CalendarExportDialog) -> None:
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
