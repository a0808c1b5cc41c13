"""The I-589 tab: the interview's questions in the form's order (issue 23), each in the form's
English and as asked in the interview language, answered in English and saved to the case file.

What the user typed is never lost while the store is open: switching to another case keeps the
unsaved answers for this client (shown again, marked unsaved, when they come back); a failed
save keeps them in the fields with the reason. Locking forgets them with every other piece of
client data on screen.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.applicant import ApplicantDetails
from clinic.domain.i589_checks import describe, question_words
from clinic.domain.i589_questions import Interview, Question, Review, progress
from clinic.domain.ids import ClientId
from clinic.services import applicant, i589_facts
from clinic.services.dto import CaseView
from clinic.services.results import Result
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label
from clinic.ui.case_view.case_words import mark_field_problems
from clinic.ui.case_view.i589_answers import Answer
from clinic.ui.case_view.i589_fill import I589Fill
from clinic.ui.case_view.i589_lists import I589Lists
from clinic.ui.operation import Operation
from clinic.ui.palette import Role, tint
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language

INTERVIEW_LANGUAGE = "es"  # the language of the interview (Spanish now; issue 23)
_PART_TITLES = {
    "A.I": QT_TRANSLATE_NOOP("I589Tab", "Part A.I — Information about you"),
    "B": QT_TRANSLATE_NOOP("I589Tab", "Part B — Information about your application"),
    "C": QT_TRANSLATE_NOOP("I589Tab", "Part C — Additional information about your application"),
}
# Findings the tab lists above as questions still to ask, or that are about the form itself.
_NOT_SHOWN = ("unanswered", "unexplained")


class I589Tab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("i589Tab")
        self.interview: Interview = applicant.interview_questions()
        self.stored: dict[str, Any] = {}
        self.drafts: dict[ClientId, dict[str, Any]] = {}  # unsaved answers, per client
        self.client_id: ClientId | None = None
        self.answers: dict[str, Answer] = {}
        self.problems: dict[str, QLabel] = {}
        self.progress = QLabel()
        self.progress.setObjectName("i589Progress")
        self.progress.setWordWrap(True)
        self.missing = hint_label("", "i589Missing")
        self.save_button = action_button(self.tr("Sa&ve answers"), "i589SaveButton")
        self.save_button.clicked.connect(self.save)
        self.undo_button = action_button(self.tr("&Undo changes"), "i589UndoButton")
        self.undo_button.clicked.connect(self.undo)
        self.status = QLabel()
        self.status.setObjectName("i589Status")
        self.problem = QLabel()
        self.problem.setObjectName("i589Problem")
        self.problem.setWordWrap(True)
        tint(self.problem, Role.DANGER)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.status, 1)
        self.filler = I589Fill(session, lambda: self.case, self)  # the official form
        self.filler.place(buttons)
        scroll = QScrollArea()
        scroll.setObjectName("i589Questions")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._questions())
        self.review_note = hint_label(
            self.tr(
                "The Spanish questions have not yet been reviewed by a qualified translator: "
                "check their meaning with the client."
            )
            if self._none_reviewed()
            else "",
            "i589ReviewNote",
        )
        self.review_note.setVisible(self._none_reviewed())
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.missing)
        layout.addWidget(self.review_note)
        self.findings = QLabel()
        self.findings.setObjectName("i589Findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        tint(self.findings, Role.DANGER)
        layout.addWidget(self.findings)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        layout.addWidget(self.filler.report)
        session.locked.connect(self.drafts.clear)  # a lock forgets what was typed, like the rest
        self._mark_unsaved()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.filler.read_ahead()  # the stored blank read while the questions are asked

    def _questions(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        for part in self.interview.parts():
            title = _PART_TITLES.get(part)
            box = QGroupBox(self.tr(str(title)) if title else self.tr("Part {0}").format(part))
            box.setObjectName(f"i589Part_{part}")
            grid = QGridLayout(box)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(2, 1)
            asked = [q for q in self.interview.questions if q.part == part]
            for row, question in enumerate(asked):
                self._add_question(grid, row, question)
            column.addWidget(box)
        self.lists = I589Lists(self.session)  # Part A.III's lists, Parts D and E
        self.lists.changed.connect(self._lists_changed)
        column.addWidget(self.lists)
        column.addStretch(1)
        return content

    def _add_question(self, grid: QGridLayout, row: int, question: Question) -> None:
        number = QLabel(question.item)
        number.setObjectName(f"i589Item_{question.key}")
        words = QLabel(self._question_text(question))
        words.setObjectName(f"i589Question_{question.key}")
        words.setTextFormat(Qt.TextFormat.RichText)
        words.setWordWrap(True)
        answer = Answer(question, self.session.today)
        answer.edited.connect(self._mark_unsaved)
        words.setBuddy(answer.input)
        answer.input.setAccessibleDescription(question.asked.get(INTERVIEW_LANGUAGE, ""))
        problem = QLabel()
        problem.setObjectName(f"i589Problem_{question.key}")
        problem.setWordWrap(True)
        tint(problem, Role.DANGER)
        problem.hide()
        cell = QVBoxLayout()
        cell.addWidget(answer)
        cell.addWidget(problem)
        grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(words, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(cell, row, 2, Qt.AlignmentFlag.AlignTop)
        self.answers[question.key] = answer
        self.problems[question.key] = problem

    def _question_text(self, question: Question) -> str:
        """The form's words in bold over the question as asked in the interview language (an
        unreviewed translation marked, unless none is reviewed: the tab then says so once)."""
        asked = question.asked.get(INTERVIEW_LANGUAGE, "")
        note = ""
        if (
            not self._none_reviewed()
            and question.review.get(INTERVIEW_LANGUAGE) is Review.UNREVIEWED
        ):
            note = " <i>(" + _escape(self.tr("translation not yet reviewed")) + ")</i>"
        return f"<b>{_escape(question.en)}</b><br>{_escape(asked)}{note}"

    def _none_reviewed(self) -> bool:
        return all(
            q.review.get(INTERVIEW_LANGUAGE) is Review.UNREVIEWED for q in self.interview.questions
        )

    # The case and its answers -------------------------------------------------------------
    def display_case(self, case: CaseView, today: date) -> None:
        self._keep_draft()
        if self.case is None or self.case.id != case.id:
            self.filler.case_changed()  # its report was about the other case
        super().display_case(case, today)
        if self.client_id != case.client.id:
            self.status.clear()  # "Answers saved." was about the other client
        self.client_id = case.client.id
        details = applicant.applicant_details(store=self.session.store, client_id=case.client.id)
        self.stored = asdict(details)
        self._fill(self.drafts.get(self.client_id, self.stored))
        self.lists.show_case(case.client.id, case.id)
        self._show_findings(case)

    def _show_findings(self, case: CaseView) -> None:
        """The cross-checks that are not questions still to ask (those are listed above): what
        in the case file contradicts itself, as stored (saved answers only)."""
        found = i589_facts.check_i589(store=self.session.store, case_id=case.id)
        lang = current_language()
        lines = [describe(f, lang) for f in found if f.code not in _NOT_SHOWN]
        self.findings.setText(
            self.tr("Before printing, check: {0}").format(" ".join(lines)) if lines else ""
        )
        self.findings.setVisible(bool(lines))

    def _lists_changed(self) -> None:
        if self.case is not None:
            self._show_findings(self.case)

    def _fill(self, values: dict[str, Any]) -> None:
        for key, answer in self.answers.items():
            answer.set_value(values.get(key))
        for label in self.problems.values():
            label.hide()
        self.problem.clear()
        self._mark_unsaved()

    def typed(self) -> dict[str, Any]:
        return {key: answer.value() for key, answer in self.answers.items()}

    def has_unsaved(self) -> bool:
        return self.client_id is not None and self.typed() != self.stored

    def _keep_draft(self) -> None:
        if self.client_id is None:
            return
        if self.has_unsaved():
            self.drafts[self.client_id] = self.typed()
        else:
            self.drafts.pop(self.client_id, None)

    def _mark_unsaved(self) -> None:
        values = self.typed()
        unsaved = self.client_id is not None and values != self.stored
        self.save_button.setEnabled(unsaved)
        self.undo_button.setEnabled(unsaved)
        not_saved = self.tr("Answers not saved yet.")
        if unsaved:
            self.status.setText(not_saved)
        elif self.status.text() == not_saved:
            self.status.clear()  # typed back to what is stored
        parts = progress(self.interview, values)
        self.progress.setText(
            " · ".join(
                self.tr("Part {0}: {1} of {2} answered").format(p.part, p.answered, p.total)
                for p in parts
            )
        )
        lang = current_language()
        still = [question_words(q, lang) for p in parts for q in p.missing]
        self.missing.setText(
            self.tr("Still to ask: {0}").format("; ".join(still))
            if still
            else self.tr("Every question answered.")
        )

    # Saving -------------------------------------------------------------------------------
    def save(self) -> None:
        if self.client_id is None:
            return
        if any(answer.date_problem() for answer in self.answers.values()):
            self.problem.setText(self.tr("Nothing was saved: correct the dates marked above."))
            return
        store, client_id, today = self.session.store, self.client_id, self.today
        details = ApplicantDetails(**self.typed())
        Operation(
            self,
            lambda _: applicant.set_applicant_details(
                store=store, client_id=client_id, details=details, today=today
            ),
            session=self.session,
        ).success(self._saved).failure(
            lambda problem: self.problem.setText(
                self.tr("Nothing was saved: {0}").format(problem.text)
            )
        ).run_and_wait()

    def _saved(self, result: Result[Any]) -> None:
        mark_field_problems(self.problems, result.problems)
        if result.problems:
            first = next(p.field for p in result.problems)
            if first in self.answers:
                self.answers[first].setFocus()
            self.problem.setText(self.tr("Nothing was saved: correct the answers marked above."))
            return
        if self.client_id is not None:
            self.drafts.pop(self.client_id, None)
            details = applicant.applicant_details(
                store=self.session.store, client_id=self.client_id
            )
            self.stored = asdict(details)
            self._fill(self.stored)  # as stored: numbers without dashes, codes in capitals
        self.status.setText(self.tr("Answers saved."))

    def undo(self) -> None:
        if self.client_id is not None:
            self.drafts.pop(self.client_id, None)
        self._fill(self.stored)
        self.status.clear()

    def clear(self) -> None:
        self._keep_draft()
        super().clear()
        self.client_id = None
        self.stored = {}
        self._fill({})
        self.lists.show_case(None, None)
        self.status.clear()
        self.findings.clear()
        self.findings.hide()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
