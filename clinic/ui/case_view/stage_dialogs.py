"""Moving a case to another stage, and recording the USCIS referral to immigration court."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QLineEdit, QWidget

from clinic.domain.enums import Outcome, Stage
from clinic.domain.typed_dates import CASE_EVENTS
from clinic.domain.validation import FieldProblem, Problem
from clinic.services import cases
from clinic.services.dto import CaseView
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.court_picker import CourtPicker
from clinic.ui.case_view.form_dialog import EnumComboBox, FormDialog, Save, date_edit, qdate_value
from clinic.ui.session import UiSession

_OUTCOME_PROBLEMS = {Problem.OUTCOME_REQUIRED, Problem.OUTCOME_NOT_EXPECTED}
# A referral is its own action ("Referred to court…"), never an outcome picked from a list.
CLOSING_OUTCOMES = tuple(o for o in Outcome if o is not Outcome.REFERRED)


class MoveStageDialog(FormDialog):
    def __init__(
        self, session: UiSession, case: CaseView, target: Stage, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Move the case to {0}").format(word(target)),
            object_name="moveStageDialog",
            save_text=self.tr("Move"),
            parent=parent,
        )
        self.case_id = case.id
        self.target = target
        self.on = date_edit(session.today(), session=session, window=CASE_EVENTS)
        self.add_field("on", self.tr("Date"), self.on)
        self.outcome: EnumComboBox | None = None
        if target in (Stage.CLOSED, Stage.DECISION):
            first = (
                self.tr("Choose how the case ended…")
                if target is Stage.CLOSED
                else self.tr("No outcome yet")
            )
            self.outcome = self.add_field(
                "outcome", self.tr("Outcome"), EnumComboBox(CLOSING_OUTCOMES, none_text=first)
            )
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why, or what the notice said (optional)"))
        self.add_field("note", self.tr("Note"), self.note)
        self.setMinimumWidth(420)

    def show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        moved = tuple(
            FieldProblem("outcome", p.code) if p.code in _OUTCOME_PROBLEMS else p for p in problems
        )
        super().show_problems(moved)

    def save(self) -> Save:
        return partial(
            cases.change_stage,
            case_id=self.case_id,
            stage=self.target,
            on=qdate_value(self.on),
            outcome=self.outcome.value() if self.outcome is not None else None,
            note=self.note.text(),
        )


class ReferralDialog(FormDialog):
    """USCIS referred the affirmative case: the same case continues in immigration court."""

    def __init__(self, session: UiSession, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            title=self.tr("Referred to immigration court"),
            object_name="referralDialog",
            save_text=self.tr("Record referral"),
            parent=parent,
        )
        self.case_id = case.id
        self.court = CourtPicker()  # the court's time zone then goes with its hearings
        court_line = self.court.lineEdit()  # the picker is editable: it always has one
        if court_line is not None:
            court_line.setPlaceholderText(self.tr("The court named on the Notice to Appear"))
        self.add_field("forum_name", self.tr("Immigration court"), self.court)
        self.judge = QLineEdit()
        self.judge.setPlaceholderText(self.tr("If already assigned"))
        self.add_field("judge", self.tr("Judge"), self.judge)
        self.on = date_edit(session.today(), session=session, window=CASE_EVENTS)
        self.add_field("on", self.tr("Referral date"), self.on)
        self.note = QLineEdit()
        self.add_field("note", self.tr("Note"), self.note)
        self.setMinimumWidth(460)

    def save(self) -> Save:
        return partial(
            cases.refer_to_court,
            case_id=self.case_id,
            on=qdate_value(self.on),
            court=self.court.text(),
            judge=self.judge.text(),
            note=self.note.text(),
        )
