"""The navigation sidebar: one row per page with its icon, its name and a count badge
(overdue deadlines on Today, hearings today on Calendar), plus action buttons above and below.

The sidebar never switches pages. A click, an arrow key, Home/End or Enter only *asks* for a
page (:attr:`Sidebar.page_requested`); the window decides, switches, and then tells the
sidebar which page is showing (:meth:`Sidebar.set_current`), so a refused switch (unsaved
settings) leaves the old page marked. Focus arriving in the list (Tab, or focus falling back
when a page is hidden) selects nothing: the row under the keyboard focus is only a cursor.
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
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from clinic.services.deadlines import Agenda
from clinic.ui import palette
from clinic.ui.fonts import Step, scaled
from clinic.ui.icons import Glyph, icon
from clinic.ui.look import SPACE_M, SPACE_S, SPACE_XS

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the page's key
BADGE_ROLE = Qt.ItemDataRole.UserRole + 2  # (text, palette.Role) or None
TITLE_ROLE = Qt.ItemDataRole.UserRole + 3  # the page's name without the count
COUNT_WORDS_ROLE = Qt.ItemDataRole.UserRole + 4  # "overdue deadlines: 8", for screen readers
COUNTED_ROLE = Qt.ItemDataRole.UserRole + 5  # the row keeps room for a badge

ICON_SIZE = 20
ROW_HEIGHT = 36
MIN_WIDTH = 160
MAX_BADGE = 99  # more shows as 99+ (the full figure is in the tooltip)
BADGE_PAD = 6

Index = QModelIndex | QPersistentModelIndex


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


def badge_text(count: int) -> str:
    if count > MAX_BADGE:
        return QLocale().toString(MAX_BADGE) + "+"
    return QLocale().toString(count)


class _NavList(QListView):
    """A list whose selection only the window sets; keys and clicks become requests."""

    requested = Signal(QModelIndex)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navigationList")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self.viewport().setAutoFillBackground(False)
        self.clicked.connect(self.requested)
        # The focus ring shows only when the keyboard brought focus here or moves in the list
        # (like CSS :focus-visible): after a click or a page switch it would look like a
        # second current page.
        self.keyboard_focus = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        keyboard = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        self.keyboard_focus = event.reason() in keyboard
        if self.keyboard_focus and not self.currentIndex().isValid() and self.model() is not None:
            # Tabbed in on a page the sidebar does not list (a case): the cursor starts on the
            # first row, so Enter and the arrows have a place to start. Not a request.
            self.selectionModel().setCurrentIndex(
                self.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.keyboard_focus = False
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.keyboard_focus = False
        super().mousePressEvent(event)

    def selectionCommand(
        self, index: Index, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        """Mouse and keys never change the selection: it shows the page the window shows."""
        return QItemSelectionModel.SelectionFlag.NoUpdate

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keyboard_focus = True
        self.viewport().update()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.currentIndex().isValid():
                self.requested.emit(self.currentIndex())
            event.accept()
            return
        before = QPersistentModelIndex(self.currentIndex())
        super().keyPressEvent(event)
        after = self.currentIndex()
        if after.isValid() and QPersistentModelIndex(after) != before:
            self.requested.emit(after)


class _NavDelegate(QStyledItemDelegate):
    """Rows drawn like a modern sidebar: rounded accent fill on the current page, a hover
    tint, a focus ring for the keyboard cursor, the icon, the name and a count pill."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """What paint() uses: inset and padding, icon, gap, name, and the widest badge the
        row can show, padding and inset."""
        metrics = option.fontMetrics
        title = str(index.data(TITLE_ROLE) or "")
        inset = SPACE_XS + SPACE_S
        width = inset + ICON_SIZE + SPACE_S + metrics.horizontalAdvance(title) + inset
        if index.data(COUNTED_ROLE):
            badge_metrics = QFontMetrics(self._badge_font(option))
            width += SPACE_S + self._badge_width(badge_metrics, badge_text(MAX_BADGE + 1))
        return QSize(width, max(ROW_HEIGHT, metrics.height() + 2 * SPACE_S))

    @staticmethod
    def _badge_font(option: QStyleOptionViewItem) -> QFont:
        return scaled(option.font, Step.SMALL, bold=True)

    @staticmethod
    def _badge_width(metrics: QFontMetrics, text: str) -> int:
        return max(metrics.height() + 4, metrics.horizontalAdvance(text) + 2 * BADGE_PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        active = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = QRectF(option.rect).adjusted(SPACE_XS, 1, -SPACE_XS, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_back(painter, option, rect, active=active)
        glyph = index.data(Qt.ItemDataRole.DecorationRole)
        left = int(rect.left()) + SPACE_S
        if isinstance(glyph, QIcon):
            mode = QIcon.Mode.Selected if active else QIcon.Mode.Normal
            top = int(rect.center().y() - ICON_SIZE / 2)
            glyph.paint(painter, QRect(left, top, ICON_SIZE, ICON_SIZE), mode=mode)
        right = int(rect.right()) - SPACE_S
        badge = index.data(BADGE_ROLE)
        if badge:
            right = self._paint_badge(painter, option, rect, right, badge, active=active)
        pal = option.palette
        text_role = QPalette.ColorRole.HighlightedText if active else QPalette.ColorRole.WindowText
        painter.setFont(option.font)
        painter.setPen(pal.color(text_role))
        text_left = left + ICON_SIZE + SPACE_S
        title_rect = QRect(
            text_left, int(rect.top()), max(0, right - text_left), int(rect.height())
        )
        title = option.fontMetrics.elidedText(
            str(index.data(TITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title
        )
        painter.restore()

    @staticmethod
    def _paint_back(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRectF, *, active: bool
    ) -> None:
        """The accent fill of the current page, the hover tint, the keyboard focus ring."""
        pal = option.palette
        view = option.widget
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        has_focus = (
            bool(option.state & QStyle.StateFlag.State_HasFocus)
            and isinstance(view, _NavList)
            and view.hasFocus()
            and view.keyboard_focus
        )
        painter.setPen(Qt.PenStyle.NoPen)
        if active:
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(rect, 6, 6)
        elif hovered:
            painter.setBrush(palette.sidebar_colours(pal)[1])
            painter.drawRoundedRect(rect, 6, 6)
        if has_focus:
            ring = QPen(pal.color(QPalette.ColorRole.Highlight), 2)
            if active:
                ring.setColor(pal.color(QPalette.ColorRole.HighlightedText))
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 5, 5)

    def _paint_badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRectF,
        right: int,
        badge: tuple[str, palette.Role],
        *,
        active: bool,
    ) -> int:
        """The count pill at the right; returns where the title must end."""
        text, role = badge
        pal = option.palette
        font = self._badge_font(option)
        metrics = QFontMetrics(font)
        height = metrics.height() + 4
        width = self._badge_width(metrics, text)
        pill = QRectF(right - width, rect.center().y() - height / 2, width, height)
        if active:  # on the accent fill: an inverted pill
            fill, ink = pal.color(QPalette.ColorRole.HighlightedText), palette.on_light(role)
        else:
            fill, ink = palette.colour(role, pal), palette.on_fill(role, pal)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setPen(ink)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        return int(pill.left()) - SPACE_S


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
        self.list = _NavList()
        self.list.setAccessibleName(self.tr("Pages"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(_NavDelegate(self.list))
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
