"""Data out, from the window: the case list (CSV/XLSX) from the Cases page, the calendar file
(.ics) and the funder report (PDF/CSV) from the File menu.

Each asks where in a save dialog (nothing is written anywhere else; the dialog itself asks
before replacing a file), builds the file in the background worker, then says where it went or
plainly why not. Files that hold client data are announced as unencrypted first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.enums import StaffRole
from clinic.domain.ids import ClientId
from clinic.services import staff
from clinic.services.exports import case_bundle, case_list
from clinic.ui.date_input import DateInput, check_inputs
from clinic.ui.file_dialogs import open_file_name, save_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.palette import Role, tint
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession

if TYPE_CHECKING:  # imported where used: they load reportlab/icalendar
    from clinic.services.exports import ics

STATUS_MILLISECONDS = 20000
# (destination, progress, cancelled) -> a message-worthy result; runs on the worker thread
FileWork = Callable[[Path, Callable[[int, int], None], Callable[[], bool]], Any]


class FileSaver(QObject):
    """Ask where (save dialog), run ``work`` in the worker with a progress dialog, report."""

    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget, *, session: UiSession | None = None) -> None:
        """``session``: publish what the work changed (imports), through the runner."""
        super().__init__(parent)
        self.setObjectName("exportFileSaver")
        self._parent = parent
        self.session = session
        self.jobs: set[Operation[Any]] = set()
        self.last_message = ""
        self.last_destination: Path | None = None

    def save(
        self,
        *,
        caption: str,
        suggested_name: str,
        filters: str,
        work: FileWork,
        done_text: Callable[[Path, Any], str],
        warning: str = "",
    ) -> bool:
        if warning:
            answer = QMessageBox.warning(
                self._parent,
                self.tr("Save an unencrypted file?"),
                warning,
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Ok:
                return False
        chosen, chosen_filter = save_file_name(self._parent, caption, suggested_name, filters)
        if not chosen:
            return False
        destination = _with_suffix(Path(chosen), chosen_filter)
        self.start(destination, work, done_text)
        return True

    def run(
        self,
        work: FileWork,
        *,
        done_text: Callable[[Path, Any], str],
        on_error: Callable[[Problem], bool] | None = None,
    ) -> bool:
        """Run ``work`` in the worker without a save dialog (imports: nothing is written)."""
        self.start(Path(), work, done_text, on_error)
        return True

    def start(
        self,
        destination: Path,
        work: FileWork,
        done_text: Callable[[Path, Any], str],
        on_error: Callable[[Problem], bool] | None = None,
    ) -> None:
        progress = QProgressDialog(self.tr("Working…"), self.tr("Cancel"), 0, 0, self._parent)
        progress.setObjectName("exportProgress")
        progress.setAccessibleName(self.tr("Progress"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def run(ticks: Progress) -> Any:
            return work(destination, ticks.report, ticks.cancelled)

        def failed(problem: Problem) -> None:
            progress.reset()
            if on_error is None or not on_error(problem):
                self._error(problem)

        operation: Operation[Any] = Operation(self._parent, run, session=self.session)
        operation.success(
            lambda result: self._done(progress, destination, done_text(destination, result))
        ).failure(failed).progress(lambda done, total: _advance(progress, done, total))
        operation.ended_with(lambda: self.jobs.discard(operation))
        progress.canceled.connect(operation.cancel)
        self.jobs.add(operation)
        operation.run()

    def _done(self, progress: QProgressDialog, destination: Path, text: str) -> None:
        progress.reset()
        self.last_message, self.last_destination = text, destination
        self._show(text)
        self.saved.emit(text)

    def _error(self, problem: Problem) -> None:
        cancelled = isinstance(problem.error, case_list.ExportCancelled)
        if cancelled:
            text = self.tr("Cancelled; nothing was saved.")
        else:
            text = self.tr("The file was not saved: {0}").format(problem.text)
        self.last_message = text
        self._show(text)
        self.failed.emit(text)
        if not cancelled:
            QMessageBox.warning(self._parent, self.tr("The file was not saved"), text)

    def _show(self, text: str) -> None:
        window = self._parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MILLISECONDS)


def _advance(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(total)
    progress.setValue(done)


def _with_suffix(path: Path, chosen_filter: str) -> Path:
    """Add the extension of the chosen filter when the user typed a name without one."""
    if path.suffix:
        return path
    for suffix in (".csv", ".xlsx", ".pdf", ".ics"):
        if f"*{suffix}" in chosen_filter:
            return path.with_suffix(suffix)
    return path


# ---------------------------------------------------------------------------- case list


class CaseListExporter(QObject):
    """ "Export list…" on the Cases page: the list as shown (search, filters, order)."""

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("caseListExporter")
        self.session = session
        self.saver = FileSaver(parent)

    def start(self, query: case_list.ListQuery) -> bool:
        if not self.session.is_open:
            return False
        store, today = self.session.store, self.session.today()

        def work(
            destination: Path, report: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> Any:
            return case_list.export_case_list(
                store=store,
                destination=destination,
                query=query,
                today=today,
                overwrite=True,  # the save dialog asked before replacing
                progress=report,
                cancelled=cancelled,
            )

        return self.saver.save(
            warning=self.tr(
                "The case list is NOT encrypted: it holds client names and A-numbers. Save it "
                "only on an encrypted drive and delete stray copies. The export is recorded in "
                "the audit log."
            ),
            caption=self.tr("Export the case list"),
            suggested_name=f"cases-{self.session.today().isoformat()}.csv",
            filters=self.tr("CSV, for any spreadsheet (*.csv);;Excel workbook (*.xlsx)"),
            work=work,
            done_text=lambda path, result: self.tr(
                "Saved %n case(s) to {0}.", "", result.value
            ).format(path),
        )


# ----------------------------------------------------------------------------- calendar


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


# ------------------------------------------------------------------------- funder report


class FunderReportDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        from clinic.services.exports import funder  # noqa: PLC0415 - reportlab on first use

        super().__init__(parent)
        self.setObjectName("funderReportDialog")
        self.setWindowTitle(self.tr("Funder report"))
        self.setAccessibleName(self.tr("Funder report"))
        self.year = QSpinBox()
        self.year.setObjectName("funderYear")
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setRange(funder.FIRST_YEAR, today.year)
        self.year.setValue(today.year - 1 if today.month < 3 else today.year)
        explanation = QLabel(
            self.tr(
                "Counts of the cases open during the year, by claim type, stage, outcome, "
                "relief, nationality and year opened and closed. No names or A-numbers; counts "
                "under 5 are hidden."
            )
        )
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("funderButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)


class FunderReportExporter(QObject):
    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("funderReportExporter")
        self.session = session
        self._parent = parent
        self.saver = FileSaver(parent)

    def start(self) -> None:
        if not self.session.is_open:
            return
        dialog = FunderReportDialog(self.session.today(), self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save(dialog.year.value())

    def save(self, year: int) -> bool:
        from clinic.services.exports import funder  # noqa: PLC0415 - reportlab on first use

        store, today = self.session.store, self.session.today()

        def work(
            destination: Path, _report: Callable[[int, int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            return funder.export_funder_report(
                store=store, year=year, destination=destination, today=today, overwrite=True
            )

        return self.saver.save(
            caption=self.tr("Save the funder report"),
            suggested_name=f"funder-report-{year}.pdf",
            filters=self.tr("PDF (*.pdf);;CSV, for any spreadsheet (*.csv)"),
            work=work,
            done_text=lambda path, _result: self.tr("Saved the funder report to {0}.").format(path),
        )


# --------------------------------------------------------------------- case bundles


class BundlePassphraseDialog(QDialog):
    """The passphrase that will protect an exported case (asked twice), and whether the
    evidence files go too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bundlePassphraseDialog")
        self.setWindowTitle(self.tr("Export case"))
        self.setAccessibleName(self.tr("Export case"))
        self.passphrase = self._secret("bundlePassphrase", self.tr("Passphrase"))
        self.again = self._secret("bundlePassphraseAgain", self.tr("Passphrase again"))
        self.with_files = QCheckBox(self.tr("Include the evidence files (encrypted)"))
        self.with_files.setObjectName("bundleWithFiles")
        self.with_files.setAccessibleName(self.tr("Include the evidence files"))
        intro = QLabel(
            self.tr(
                "The file is encrypted with this passphrase. Give the passphrase to the person "
                "who imports it by another way than the file (for example by phone)."
            )
        )
        intro.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("bundlePassphraseProblem")
        tint(self.problem, Role.DANGER)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("bundleButtons")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.with_files)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _secret(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _check(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.problem.setText(self.tr("The two passphrases differ."))
        elif len(self.passphrase.text()) < case_bundle.MIN_PASSPHRASE_LENGTH:
            self.problem.setText(
                self.tr(
                    "Use at least %n characters; a few unrelated words work well.",
                    "",
                    case_bundle.MIN_PASSPHRASE_LENGTH,
                )
            )
        else:
            self.accept()
            return
        self.problem.show()


class CaseBundleActions(QObject):
    """File ▸ "Export case…" (the open or selected case) and "Import case…"."""

    def __init__(
        self, session: UiSession, parent: QWidget, current_case: Callable[[], int | None]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseBundleActions")
        self.session = session
        self._parent = parent
        self._current_case = current_case
        self.saver = FileSaver(parent)
        self.importer = FileSaver(parent, session=session)  # the runner publishes the import
        self.importer.setObjectName("caseImportRunner")
        self._pending: tuple[Path, str | None] | None = None  # what a duplicate retry re-imports

    def export_case(self) -> bool:
        case_id = self._current_case() if self.session.is_open else None
        if case_id is None:
            QMessageBox.information(
                self._parent,
                self.tr("Export case"),
                self.tr("Open a case, or select one in the Cases list, then export it."),
            )
            return False
        dialog = BundlePassphraseDialog(self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.save(
            case_id, dialog.passphrase.text(), with_files=dialog.with_files.isChecked()
        )

    def save(self, case_id: int, passphrase: str, *, with_files: bool) -> bool:
        store = self.session.store

        def work(
            destination: Path, _report: Callable[[int, int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            return case_bundle.export_cases(
                store=store,
                destination=destination,
                case_ids=[case_id],
                passphrase=passphrase,
                with_files=with_files,
                overwrite=True,
            )

        return self.saver.save(
            caption=self.tr("Save the encrypted case file"),
            suggested_name=f"case-{case_id}{case_bundle.SUFFIX}",
            filters=self.tr("Clinic case file (*.cliniccase)"),
            work=work,
            done_text=lambda path, result: self.tr(
                "Saved case {0} with %n evidence file(s), encrypted, to {1}.",
                "",
                result.value.files,
            ).format(case_id, path),
        )

    def import_case(self) -> bool:
        if not self.session.is_open:
            return False
        chosen = open_file_name(
            self._parent,
            self.tr("Import a case file"),
            self.tr("Clinic case files (*.cliniccase *.json)"),
        )
        if not chosen:
            return False
        source = Path(chosen)
        passphrase = None
        encrypted: list[bool] = []
        if not (
            Operation(self._parent, lambda _: case_bundle.needs_passphrase(source))
            .success(encrypted.append)
            .failure(lambda problem: self._warn(self.tr("Import case"), problem.text))
            .run_and_wait()
        ):
            return False
        if encrypted[0]:
            text, ok = QInputDialog.getText(
                self._parent,
                self.tr("Import case"),
                self.tr("Passphrase of the case file:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return False
            passphrase = text
        return self.run_import(source, passphrase)

    def run_import(
        self,
        source: Path,
        passphrase: str | None,
        *,
        as_new_client: bool = False,
        merge_into: int | None = None,
    ) -> bool:
        store = self.session.store
        self._pending = (source, passphrase)

        def work(
            _destination: Path, _report: Callable[[int, int], None], _cancelled: Callable[[], bool]
        ) -> Any:
            result = case_bundle.import_cases(
                store=store,
                source=source,
                passphrase=passphrase,
                as_new_client=as_new_client,
                merge_into=ClientId(merge_into) if merge_into is not None else None,
            )
            return result

        def done(_path: Path, result: Any) -> str:
            summary = result.value
            return self.tr("Imported %n case(s) ({0}) with {1}.", "", len(summary.case_ids)).format(
                ", ".join(str(i) for i in summary.case_ids),
                self.tr("%n evidence file(s)", "", summary.files),
            )

        return self.importer.run(work, done_text=done, on_error=self._import_failed)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)

    def _import_failed(self, problem: Problem) -> bool:
        """A likely duplicate client: ask which way, then import again. True when handled."""
        exc = problem.error
        if not isinstance(exc, case_bundle.DuplicateClient) or not self.session.is_open:
            return False
        if self._pending is None:
            return False
        source, passphrase = self._pending
        # the service's message names command-line options; the window offers buttons
        text = self.tr(
            "This store already has a client who is likely the same person (client {0}: {1}). "
            "Add the cases to that client, or, if it really is someone else, import them as a "
            "new client. Nothing has been imported yet."
        ).format(", ".join(str(i) for i in exc.client_ids), exc.reason)
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Import case"), text, parent=self._parent
        )
        box.setObjectName("duplicateClientQuestion")
        merge = box.addButton(
            self.tr("Add to client {0}").format(exc.client_ids[0]),
            QMessageBox.ButtonRole.AcceptRole,
        )
        new = box.addButton(self.tr("Import as a new client"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is merge:
            self.run_import(source, passphrase, merge_into=exc.client_ids[0])
        elif box.clickedButton() is new:
            self.run_import(source, passphrase, as_new_client=True)
        return True
