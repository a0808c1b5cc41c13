"""Why a deadline's date is what it is: the anchor, the arithmetic, the source, how sure we are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from clinic.domain.deadlines.wording import explanation_in
from clinic.domain.enums import DeadlineOrigin
from clinic.services.dto import DeadlineView
from clinic.ui.case_view.case_tab import ALERT_BADGE, badge, hint_label
from clinic.ui.case_view.case_words import (
    short_date,
    word,
)
from clinic.ui.case_view.deadline_table_model import attorney_marker
from clinic.ui.case_view.deadline_words import anchor_word, confidence_words, flag_words
from clinic.ui.rule_words import rule_text
from clinic.ui.translations import current_language


class ProvenancePanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Why this date"), parent)
        self.setObjectName("provenancePanel")
        self.empty_state = hint_label(
            self.tr("Select a deadline to see how its date was worked out."), "provenanceEmpty"
        )
        self.attorney_check = badge(attorney_marker(), "provenanceAttorneyCheck", ALERT_BADGE)
        self._labels: list[QLabel] = []
        self._captions: dict[QLabel, QLabel] = {}
        # A grid, not a QFormLayout: the form layout gives a wrapped value less height than
        # the text needs at its width (a long source lost its last lines). The grid gives each
        # word-wrapped value its height for the width it really has.
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        self.deadline_title = self._row(form, self.tr("Deadline"), "provenanceTitle")
        self.act_by = self._row(form, self.tr("Act by"), "provenanceActBy")
        self.anchor = self._row(form, self.tr("Counts from"), "provenanceAnchor")
        self.explanation = self._row(form, self.tr("How it was counted"), "provenanceExplanation")
        self.source = self._row(form, self.tr("Source"), "provenanceSource")
        self.as_of = self._row(form, self.tr("Rule as of"), "provenanceAsOf")
        self.confidence = self._row(form, self.tr("Confidence"), "provenanceConfidence")
        self.flags = self._row(form, self.tr("Take care"), "provenanceFlags")
        self.status = self._row(form, self.tr("Status"), "provenanceStatus")
        self.notes = self._row(form, self.tr("Notes"), "provenanceNotes")
        self._form = form
        self.details = QWidget()
        self.details.setLayout(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_state)
        layout.addWidget(self.attorney_check, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.details.hide()

    def _row(self, form: QGridLayout, caption: str, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(caption)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        title = QLabel(caption)
        title.setBuddy(label)
        row = form.rowCount()
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        form.addWidget(title, row, 0, top)
        form.addWidget(label, row, 1)
        self._captions[label] = title
        self._labels.append(label)
        return label

    def show_deadline(self, deadline: DeadlineView | None) -> None:
        if deadline is None:
            self.clear()
            return
        self.empty_state.hide()
        self.details.show()
        self.attorney_check.setVisible(deadline.needs_attorney_check)
        self.deadline_title.setText(rule_text(deadline.title))
        self.act_by.setText(self._act_by_text(deadline))
        self._set(self.anchor, self._anchor_text(deadline))
        self._set(self.explanation, self._explanation_text(deadline))
        self._set(self.source, deadline.source)
        self._set(self.as_of, short_date(deadline.as_of))
        self._set(
            self.confidence, confidence_words(deadline.confidence) if deadline.confidence else ""
        )
        self._set(self.flags, "\n".join(f"• {flag_words(f)}" for f in deadline.flags))
        status = word(deadline.status)
        if deadline.status_reason:
            status = f"{status}: {self._reason_text(deadline)}"
        self._set(self.status, status)
        self._set(self.notes, deadline.notes)

    def _set(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        self._captions[label].setVisible(bool(text))

    def _act_by_text(self, deadline: DeadlineView) -> str:
        if deadline.court_sets_date:
            return self.tr("Set by the court; enter the judge's date as a judge-ordered deadline")
        if deadline.safe_due_on and deadline.safe_due_on != deadline.due_on:
            return self.tr("{0} (the rule's own date is {1}; act on the earlier one)").format(
                short_date(deadline.safe_due_on), short_date(deadline.due_on)
            )
        return short_date(deadline.act_by)

    def _anchor_text(self, deadline: DeadlineView) -> str:
        if not deadline.anchor_field:
            return ""
        return f"{anchor_word(deadline.anchor_field)}, {short_date(deadline.anchor_on)}"

    def _reason_text(self, deadline: DeadlineView) -> str:
        """A reason the rule wrote (met by a timely filing, ended by a denial) is in the engine's
        English explanation words: worded in the interface language like the explanation."""
        if deadline.origin is DeadlineOrigin.RULE and any(
            f.startswith(("met_by:", "ended_by:", "answered_by:")) for f in deadline.flags
        ):
            return explanation_in(deadline.status_reason, current_language())
        return deadline.status_reason

    def _explanation_text(self, deadline: DeadlineView) -> str:
        if deadline.explanation:  # stored in English; worded in the interface language here
            return explanation_in(deadline.explanation, current_language())
        if deadline.origin is DeadlineOrigin.MANUAL:
            return self.tr("Entered by staff; no rule computed it.")
        return ""

    def clear(self) -> None:
        for label in self._labels:
            label.clear()
        self.details.hide()
        self.attorney_check.hide()
        self.empty_state.show()
