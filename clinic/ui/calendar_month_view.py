"""A month grid whose days with hearings or deadlines are bold, carry a tooltip with the counts
and show the number of items in a small badge (red when a deadline that day is overdue)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from clinic.ui.calendar_entries import DayCounts
from clinic.ui.today_agenda_model import qdate
from clinic.ui.today_badges import Badge, Tone, paint_badge, tone_colour

_BADGE_MARGIN = 4


def counts_tooltip(counts: DayCounts) -> str:
    parts = [
        QCoreApplication.translate("MarkedCalendar", "Hearings: %1").replace(
            "%1", str(counts.hearings)
        ),
        QCoreApplication.translate("MarkedCalendar", "Deadlines: %1").replace(
            "%1", str(counts.deadlines)
        ),
    ]
    if counts.overdue:
        overdue = QCoreApplication.translate("MarkedCalendar", "Overdue: %1")
        parts.append(overdue.replace("%1", str(counts.overdue)))
    return " · ".join(parts)


class MarkedCalendar(QCalendarWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[date, DayCounts] = {}
        self._today: date | None = None
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.LongDayNames)
        self.setNavigationBarVisible(False)  # the page's own bar also serves the week view
        self.setGridVisible(True)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            # Qt paints weekends pure red; here red means "overdue", so weekends stay plain
            self.setWeekdayTextFormat(weekend, QTextCharFormat())

    def set_counts(self, counts: dict[date, DayCounts]) -> None:
        self.setDateTextFormat(QDate(), QTextCharFormat())  # forget every previous mark
        self._counts = dict(counts)
        for day, day_counts in self._counts.items():
            fmt = QTextCharFormat()
            fmt.setFontWeight(700)
            fmt.setToolTip(counts_tooltip(day_counts))
            self.setDateTextFormat(qdate(day), fmt)
        self.updateCells()

    def set_today(self, day: date | None) -> None:
        """The session's today (which tests and demos may fix), framed in the grid."""
        self._today = day
        self.updateCells()

    def counts_on(self, day: date) -> DayCounts | None:
        return self._counts.get(day)

    def clear_counts(self) -> None:
        self.set_counts({})

    def paintCell(self, painter: QPainter, rect: QRect, qday: QDate) -> None:
        super().paintCell(painter, rect, qday)
        day = date(qday.year(), qday.month(), qday.day())
        if day == self._today:
            self._frame_today(painter, rect)
        counts = self._counts.get(day)
        if counts is None or not counts.total:
            return
        tone = Tone.OVERDUE if counts.overdue else Tone.ACCENT
        if tone is Tone.ACCENT and qday == self.selectedDate():
            tone = Tone.ON_ACCENT  # the selected cell is already filled with the accent colour
        metrics = painter.fontMetrics()
        text = str(counts.total)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 10)
        badge_rect = QRectF(
            rect.right() - width - _BADGE_MARGIN,
            rect.bottom() - height - _BADGE_MARGIN,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_badge(painter, badge_rect, Badge(text, tone), self.palette())
        painter.restore()

    def _frame_today(self, painter: QPainter, rect: QRect) -> None:
        painter.save()
        pen = QPen(tone_colour(Tone.ACCENT, self.palette()))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()
