"""The sidebar's list of pages: the keys and clicks that ask for a page (never switching it,
see :mod:`clinic.ui.sidebar`), and how a row is drawn (icon, name, count badge)."""

from __future__ import annotations

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
    QFocusEvent,
    QFont,
    QFontMetrics,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from clinic.ui import palette
from clinic.ui.fonts import Step, scaled
from clinic.ui.look import SPACE_S, SPACE_XS

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


def badge_text(count: int) -> str:
    if count > MAX_BADGE:
        return QLocale().toString(MAX_BADGE) + "+"
    return QLocale().toString(count)


class NavList(QListView):
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


class NavDelegate(QStyledItemDelegate):
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
            and isinstance(view, NavList)
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
