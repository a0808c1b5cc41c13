"""Waiving a deadline, adding a manual or judge-ordered one, and recording a case date that
deadline rules count from."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from clinic.domain.drafts import DeadlineDraft
from clinic.domain.enums import (
    FOIA_FACTS,
    NUMERIC_CASE_FACTS,
    CaseFactKind,
    DeadlineOrigin,
    DeadlineStatus,
    FoiaAgency,
)
from clinic.domain.typed_dates import CASE_FACTS
from clinic.services import deadlines, schedule
from clinic.services.deadlines import MAX_FACT_NUMBER, FoiaRequestChoice
from clinic.services.dto import CaseView, DeadlineView
from clinic.ui.case_view.case_words import short_date, word
from clinic.ui.case_view.form_dialog import EnumComboBox, FormDialog, Save, date_edit, qdate_value
from clinic.ui.rule_words import rule_text
from clinic.ui.session import UiSession

MANUAL_KIND = "manual"
JUDGE_ORDERED_KIND = "judge_ordered"


class WaiveDeadlineDialog(FormDialog):
    """Waiving is audited and needs a reason: the attorney will ask why."""

    def __init__(
        self, session: UiSession, deadline: DeadlineView, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Waive a deadline"),
            object_name="waiveDeadlineDialog",
            save_text=self.tr("Waive"),
            parent=parent,
        )
        self.deadline_id = deadline.id
        self.expected_version = deadline.version
        what = QLabel(f"{rule_text(deadline.title)} · {short_date(deadline.act_by)}")
        what.setObjectName("waivedDeadline")
        what.setWordWrap(True)
        self.form.addRow(self.tr("Deadline"), what)
        self.reason = self.add_field("status_reason", self.tr("Reason"), QPlainTextEdit())
        self.reason.setPlaceholderText(
            self.tr("Why this deadline does not apply, e.g. the judge set a different schedule")
        )
        self.reason.setMaximumHeight(90)
        self.setMinimumWidth(460)

    def save(self) -> Save:
        return partial(
            schedule.close_deadline,
            deadline_id=self.deadline_id,
            status=DeadlineStatus.WAIVED,
            on=self.session.today(),
            reason=self.reason.toPlainText(),
            expected_version=self.expected_version,
            save_over=self.save_over,
        )


class AddDeadlineDialog(FormDialog):
    """A staff-entered deadline, or one the judge ordered (which replaces the rule's default)."""

    def __init__(self, session: UiSession, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            title=self.tr("Add a deadline"),
            object_name="addDeadlineDialog",
            save_text=self.tr("Add"),
            parent=parent,
        )
        self.case_id = case.id
        add = self.add_field
        self.origin = add(
            "origin",
            self.tr("Set by"),
            EnumComboBox((DeadlineOrigin.JUDGE_ORDERED, DeadlineOrigin.MANUAL)),
        )
        self.origin.setItemText(0, self.tr("The judge (judge-ordered)"))
        self.origin.setItemText(1, self.tr("Our office (manual)"))
        self.title = add("title", self.tr("What is due"), QLineEdit())
        self.title.setPlaceholderText(self.tr("e.g. Pre-hearing brief and evidence"))
        self.due_on = add("due_on", self.tr("Due on"), date_edit(session.today(), session=session))
        self.replaces = add("kind", self.tr("Replaces"), QComboBox())
        self.replaces.addItem(self.tr("Nothing: a separate deadline"), "")
        seen: set[str] = set()
        for deadline in case.deadlines:
            if deadline.origin is DeadlineOrigin.RULE and deadline.rule_id not in seen:
                seen.add(deadline.rule_id)
                self.replaces.addItem(rule_text(deadline.title), deadline.rule_id)
        self.notes = add("notes", self.tr("Notes"), QLineEdit())
        self.notes.setPlaceholderText(self.tr("e.g. Ordered at the master calendar hearing"))
        self.origin.currentIndexChanged.connect(self._origin_changed)
        self._origin_changed()
        self.setMinimumWidth(500)

    def _origin_changed(self, *_args: object) -> None:
        judge = self.origin.value() is DeadlineOrigin.JUDGE_ORDERED
        self.set_field_visible("kind", judge)

    def draft(self) -> DeadlineDraft:
        origin = self.origin.value()
        replaced = self.replaces.currentData() if origin is DeadlineOrigin.JUDGE_ORDERED else ""
        fallback = JUDGE_ORDERED_KIND if origin is DeadlineOrigin.JUDGE_ORDERED else MANUAL_KIND
        return DeadlineDraft(
            kind=replaced or fallback,
            title=self.title.text(),
            due_on=qdate_value(self.due_on),
            origin=origin,
            notes=self.notes.text(),
        )

    def save(self) -> Save:
        return partial(schedule.record_deadline, case_id=self.case_id, deadline=self.draft())


class CaseFactDialog(FormDialog):
    """A decision, order or notice date (or a number of days) the deadline rules count from.

    FOIA requests (issue 18 § 2): the sending names the agency; the receipt (acknowledgment),
    the agency's written extension and each response name the request they belong to."""

    def __init__(self, session: UiSession, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            title=self.tr("Record a case date"),
            object_name="caseFactDialog",
            parent=parent,
        )
        self.case_id = case.id
        add = self.add_field
        self.kind = add("fact_kind", self.tr("What happened"), EnumComboBox(CaseFactKind))
        self.request = add("about_id", self.tr("FOIA request"), QComboBox())
        self.agency = add(
            "agency",
            self.tr("Agency"),
            EnumComboBox(FoiaAgency, none_text=self.tr("Choose the agency")),
        )
        self.on = add(
            "on", self.tr("Date"), date_edit(session.today(), session=session, window=CASE_FACTS)
        )
        self.number = add("number", self.tr("Days"), QSpinBox())
        self.number.setRange(0, MAX_FACT_NUMBER)
        self.note = add("note", self.tr("Note"), QLineEdit())
        self._fill_requests(deadlines.foia_requests(store=session.store, case_id=case.id))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.request.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setMinimumWidth(460)

    def _fill_requests(self, requests: list[FoiaRequestChoice]) -> None:
        self.request.addItem("", None)
        for request in requests:
            agency = word(request.agency) if request.agency else self.tr("Agency not recorded")
            if request.received_on is not None:
                when = self.tr("received %1").replace("%1", short_date(request.received_on))
            else:
                when = self.tr("sent %1").replace("%1", short_date(request.sent_on))
            text = f"{agency} · {when}"
            if request.note:
                text += f" · {request.note}"
            self.request.addItem(text, request.id)

    def _kind_changed(self, *_args: object) -> None:
        kind = self.kind.value()
        numeric = kind in NUMERIC_CASE_FACTS
        linked = kind in FOIA_FACTS and kind is not CaseFactKind.FOIA_SENT
        new_request = kind is CaseFactKind.FOIA_RECEIVED
        self.request.setItemText(
            0, self.tr("A new request (its sending not recorded)") if new_request else ""
        )
        if not linked and self.request.currentIndex() != 0:
            self.request.setCurrentIndex(0)
        self.set_field_visible("on", not numeric)
        self.set_field_visible("number", numeric)
        self.set_field_visible("about_id", linked)
        starts = kind is CaseFactKind.FOIA_SENT or (new_request and self.request_id() is None)
        self.set_field_visible("agency", starts)

    def request_id(self) -> int | None:
        data = self.request.currentData()
        return None if data is None else int(data)

    def save(self) -> Save:
        kind: CaseFactKind = self.kind.value()
        numeric = kind in NUMERIC_CASE_FACTS
        foia = kind in FOIA_FACTS
        return partial(
            deadlines.record_case_fact,
            case_id=self.case_id,
            kind=kind,
            on=None if numeric else qdate_value(self.on),
            number=self.number.value() if numeric else None,
            note=self.note.text(),
            agency=self.agency.value() if foia and self.request_id() is None else None,
            about_id=self.request_id() if foia else None,
        )
