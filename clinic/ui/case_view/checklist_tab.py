"""Checklist: the filing checklist for the case (template chosen by claim type and stage, or by
hand), each item's state, staff ticks (done / not applicable with a reason) and the PDF export."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.checklists import EvaluatedItem
from clinic.domain.enums import ChecklistState
from clinic.services.dto import CaseView
from clinic.services.results import Result
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label, selected_id, table_view
from clinic.ui.case_view.case_words import problem_words, short_date
from clinic.ui.case_view.checklist_table_model import ChecklistTableModel, Column
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.pdf_export import PdfSaver
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language

if TYPE_CHECKING:  # imported where used: they load reportlab/icalendar
    from clinic.services import checklists


class ChecklistTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("checklistTab")
        self._template_id: str | None = None  # chosen by hand for this case; None = default
        self._shown_case: int | None = None
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("checklistTemplateCombo")
        self.template_combo.setAccessibleName(self.tr("Checklist template"))
        self.template_combo.activated.connect(self._template_chosen)
        self.summary = self.value_label("checklistSummary", self.tr("Checklist summary"))
        self.model = self.own_model(ChecklistTableModel(self))
        self.table = table_view(
            self.model, "checklistTable", self.tr("Checklist items"), stretch=Column.ITEM
        )
        # Every cell readable whole: long texts wrap onto more lines (rows as high as their
        # text), the short words take the width they need, and each cell's tooltip gives its
        # full text where a single long word still has to be shortened.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for column in (Column.STATE, Column.BASIS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(Column.SECTION, 140)
        self.table.setColumnWidth(Column.DETAIL, 230)
        self.table.setColumnWidth(Column.CITATION, 170)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.done_button = action_button(self.tr("Mark done"), "checklistDoneButton")
        self.done_button.clicked.connect(lambda: self._tick(ChecklistState.DONE))
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("checklistReasonEdit")
        self.reason_edit.setAccessibleName(self.tr("Reason it does not apply"))
        self.reason_edit.setPlaceholderText(self.tr("Reason it does not apply"))
        self.na_button = action_button(self.tr("Not applicable"), "checklistNotApplicableButton")
        self.na_button.clicked.connect(lambda: self._tick(ChecklistState.NOT_APPLICABLE))
        self.clear_button = action_button(self.tr("Clear tick"), "checklistClearButton")
        self.clear_button.setToolTip(self.tr("Back to what the case data says (or missing)"))
        self.clear_button.clicked.connect(lambda: self._tick(ChecklistState.MISSING))
        self.export_button = action_button(self.tr("Export PDF…"), "exportChecklistButton")
        self.export_button.clicked.connect(self.export_pdf)
        self.saver = PdfSaver(self)
        self.saver.saved.connect(self._export_said)
        self.saver.failed.connect(self._export_said)
        self.saver.busy_changed.connect(self._update_buttons)
        session.locked.connect(self.saver.forget)
        self.message = self.value_label("checklistMessage", self.tr("Checklist message"))
        tint(self.message, Role.DANGER)
        self.message.hide()
        self.status = self.value_label("checklistStatus", self.tr("Export status"))
        self.empty_state = hint_label("", "checklistEmptyState")
        self._build_layout()
        self._update_buttons()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Checklist:")))
        top.addWidget(self.template_combo, 1)
        top.addWidget(self.export_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.reason_edit, 1)
        buttons.addWidget(self.na_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.status)

    # --- showing --------------------------------------------------------------------------

    def display_case(self, case: CaseView, today: date) -> None:
        from clinic.services import checklists  # noqa: PLC0415 - reportlab on first use

        if case.id != self._shown_case:
            self._template_id = None
            self._shown_case = case.id
            self.status.clear()
        keep = selected_id(self.table)
        super().display_case(case, today)
        try:
            shown = checklists.case_checklist(
                store=self.session.store,
                case_id=case.id,
                today=today,
                template_id=self._template_id,
            )
        except checklists.UnknownTemplate:
            self.model.clear()
            self.empty_state.setText(self.tr("No checklist template applies to this case."))
            return
        self._fill_combo(shown)
        template = shown.checklist.template
        lang = current_language()
        self.model.set_items(
            shown.checklist.items, {s: template.section_in(s, lang) for s in template.sections}
        )
        checklist = shown.checklist
        self.summary.setText(
            self.tr(
                "{0} items apply: {1} done, {2} not applicable, {3} missing. Rules as of {4}."
            ).format(
                len(checklist.items),
                checklist.count(ChecklistState.DONE),
                checklist.count(ChecklistState.NOT_APPLICABLE),
                checklist.count(ChecklistState.MISSING),
                short_date(checklist.template.as_of),
            )
        )
        self.empty_state.clear()
        if keep is not None and keep < self.model.rowCount():
            self.table.selectRow(keep)
        self._update_buttons()

    def _fill_combo(self, shown: checklists.CaseChecklist) -> None:
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for template in shown.templates:
            suffix = self.tr(" (default)") if template.id == shown.default_template_id else ""
            self.template_combo.addItem(template.title_in(current_language()) + suffix, template.id)
        current = self.template_combo.findData(shown.checklist.template.id)
        if current < 0:  # chosen by hand although its conditions do not hold
            title = shown.checklist.template.title_in(current_language())
            self.template_combo.addItem(title, shown.checklist.template.id)
            current = self.template_combo.count() - 1
        self.template_combo.setCurrentIndex(current)
        self.template_combo.blockSignals(False)

    def _template_chosen(self, index: int) -> None:
        self._template_id = self.template_combo.itemData(index)
        if self.case is not None:
            self.display_case(self.case, self.today)

    @property
    def template_id(self) -> str | None:
        data = self.template_combo.currentData()
        return str(data) if data else None

    def selected_item(self) -> EvaluatedItem | None:
        row = selected_id(self.table)
        return self.model.row_at(row).entry if row is not None else None

    def _update_buttons(self, *_args: object) -> None:
        entry = self.selected_item()
        self.done_button.setEnabled(entry is not None and entry.state is not ChecklistState.DONE)
        self.na_button.setEnabled(entry is not None)
        self.clear_button.setEnabled(
            entry is not None
            and entry.manual is not None
            and entry.manual.state is not ChecklistState.MISSING
        )
        self.export_button.setEnabled(self.case is not None and not self.saver.busy)

    # --- ticking --------------------------------------------------------------------------

    def _tick(self, state: ChecklistState) -> None:
        from clinic.services import checklists  # noqa: PLC0415 - reportlab on first use

        entry, template_id = self.selected_item(), self.template_id
        if entry is None or template_id is None or self.case is None:
            return
        reason = self.reason_edit.text() if state is ChecklistState.NOT_APPLICABLE else ""
        store, case_id, item_id = self.session.store, self.case.id, entry.item.id
        Operation(
            self,
            lambda _: checklists.set_item_state(
                store=store,
                case_id=case_id,
                template_id=template_id,
                item_id=item_id,
                state=state,
                reason=reason,
            ),
            session=self.session,
        ).success(self._tick_answered).failure(
            lambda problem: self.show_message(
                self.tr("Nothing was saved: {0}").format(problem.text)
            )
        ).run_and_wait()

    def _tick_answered(self, result: Result[Any]) -> None:
        if not result.ok:
            if any(p.field == "reason" for p in result.problems):
                self.show_message(self.tr("Say why the item does not apply to this case."))
            else:
                self.show_message(" ".join(problem_words(p.code) for p in result.problems))
            return
        self.show_message("")
        self.reason_edit.clear()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- export ---------------------------------------------------------------------------

    def export_pdf(self) -> bool:
        """Warn, build the PDF, show it, then Save… asks where (the shared flow: PdfSaver)."""
        case, template_id = self.case, self.template_id
        if case is None or self.saver.busy:
            return False
        store, today = self.session.store, self.today

        def render(lang: str) -> bytes:
            from clinic.services import checklists  # noqa: PLC0415 - reportlab on first use

            return checklists.checklist_pdf(
                store=store, case_id=case.id, today=today, template_id=template_id, lang=lang
            )

        def write(destination: Path, pdf: bytes) -> Any:
            from clinic.services import checklists  # noqa: PLC0415 - reportlab on first use

            return checklists.export_checklist_pdf(
                store=store,
                case_id=case.id,
                destination=destination,
                today=today,
                template_id=template_id,
                pdf=pdf,  # the PDF the user saw
            )

        return self.saver.save(
            warning=self.tr(
                "The checklist PDF is NOT encrypted: it names the client and the case. Save it "
                "only on an encrypted drive or print it, and delete stray copies. The export is "
                "recorded in the audit log."
            ),
            caption=self.tr("Save the checklist PDF"),
            suggested_name=f"checklist-case-{case.id}-{template_id or 'default'}.pdf",
            render=render,
            write=write,
            prepared_in=self.session,
        )

    def _export_said(self, text: str) -> None:
        if self.session.is_open:
            self.status.setText(text)

    def clear(self) -> None:
        super().clear()
        self._shown_case = None
        self._template_id = None
        self.template_combo.clear()
        self.reason_edit.clear()
        self.empty_state.clear()
        self.show_message("")
        self._update_buttons()
