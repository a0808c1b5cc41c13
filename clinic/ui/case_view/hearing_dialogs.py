"""Scheduling a hearing or appointment, and recording how it went."""

from __future__ import annotations

from datetime import time
from functools import cache, partial
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from clinic.domain.drafts import HearingDraft
from clinic.domain.enums import AttendanceMode, ClaimType, HearingKind
from clinic.services import cases, schedule
from clinic.services.dto import CaseView, HearingView
from clinic.ui.case_view.court_picker import CourtPicker
from clinic.ui.case_view.form_dialog import EnumComboBox, FormDialog, Save, date_edit, qdate_value
from clinic.ui.case_view.hearing_place import HearingPlace
from clinic.ui.case_view.referral_guidance import ReferralGuidance
from clinic.ui.operation import Operation
from clinic.ui.session import UiSession
from clinic.ui.time_input import TimeInput

DEFAULT_TIME = time(9, 0)
_COURT_KINDS = (
    HearingKind.MASTER_CALENDAR,
    HearingKind.INDIVIDUAL,
    HearingKind.BOND,
    HearingKind.FEAR_REVIEW,
)


def hearing_kinds_for(claim_type: ClaimType) -> tuple[HearingKind, ...]:
    """Court hearings belong to defensive cases, the asylum interview to affirmative ones."""
    if claim_type is ClaimType.AFFIRMATIVE:
        return tuple(k for k in HearingKind if k not in _COURT_KINDS)
    return tuple(k for k in HearingKind if k is not HearingKind.ASYLUM_INTERVIEW)


@cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(z for z in available_timezones() if "/" in z and not z.startswith("Etc/")))


class OptionalTimeField(TimeInput):
    """A time of day that may not be set yet: left empty, the hearing has no time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DEFAULT_TIME, required=False, parent=parent)


def timezone_combo() -> QComboBox:
    """Every zone, typed or picked; the dialog fills it from the court (see HearingPlace)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(_zone_names()))
    completer = combo.completer()
    if completer is None:
        return combo
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class ScheduleHearingDialog(FormDialog):
    def __init__(self, session: UiSession, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            title=self.tr("Schedule a hearing"),
            object_name="scheduleHearingDialog",
            save_text=self.tr("Schedule"),
            parent=parent,
        )
        self.case_id = case.id
        add = self.add_field
        self.kind = add("kind", self.tr("Kind"), EnumComboBox(hearing_kinds_for(case.claim_type)))
        self.on = add("on", self.tr("Date"), date_edit(session.today(), session=session))
        self.at = add("at", self.tr("Time"), OptionalTimeField())
        self.location = add("location", self.tr("Court or office"), CourtPicker(case.forum_name))
        location_line = self.location.lineEdit()  # an editable picker: always there
        if location_line is not None:
            location_line.setPlaceholderText(self.tr("Court or office, courtroom"))
        self.timezone = add("timezone", self.tr("Time zone"), timezone_combo())
        self.address = add("address", self.tr("Address"), QPlainTextEdit())
        self.address.setMaximumHeight(64)
        self.judge = add("judge", self.tr("Judge"), QLineEdit(case.judge))
        self.mode = add(
            "mode", self.tr("Attendance"), EnumComboBox(AttendanceMode, AttendanceMode.IN_PERSON)
        )
        self.notes = add("notes", self.tr("Notes"), QLineEdit())
        self.place = HearingPlace(self, court=self.location, timezone=self.timezone)
        self.guidance = ReferralGuidance(
            self, case, kind=self.kind, court=self.location, kinds_for=hearing_kinds_for
        )
        self.setMinimumWidth(480)

    def draft(self) -> HearingDraft:
        return HearingDraft(
            kind=self.kind.value(),
            on=qdate_value(self.on),
            at=self.at.value(),
            timezone=self.timezone.currentText().strip(),
            location=self.location.text(),
            address=self.address.toPlainText(),
            judge=self.judge.text(),
            mode=self.mode.value(),
            notes=self.notes.text(),
        )

    def save(self) -> Save:
        return partial(schedule.schedule_hearing, case_id=self.case_id, hearing=self.draft())


class ChangeHearingDialog(ScheduleHearingDialog):
    """The hearing's form filled with the hearing as it is (a continuance, another courtroom);
    saved over the version it shows, so a colleague's change meanwhile is shown side by side."""

    def __init__(
        self,
        session: UiSession,
        case: CaseView,
        hearing: HearingView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, case, parent)
        title = self.tr("Change the hearing")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("changeHearingDialog")
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.hearing_id = hearing.id
        self.fill(hearing)

    def fill(self, hearing: HearingView) -> None:
        self.kind.set_value(hearing.kind)
        self.on.set_value(hearing.on)
        self.at.set_value(hearing.at)
        self.location.setText(hearing.location)
        self.timezone.setCurrentText(hearing.timezone)  # after the court, which suggests one
        self.address.setPlainText(hearing.address)
        self.judge.setText(hearing.judge)
        self.mode.set_value(hearing.mode)
        self.notes.setText(hearing.notes)
        self.expected_version = hearing.version
        self.save_over = None
        self.start_tracking()

    def reload_current(self) -> None:
        store, case_id, hearing_id = self.session.store, self.case_id, self.hearing_id

        def current(_: object) -> HearingView | None:
            view = cases.get_case(store=store, case_id=case_id)
            return next((h for h in view.hearings if h.id == hearing_id), None)

        def show(hearing: HearingView | None) -> None:
            if hearing is None:
                self.discard()  # deleted meanwhile: nothing left to change
            else:
                self.fill(hearing)

        Operation(self, current, session=self.session).success(show).failure(
            lambda problem: self.show_message(problem.text)
        ).run()

    def save(self) -> Save:
        return partial(
            schedule.change_hearing,
            hearing_id=self.hearing_id,
            hearing=self.draft(),
            expected_version=self.expected_version,
            save_over=self.save_over,
        )


class HearingOutcomeDialog(FormDialog):
    def __init__(
        self, session: UiSession, hearing: HearingView, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Record the hearing's outcome"),
            object_name="hearingOutcomeDialog",
            parent=parent,
        )
        self.hearing_id = hearing.id
        self.expected_version = hearing.version
        self.outcome = self.add_field("outcome", self.tr("Outcome"), QLineEdit(hearing.outcome))
        self.outcome.setPlaceholderText(
            self.tr("e.g. Continued to a later date; pleadings taken; individual hearing set")
        )
        self.setMinimumWidth(480)

    def save(self) -> Save:
        return partial(
            schedule.record_hearing_outcome,
            hearing_id=self.hearing_id,
            outcome=self.outcome.text(),
            expected_version=self.expected_version,
            save_over=self.save_over,
        )
