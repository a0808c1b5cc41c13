"""Today: the hearings and deadlines of the next two weeks, overdue deadlines first."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
)

from clinic.services.deadlines import TODAY_OVERDUE_LIMIT, Agenda, today_agenda
from clinic.services.first_steps import start_list
from clinic.ui.fonts import Step, scaled
from clinic.ui.page import Page
from clinic.ui.session import UiSession
from clinic.ui.start_list import StartListPanel
from clinic.ui.today_agenda_model import ITEM_ROLE, AgendaModel, long_date
from clinic.ui.today_agenda_view import AgendaView, empty_detail_text, item_detail_html
from clinic.ui.today_badges import Tone, tone_colour

AGENDA_DAYS = 14
DAY_CHECK_MS = 60_000  # notice midnight: "today" moves and the list must follow


class TodayPage(Page):
    title = str(QT_TRANSLATE_NOOP("MainWindow", "Today"))
    follows_colleagues_when_hidden = True  # the sidebar's counts are its figures

    loaded = Signal()  # the list (or the empty state) now shows the store's hearings/deadlines

    def __init__(self, session: UiSession) -> None:
        super().__init__(session)
        self.setObjectName("todayPage")
        self._shown_day: date | None = None
        self.agenda: Agenda | None = None  # the figures shown (the sidebar counts from them)
        self.heading = QLabel()
        self.heading.setObjectName("todayHeading")
        self.heading.setAccessibleName(self.tr("Today's date"))
        self.heading.setFont(scaled(self.heading.font(), Step.TITLE, bold=True))
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setAccessibleName(self.tr("Summary of the next two weeks"))
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        # Shown when overdue deadlines were left out of the list: never out of sight.
        self._show_all_overdue = False
        self.more_overdue = self._more_overdue_button()
        self.start_list = StartListPanel(self)  # a new clinic's first steps, until all done

        self.model = AgendaModel(self)
        self.view = AgendaView(self.model)
        self.view.setObjectName("todayAgenda")
        self.view.setAccessibleName(self.tr("Hearings and deadlines of the next two weeks"))
        self.view.case_activated.connect(self.session.open_case)
        self.detail = QTextBrowser()
        self.detail.setObjectName("todayDetail")
        self.detail.setAccessibleName(self.tr("Why this date"))
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([940, 320])

        self.empty_state = self._empty_label()
        self.loading_state = self._loading_label()
        self._load_pending = False
        self.stack = QStackedWidget()
        self.list_panel = splitter
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.loading_state)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.start_list)
        layout.addWidget(self.more_overdue)
        layout.addWidget(self.stack, 1)
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.view.entered.connect(self._show_hovered)
        self.view.setMouseTracking(True)
        self._day_timer = self._start_day_timer()

    def _start_day_timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(DAY_CHECK_MS)
        timer.timeout.connect(self._follow_the_date)
        timer.start()
        return timer

    # -- Page contract ----------------------------------------------------------------------

    def reload(self) -> None:
        self._load_pending = False
        if not self.session.is_open:
            self.clear()
            return
        today = self.session.today()
        limit = None if self._show_all_overdue else TODAY_OVERDUE_LIMIT
        listed = today_agenda(
            store=self.session.store, today=today, days=AGENDA_DAYS, overdue_limit=limit
        )
        items = listed.items
        self._shown_day = today
        self.agenda = listed
        self.model.set_items(items, today=today)
        self.heading.setText(long_date(today))
        self.summary.setText(self._summary_html(listed))
        self._show_more_overdue(listed.overdue_hidden)
        self.start_list.show_list(start_list(store=self.session.store))
        self._clear_detail()
        self.stack.setCurrentWidget(self.list_panel if items else self.empty_state)
        self.loaded.emit()

    def reload_after_paint(self) -> None:
        """Start-up: today's date and "Loading…" at once, the list read right after they are
        painted, so the window does not wait for the query (0.5–1 s with 100,000 clients)."""
        if not self.session.is_open:
            self.clear()
            return
        self.model.clear()
        self._clear_detail()
        self.heading.setText(long_date(self.session.today()))
        self.summary.clear()
        self.more_overdue.hide()
        self.stack.setCurrentWidget(self.loading_state)
        self._load_pending = True

    def is_loading(self) -> bool:
        return self._load_pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        painted = watched is self.loading_state and event.type() == QEvent.Type.Paint
        if painted and self._load_pending:  # load once this paint pass is on the screen
            QTimer.singleShot(0, self._load_if_pending)
        return super().eventFilter(watched, event)

    def _load_if_pending(self) -> None:
        if self._load_pending:
            self.reload()

    def clear(self) -> None:
        self._load_pending = False
        self.model.clear()
        self._clear_detail()
        self.heading.clear()
        self.summary.clear()
        self.more_overdue.hide()
        self.start_list.hide()
        self._show_all_overdue = False
        self._shown_day = None
        self.agenda = None
        self.stack.setCurrentWidget(self.list_panel)

    # -- behaviour --------------------------------------------------------------------------

    def _empty_label(self) -> QLabel:
        label = QLabel(self.tr("Nothing due in the next two weeks."))
        label.setObjectName("todayEmptyState")
        label.setAccessibleName(self.tr("Nothing due"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def _loading_label(self) -> QLabel:
        """At start-up the window is painted first and the list read just after it
        (reload_after_paint); this says so in the meantime."""
        label = QLabel(self.tr("Loading today's hearings and deadlines…"))
        label.setObjectName("todayLoading")
        label.setAccessibleName(self.tr("Loading"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.installEventFilter(self)
        return label

    def _more_overdue_button(self) -> QPushButton:
        button = QPushButton()
        button.setObjectName("todayMoreOverdue")
        button.setAccessibleName(self.tr("Show every overdue deadline"))
        button.setFlat(True)
        button.setStyleSheet("text-align: left; text-decoration: underline;")
        button.clicked.connect(self.show_all_overdue)
        button.hide()
        return button

    def show_all_overdue(self) -> None:
        """List every overdue deadline (the list was cut at the oldest ones)."""
        self._show_all_overdue = True
        self.reload()

    def _show_more_overdue(self, hidden: int) -> None:
        if hidden <= 0:
            self.more_overdue.hide()
            return
        self.more_overdue.setText(
            self.tr("and %1 more overdue — show all").replace("%1", QLocale().toString(hidden))
        )
        self.more_overdue.show()

    def _summary_html(self, listed: Agenda) -> str:
        items = listed.items
        overdue = listed.overdue_total
        hearings = sum(1 for i in items if i.is_hearing)
        deadlines = len(items) - hearings - listed.overdue_shown
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

    def _clear_detail(self) -> None:
        """The hint as wrapped text (a placeholder would be one clipped line)."""
        colour = self.detail.palette().placeholderText().color().name()
        self.detail.setHtml(f"<p style='color:{colour}'>{escape(empty_detail_text())}</p>")

    def _show_item(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE) if index.isValid() else None
        if item is None or self._shown_day is None:
            self._clear_detail()
            return
        self.detail.setHtml(item_detail_html(item, self._shown_day))

    def _follow_the_date(self) -> None:
        moved = self._shown_day is not None and self.session.today() != self._shown_day
        if moved and self.session.is_open:
            self.reload()
