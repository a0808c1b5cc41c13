"""Calendar: a month grid with marked days and the chosen day's list, or a week as a list grouped
per day; previous / next / today with PgUp, PgDn and Ctrl+T."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
)

from clinic.services.deadlines import AgendaItem
from clinic.ui.calendar_entries import counts_by_day, entries_between
from clinic.ui.calendar_month_view import MarkedCalendar
from clinic.ui.docket_dialog import DocketPrinter
from clinic.ui.fonts import Step, scaled
from clinic.ui.page import Page
from clinic.ui.session import UiSession
from clinic.ui.today_agenda_model import AgendaModel, long_date, qdate
from clinic.ui.today_agenda_view import AgendaView

GRID_MARGIN_DAYS = 14  # the month grid shows parts of the neighbouring months


class CalendarMode(Enum):
    MONTH = "month"
    WEEK = "week"


def _py(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def add_months(day: date, months: int) -> date:
    return _py(qdate(day).addMonths(months))


def week_start(day: date) -> date:
    first = QLocale().firstDayOfWeek().value  # 1 = Monday … 7 = Sunday, like isoweekday()
    return day - timedelta(days=(day.isoweekday() - first) % 7)


class CalendarPage(Page):
    title = str(QT_TRANSLATE_NOOP("MainWindow", "Calendar"))

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("calendarPage")
        self.mode = CalendarMode.MONTH
        self._selected: date | None = None
        self._range: tuple[date, date] | None = None
        self._items: list[AgendaItem] = []
        self._build_actions()
        self.calendar = MarkedCalendar()
        self.calendar.setObjectName("calendarMonth")
        self.calendar.setAccessibleName(self.tr("Month"))
        self.day_model = AgendaModel(self)
        self.day_view = AgendaView(self.day_model)
        self.day_view.setObjectName("calendarDayList")
        self.day_view.setAccessibleName(self.tr("Hearings and deadlines of the chosen day"))
        self.week_model = AgendaModel(self)
        self.week_view = AgendaView(self.week_model)
        self.week_view.setObjectName("calendarWeekList")
        self.week_view.setAccessibleName(self.tr("Hearings and deadlines of the week"))
        for view in (self.day_view, self.week_view):
            view.case_activated.connect(self.session.open_case)
        month_panel = QSplitter(Qt.Orientation.Vertical)
        month_panel.addWidget(self.calendar)
        month_panel.addWidget(self.day_view)
        month_panel.setStretchFactor(0, 3)
        month_panel.setStretchFactor(1, 2)
        month_panel.setSizes([480, 280])
        self.stack = QStackedWidget()
        self.stack.addWidget(month_panel)
        self.stack.addWidget(self.week_view)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.stack, 1)
        self.calendar.selectionChanged.connect(self._calendar_selected)
        self.calendar.activated.connect(lambda _day: self._focus_day_list())

    # -- construction -----------------------------------------------------------------------

    def _action(self, name: str, text: str, shortcut: QKeySequence | str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.previous_action = self._action("calendarPrevious", self.tr("Previous"), "PgUp")
        self.next_action = self._action("calendarNext", self.tr("Next"), "PgDown")
        self.today_action = self._action("calendarToday", self.tr("Today"), "Ctrl+T")
        self.previous_action.triggered.connect(lambda: self.step(-1))
        self.next_action.triggered.connect(lambda: self.step(1))
        self.today_action.triggered.connect(self.go_to_today)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        return button

    def _build_toolbar(self) -> QHBoxLayout:
        self.previous_button = self._button("calendarPreviousButton", "◀", self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous (PgUp)"))
        self.previous_button.clicked.connect(self.previous_action.trigger)
        self.today_button = self._button("calendarTodayButton", self.tr("Today"), self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today (Ctrl+T)"))
        self.today_button.clicked.connect(self.today_action.trigger)
        self.next_button = self._button("calendarNextButton", "▶", self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next (PgDn)"))
        self.next_button.clicked.connect(self.next_action.trigger)
        self.period_label = QLabel()
        self.period_label.setObjectName("calendarPeriod")
        self.period_label.setAccessibleName(self.tr("Shown period"))
        self.period_label.setFont(scaled(self.period_label.font(), Step.TITLE, bold=True))
        self.month_button = self._button(
            "calendarMonthMode", self.tr("Month"), self.tr("Month view")
        )
        self.week_button = self._button("calendarWeekMode", self.tr("Week"), self.tr("Week view"))
        modes = QButtonGroup(self)
        for button, mode in (
            (self.month_button, CalendarMode.MONTH),
            (self.week_button, CalendarMode.WEEK),
        ):
            button.setCheckable(True)
            modes.addButton(button)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
        self.month_button.setChecked(True)
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.period_label, 1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        self.docket = DocketPrinter(self.session, self)
        self.docket_button = self._button(
            "calendarDocketButton", self.tr("Print docket…"), self.tr("Print hearing docket")
        )
        self.docket_button.setToolTip(self.tr("Save the hearing docket of chosen days as a PDF"))
        self.docket_button.clicked.connect(self.docket.start)
        bar.addSpacing(12)
        bar.addWidget(self.docket_button)
        return bar

    # -- Page contract ----------------------------------------------------------------------

    def reload(self) -> None:
        if not self.session.is_open:
            self.clear()
            return
        self._range = None  # data changed: fetch again
        self.calendar.set_today(self.session.today())
        self._show(self._selected or self.session.today())

    def clear(self) -> None:
        self._items = []
        self._range = None
        self._selected = None
        self.calendar.clear_counts()
        self.calendar.set_today(None)
        self.day_model.clear()
        self.week_model.clear()
        self.period_label.clear()

    # -- navigation -------------------------------------------------------------------------

    @property
    def selected_day(self) -> date | None:
        return self._selected

    def set_mode(self, mode: CalendarMode) -> None:
        self.mode = mode
        (self.month_button if mode is CalendarMode.MONTH else self.week_button).setChecked(True)
        self.stack.setCurrentIndex(0 if mode is CalendarMode.MONTH else 1)
        if self.session.is_open:
            self._show(self._selected or self.session.today())

    def step(self, direction: int) -> None:
        """One month or one week back (-1) or ahead (+1), keeping the weekday or day of month."""
        if not self.session.is_open:
            return
        day = self._selected or self.session.today()
        if self.mode is CalendarMode.MONTH:
            self._show(add_months(day, direction))
        else:
            self._show(day + timedelta(days=7 * direction))

    def go_to_today(self) -> None:
        if self.session.is_open:
            self._show(self.session.today())

    def select_day(self, day: date) -> None:
        if self.session.is_open:
            self._show(day)

    def _calendar_selected(self) -> None:
        day = _py(self.calendar.selectedDate())
        if self.session.is_open and day != self._selected:
            self._show(day)

    def _focus_day_list(self) -> None:
        self.day_view.setFocus()
        self.day_view.select_first_item()

    # -- showing ----------------------------------------------------------------------------

    def _wanted_range(self, day: date) -> tuple[date, date]:
        if self.mode is CalendarMode.WEEK:
            start = week_start(day)
            return start, start + timedelta(days=6)
        first = day.replace(day=1)
        last = add_months(first, 1) - timedelta(days=1)
        return first - timedelta(days=GRID_MARGIN_DAYS), last + timedelta(days=GRID_MARGIN_DAYS)

    def _fetch(self, day: date) -> None:
        start, end = self._wanted_range(day)
        if self._range is not None and self._range[0] <= start and end <= self._range[1]:
            return
        today = self.session.today()
        self._items = entries_between(store=self.session.store, start=start, end=end, today=today)
        self._range = (start, end)
        self.calendar.set_counts(counts_by_day(self._items))

    def _show(self, day: date) -> None:
        self._selected = day
        self._fetch(day)
        today = self.session.today()
        if self.mode is CalendarMode.MONTH:
            self.calendar.blockSignals(True)
            self.calendar.setSelectedDate(qdate(day))
            self.calendar.blockSignals(False)
            self.day_model.set_items(self._on(day), today=today, days=[day])
            self.period_label.setText(QLocale().toString(qdate(day), "MMMM yyyy"))
        else:
            start = week_start(day)
            days = [start + timedelta(days=n) for n in range(7)]
            week = [i for i in self._items if start <= i.on <= days[-1]]
            self.week_model.set_items(week, today=today, days=days)
            self.period_label.setText(self.tr("Week of %1").replace("%1", long_date(start)))

    def _on(self, day: date) -> list[AgendaItem]:
        return [item for item in self._items if item.on == day]
