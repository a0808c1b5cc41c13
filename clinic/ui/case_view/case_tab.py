"""What every tab of the case view shares: the case it shows, its widgets that hold client data
(so a lock forgets them all), and the few widget shapes the tabs are built from."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from clinic.services.dto import CaseView
from clinic.ui.case_view.form_dialog import FormDialog
from clinic.ui.case_view.row_table_model import RowRole, RowTableModel
from clinic.ui.palette import Role, keep_badge_styled
from clinic.ui.session import UiSession

ALERT_BADGE = Role.DANGER  # a badge's palette role (clinic.ui.palette.badge_style)
M = TypeVar("M", bound=RowTableModel)
INFO_BADGE = Role.INFO
HINT_STYLE = "color: palette(placeholder-text);"


def action_button(text: str, name: str, parent: QWidget | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…").strip())
    return button


def badge(text: str, name: str, style: Role = ALERT_BADGE) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setObjectName(name)
    label.setAccessibleName(text)
    keep_badge_styled(label, style)  # follows light and dark mode
    label.hide()
    return label


def hint_label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def table_view(
    model: RowTableModel, name: str, accessible: str, *, stretch: int | None = None
) -> QTableView:
    """A read-only, row-selecting, sortable table over ``model`` (through a proxy); the
    ``stretch`` column takes the spare width (else the last one does)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(RowRole.SORT)
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the model's own order
    view.setSortingEnabled(True)
    # After the tab has set its column widths: no heading is cut, whatever the language.
    QTimer.singleShot(0, view, lambda: fit_headings(view))
    return view


def fit_headings(view: QTableView) -> None:
    """Widen every column that is narrower than its heading (Spanish runs ~25 % longer)."""
    header = view.horizontalHeader()
    for column in range(header.count()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            wanted = header.sectionSizeHint(column)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)


def selected_id(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return int(rows[0].data(RowRole.ID)) if rows else None


def select_id(view: QTableView, row_id: int | None) -> bool:
    """Select the row whose id is ``row_id``; False when it is not (or no longer) there."""
    model = view.model()
    if row_id is None:
        return False
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(RowRole.ID) == row_id:
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False


class CaseTab(QWidget):
    """A tab of the case view. Subclasses build with :meth:`value_label` and :meth:`own_model`
    so that :meth:`clear` can drop every piece of client data."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case: CaseView | None = None
        self.today = date.min
        self._labels: list[QLabel] = []
        self._models: list[RowTableModel] = []
        self._editors: list[QPlainTextEdit] = []

    def value_label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes are never markup
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._labels.append(label)
        return label

    def own_model(self, model: M) -> M:
        self._models.append(model)
        return model

    def own_editor(self, editor: QPlainTextEdit) -> QPlainTextEdit:
        self._editors.append(editor)
        return editor

    def add_value_row(self, form: QFormLayout, caption: str, name: str) -> QLabel:
        label = self.value_label(name, caption)
        form.addRow(caption, label)
        return label

    def display_case(self, case: CaseView, today: date) -> None:
        self.case = case
        self.today = today

    def clear(self) -> None:
        self.case = None
        for label in self._labels:
            label.clear()
        for model in self._models:
            model.clear()
        for editor in self._editors:
            editor.clear()

    def open_dialog(self, dialog: FormDialog) -> FormDialog:
        """Show ``dialog`` window-modal; it publishes its own changes when saved."""
        dialog.start_tracking()
        dialog.open()
        return dialog
