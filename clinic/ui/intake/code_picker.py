"""A searchable picker for a few ISO codes (nationalities, languages), shown as a short list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from clinic.domain.names import fold
from clinic.ui.intake.iso_choices import CodeChoice

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ROOT = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)


class CodePicker(QWidget):
    """Type part of a name or the code, pick from the suggestions; Delete removes a choice.

    ``single``: one code at a time (an evidence item's language): picking another replaces it,
    and there is nothing to remove."""

    changed = Signal()

    def __init__(
        self,
        choices: Sequence[CodeChoice],
        *,
        object_name: str,
        accessible_name: str,
        placeholder: str,
        single: bool = False,
    ) -> None:
        super().__init__()
        self.single = single
        self._names = {choice.code: choice.name for choice in choices}
        self.search = QLineEdit()
        self.search.setObjectName(f"{object_name}Search")
        self.search.setAccessibleName(self.tr("Add to {field}").format(field=accessible_name))
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(not single)  # one choice: picking clears the field
        self.completer = _NameCompleter(ChoiceListModel(choices, self), self)
        self.completer.setCompletionRole(SEARCH_ROLE)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(10)
        self.search.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]  # the QModelIndex overload
        self.search.installEventFilter(self)
        self.chosen = QListWidget()
        self.chosen.setObjectName(f"{object_name}Chosen")
        self.chosen.setAccessibleName(accessible_name)
        self.chosen.setFlow(QListWidget.Flow.LeftToRight)
        self.chosen.setWrapping(True)
        self.chosen.setSpacing(2)
        self.chosen.setMaximumHeight(self.chosen.fontMetrics().height() * 2 + 16)
        self.chosen.installEventFilter(self)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{object_name}Remove")
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected {field}").format(field=accessible_name.lower())
        )
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search, 0, 0, 1, 2)
        layout.addWidget(self.chosen, 1, 0)
        layout.addWidget(self.remove_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.search)
        self._sync()

    def codes(self) -> tuple[str, ...]:
        return tuple(self.chosen.item(i).data(CODE_ROLE) for i in range(self.chosen.count()))

    def add_code(self, code: str) -> None:
        if code in self.codes() or code not in self._names:
            return
        if self.single:
            self.chosen.clear()
        item = QListWidgetItem(f"{self._names[code]} ({code})")
        item.setData(CODE_ROLE, code)
        self.chosen.addItem(item)
        self._sync()
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self._sync()
        self.changed.emit()

    def _picked(self, index: QModelIndex) -> None:
        self.add_code(index.data(CODE_ROLE))
        QTimer.singleShot(0, self.search.clear)  # the completer writes its text after this

    def _add_best_match(self) -> None:
        """Enter without choosing a suggestion: the exact name or code, else the best start."""
        typed = self.search.text().strip()
        self.completer.setCompletionPrefix(typed)
        model = self.completer.completionModel()
        candidates = [model.index(row, 0) for row in range(model.rowCount())]
        if not candidates:
            return
        wanted = fold(typed)

        def rank(index: QModelIndex) -> int:
            code = str(index.data(CODE_ROLE))
            name = fold(self._names[code])
            if wanted in (name, code.lower()):
                return 0
            return 1 if name.startswith(wanted) else 2

        self.add_code(min(candidates, key=rank).data(CODE_ROLE))
        self.search.clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() in _ENTER_KEYS and self.search.text().strip():
                self._add_best_match()  # Enter adds what was typed instead of leaving the page
                return True
            removing = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            if watched is self.chosen and removing and not self.single:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _sync(self) -> None:
        has_items = self.chosen.count() > 0
        self.chosen.setVisible(has_items)
        self.remove_button.setVisible(has_items and not self.single)


class _NameCompleter(QCompleter):
    """Matches on the search text but writes the shown name into the field while browsing."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class ChoiceListModel(QAbstractListModel):
    """The choices as a read-only list: shown text, the code, and the text typing matches.

    A plain model over the tuple instead of ~7,000 QStandardItems per picker (languages).
    """

    def __init__(self, choices: Sequence[CodeChoice], parent: QObject) -> None:
        super().__init__(parent)
        self._choices = tuple(choices)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._choices):
            return None
        choice = self._choices[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{choice.name} ({choice.code})"
        if role == CODE_ROLE:
            return choice.code
        if role == SEARCH_ROLE:
            return choice.search_text
        return None
