"""Overview: the claim (relief, grounds, forum) and the case's stage with the moves allowed."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from clinic.domain.enums import ProtectedGround, Relief, Stage
from clinic.domain.stages import allowed_stages, check_referral
from clinic.services.dto import CaseView
from clinic.ui.case_view.case_tab import CaseTab, action_button, hint_label
from clinic.ui.case_view.case_words import short_date, word, yes_no
from clinic.ui.case_view.stage_dialogs import MoveStageDialog, ReferralDialog
from clinic.ui.session import UiSession

_STAGE_ORDER = tuple(Stage)
_RELIEF_ORDER = tuple(Relief)
_GROUND_ORDER = tuple(ProtectedGround)


class OverviewTab(CaseTab):
    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("overviewTab")
        self.move_menu = QMenu(self)
        self.move_menu.setObjectName("moveToMenu")
        self.move_actions: dict[Stage, QAction] = {}
        self.move_button = action_button(self.tr("Move to…"), "moveToButton")
        self.move_button.setMenu(self.move_menu)
        self.refer_button = action_button(self.tr("Referred to court…"), "referToCourtButton")
        self.refer_button.setToolTip(
            self.tr("USCIS referred this affirmative case to immigration court (an NTA was filed)")
        )
        self.refer_button.clicked.connect(self.open_referral)
        boxes = QHBoxLayout()
        boxes.addWidget(self._claim_box(), 3)
        boxes.addWidget(self._stage_box(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addStretch(1)

    def _claim_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Claim"))
        form = QFormLayout(box)
        row = self.add_value_row
        self.claim_type = row(form, self.tr("Claim type"), "overviewClaimType")
        self.relief = row(form, self.tr("Relief sought"), "overviewRelief")
        self.grounds = row(form, self.tr("Protected grounds"), "overviewGrounds")
        self.psg_definition = row(form, self.tr("Particular social group"), "overviewPsg")
        self.forum = row(form, self.tr("Forum"), "overviewForum")
        self.judge = row(form, self.tr("Judge"), "overviewJudge")
        self.receipt = row(form, self.tr("Receipt number"), "overviewReceipt")
        self.dates = row(form, self.tr("Opened · I-589 filed"), "overviewDates")
        self.detained = row(form, self.tr("Detained"), "overviewDetained")
        self.staff = row(form, self.tr("Paralegal · attorney"), "overviewStaff")
        return box

    def _stage_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stage"))
        column = QVBoxLayout(box)
        form = QFormLayout()
        self.stage = self.add_value_row(form, self.tr("Current stage"), "overviewStage")
        self.outcome = self.add_value_row(form, self.tr("Outcome"), "overviewOutcome")
        self.referred = self.add_value_row(form, self.tr("Referred to court"), "overviewReferred")
        self.closed = self.add_value_row(form, self.tr("Closed on"), "overviewClosed")
        column.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_button)
        buttons.addWidget(self.refer_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.stage_hint = hint_label("", "overviewStageHint")
        column.addWidget(self.stage_hint)
        return box

    def display_case(self, case: CaseView, today: date) -> None:
        super().display_case(case, today)
        self.claim_type.setText(word(case.claim_type))
        self.relief.setText(", ".join(word(r) for r in _RELIEF_ORDER if r in case.relief))
        self.grounds.setText(
            ", ".join(word(g) for g in _GROUND_ORDER if g in case.grounds)
            or self.tr("None recorded yet")
        )
        self.psg_definition.setText(case.psg_definition or "—")
        self.forum.setText(" · ".join(x for x in (word(case.forum_kind), case.forum_name) if x))
        self.judge.setText(case.judge or "—")
        self.receipt.setText(case.receipt_number or "—")
        self.dates.setText(f"{short_date(case.opened_on)} · {short_date(case.filed_on) or '—'}")
        hold = self.tr(" (agency hold)") if case.agency_hold else ""
        self.detained.setText(yes_no(case.detained) + hold)
        self.staff.setText(
            " · ".join(p.name if p else "—" for p in (case.paralegal, case.attorney))
        )
        self.stage.setText(word(case.stage))
        self.outcome.setText(word(case.outcome) or "—")
        self.referred.setText(short_date(case.referred_on) or "—")
        self.closed.setText(short_date(case.closed_on) or "—")
        self._offer_moves(case)

    def _offer_moves(self, case: CaseView) -> None:
        self.move_menu.clear()
        self.move_actions = {}
        for stage in _STAGE_ORDER:
            if stage not in allowed_stages(case.claim_type, case.stage):
                continue
            action = QAction(word(stage) + "…", self.move_menu)
            action.setObjectName(f"moveTo{stage.value.capitalize()}")
            action.triggered.connect(lambda _=False, s=stage: self.open_move(s))
            self.move_menu.addAction(action)
            self.move_actions[stage] = action
        self.move_button.setEnabled(bool(self.move_actions))
        can_refer = check_referral(case.claim_type, case.stage) is None
        self.refer_button.setVisible(can_refer)
        if can_refer:
            self.stage_hint.setText(
                self.tr(
                    "If USCIS referred the case to immigration court, record it with "
                    "“Referred to court…”: the case becomes defensive and keeps its history."
                )
            )
        else:
            self.stage_hint.clear()

    def open_move(self, target: Stage) -> None:
        if self.case is not None:
            self.open_dialog(MoveStageDialog(self.session, self.case, target, self))

    def open_referral(self) -> None:
        if self.case is not None:
            self.open_dialog(ReferralDialog(self.session, self.case, self))

    def clear(self) -> None:
        super().clear()
        self.move_menu.clear()
        self.move_actions = {}
        self.stage_hint.clear()
