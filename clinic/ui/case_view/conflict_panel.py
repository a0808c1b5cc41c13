"""A save refused because someone else saved the same record first, shown side by side.

The dialog stays open with everything the user typed; this panel, above its fields, says who
changed what and when, in a table (field | when you opened it | saved since, by whom and when |
yours), the fields both changed marked, and offers two ways on:

- **Keep theirs**: the dialog is filled again with the record as it is now (the user's input
  for those fields is dropped, on purpose);
- **Save mine over theirs**: the same save again, over the version the table shows (their other
  changes stay; the user's changed fields are written, and audited as any save). If the record
  moved on again meanwhile, the panel shows the newer change instead.

Values come from the audit trail as stored (text, numbers, yes/no, lists; dates as ISO text,
choices as their stored value): the dialog's own widgets word choices as the form does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.services.errors import EditConflict, TheirChange
from clinic.ui.case_view.case_words import short_date
from clinic.ui.palette import Role, tint

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"^\d{2}:\d{2}:\d{2}$")  # a time of day as stored: shown as 09:30
Words = Callable[[str, object], str | None]
"""A dialog's own wording of a stored value for a field (a choice's words), or None."""


def when_text(at: datetime, today: date) -> str:
    """The time of their save in this computer's zone: the time alone today, else the date."""
    local = at.astimezone()
    clock = local.strftime("%H:%M")
    return clock if local.date() == today else f"{short_date(local.date())} {clock}"


class ConflictPanel(QFrame):
    """Hidden until :meth:`show_conflict`; ``keep_theirs`` and ``save_mine`` are its buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        tint(self.heading, Role.DANGER)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(self.tr("Changes saved by someone else"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("When you opened it"),
                self.tr("Saved since"),
                self.tr("Yours"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.keep_theirs = QPushButton(self.tr("&Keep theirs"))
        self.keep_theirs.setObjectName("keepTheirsButton")
        self.keep_theirs.setAccessibleName(self.tr("Keep theirs"))
        self.save_mine = QPushButton(self.tr("Save &mine over theirs"))
        self.save_mine.setObjectName("saveMineButton")
        self.save_mine.setAccessibleName(self.tr("Save mine over theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.save_mine)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.conflict: EditConflict | None = None
        self.hide()

    def show_conflict(
        self,
        conflict: EditConflict,
        *,
        labels: dict[str, str],
        words: Words,
        today: date,
    ) -> None:
        self.conflict = conflict
        changes = conflict.changes
        self.heading.setText(self._heading(changes, today))
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label = labels.get(change.field) or change.field.replace("_", " ").capitalize()
            theirs = self.tr("{0} ({1}, {2})").format(
                self.value_text(change.field, change.theirs, words),
                change.who,
                when_text(change.at, today),
            )
            yours = (
                self.value_text(change.field, change.yours, words)
                if change.attempted
                else self.tr("(you left it: theirs is kept)")
            )
            cells = (label, self.value_text(change.field, change.before, words), theirs, yours)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if change.attempted:  # both changed it: the choice below is about this row
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(changes))
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(min(height, 220))
        self.show()
        # The focus goes to what changed, never to a choice: an Enter pressed once more (the
        # save's own, twice) must not write over a colleague's change, nor drop what was
        # typed. There Enter is the dialog's Save again, which shows the same conflict.
        if changes:
            self.table.setFocus()

    def _heading(self, changes: tuple[TheirChange, ...], today: date) -> str:
        if not changes:
            return self.tr(
                "Someone else saved this record after you opened it (what they changed is not "
                "recorded field by field). Nothing was saved; what you typed is still below."
            )
        who = ", ".join(dict.fromkeys(c.who for c in changes))
        last = max(c.at for c in changes)
        return self.tr(
            "{0} changed this record at {1}, after you opened it. Nothing was saved; what you "
            "typed is still below. Keep theirs, or save yours over theirs."
        ).format(who, when_text(last, today))

    def value_text(self, field: str, value: object, words: Words) -> str:  # noqa: PLR0911 - one wording per kind of value
        worded = words(field, value)
        if worded is not None:
            return worded
        if value in (None, "", []):
            return "—"
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, str) and _ISO_DATE.match(value):
            return short_date(date.fromisoformat(value))
        if isinstance(value, str) and _ISO_TIME.match(value):
            return value[:5]
        return str(value)

    def clear(self) -> None:
        self.conflict = None
        self.table.setRowCount(0)
        self.hide()


def combo_words(widgets: dict[str, QWidget]) -> Words:
    """Words for stored choices from the dialog's own choice boxes (their item data)."""

    def words(field: str, value: object) -> str | None:
        widget = widgets.get(field)
        if isinstance(widget, QComboBox) and value is not None:
            index = widget.findData(value)
            return widget.itemText(index) if index >= 0 else None
        return None

    return words
