"""The strip above the tabs: who, which claim, where, and what is next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clinic.domain.enums import DeadlineStatus
from clinic.services.dto import CaseView, DeadlineView, HearingView
from clinic.ui.case_view.case_tab import INFO_BADGE, badge
from clinic.ui.case_view.case_words import a_number_shown, short_date, short_time, word
from clinic.ui.case_view.deadline_table_model import is_overdue
from clinic.ui.fonts import Step, scaled
from clinic.ui.rule_words import rule_text


def next_hearing(case: CaseView, today: date) -> HearingView | None:
    upcoming = [h for h in case.hearings if h.on >= today]
    return min(upcoming, key=lambda h: (h.on, h.at is not None, h.at), default=None)


def actionable_deadlines(case: CaseView) -> list[DeadlineView]:
    """Open deadlines with a date to act by (not "earliest date" notices, not court-set)."""
    return sorted(
        (
            d
            for d in case.deadlines
            if d.status is DeadlineStatus.OPEN
            and not d.court_sets_date
            and d.kind != "earliest_date"
        ),
        key=lambda d: (d.act_by, d.id),
    )


class CaseHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.client_name = self._label("headerClientName", self.tr("Client"))
        self.client_name.setFont(scaled(self.client_name.font(), Step.TITLE, bold=True))
        self.a_number = self._label("headerANumber", self.tr("A-number"))
        self.claim_type = badge("", "headerClaimType", INFO_BADGE)
        self.detained_badge = badge(self.tr("Detained"), "headerDetained")
        self.stage = self._label("headerStage", self.tr("Stage"))
        self.forum = self._label("headerForum", self.tr("Forum and judge"))
        self.next_hearing = self._label("headerNextHearing", self.tr("Next hearing"))
        self.next_deadline = self._label("headerNextDeadline", self.tr("Next deadline"))
        self.overdue_badge = badge("", "headerOverdue")
        top = QHBoxLayout()
        top.setSpacing(12)
        for widget in (self.client_name, self.a_number, self.claim_type, self.detained_badge):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.stage)
        middle = QHBoxLayout()
        middle.addWidget(self.forum, 1)
        bottom = QHBoxLayout()
        for line in (self.forum, self.next_hearing, self.next_deadline):
            line.setWordWrap(True)  # long names and Spanish wrap instead of widening the window
        bottom.addWidget(self.next_hearing, 1)
        bottom.addSpacing(32)
        bottom.addWidget(self.next_deadline, 1)
        bottom.addWidget(self.overdue_badge)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(bottom)

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        return label

    def display_case(self, case: CaseView, today: date) -> None:
        self.client_name.setText(case.client.display_name)
        self.a_number.setText(a_number_shown(case.client.a_number))
        self.claim_type.setText(word(case.claim_type))
        self.claim_type.show()
        self.detained_badge.setText(self.tr("Detained"))
        self.detained_badge.setVisible(case.detained)
        stage = word(case.stage)
        if case.outcome is not None:
            stage = f"{stage} · {word(case.outcome)}"
        self.stage.setText(self.tr("Stage: {0}").format(stage))
        self.forum.setText(self._forum_text(case))
        self.next_hearing.setText(self._hearing_text(next_hearing(case, today)))
        self._show_deadline(actionable_deadlines(case), today)

    def _forum_text(self, case: CaseView) -> str:
        parts = [word(case.forum_kind)]
        if case.forum_name:
            parts = [case.forum_name]
        if case.judge:
            parts.append(self.tr("Judge: {0}").format(case.judge))
        return " · ".join(parts)

    def _hearing_text(self, hearing: HearingView | None) -> str:
        if hearing is None:
            return self.tr("Next hearing: none scheduled")
        when = " ".join(
            x
            for x in (short_date(hearing.on), short_time(hearing.on, hearing.at, hearing.timezone))
            if x
        )
        return self.tr("Next hearing: {0}, {1}").format(word(hearing.kind), when)

    def _show_deadline(self, deadlines: list[DeadlineView], today: date) -> None:
        if not deadlines:
            self.next_deadline.setText(self.tr("Next deadline: none open"))
            self.overdue_badge.hide()
            return
        first = deadlines[0]
        self.next_deadline.setText(
            self.tr("Next deadline: {0}, act by {1}").format(
                rule_text(first.title), short_date(first.act_by)
            )
        )
        overdue = sum(1 for d in deadlines if is_overdue(d, today))
        self.overdue_badge.setText(self.tr("%n overdue", "", overdue))
        self.overdue_badge.setAccessibleName(self.overdue_badge.text())
        self.overdue_badge.setVisible(overdue > 0)

    def clear(self) -> None:
        for label in self.findChildren(QLabel):
            label.clear()
        self.detained_badge.hide()
        self.overdue_badge.hide()
        self.claim_type.hide()
