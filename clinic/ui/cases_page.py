"""The Cases page: search as you type, filters, sortable columns, rows loaded a page at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from clinic.domain.enums import ClaimType, Stage
from clinic.services import search, staff
from clinic.services.dto import CaseSummary
from clinic.services.exports.case_list import ListQuery
from clinic.services.results import Changes, Entity
from clinic.services.search import CaseFilter, SortKey
from clinic.ui.case_table_model import CASE_ID_ROLE, PAGE_SIZE, CaseTableModel, Column
from clinic.ui.export_dialogs import CaseListExporter
from clinic.ui.labels import label
from clinic.ui.page import Page
from clinic.ui.session import UiSession

SEARCH_DELAY_MS = 150
COUNT_LIMIT = 1000  # a search shows "More than 1,000 cases" rather than counting every match
HEADER_STATE_KEY = "cases/headerState"
_SORTABLE = {
    Column.CLIENT: SortKey.CLIENT,
    Column.A_NUMBER: SortKey.A_NUMBER,
    Column.STAGE: SortKey.STAGE,
    Column.NEXT_HEARING: SortKey.NEXT_HEARING,
    Column.NEXT_DEADLINE: SortKey.NEXT_DEADLINE,
}


class _FilterCombo(QComboBox):
    """A filter as wide as its longest choice when there is room; on a narrow window (a
    1280-pixel laptop in Spanish, whose stage names are long) it may shrink to about 14
    characters, its text elided, instead of widening the whole window past the screen."""

    SHRINKS_TO = 14

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        extra = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent) * 2
        floor = self.fontMetrics().averageCharWidth() * self.SHRINKS_TO + extra
        return QSize(min(hint.width(), floor), hint.height())


def _combo(name: str, accessible: str, items: list[tuple[str, object]]) -> QComboBox:
    box = _FilterCombo()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    for text, data in items:
        box.addItem(text, data)
    return box


class CasesPage(Page):
    title = str(QT_TRANSLATE_NOOP("MainWindow", "Cases"))

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("casesPage")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("caseSearch")
        self.search_field.setAccessibleName(self.tr("Search cases"))
        self.search_field.setPlaceholderText(
            self.tr("Search by name, alias, A-number or receipt number (Ctrl+F)")
        )
        self.search_field.setClearButtonEnabled(True)
        any_ = self.tr("Any")
        self.claim_filter = _combo(
            "claimFilter",
            self.tr("Claim type"),
            [(any_, None)] + [(label(c), c) for c in ClaimType],
        )
        self.stage_filter = _combo(
            "stageFilter", self.tr("Stage"), [(any_, None)] + [(label(s), s) for s in Stage]
        )
        self.paralegal_filter = _combo("paralegalFilter", self.tr("Paralegal"), [(any_, None)])
        self.detained_filter = _combo(
            "detainedFilter",
            self.tr("Detained"),
            [(any_, None), (self.tr("Detained"), True), (self.tr("Not detained"), False)],
        )
        self.closed_box = QCheckBox(self.tr("Show closed cases"))
        self.closed_box.setObjectName("showClosed")
        self.closed_box.setAccessibleName(self.tr("Show closed cases"))
        self.closed_box.setChecked(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.export_button = QPushButton(self.tr("E&xport list…"))
        self.export_button.setObjectName("exportCaseList")
        self.export_button.setAccessibleName(self.tr("Export the case list as shown"))
        self.list_exporter = CaseListExporter(session, self)
        self.export_button.clicked.connect(
            lambda: self.list_exporter.start(self.current_list_query())
        )
        self.model = CaseTableModel(parent=self)
        self.table = self._make_table()
        self.empty_state = QLabel()
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setWordWrap(True)
        self._layout()
        self._connect()

    def _connect(self) -> None:
        """The search's delay, its keys, the filters, the table's activation and sorting."""
        self._sort = (SortKey.CLIENT, False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.search_field.textChanged.connect(self._timer.start)
        # From the search, as a person goes on: Enter opens the one case found (or goes to the
        # list to choose among several), Down goes to the list's first row.
        self.search_field.returnPressed.connect(self._search_entered)
        self.search_field.installEventFilter(self)
        for box in (
            self.claim_filter,
            self.stage_filter,
            self.paralegal_filter,
            self.detained_filter,
        ):
            box.currentIndexChanged.connect(self.reload)
        self.closed_box.toggled.connect(self.reload)
        self.table.activated.connect(self._open)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("caseTable")
        table.setAccessibleName(self.tr("Cases"))
        table.setModel(self.model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(Column.CLIENT, header.sortIndicatorOrder().AscendingOrder)
        table.setColumnWidth(Column.CLIENT, 260)
        state = QSettings().value(HEADER_STATE_KEY)
        if state is not None:  # the widths the person chose (perhaps in another language)
            header.restoreState(state)
        for column in Column:  # every heading readable, in any language
            width = max(table.columnWidth(column), header.sectionSizeHint(column))
            table.setColumnWidth(column, width)
        header.sectionResized.connect(self._save_layout)
        header.sectionMoved.connect(self._save_layout)
        return table

    def _layout(self) -> None:
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("Claim"), self.claim_filter),
            (self.tr("Stage"), self.stage_filter),
            (self.tr("Paralegal"), self.paralegal_filter),
            (self.tr("Detention"), self.detained_filter),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.closed_box)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_field)
        layout.addLayout(filters)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table)

    def _save_layout(self) -> None:
        QSettings().setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())

    def _sort_changed(self, column: int, order: object) -> None:
        key = _SORTABLE.get(Column(column))
        if key is None:
            return
        descending = order == self.table.horizontalHeader().sortIndicatorOrder().DescendingOrder
        self._sort = (key, descending)
        self.reload()

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def current_filter(self) -> CaseFilter:
        return CaseFilter(
            claim_type=self.claim_filter.currentData(),
            stage=self.stage_filter.currentData(),
            paralegal_id=self.paralegal_filter.currentData(),
            detained=self.detained_filter.currentData(),
            include_closed=self.closed_box.isChecked(),
        )

    def current_list_query(self) -> ListQuery:
        """The list as shown: search text, filters and order (for "Export list…")."""
        sort_key, descending = self._sort
        return ListQuery(self.search_field.text(), self.current_filter(), sort_key, descending)

    def reload(self) -> None:
        if not self.session.is_open:
            return
        store, today = self.session.store, self.session.today()
        text, case_filter = self.search_field.text(), self.current_filter()
        sort_key, descending = self._sort

        first = search.first_page(
            store=store,
            today=today,
            text=text,
            case_filter=case_filter,
            limit=PAGE_SIZE,
            count_limit=COUNT_LIMIT,
            sort=sort_key,
            descending=descending,
        )

        def load(offset: int, limit: int) -> list[CaseSummary]:
            if offset == 0 and limit == PAGE_SIZE:
                return first.rows  # read with the count, in the same pass
            return search.list_cases(
                store=store,
                today=today,
                text=text,
                case_filter=case_filter,
                offset=offset,
                limit=limit,
                sort=sort_key,
                descending=descending,
            )

        self.model.reset(load)
        if self.model.canFetchMore():
            self.model.fetchMore()
        total = first.total
        if first.exact:
            self.count_label.setText(self.tr("%n case(s)", "", total))
        else:
            # Typing: matches are counted up to COUNT_LIMIT only (one letter matches a third of
            # a big clinic's clients; counting them all cost more than the page itself).
            self.count_label.setText(self.tr("More than %n case(s)", "", COUNT_LIMIT))
        self._show_empty_state(text, total)

    def _show_empty_state(self, text: str, total: int) -> None:
        if total:
            self.empty_state.hide()
            return
        if text.strip():
            self.empty_state.setText(
                self.tr("No case matches “%1”. Check the spelling, or search by A-number.").replace(
                    "%1", text
                )
            )
        else:
            self.empty_state.setText(
                self.tr("No cases to show. New intake (Ctrl+N) adds a client and a case.")
            )
        self.empty_state.show()

    def reload_staff(self) -> None:
        current = self.paralegal_filter.currentData()
        self.paralegal_filter.blockSignals(True)
        self.paralegal_filter.clear()
        self.paralegal_filter.addItem(self.tr("Any"), None)
        for member in staff.list_staff(store=self.session.store):
            self.paralegal_filter.addItem(member.name, member.id)
        index = self.paralegal_filter.findData(current)
        self.paralegal_filter.setCurrentIndex(max(index, 0))
        self.paralegal_filter.blockSignals(False)

    def apply_changes(self, changes: Changes) -> None:
        if not self.session.is_open:
            return
        if Entity.STAFF in changes.entities:
            self.reload_staff()
        if not self.session.from_colleagues:
            self.reload()
            return
        # A colleague's change: the list is read again where the user is in it (the case
        # chosen and the scroll position stay), so reading it is never interrupted.
        chosen, scrolled = self.selected_case_id(), self.table.verticalScrollBar().value()
        self.reload()
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(CASE_ID_ROLE) == chosen:
                self.table.setCurrentIndex(index)
                break
        self.table.verticalScrollBar().setValue(scrolled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._to_list()
            return True
        return super().eventFilter(watched, event)

    def _current_results(self) -> None:
        """The list for what is typed now (typing waits SEARCH_DELAY_MS before reading)."""
        if self._timer.isActive():
            self._timer.stop()
            self.reload()

    def _to_list(self) -> None:
        self._current_results()
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, Column.CLIENT))
        self.table.setFocus()

    def _search_entered(self) -> None:
        self._current_results()
        if self.model.rowCount() == 1 and not self.model.canFetchMore():
            self._open(self.model.index(0, Column.CLIENT))
        else:
            self._to_list()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.session.open_case(int(index.data(CASE_ID_ROLE)))

    def selected_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return int(index.data(CASE_ID_ROLE)) if index.isValid() else None

    def clear(self) -> None:
        self._timer.stop()
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.model.reset(None)
        self.count_label.clear()
        self.empty_state.clear()
        self.paralegal_filter.blockSignals(True)
        while self.paralegal_filter.count() > 1:
            self.paralegal_filter.removeItem(
                1
            )  # staff names are not client data, but lock clears all
        self.paralegal_filter.blockSignals(False)
