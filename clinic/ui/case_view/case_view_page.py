"""The case page: a header (who, which claim, what is next) over one tab per part of the work."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from clinic.domain.ids import CaseId
from clinic.services import cases, record_checks
from clinic.services.dto import CaseView
from clinic.services.results import Changes, Entity
from clinic.ui.case_view.case_header import CaseHeader
from clinic.ui.case_view.case_tab import CaseTab, hint_label
from clinic.ui.case_view.checklist_tab import ChecklistTab
from clinic.ui.case_view.client_tab import ClientTab
from clinic.ui.case_view.deadlines_tab import DeadlinesTab
from clinic.ui.case_view.evidence_tab import EvidenceTab
from clinic.ui.case_view.exhibits_panel import ExhibitsTab
from clinic.ui.case_view.form_dialog import FormDialog
from clinic.ui.case_view.hearings_tab import HearingsTab
from clinic.ui.case_view.i589_tab import I589Tab
from clinic.ui.case_view.notes_tab import NotesTab
from clinic.ui.case_view.overview_tab import OverviewTab
from clinic.ui.case_view.people_tab import PeopleTab
from clinic.ui.case_view.summary_export import SummaryExport
from clinic.ui.handout_dialog import HandoutExport
from clinic.ui.page import Page
from clinic.ui.session import UiSession

# Changes to these touch every case (rule settings, closures, staff names, a restore).
_EVERY_CASE = frozenset({Entity.SETTINGS, Entity.STORE, Entity.STAFF})


class CaseViewPage(Page):
    title = str(QT_TRANSLATE_NOOP("MainWindow", "Case"))  # the main window translates page titles

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("caseViewPage")
        self.case_id: CaseId | None = None
        self.case: CaseView | None = None
        self.header = CaseHeader()
        self.overview = OverviewTab(session)
        self.client_tab = ClientTab(session)
        self.people = PeopleTab(session)
        self.i589 = I589Tab(session)
        self.hearings = HearingsTab(session)
        self.deadlines = DeadlinesTab(session)
        self.evidence = EvidenceTab(session)
        self.exhibits = ExhibitsTab(session)
        self.checklist = ChecklistTab(session)
        self.notes = NotesTab(session)
        self.summary_export = SummaryExport(session, lambda: self.case, self)
        self.handout_export = HandoutExport(session, lambda: self.case, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setAccessibleName(self.tr("Parts of the case"))
        self.tabs.setDocumentMode(True)
        for tab, text in (
            (self.overview, self.tr("&Overview")),
            (self.client_tab, self.tr("&Client && family")),
            (self.people, self.tr("Entries && &status")),
            (self.i589, self.tr("I-58&9")),
            (self.hearings, self.tr("&Hearings")),
            (self.deadlines, self.tr("&Deadlines")),
            (self.evidence, self.tr("&Evidence")),
            (self.exhibits, self.tr("E&xhibits")),
            (self.checklist, self.tr("Chec&klist")),
            (self.notes, self.tr("&Notes && history")),
        ):
            self.tabs.addTab(tab, text)
        self.empty_state = hint_label(
            self.tr("Open a case from Cases or Today to see it here."), "caseViewEmptyState"
        )
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.summary_export.button, 0, Qt.AlignmentFlag.AlignTop)
        header_row.addWidget(self.handout_export.button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(header_row)
        column.addWidget(self.tabs, 1)
        # A case whose stored values cannot be read (a bad row from an older version or hand
        # editing): said, with which record and field, instead of a crash (issue 16 § 5).
        self.unreadable = hint_label("", "caseViewUnreadable")
        self.unreadable.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unreadable.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(content)
        self.stack.addWidget(self.unreadable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    @property
    def case_tabs(self) -> tuple[CaseTab, ...]:
        return (
            self.overview,
            self.client_tab,
            self.people,
            self.i589,
            self.hearings,
            self.deadlines,
            self.evidence,
            self.exhibits,
            self.checklist,
            self.notes,
        )

    def show_case(self, case_id: int) -> None:
        if case_id != self.case_id:
            self.clear()
            self.tabs.setCurrentWidget(self.overview)
        self.case_id = CaseId(case_id)
        self.reload()

    def reload(self) -> None:
        if self.case_id is None or not self.session.is_open:
            return
        try:
            case = cases.get_case(store=self.session.store, case_id=self.case_id)
        except (LookupError, ValueError):
            found = record_checks.case_problems(store=self.session.store, case_id=self.case_id)
            if found is None:  # no such case (any more)
                self.case_id = None
                self.clear()
            else:
                self._show_unreadable(found)
            return
        self.case = case
        today = self.session.today()
        self.header.display_case(case, today)
        for tab in self.case_tabs:
            tab.display_case(case, today)
        self.stack.setCurrentIndex(1)

    def _show_unreadable(self, found: tuple[str, ...]) -> None:
        self.case = None
        where = "; ".join(found) or self.tr("a value Clinic does not know")
        self.unreadable.setText(
            self.tr(
                "This case cannot be shown: some of its stored values are not valid, so Clinic "
                "cannot read them (%1). They may come from an older version of Clinic or from "
                "editing the records by hand. Nothing was changed. 'clinic doctor' lists every "
                "such value by record and field; restore a backup from before the change, or ask "
                "whoever supports Clinic at the clinic to correct them."
            ).replace("%1", where)
        )
        self.stack.setCurrentIndex(2)

    def apply_changes(self, changes: Changes) -> None:
        if self.case_id is not None and self.session.is_open and self._touches(changes):
            self.reload()

    def _touches(self, changes: Changes) -> bool:
        if changes.entities & _EVERY_CASE or self.case_id in changes.ids(Entity.CASE):
            return True
        case = self.case
        if case is None:
            return False
        mine = (
            (Entity.CLIENT, {case.client.id}),
            (Entity.FAMILY_MEMBER, {f.id for f in case.client.family}),
            (Entity.HEARING, {h.id for h in case.hearings}),
            (Entity.DEADLINE, {d.id for d in case.deadlines}),
            (Entity.EVIDENCE, {e.id for e in case.evidence}),
        )
        return any(changes.ids(entity) & ids for entity, ids in mine)

    def clear(self) -> None:
        """Forget the case on screen: dialogs, header, every tab's models and labels."""
        for dialog in self.findChildren(FormDialog):
            dialog.discard()
        self.case = None
        self.header.clear()
        for tab in self.case_tabs:
            tab.clear()
        self.stack.setCurrentIndex(0)
