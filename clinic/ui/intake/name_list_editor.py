"""A short list of names typed one at a time (aliases, adverse parties)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QListWidget, QPushButton, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NameListEditor(QWidget):
    """Type a name and press Enter (or Add); select one and press Delete (or Remove)."""

    changed = Signal()

    def __init__(
        self, *, object_name: str, accessible_name: str, placeholder: str, add_text: str
    ) -> None:
        super().__init__()
        self.entry = QLineEdit()
        self.entry.setObjectName(f"{object_name}Entry")
        self.entry.setAccessibleName(self.tr("New entry: {field}").format(field=accessible_name))
        self.entry.setPlaceholderText(placeholder)
        self.entry.installEventFilter(self)
        self.entry.textChanged.connect(self.changed)  # a name typed but not added still counts
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName(f"{object_name}Add")
        self.add_button.setAccessibleName(add_text.replace("&", ""))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_typed)
        self.names_list = QListWidget()
        self.names_list.setObjectName(f"{object_name}List")
        self.names_list.setAccessibleName(accessible_name)
        self.names_list.setMaximumHeight(self.names_list.fontMetrics().height() * 3 + 12)
        self.names_list.installEventFilter(self)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{object_name}Remove")
        self.remove_button.setAccessibleName(
            self.tr("Remove the selected entry: {field}").format(field=accessible_name)
        )
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.entry, 0, 0)
        layout.addWidget(self.add_button, 0, 1)
        layout.addWidget(self.names_list, 1, 0)
        layout.addWidget(self.remove_button, 1, 1, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.entry)
        self._sync()

    def names(self) -> tuple[str, ...]:
        """The listed names, plus one still typed but not yet added (so nothing is lost)."""
        listed = [self.names_list.item(i).text() for i in range(self.names_list.count())]
        pending = self.entry.text().strip()
        if pending and pending not in listed:
            listed.append(pending)
        return tuple(listed)

    def add_typed(self) -> None:
        name = self.entry.text().strip()
        if not name:
            return
        listed = [self.names_list.item(i).text() for i in range(self.names_list.count())]
        if name not in listed:
            self.names_list.addItem(name)
        self.entry.clear()
        self._sync()
        self.changed.emit()

    def remove_selected(self) -> None:
        for item in self.names_list.selectedItems():
            self.names_list.takeItem(self.names_list.row(item))
        self._sync()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.entry and event.key() in _ENTER_KEYS and self.entry.text().strip():
                self.add_typed()  # Enter adds the name; on an empty entry it moves on
                return True
            if watched is self.names_list and event.key() in (
                Qt.Key.Key_Delete,
                Qt.Key.Key_Backspace,
            ):
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def _sync(self) -> None:
        has_names = self.names_list.count() > 0
        self.names_list.setVisible(has_names)
        self.remove_button.setVisible(has_names)
