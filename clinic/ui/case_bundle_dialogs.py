"""Exporting a case to a passphrase-protected case file (.cliniccase) and importing one, from
the File menu; a likely duplicate client is asked about, then the import runs again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import ClientId
from clinic.services.exports import case_bundle
from clinic.ui.file_dialogs import open_file_name
from clinic.ui.file_saver import FileSaver
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


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
