"""Status tones of the Today page and calendar, and a delegate that paints badges.

The colours are :mod:`clinic.ui.palette`'s roles, chosen from the palette's base lightness at
paint time, so switching the system between light and dark mode needs no restart and never
leaves dark text on a dark background.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from clinic.ui import palette as colours

BADGES_ROLE = Qt.ItemDataRole.UserRole + 40  # tuple[Badge, ...] for BadgeDelegate

_PAD_X = 7
_GAP = 6


class Tone(Enum):
    OVERDUE = "overdue"
    CAUTION = "caution"
    ACCENT = "accent"
    ON_ACCENT = "on_accent"  # a badge drawn on an accent-filled (selected) background


@dataclass(frozen=True)
class Badge:
    text: str
    tone: Tone


def is_dark(palette: QPalette) -> bool:
    return colours.is_dark(palette)


_ROLES = {Tone.OVERDUE: colours.Role.DANGER, Tone.CAUTION: colours.Role.WARNING}


def tone_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """A strong colour for text or a badge fill of ``tone`` that contrasts with the base."""
    palette = palette or QGuiApplication.palette()
    if tone in _ROLES:
        return colours.colour(_ROLES[tone], palette)
    if tone is Tone.ON_ACCENT:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.Highlight)


def badge_text_colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """Text drawn on a filled badge: the base colour (light on dark fills and vice versa)."""
    palette = palette or QGuiApplication.palette()
    if tone is Tone.ACCENT:
        return palette.color(QPalette.ColorRole.HighlightedText)
    if tone is Tone.ON_ACCENT:
        return palette.color(QPalette.ColorRole.Highlight)
    return palette.color(QPalette.ColorRole.Base)


def paint_badge(painter: QPainter, rect: QRectF, badge: Badge, palette: QPalette) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tone_colour(badge.tone, palette))
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(badge_text_colour(badge.tone, palette))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, badge.text)


Index = QModelIndex | QPersistentModelIndex


class RoomyItemDelegate(QStyledItemDelegate):
    """Rows with a little air: lists people scan all day should not feel like a spreadsheet."""

    ROW_PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.ROW_PADDING)


class BadgeDelegate(RoomyItemDelegate):
    """Paints the cell's BADGES_ROLE as rounded pills; the display text stays for screen readers
    and copying."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badges = index.data(BADGES_ROLE)
        if not badges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect
        metrics = opt.fontMetrics
        height = metrics.height() + 4
        top = rect.top() + (rect.height() - height) / 2
        x = float(rect.left() + _GAP)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(opt.font)
        for badge in badges:
            width = metrics.horizontalAdvance(badge.text) + 2 * _PAD_X
            paint_badge(painter, QRectF(x, top, width, height), badge, opt.palette)
            x += width + _GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        badges = index.data(BADGES_ROLE)
        if not badges:
            return size
        metrics = option.fontMetrics
        width = sum(metrics.horizontalAdvance(b.text) + 2 * _PAD_X + _GAP for b in badges)
        return QSize(max(size.width(), width + _GAP), size.height())
