"""Why an affirmative case offers no court hearings, and the way to them: the referral.

An affirmative case is before the asylum office; it reaches immigration court only when the
asylum office refers it by issuing a Notice to Appear (8 CFR 208.14(c)(1)). Then the same case
continues as a defensive one, and master calendar and individual hearings can be scheduled. The
schedule-hearing dialog says so, and offers the existing referral dialog (stage_dialogs), after
which its list of hearing kinds becomes the court's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from clinic.domain.enums import ClaimType, ForumKind, HearingKind, Stage
from clinic.domain.stages import check_referral
from clinic.services import cases
from clinic.services.dto import CaseView
from clinic.ui.case_view.case_words import word
from clinic.ui.case_view.court_picker import CourtPicker
from clinic.ui.case_view.stage_dialogs import ReferralDialog

if TYPE_CHECKING:
    from clinic.ui.case_view.form_dialog import FormDialog


class ReferralGuidance(QObject):
    """A panel above the fields of the schedule dialog of an affirmative case."""

    def __init__(
        self,
        dialog: FormDialog,
        case: CaseView,
        *,
        kind: QComboBox,
        court: CourtPicker,
        kinds_for: Callable[[ClaimType], tuple[HearingKind, ...]],
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.session = dialog.session
        self.case = case
        self.kind = kind
        self.court = court
        self._kinds_for = kinds_for
        self.referral_dialog: ReferralDialog | None = None
        self.box = QFrame()
        self.box.setObjectName("affirmativeHearingGuidance")
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("affirmativeHearingGuidanceText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.refer_button = QPushButton(self.tr("Record the referral…"))
        self.refer_button.setObjectName("recordReferralFirst")
        self.refer_button.setAccessibleName(self.tr("Record the referral to immigration court"))
        self.refer_button.setAutoDefault(False)
        self.refer_button.clicked.connect(self.open_referral)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.refer_button)
        layout = QVBoxLayout(self.box)
        layout.addWidget(self.text)
        layout.addLayout(row)
        outer = dialog.layout()
        if isinstance(outer, QVBoxLayout):
            outer.insertWidget(1, self.box)  # under the dialog's message, above the fields
        self._show()

    def _show(self) -> None:
        case = self.case
        affirmative = case.claim_type is ClaimType.AFFIRMATIVE
        self.box.setVisible(affirmative)
        if not affirmative:
            return
        can_refer = check_referral(case.claim_type, case.stage) is None
        text = self.tr(
            "This case is affirmative: it is before the asylum office, so only its appointments "
            "can be scheduled here. Master calendar and individual hearings are in immigration "
            "court, where an affirmative case goes only when the asylum office refers it with a "
            "Notice to Appear."
        )
        if can_refer:
            text += " " + self.tr(
                "If the asylum office referred this case, record the referral first: the case "
                "becomes defensive, keeps its history, and court hearings can then be scheduled."
            )
        else:
            text += " " + self.tr(
                "A referral can be recorded once the application is filed (stage {filed}, "
                "{interview} or {decision}; this case is at {stage}). If the client received a "
                "Notice to Appear without a referral, ask the attorney how to proceed."
            ).format(
                filed=word(Stage.FILED),
                interview=word(Stage.INTERVIEW),
                decision=word(Stage.DECISION),
                stage=word(case.stage),
            )
        self.text.setText(text)
        self.refer_button.setVisible(can_refer)

    def open_referral(self) -> None:
        """The existing referral dialog, over this one; once saved, court hearings appear."""
        dialog = ReferralDialog(self.session, self.case, self.dialog)
        forum = self.court.forum()
        if forum is not None and forum.kind is ForumKind.IMMIGRATION_COURT:
            dialog.court.setText(forum.name)
        dialog.accepted.connect(self._referred)
        dialog.start_tracking()
        dialog.open()
        self.referral_dialog = dialog

    def _referred(self) -> None:
        case = cases.get_case(store=self.session.store, case_id=self.case.id)
        self.case = case
        self.kind.clear()
        for kind in self._kinds_for(case.claim_type):
            self.kind.addItem(word(kind), kind.value)
        self.kind.setCurrentIndex(max(self.kind.findData(HearingKind.MASTER_CALENDAR.value), 0))
        if case.forum_name:
            self.court.setText(case.forum_name)  # the court on the NTA: its zone follows
        self._show()
        self.dialog.adjustSize()  # the panel is gone: no empty band where it was
        self.kind.setFocus()
