"""Build the court exhibit packet: options, the folder to write into, a background build with
progress and cancel, the choice to stop or build without files that cannot go in, and the parts
written with each exhibit's pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import CaseId
from clinic.domain.packet_layout import BATES_MAX, MAX_PART_MB, MIN_PART_MB, TabStyle
from clinic.reports.packet import FileProblem, PacketBuild
from clinic.services import packet
from clinic.services.errors import ServiceError
from clinic.services.results import Result
from clinic.ui.file_dialogs import existing_folder
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


class PacketDialog(QDialog):
    def __init__(self, session: UiSession, case_id: CaseId, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packetDialog")
        self.setWindowTitle(self.tr("Build the exhibit packet"))
        self.setAccessibleName(self.tr("Build the exhibit packet"))
        self.session = session
        self.case_id = case_id
        self.job: Operation[Any] | None = None
        self._stop = False
        self.result_build: PacketBuild | None = None
        self._make_fields(packet.packet_defaults(store=session.store))
        self._make_layout()
        self.resize(620, 560)

    def _make_fields(self, defaults: packet.PacketOptions) -> None:
        self.title_edit = self._line("packetTitle", self.tr("Cover title"), defaults.title)
        self.title_edit.setCursorPosition(0)
        self.style_combo = QComboBox()
        self.style_combo.setObjectName("packetTabStyle")
        self.style_combo.setAccessibleName(self.tr("Tab labels"))
        self.style_combo.addItem(self.tr("Letters: A, B, C …"), TabStyle.LETTERS.value)
        self.style_combo.addItem(self.tr("Numbers: 1, 2, 3 …"), TabStyle.NUMBERS.value)
        self.style_combo.setCurrentIndex(0 if defaults.tab_style is TabStyle.LETTERS else 1)
        self.bates_edit = self._line(
            "packetBatesPrefix", self.tr("Page-number prefix"), defaults.bates_prefix
        )
        self.bates_edit.setMaxLength(BATES_MAX)
        self.bates_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z0-9_-]*"), self.bates_edit)
        )
        self.bates_edit.setPlaceholderText(self.tr("none: pages are numbered 1, 2, 3 …"))
        self.size_spin = QSpinBox()
        self.size_spin.setObjectName("packetMaxPartMb")
        self.size_spin.setAccessibleName(self.tr("Largest part, in MB"))
        self.size_spin.setRange(MIN_PART_MB, MAX_PART_MB)
        self.size_spin.setSuffix(" MB")
        self.size_spin.setValue(defaults.max_part_mb)
        self.address_edit = QPlainTextEdit(defaults.dhs_address)
        self.address_edit.setObjectName("packetDhsAddress")
        self.address_edit.setAccessibleName(self.tr("DHS Office of Chief Counsel address"))
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(70)
        self.method_edit = self._line(
            "packetServiceMethod", self.tr("Service method"), defaults.service_method
        )
        self.signer_edit = self._line("packetSigner", self.tr("Signed by"), defaults.signer)
        self.keep_box = QCheckBox(self.tr("Keep these options as the clinic's defaults"))
        self.keep_box.setObjectName("packetKeepDefaults")
        self.keep_box.setAccessibleName(self.tr("Keep these options as the clinic's defaults"))

        self._make_controls()

    def _make_controls(self) -> None:
        """The folder row, progress, status, report and the dialog's buttons."""
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("packetFolder")
        self.folder_edit.setAccessibleName(self.tr("Folder for the packet"))
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("&Choose folder…"))
        self.folder_button.setObjectName("packetChooseFolder")
        self.folder_button.setAccessibleName(self.tr("Choose the folder for the packet"))
        self.folder_button.clicked.connect(self.choose_folder)

        self.progress = QProgressBar()
        self.progress.setObjectName("packetProgress")
        self.progress.setAccessibleName(self.tr("Packet progress"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("packetStatus")
        self.status.setAccessibleName(self.tr("Packet status"))
        self.status.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setObjectName("packetReport")
        self.report.setAccessibleName(self.tr("Parts written and pages of each exhibit"))
        self.report.setReadOnly(True)
        self.report.hide()
        self.build_button = QPushButton(self.tr("B&uild packet"))
        self.build_button.setObjectName("packetBuild")
        self.build_button.setAccessibleName(self.tr("Build the packet"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("packetCancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel the packet"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("packetClose")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

    def _make_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Cover &title"), self.title_edit)
        form.addRow(self.tr("Ta&b labels"), self.style_combo)
        form.addRow(self.tr("Page-number &prefix"), self.bates_edit)
        form.addRow(self.tr("&Largest part"), self.size_spin)
        form.addRow(self.tr("DHS &address"), self.address_edit)
        form.addRow(self.tr("Service &method"), self.method_edit)
        form.addRow(self.tr("&Signed by"), self.signer_edit)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        form.addRow(self.tr("Folder"), folder_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.build_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keep_box)
        warning = QLabel(
            self.tr(
                "The packet's PDF files are NOT encrypted: they hold the client's evidence. "
                "Choose a folder on an encrypted drive, and delete stray copies after filing."
            )
        )
        warning.setObjectName("packetWarning")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

    def _line(self, name: str, accessible: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    # --- options and folder ---------------------------------------------------------------

    def options(self) -> packet.PacketOptions:
        return packet.PacketOptions(
            title=self.title_edit.text().strip(),
            tab_style=TabStyle(self.style_combo.currentData()),
            bates_prefix=self.bates_edit.text().strip(),
            max_part_mb=self.size_spin.value(),
            dhs_address=self.address_edit.toPlainText().strip(),
            service_method=self.method_edit.text().strip(),
            signer=self.signer_edit.text().strip(),
        )

    def choose_folder(self) -> None:
        folder = existing_folder(
            self, self.tr("Choose the folder for the packet"), folder=self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)

    def choose_to_skip(self, problems: Sequence[FileProblem]) -> bool:
        """Ask whether to build without the files that cannot go in (True) or stop (False)."""
        box = QMessageBox(self)
        box.setObjectName("packetProblems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Some files cannot go into the packet"))
        box.setText(self.tr("These files cannot go into the packet:"))
        box.setInformativeText("\n".join(f"• {p.describe()}" for p in problems))
        stop = box.addButton(self.tr("Stop"), QMessageBox.ButtonRole.RejectRole)
        skip = box.addButton(self.tr("Build without them"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(stop)
        box.exec()
        return box.clickedButton() is skip

    # --- running ------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for widget in (
            self.build_button,
            self.folder_button,
            self.title_edit,
            self.style_combo,
            self.bates_edit,
            self.size_spin,
            self.address_edit,
            self.method_edit,
            self.signer_edit,
            self.keep_box,
            self.close_button,
        ):
            widget.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)

    def build(self) -> bool:
        if self.job is not None or not self.session.is_open:
            return False
        options = self.options()
        problems = options.problems()
        if problems:
            self.status.setText(self.tr("Check the options: {0}.").format("; ".join(problems)))
            return False
        folder_text = self.folder_edit.text()
        if not folder_text:
            self.status.setText(self.tr("Choose the folder to write the packet into."))
            return False
        folder = Path(folder_text)
        store, today, case_id = self.session.store, self.session.today(), self.case_id
        if self.keep_box.isChecked() and not (
            Operation(
                self,
                lambda _: packet.save_packet_defaults(store=store, options=options),
                session=self.session,
            )
            .failure(self._failed)
            .run_and_wait()
        ):
            return False

        def check_work(progress: Progress) -> Any:
            return packet.check_packet(
                store=store,
                case_id=case_id,
                options=options,
                today=today,
                cancelled=progress.cancelled,
            )

        self.report.hide()
        self._stop = False
        self.status.setText(self.tr("Opening every file…"))
        self.progress.setRange(0, 0)
        self._busy(True)
        self.job = self._run(check_work, lambda check: self._checked(check, folder, options))
        return True

    def _run(self, work: Callable[[Progress], Any], done: Callable[[Any], None]) -> Operation[Any]:
        """Check or build in the worker; the runner publishes what the build changed."""
        operation: Operation[Any] = Operation(self, work, session=self.session)
        operation.success(done).failure(self._failed).progress(self._progressed)
        operation.ended_with(lambda: self._ended(operation))
        return operation.run()

    def _ended(self, operation: Operation[Any]) -> None:
        if self.job is operation:  # not followed by the build (or the store locked meanwhile)
            self.job = None

    def _checked(
        self, check: packet.PacketCheck, folder: Path, options: packet.PacketOptions
    ) -> None:
        self.job = None
        skip = False
        if self._stop:  # cancelled just as the check finished
            self._busy(False)
            self.status.setText(self.tr("Cancelled: nothing was written."))
            return
        if check.problems:
            self._busy(False)
            if not self.choose_to_skip(check.problems):
                self.status.setText(self.tr("Stopped: nothing was written."))
                return
            skip = True
            self._busy(True)
        store, today, case_id = self.session.store, self.session.today(), self.case_id

        def build_work(ticks: Progress) -> Any:
            return packet.build_packet(
                store=store,
                case_id=case_id,
                folder=folder,
                options=options,
                today=today,
                skip_bad=skip,
                check=check,
                progress=ticks.report,
                cancelled=ticks.cancelled,
            )

        self.status.setText(self.tr("Building the packet…"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.job = self._run(build_work, lambda result: self._built(result, folder, check.warnings))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        self._stop = True
        if self.job is not None:
            self.job.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _failed(self, problem: Problem) -> None:
        self.job = None
        self._busy(False)
        error = problem.error
        if isinstance(error, packet.PacketCancelled):
            self.status.setText(self.tr("Cancelled: nothing was written."))
        elif isinstance(error, packet.PacketError | LookupError | OSError | ServiceError):
            self.status.setText(self.tr("The packet was not built: {0}").format(problem.text))
        else:  # nothing was kept either way; say so rather than fail silently
            self.status.setText(
                self.tr("The packet was not built because of an unexpected error ({0}).").format(
                    type(error).__name__
                )
            )

    def _built(self, result: Result[PacketBuild], folder: Path, warnings: Sequence[str]) -> None:
        self.job = None
        self._busy(False)
        built = result.unwrap()
        self.result_build = built
        self.status.setText(
            self.tr(
                "Saved %n part(s) in {0}. The files are NOT encrypted.", "", len(built.parts)
            ).format(str(folder))
        )
        lines = [
            self.tr("{0}: pages {1}–{2}").format(p.name, p.first_page, p.last_page)
            for p in built.parts
        ]
        lines.append("")
        for entry in built.exhibits:
            parts = ", ".join(str(n) for n in entry.parts)
            lines.append(
                self.tr("Exhibit {0}: pages {1} (part {2}) — {3}").format(
                    entry.label, entry.page_labels, parts, entry.title
                )
            )
        for problem in built.omitted:
            lines.append(self.tr("Left out: {0}").format(problem.describe()))
        for page in built.rasterised:
            lines.append(self.tr("Put in as a picture: {0}").format(page.describe()))
        lines += list(warnings)
        self.report.setPlainText("\n".join(lines))
        self.report.show()

    def reject(self) -> None:
        if self.job is not None:  # closing while building cancels; nothing is kept
            self.job.cancel()
        super().reject()
