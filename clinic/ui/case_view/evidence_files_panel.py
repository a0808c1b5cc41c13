"""One evidence item's files: attach (encrypted off the GUI thread), preview images from memory,
and export a plaintext copy only where the user chooses, after a warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import EvidenceFileId, EvidenceId
from clinic.services import evidence
from clinic.services.dto import EvidenceFileView, EvidenceView
from clinic.services.results import Changes, Result
from clinic.ui.case_view.case_tab import (
    action_button,
    hint_label,
    select_id,
    selected_id,
    table_view,
)
from clinic.ui.case_view.evidence_table_model import EvidenceFileTableModel, FileColumn, is_image
from clinic.ui.file_dialogs import save_file_name
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem, describe
from clinic.ui.session import UiSession

PREVIEW_MIN_SIZE = (260, 200)
Work = Callable[[Progress], Any]


def attach_work(store: Any, evidence_id: EvidenceId, paths: Sequence[Path]) -> Work:
    """Encrypt each file into the vault; an unreadable file is reported, the others still go in."""

    def work(progress: Progress) -> Any:
        results: list[Result[EvidenceFileView]] = []
        failures: list[tuple[str, OSError]] = []  # worded on the GUI thread
        for number, path in enumerate(paths, start=1):
            if progress.cancelled():
                break
            try:
                results.append(
                    evidence.attach_path(store=store, evidence_id=evidence_id, path=path)
                )
            except OSError as exc:
                failures.append((path.name, exc))
            progress.report(number, len(paths))
        return results, failures

    return work


class EvidenceFilesPanel(QWidget):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: EvidenceView | None = None
        self.jobs: set[Operation[Any]] = set()
        self._preview_for: int | None = None
        self.model = EvidenceFileTableModel(self)
        self.table = table_view(
            self.model,
            "evidenceFileTable",
            self.tr("Files of the selected item"),
            stretch=FileColumn.NAME,
        )
        self.table.setColumnWidth(FileColumn.KIND, 120)
        self.table.selectionModel().selectionChanged.connect(self._file_selected)
        self.attach_button = action_button(self.tr("Attach files…"), "attachFilesButton")
        self.export_button = action_button(self.tr("Export a copy…"), "exportCopyButton")
        self.export_button.clicked.connect(self.export_selected)
        self.progress = QProgressBar()
        self.progress.setObjectName("attachProgress")
        self.progress.setAccessibleName(self.tr("Attaching files"))
        self.cancel_button = action_button(self.tr("Cancel"), "cancelAttachButton")
        self.cancel_button.clicked.connect(self.cancel_jobs)
        self.status = QLabel()
        self.status.setObjectName("evidenceFileStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QLabel()
        self.preview.setObjectName("evidencePreview")
        self.preview.setAccessibleName(self.tr("Image preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMinimumSize(*PREVIEW_MIN_SIZE)
        self.preview.setWordWrap(True)
        self._build_layout()
        self._set_busy(False)
        self.show_item(None)

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        left = QVBoxLayout()
        left.addLayout(buttons)
        left.addWidget(self.table, 1)
        left.addWidget(self.status)
        self.hint = hint_label(
            self.tr("Drop files on this tab to attach them to the selected item."), "dropHint"
        )
        left.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 3)
        layout.addWidget(self.preview, 2)

    def show_item(self, item: EvidenceView | None) -> None:
        keep = selected_id(self.table)
        self.item = item
        self.model.set_rows(item.files if item is not None else ())
        self.attach_button.setEnabled(item is not None)
        if not select_id(self.table, keep):
            self._file_selected()

    def selected_file(self) -> EvidenceFileView | None:
        row_id = selected_id(self.table)
        row = self.model.row_of(row_id) if row_id is not None else None
        return self.model.row_at(row) if row is not None else None

    def _file_selected(self, *_args: object) -> None:
        file = self.selected_file()
        self.export_button.setEnabled(file is not None)
        self.preview.clear()
        self._preview_for = None
        if file is None:
            self.preview.setText(self.tr("Select a file to preview it."))
        elif not is_image(file):
            self.preview.setText(
                self.tr(
                    "No preview for this kind of file. Use “Export a copy…” to open it elsewhere."
                )
            )
        else:
            self.preview.setText(self.tr("Decrypting…"))
            self._preview_for = file.id
            self._run(self._read_work(file.id), self._show_preview, busy=False)

    def _read_work(self, file_id: EvidenceFileId) -> Work:
        store = self.session.store

        def work(_progress: Progress) -> Any:
            return file_id, evidence.read_evidence_file(store=store, file_id=file_id)

        return work

    def _show_preview(self, outcome: tuple[int, bytes]) -> None:
        file_id, data = outcome
        if file_id != self._preview_for:
            return  # the user moved on, or the store locked
        image = QImage.fromData(data)  # decoded from memory: the plaintext never touches disk
        del data
        if image.isNull():
            self.preview.setText(self.tr("This image cannot be shown."))
            return
        pixmap = QPixmap.fromImage(image).scaled(
            self.preview.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def attach_paths(self, evidence_id: EvidenceId, paths: Sequence[Path]) -> None:
        files = [p for p in paths if p.is_file()]
        if not files:
            self.status.setText(self.tr("Only files can be attached, not folders."))
            return
        self.status.setText(self.tr("Encrypting %n file(s)…", "", len(files)))
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self._run(attach_work(self.session.store, evidence_id, files), self._attached, busy=True)

    def _attached(
        self, outcome: tuple[list[Result[EvidenceFileView]], list[tuple[str, OSError]]]
    ) -> None:
        self._set_busy(False)
        results, failures = outcome
        lines = [self.tr("Attached %n file(s), encrypted.", "", len(results))]
        lines += [
            self.tr("Could not attach {0}: {1}").format(name, describe(error).text)
            for name, error in failures
        ]
        self.status.setText("\n".join(lines))

    def export_selected(self) -> None:
        file = self.selected_file()
        if file is None or self.item is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("Export an unencrypted copy?"),
            self.tr(
                "The exported copy is NOT encrypted. Anyone who can open the folder you choose "
                "can read it. Save it only on an encrypted drive, and delete it when you are done. "
                "The export is recorded in the audit log."
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Ok:
            return
        # A neutral default name: original names often carry the client's name.
        suggested = (
            f"exhibit-{self.item.exhibit_order or 0}-{file.id}{Path(file.original_name).suffix}"
        )
        chosen, _ = save_file_name(self, self.tr("Export a copy"), suggested)
        if not chosen:
            return
        store, destination = self.session.store, Path(chosen)

        def work(_progress: Progress) -> Any:
            return evidence.export_evidence_file(
                store=store, file_id=file.id, destination=destination
            )

        self.status.setText(self.tr("Exporting…"))
        self._run(work, self._exported, busy=True)

    def _exported(self, result: Result[Path]) -> None:
        self._set_busy(False)
        self.status.setText(self.tr("Exported an unencrypted copy to {0}.").format(result.value))

    def _run(self, work: Work, on_done: Callable[[Any], None], *, busy: bool) -> None:
        """Off the GUI thread; a lock meanwhile drops the outcome (nothing to say to an empty
        screen), and an attach's changes are published."""
        operation: Operation[Any] = Operation(
            self, work, session=self.session, changes=_attached_changes
        )
        operation.success(on_done).failure(self._failed)
        operation.ended_with(lambda: self.jobs.discard(operation))
        if busy:
            operation.progress(self._progressed)
        self.jobs.add(operation)
        operation.run()
        if busy:
            self._set_busy(True)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _failed(self, problem: Problem) -> None:
        self._set_busy(False)
        if isinstance(problem.error, FileExistsError):
            self.status.setText(
                self.tr("A file with that name already exists there; choose another name.")
            )
        else:
            self.status.setText(self.tr("That did not work: {0}").format(problem.text))
        self.preview.setText("")

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def cancel_jobs(self) -> None:
        for job in list(self.jobs):
            job.cancel()

    def clear(self) -> None:
        self.cancel_jobs()
        self._preview_for = None
        self.item = None
        self.model.clear()
        self.preview.clear()
        self.status.clear()
        self._set_busy(False)


def _attached_changes(outcome: object) -> Changes | None:
    """What attaching changed (the other jobs, previews and exports, change nothing)."""
    if not isinstance(outcome, tuple) or len(outcome) != 2 or not isinstance(outcome[0], list):
        return None
    changes = Changes()
    for result in outcome[0]:
        if isinstance(result, Result):
            changes = changes | result.changes
    return changes
