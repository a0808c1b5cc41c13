"""Print the hearing docket: pick the days (default: the coming week) and, if wanted, one
paralegal's cases; then the PDF is saved where the user chooses (built in the background)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
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
from clinic.ui.palette import Role, tint
from clinic.ui.pdf_export import PdfSaver
from clinic.ui.session import UiSession

COMING_DAYS = 6  # today and the six days after it: the coming week


class DocketDialog(QDialog):
    def __init__(
        self,
        start: date,
        end: date,
        paralegals: list[str],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setObjectName("docketDialog")
        self.setWindowTitle(self.tr("Print hearing docket"))
        self.setAccessibleName(self.tr("Print hearing docket"))
        self.start_edit = self._date_edit("docketFromDate", self.tr("First day"), start)
        self.end_edit = self._date_edit("docketToDate", self.tr("Last day"), end)
        self.paralegal_combo = QComboBox()
        self.paralegal_combo.setObjectName("docketParalegalCombo")
        self.paralegal_combo.setAccessibleName(self.tr("Paralegal"))
        self.paralegal_combo.addItem(self.tr("Every paralegal"), "")
        for name in paralegals:
            self.paralegal_combo.addItem(name, name)
        self.problem = QLabel()
        self.problem.setObjectName("docketDateProblem")
        self.problem.setAccessibleName(self.tr("Problem with the dates"))
        tint(self.problem, Role.DANGER)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("docketButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save PDF…"))
        self.ok_button.setObjectName("docketSaveButton")
        self.ok_button.setAccessibleName(self.tr("Save the docket as a PDF"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start_edit)
        form.addRow(self.tr("&To:"), self.end_edit)
        form.addRow(self.tr("&Paralegal:"), self.paralegal_combo)
        intro = QLabel(
            self.tr(
                "Master calendar hearings, individual hearings and asylum-office interviews, "
                "by day and court, with how ready each case is."
            )
        )
        intro.setObjectName("docketIntro")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.start_edit, self.end_edit):
            edit.changed.connect(self._check)
        self._check()

    def _date_edit(self, name: str, accessible: str, day: date) -> DateInput:
        edit = DateInput(day, today=self.today)
        edit.set_names(name, accessible)
        return edit

    def _check(self, *_args: object) -> None:
        start, end = self.start_edit.value(), self.end_edit.value()
        wrong = start is not None and end is not None and start > end
        self.problem.setText(
            self.tr("The first day is after the last day; change one of them.") if wrong else ""
        )
        self.problem.setVisible(wrong)
        self.ok_button.setEnabled(not wrong)

    def accept(self) -> None:
        if check_inputs(self):  # a day that does not read is shown under its field
            super().accept()

    @property
    def start(self) -> date:
        return self.start_edit.value() or self.today()

    @property
    def end(self) -> date:
        return self.end_edit.value() or self.today()

    @property
    def paralegal(self) -> str:
        return str(self.paralegal_combo.currentData() or "")


class DocketPrinter(QObject):
    """The "Print hearing docket…" action: the dialog, then the save (see PdfSaver)."""

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("docketPrinter")
        self.session = session
        self._parent = parent
        self.saver = PdfSaver(parent)
        session.locked.connect(self.saver.forget)

    def paralegal_names(self) -> list[str]:
        people = staff.list_staff(store=self.session.store, active_only=False)
        return [p.name for p in people if p.role is StaffRole.PARALEGAL]

    def ask(self) -> DocketDialog:
        today = self.session.today()
        return DocketDialog(
            today,
            today + timedelta(days=COMING_DAYS),
            self.paralegal_names(),
            self._parent,
            today=self.session.today,
        )

    def start(self) -> None:
        if not self.session.is_open:
            return
        dialog = self.ask()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.save(dialog.start, dialog.end, dialog.paralegal)

    def save(self, start: date, end: date, paralegal: str = "") -> bool:
        store, today = self.session.store, self.session.today()

        def render(lang: str) -> bytes:
            from clinic.services import attorney_reports  # noqa: PLC0415 - reportlab on first use

            return attorney_reports.docket_pdf(
                store=store,
                start=start,
                end=end,
                today=today,
                paralegal=paralegal or None,
                lang=lang,
            )

        def write(destination: Path, pdf: bytes) -> Any:
            from clinic.services import attorney_reports  # noqa: PLC0415 - reportlab on first use

            return attorney_reports.export_docket_pdf(
                store=store,
                start=start,
                end=end,
                destination=destination,
                today=today,
                paralegal=paralegal or None,
                overwrite=True,  # the save dialog asked before replacing
                pdf=pdf,  # the PDF the user saw
            )

        return self.saver.save(
            warning=self.tr(
                "The hearing docket PDF is NOT encrypted: it names clients and their cases. "
                "Save it only on an encrypted drive or print it, and delete stray copies. The "
                "export is recorded in the audit log."
            ),
            caption=self.tr("Save the hearing docket PDF"),
            suggested_name=f"hearing-docket-{start.isoformat()}-to-{end.isoformat()}.pdf",
            render=render,
            write=write,
            prepared_in=self.session,
        )
