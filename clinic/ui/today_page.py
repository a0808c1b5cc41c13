"""Today: the hearings and deadlines of the next two weeks, overdue deadlines first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
)

from clinic.services.deadlines import AgendaItem, agenda
from clinic.ui.page import Page
from clinic.ui.session import UiSession
from clinic.ui.today_agenda_model import ITEM_ROLE, AgendaModel, long_date
from clinic.ui.today_agenda_view import AgendaView, empty_detail_text, item_detail_html
from clinic.ui.today_badges import Tone, tone_colour

AGENDA_DAYS = 14
DAY_CHECK_MS = 60_000  # notice midnight: "today" moves and the list must follow


class TodayPage(Page):
    title = "Today"

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("todayPage")
        self._shown_day: date | None = None
        self.heading = QLabel()
        self.heading.setObjectName("todayHeading")
        self.heading.setAccessibleName(self.tr("Today's date"))
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setAccessibleName(self.tr("Summary of the next two weeks"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        self.model = AgendaModel(self)
        self.view = AgendaView(self.model)
        self.view.setObjectName("todayAgenda")
        self.view.setAccessibleName(self.tr("Hearings and deadlines of the next two weeks"))
        self.view.case_activated.connect(self.session.open_case)
        self.detail = QTextBrowser()
        self.detail.setObjectName("todayDetail")
        self.detail.setAccessibleName(self.tr("Why this date"))
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(empty_detail_text())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 320])

        self.empty_state = QLabel(self.tr("Nothing due in the next two weeks."))
        self.empty_state.setObjectName("todayEmptyState")
        self.empty_state.setAccessibleName(self.tr("Nothing due"))
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.stack = QStackedWidget()
        self.list_panel = splitter
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty_state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.view.entered.connect(self._show_hovered)
        self.view.setMouseTracking(True)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._follow_the_date)
        self._day_timer.start()

    # -- Page contract ----------------------------------------------------------------------

    def reload(self) -> None:
        if not self.session.is_open:
            self.clear()
            return
        today = self.session.today()
        items = agenda(store=self.session.store, today=today, days=AGENDA_DAYS)
        self._shown_day = today
        self.model.set_items(items, today=today)
        self.heading.setText(long_date(today))
        self.summary.setText(self._summary_html(items))
        self.detail.clear()
        self.stack.setCurrentWidget(self.list_panel if items else self.empty_state)

    def clear(self) -> None:
        self.model.clear()
        self.detail.clear()
        self.heading.clear()
        self.summary.clear()
        self._shown_day = None
        self.stack.setCurrentWidget(self.list_panel)

    # -- behaviour --------------------------------------------------------------------------

    def _summary_html(self, items: list[AgendaItem]) -> str:
        overdue = sum(1 for i in items if i.overdue)
        hearings = sum(1 for i in items if i.is_hearing)
        deadlines = len(items) - hearings - overdue
        parts = [
            self.tr("Hearings: %1").replace("%1", str(hearings)),
            self.tr("Deadlines: %1").replace("%1", str(deadlines)),
        ]
        text = " · ".join(parts) + " " + self.tr("in the next two weeks")
        if overdue:
            colour = tone_colour(Tone.OVERDUE).name()
            warning = self.tr("Overdue: %1").replace("%1", str(overdue))
            text = f"<b style='color:{colour}'>{warning}</b> · {text}"
        return text

    def _show_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_item(indexes[0] if indexes else QModelIndex())

    def _show_hovered(self, index: QModelIndex) -> None:
        if not self.view.selectionModel().hasSelection():
            self._show_item(index)

    def _show_item(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None or self._shown_day is None:
            self.detail.clear()
            return
        self.detail.setHtml(item_detail_html(item, self._shown_day))

    def _follow_the_date(self) -> None:
        moved = self._shown_day is not None and self.session.today() != self._shown_day
        if moved and self.session.is_open:
            self.reload()
