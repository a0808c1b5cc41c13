"""The navigation sidebar: one row per page with its icon, its name and a count badge
(overdue deadlines on Today, hearings today on Calendar), plus action buttons above and below.

The sidebar never switches pages. A click, an arrow key, Home/End or Enter only *asks* for a
page (:attr:`Sidebar.page_requested`); the window decides, switches, and then tells the
sidebar which page is showing (:meth:`Sidebar.set_current`), so a refused switch (unsaved
settings) leaves the old page marked. Focus arriving in the list (Tab, or focus falling back
when a page is hidden) selects nothing: the row under the keyboard focus is only a cursor.
The list itself (keys, clicks, drawing a row) is :mod:`clinic.ui.sidebar_list`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QSizePolicy,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic.services.deadlines import Agenda
from clinic.ui import palette
from clinic.ui.icons import Glyph, icon
from clinic.ui.look import SPACE_M, SPACE_S, SPACE_XS
from clinic.ui.sidebar_list import (
    BADGE_ROLE,
    COUNT_WORDS_ROLE,
    COUNTED_ROLE,
    ICON_SIZE,
    KEY_ROLE,
    MAX_BADGE,
    MIN_WIDTH,
    ROW_HEIGHT,
    TITLE_ROLE,
    NavDelegate,
    NavList,
    badge_text,
)

__all__ = [
    "BADGE_ROLE",
    "MAX_BADGE",
    "NavEntry",
    "Sidebar",
    "TodayCounts",
    "badge_text",
    "today_counts",
]


@dataclass(frozen=True)
class NavEntry:
    """A page the sidebar lists: ``key`` is what :attr:`Sidebar.page_requested` carries."""

    key: str
    title: str  # already translated
    glyph: Glyph
    shortcut: str = ""  # shown in the tooltip, e.g. "Ctrl+1"
    counted: bool = False  # may show a count: room is kept for one, so the width never jumps


@dataclass(frozen=True)
class TodayCounts:
    """The sidebar's two counts, from the same figures the Today page shows."""

    overdue: int
    hearings_today: int


def today_counts(agenda: Agenda, today: date) -> TodayCounts:
    """Overdue deadlines (all of them, not only those listed) and today's hearings."""
    hearings = sum(1 for item in agenda.items if item.is_hearing and item.on == today)
    return TodayCounts(overdue=agenda.overdue_total, hearings_today=hearings)


class Sidebar(QWidget):
    """The window's navigation column. See the module's docstring for the rules it keeps."""

    page_requested = Signal(str)

    def __init__(self, entries: Sequence[NavEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Navigation"))
        self.setAutoFillBackground(True)
        self._entries = list(entries)
        self._active: str | None = None
        self.model = QStandardItemModel(self)
        for entry in self._entries:
            self.model.appendRow(self._item(entry))
        self.list = NavList()
        self.list.setAccessibleName(self.tr("Pages"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(NavDelegate(self.list))
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.requested.connect(self._request_index)
        self.setFocusProxy(self.list)
        self._top = QVBoxLayout()
        self._top.setSpacing(SPACE_XS)
        self._bottom = QVBoxLayout()
        self._bottom.setSpacing(SPACE_XS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE_XS, SPACE_M, SPACE_XS, SPACE_M)
        layout.setSpacing(SPACE_S)
        layout.addLayout(self._top)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._bottom)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._paint_background()
        self._fit_width()

    # -- what the window calls ---------------------------------------------------------------

    def set_current(self, key: str | None) -> None:
        """Mark the page the window now shows (``None``: a page that is not in the sidebar,
        such as a case). Never emits :attr:`page_requested`."""
        self._active = key
        selection = self.list.selectionModel()
        row = self._row(key)
        if row is None:  # no row marked, and no keyboard cursor left on one
            selection.clearSelection()
            selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            self._refresh_accessible_text()
            return
        index = self.model.index(row, 0)
        selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        self._refresh_accessible_text()

    def current(self) -> str | None:
        return self._active

    def keys(self) -> list[str]:
        return [entry.key for entry in self._entries]

    # QListWidget-like conveniences for scripts and tests that drive the window by row.

    def count(self) -> int:
        return len(self._entries)

    def currentRow(self) -> int:
        """The row of the page showing, -1 on a page the sidebar does not list (a case)."""
        row = self._row(self._active)
        return -1 if row is None else row

    def setCurrentRow(self, row: int) -> None:
        """Ask for the page on ``row``, as a click on it would (the window decides)."""
        if 0 <= row < len(self._entries):
            self.page_requested.emit(self._entries[row].key)

    def set_count(self, key: str, count: int, role: palette.Role, words: str = "") -> None:
        """Show ``count`` in a pill on ``key``'s row (0 hides it); ``words`` say it in full
        for tooltips and screen readers ("overdue deadlines: 8")."""
        row = self._row(key)
        if row is None:
            return
        item = self.model.item(row)
        item.setData((badge_text(count), role) if count > 0 else None, BADGE_ROLE)
        item.setData(words if count > 0 else "", COUNT_WORDS_ROLE)
        self._refresh_accessible_text()

    def count_text(self, key: str) -> str:
        """The badge's text on ``key``'s row ("" when none)."""
        row = self._row(key)
        badge = self.model.item(row).data(BADGE_ROLE) if row is not None else None
        return str(badge[0]) if badge else ""

    def show_today_counts(
        self, counts: TodayCounts, *, today_key: str = "today", calendar_key: str = "calendar"
    ) -> None:
        self.set_count(
            today_key,
            counts.overdue,
            palette.Role.DANGER,
            self.tr("overdue deadlines: %1").replace("%1", QLocale().toString(counts.overdue)),
        )
        self.set_count(
            calendar_key,
            counts.hearings_today,
            palette.Role.INFO,
            self.tr("hearings today: %1").replace("%1", QLocale().toString(counts.hearings_today)),
        )

    def clear_counts(self) -> None:
        """After lock: no figures about the clinic's cases stay on screen."""
        for entry in self._entries:
            self.set_count(entry.key, 0, palette.Role.INFO)

    def add_action(self, action: QAction, *, bottom: bool = False) -> QToolButton:
        """A full-width button for ``action`` (its icon, text, shortcut and enabled state)."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setObjectName(f"{action.objectName() or 'action'}Button")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(ICON_SIZE - 2, ICON_SIZE - 2))
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(ROW_HEIGHT - 4)
        button.setAutoRaise(bottom)
        shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
        if shortcut:
            button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
        (self._bottom if bottom else self._top).addWidget(button)
        self._fit_width()
        return button

    # -- inside ------------------------------------------------------------------------------

    def _item(self, entry: NavEntry) -> QStandardItem:
        item = QStandardItem(icon(entry.glyph), entry.title)
        item.setData(entry.key, KEY_ROLE)
        item.setData(entry.title, TITLE_ROLE)
        item.setData(entry.counted, COUNTED_ROLE)
        item.setEditable(False)
        if entry.shortcut:
            item.setToolTip(f"{entry.title} ({entry.shortcut})")
        return item

    def _row(self, key: str | None) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.key == key:
                return row
        return None

    def _request_index(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if isinstance(key, str):
            self.page_requested.emit(key)

    def _refresh_accessible_text(self) -> None:
        """What a screen reader says for each row: its name, its count in words, and whether
        it is the page showing."""
        for row, entry in enumerate(self._entries):
            item = self.model.item(row)
            words = str(item.data(COUNT_WORDS_ROLE) or "")
            spoken = f"{entry.title}, {words}" if words else entry.title
            item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            current = self.tr("current page") if entry.key == self._active else ""
            item.setData(current, Qt.ItemDataRole.AccessibleDescriptionRole)
            tip = spoken + (f" ({entry.shortcut})" if entry.shortcut else "")
            item.setToolTip(tip)

    def _fit_width(self) -> None:
        """As wide as the longest name with the room its badge may take (Spanish names are
        longer), no less than MIN_WIDTH; a count appearing never changes it."""
        option = QStyleOptionViewItem()
        option.initFrom(self.list)
        delegate = self.list.itemDelegate()
        widest = max(
            (
                delegate.sizeHint(option, self.model.index(r, 0)).width()
                for r in range(self.model.rowCount())
            ),
            default=0,
        )
        buttons = max(
            (w.sizeHint().width() for w in self.findChildren(QToolButton) if w.parent() is self),
            default=0,
        )
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        side = margins.left() + margins.right() if margins is not None else 2 * SPACE_XS
        self.setFixedWidth(max(MIN_WIDTH, widest + side + 2, buttons + side))

    def _paint_background(self) -> None:
        """The sidebar's own shade of the scheme (set again after a light/dark switch; a colour
        already right is not set again: that would send another palette change)."""
        background, _hover = palette.sidebar_colours()
        for widget in (self, self.list):
            pal = widget.palette()
            if pal.color(QPalette.ColorRole.Window) != background:
                pal.setColor(QPalette.ColorRole.Window, background)
                pal.setColor(QPalette.ColorRole.Base, background)
                widget.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._paint_background()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_width()
