"""Print the hearing docket: pick the days (default: the coming week) and, if wanted, one
paralegal's cases; then the PDF is saved where the user chooses (built in the background)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
        name_dialog(self, "docketDialog", self.tr("Print hearing docket"))
        self.start_edit = day_field("docketFromDate", self.tr("First day"), start, today)
        self.end_edit = day_field("docketToDate", self.tr("Last day"), end, today)
        self.paralegal_combo = paralegal_choice(
            "docketParalegalCombo", self.tr("Paralegal"), self.tr("Every paralegal"), paralegals
        )
        self.problem = QLabel()
        self.problem.setObjectName("docketDateProblem")
        self.problem.setAccessibleName(self.tr("Problem with the dates"))
        tint(self.problem, Role.DANGER)
        self.problem.hide()
        self.buttons = ok_cancel(self, "docketButtons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Save PDF…"))
        self.ok_button.setObjectName("docketSaveButton")
        self.ok_button.setAccessibleName(self.tr("Save the docket as a PDF"))
        form = period_form(
            [
                (self.tr("&From:"), self.start_edit),
                (self.tr("&To:"), self.end_edit),
                (self.tr("&Paralegal:"), self.paralegal_combo),
            ]
        )
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


class DocketPrinter(DialogExport[DocketDialog]):
    """The "Print hearing docket…" action: the dialog, then the save (see PdfSaver)."""

    def __init__(self, session: UiSession, parent: QWidget) -> None:
        super().__init__(session, parent, "docketPrinter")
        self.saver = PdfSaver(parent)
        session.locked.connect(self.saver.forget)

    def ask(self) -> DocketDialog:
        today = self.session.today()
        return DocketDialog(
            today,
            today + timedelta(days=COMING_DAYS),
            paralegal_names(self.session),
            self._parent,
            today=self.session.today,
        )

    def save_chosen(self, dialog: DocketDialog) -> None:
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
