"""Upcoming hearings whose stored time zone is not their court's: listed for staff, who keep the
stored zone (confirmed) or switch to the court's; each choice is audited, nothing changes alone.

Hearings saved before the court table existed all got America/New_York whatever the court; a
hearing at the Phoenix court stored that way shows 9:00 EST, two or three hours off.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.ids import HearingId
from clinic.services import courts
from clinic.services.courts import ZoneMismatch
from clinic.services.results import Changes, Result
from clinic.ui.case_view.case_words import short_date, short_time, word
from clinic.ui.operation import Operation, Progress
from clinic.ui.problems import Problem
from clinic.ui.session import UiSession


class Column(IntEnum):
    DATE = 0
    TIME = 1
    CLIENT = 2
    KIND = 3
    STORED = 4
    COURT_ZONE = 5
    COURT = 6  # last: the long names take the width that is left


class HearingZoneReviewDialog(QDialog):
    """The list, with "Keep the stored zone" and "Use the court's zone" for the selected rows."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("hearingZoneReview")
        self.setWindowTitle(self.tr("Hearing time zones to review"))
        self.rows: list[ZoneMismatch] = []
        intro = QLabel(
            self.tr(
                "These upcoming hearings are stored with a time zone that is not their court's or "
                "office's. Hearings saved before the court list existed all got New York time. "
                "Check each against its notice: keep the stored zone if it is right, or use the "
                "court's. Each choice is recorded in the audit trail; nothing changes by itself."
            )
        )
        intro.setWordWrap(True)
        self.table = self._make_table()
        self.empty = QLabel(self.tr("Every upcoming hearing has its court's time zone."))
        self.empty.setObjectName("hearingZoneNone")
        self._make_buttons()
        self.keep_button.clicked.connect(self.keep_selected)
        self.use_court_button.clicked.connect(self.use_court_for_selected)
        self.open_case_button.clicked.connect(self.open_selected_case)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_button)
        actions.addWidget(self.use_court_button)
        actions.addWidget(self.open_case_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.resize(1100, 460)
        session.locked.connect(self.reject)
        self.reload()

    def _make_table(self) -> QTableWidget:
        """The hearings, one row each (see Column)."""
        table = QTableWidget(0, len(Column))
        table.setObjectName("hearingZoneTable")
        table.setAccessibleName(self.tr("Hearings with another time zone than their court's"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Time (as stored)"),
                self.tr("Client"),
                self.tr("Hearing"),
                self.tr("Stored zone"),
                self.tr("Court's zone"),
                self.tr("Court or office"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _make_buttons(self) -> None:
        """Keep the stored zone, use the court's, open the case: for the selected rows."""
        self.keep_button = QPushButton(self.tr("&Keep the stored zone"))
        self.keep_button.setObjectName("keepStoredZone")
        self.keep_button.setAccessibleName(self.tr("Keep the stored time zone of the selected"))
        self.use_court_button = QPushButton(self.tr("&Use the court's zone"))
        self.use_court_button.setObjectName("useCourtZone")
        self.use_court_button.setAccessibleName(
            self.tr("Use the court's time zone for the selected")
        )
        self.open_case_button = QPushButton(self.tr("&Open the case"))
        self.open_case_button.setObjectName("openZoneCase")
        for button in (self.keep_button, self.use_court_button, self.open_case_button):
            button.setAutoDefault(False)

    def reload(self) -> None:
        self.rows = courts.hearings_with_other_zone(
            store=self.session.store, since=self.session.today()
        )
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            texts = {
                Column.DATE: short_date(row.on),
                Column.TIME: short_time(row.on, row.at, row.timezone),
                Column.CLIENT: row.client_name,
                Column.KIND: word(row.kind),
                Column.COURT: row.forum_name,
                Column.STORED: row.timezone,
                Column.COURT_ZONE: row.forum_zone,
            }
            for column, text in texts.items():
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, int(row.hearing_id))
                self.table.setItem(number, column, item)
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self._sync_buttons()

    def selected(self) -> list[ZoneMismatch]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[row] for row in rows if row < len(self.rows)]

    def _sync_buttons(self) -> None:
        chosen = self.selected()
        self.keep_button.setEnabled(bool(chosen))
        self.use_court_button.setEnabled(bool(chosen))
        self.open_case_button.setEnabled(len(chosen) == 1)

    def keep_selected(self) -> None:
        """The stored zone is right: confirmed (audited), the zone itself unchanged."""
        self._apply(courts.confirm_hearing_zone)

    def use_court_for_selected(self) -> None:
        """Switch to the court's zone (audited)."""
        self._apply(courts.use_court_zone)

    def _apply(self, action: Callable[..., Result[HearingId]]) -> None:
        store = self.session.store
        chosen = [(HearingId(row.hearing_id), row.timezone) for row in self.selected()]

        def work(_progress: Progress) -> Changes:
            changes = Changes()
            for hearing_id, zone in chosen:
                changes = changes | action(store=store, hearing_id=hearing_id, zone=zone).changes
            return changes

        Operation(self, work, session=self.session, changes=lambda changes: changes).failure(
            self._not_saved
        ).ended_with(self._reload_if_open).run_and_wait()

    def _not_saved(self, problem: Problem) -> None:
        QMessageBox.warning(self, self.tr("Nothing was saved"), problem.text)

    def _reload_if_open(self) -> None:
        if self.session.is_open:
            self.reload()

    def open_selected_case(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.accept()
            self.session.open_case(int(chosen[0].case_id))


class ZoneReviewNotice(QWidget):
    """One line for Settings: how many upcoming hearings to review, with a button to the list;
    hidden when there is nothing to review."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("zoneReviewNotice")
        self.text = QLabel()
        self.text.setObjectName("zoneReviewText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Review…"))
        self.button.setObjectName("reviewHearingZones")
        self.button.setAccessibleName(self.tr("Review hearing time zones"))
        self.button.clicked.connect(self.open_review)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.count = 0
        self.hide()

    def refresh(self) -> None:
        if not self.session.is_open:
            self.count = 0
            self.hide()
            return
        self.count = courts.count_hearings_with_other_zone(
            store=self.session.store, since=self.session.today()
        )
        self.text.setText(
            self.tr(
                "Upcoming hearings with a time zone other than their court's: %n. Review them.",
                "",
                self.count,
            )
        )
        self.setVisible(self.count > 0)

    def open_review(self) -> None:
        dialog = HearingZoneReviewDialog(self.session, self)
        dialog.exec()
        self.refresh()
