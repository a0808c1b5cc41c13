"""The main window: search as you type over the cases table, a case summary, and Lock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.anumber import format_a_number
from clinic.domain.enums import DeadlineStatus
from clinic.services import cases, search
from clinic.services.dto import CaseView
from clinic.storage.store import Store
from clinic.ui.case_table_model import CASE_ID_ROLE, CaseTableModel, Column
from clinic.ui.labels import label

SEARCH_DELAY_MS = 150


class MainWindow(QMainWindow):
    lock_requested = Signal()

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self._store: Store | None = store
        self._today = today
        self.setWindowTitle("Clinic")  # never a client's name: titles show in task switchers
        self.setObjectName("mainWindow")
        self.resize(1100, 700)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("caseSearch")
        self.search_field.setAccessibleName("Search cases")
        self.search_field.setPlaceholderText(
            "Search by name, alias, A-number or receipt number (Ctrl+F)"
        )
        self.search_field.setClearButtonEnabled(True)
        self.model = CaseTableModel()
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setAccessibleName("Cases")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(Column.CLIENT, 240)
        self.detail = QTextBrowser()
        self.detail.setObjectName("caseDetail")
        self.detail.setAccessibleName("Case summary")
        self.empty_state = QLabel("")
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([750, 350])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_field)
        layout.addWidget(self.empty_state)
        layout.addWidget(splitter)
        self.setCentralWidget(central)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search_field.textChanged.connect(self._search_timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._show_case)
        self._add_actions()
        self.refresh()

    def _add_actions(self) -> None:
        find = QAction("Find", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search_field.setFocus)
        lock = QAction("Lock", self)
        lock.setObjectName("lockAction")
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested.emit)
        menu = self.menuBar().addMenu("&File")
        menu.addAction(find)
        menu.addAction(lock)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def refresh(self) -> None:
        store = self._store
        if store is None:
            self.model.reset(None)
            return
        text = self.search_field.text()
        today = self._today()

        def load(offset: int, limit: int) -> list[search.CaseSummary]:
            return search.list_cases(
                store=store, today=today, text=text, offset=offset, limit=limit
            )

        self.model.reset(load)
        if self.model.canFetchMore():
            self.model.fetchMore()
        self._update_empty_state(text)

    def _update_empty_state(self, text: str) -> None:
        if self.model.rowCount():
            self.empty_state.hide()
            return
        if text.strip():
            self.empty_state.setText(
                f"No case matches “{text}”. Check the spelling or search by A-number."
            )
        else:
            self.empty_state.setText("No cases yet. Cases you open will be listed here.")
        self.empty_state.show()

    def _show_case(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._store is None or not current.isValid():
            self.detail.clear()
            return
        case = cases.get_case(store=self._store, case_id=current.data(CASE_ID_ROLE))
        self.detail.setHtml(case_summary_html(case))

    def clear_client_data(self) -> None:
        """On lock: drop the store and every view of client data."""
        self._store = None
        self.search_field.clear()
        self.model.reset(None)
        self.detail.clear()

    def attach_store(self, store: Store) -> None:
        self._store = store
        self.refresh()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def case_summary_html(case: CaseView) -> str:
    client = case.client
    rows = [
        ("A-number", format_a_number(client.a_number) if client.a_number else "none"),
        ("Claim", f"{label(case.claim_type)} ({', '.join(label(r) for r in sorted(case.relief))})"),
        ("Stage", label(case.stage) + (f" — {label(case.outcome)}" if case.outcome else "")),
        (
            "Forum",
            " · ".join(x for x in (case.forum_name, case.judge) if x) or case.forum_kind.value,
        ),
        ("Detained", "yes" if case.detained else "no"),
    ]
    upcoming = [h for h in case.hearings if h.on >= date.today()]
    if upcoming:
        rows.append(("Next hearing", f"{upcoming[0].on.isoformat()} {label(upcoming[0].kind)}"))
    open_deadlines = [d for d in case.deadlines if d.status is DeadlineStatus.OPEN]
    if open_deadlines:
        rows.append(
            ("Next deadline", f"{open_deadlines[0].due_on.isoformat()} {open_deadlines[0].title}")
        )
    body = "".join(f"<tr><th align='left'>{_esc(k)}</th><td>{_esc(v)}</td></tr>" for k, v in rows)
    return f"<h2>{_esc(client.display_name)}</h2><table cellpadding='3'>{body}</table>"
