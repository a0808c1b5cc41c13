"""Settings: the client-handout languages (resources/handouts/<language>.toml).

For each language other than English the clinic records whether a certified translator has
reviewed the handout text (who, with their certification, and on what day); until then the
handout dialog tells staff the text is a draft. The clinic may also write its letterhead (address,
phone, office hours) in that language, so "our phone and address above" is readable on a handout
printed only in that language. Each change is saved at once and audited; it does not wait for the
page's Save button (this section is separate from the page's other fields).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from clinic.domain.typed_dates import CASE_EVENTS
from clinic.services import language
from clinic.services.results import Changes, Entity, Result
from clinic.ui.date_input import DateInput
from clinic.ui.date_text import date_text
from clinic.ui.operation import Operation, Progress
from clinic.ui.session import UiSession


class HandoutLanguagesBox(QGroupBox):
    """Pick a handout language; see and record its review; write its letterhead."""

    def __init__(self, session: UiSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._shown: tuple[str, str] = ("", "")  # reviewer and letterhead as last read
        self.setObjectName("handoutLanguagesGroup")
        self.setTitle(self.tr("Handout languages"))
        self.language = QComboBox()
        self.language.setObjectName("handoutReviewLanguage")
        self.language.setAccessibleName(self.tr("Handout language"))
        self.status = QLabel()
        self.status.setObjectName("handoutReviewStatus")
        self.status.setWordWrap(True)
        self.reviewer = QLineEdit()
        self.reviewer.setObjectName("handoutReviewer")
        self.reviewer.setAccessibleName(self.tr("Certified translator who reviewed it"))
        self.reviewer.setPlaceholderText(self.tr("Name and certification (e.g. ATA, court)"))
        self.reviewer.setMaxLength(200)
        self.reviewed_on = DateInput(None, window=CASE_EVENTS, today=session.today, required=False)
        self.reviewed_on.set_names("handoutReviewedOn", self.tr("Day of the review"))
        self.record_button = QPushButton(self.tr("Record the review"))
        self.record_button.setObjectName("handoutRecordReview")
        self.draft_button = QPushButton(self.tr("Mark as draft"))
        self.draft_button.setObjectName("handoutMarkDraft")
        self.letterhead = QPlainTextEdit()
        self.letterhead.setObjectName("handoutLetterhead")
        self.letterhead.setAccessibleName(self.tr("Letterhead in this language"))
        self.letterhead.setPlaceholderText(
            self.tr("Address, phone and office hours in this language (empty: the clinic's own)")
        )
        self.letterhead.setFixedHeight(self.letterhead.fontMetrics().lineSpacing() * 4 + 12)
        self.letterhead_button = QPushButton(self.tr("Save the letterhead"))
        self.letterhead_button.setObjectName("handoutSaveLetterhead")
        for button in (self.record_button, self.draft_button, self.letterhead_button):
            button.setAccessibleName(button.text())  # screen readers: the button's own words
        self.problem = QLabel()
        self.problem.setObjectName("handoutLanguagesProblem")
        self.problem.setWordWrap(True)
        self._lay_out()
        self.language.currentIndexChanged.connect(self.show_language)
        self.record_button.clicked.connect(self.record_review)
        self.draft_button.clicked.connect(self.mark_draft)
        self.letterhead_button.clicked.connect(self.save_letterhead)
        session.changed.connect(self._changed)
        session.unlocked.connect(self.reload)
        session.locked.connect(self.show_language)  # disabled and emptied while locked
        self.reload()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Lan&guage:"), self.language)
        form.addRow(self.status)
        form.addRow(self.tr("Re&viewed by:"), self.reviewer)
        form.addRow(self.tr("Reviewed &on:"), self.reviewed_on)
        form.addRow(buttons)
        form.addRow(self.tr("Letterhea&d:"), self.letterhead)
        form.addRow("", self.letterhead_button)
        form.addRow(self.problem)

    def reload(self) -> None:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        chosen = self.language.currentData()
        self.language.blockSignals(True)
        self.language.clear()
        staff = language.ui_language()
        for code, each in handouts.handout_languages().items():
            if code != "en":
                self.language.addItem(f"{handouts.language_name(each, staff)} ({each.name})", code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.blockSignals(False)
        self.show_language()

    def code(self) -> str:
        return str(self.language.currentData() or "")

    def show_language(self) -> None:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        self.problem.clear()
        enabled = self.session.is_open and bool(self.code())
        for widget in (self, self.record_button, self.draft_button, self.letterhead_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.status.clear()
            self.reviewer.clear()
            self.letterhead.clear()
            self._shown = ("", "")
            return
        review = handouts.language_reviews(store=self.session.store)[self.code()]
        if review.reviewed and review.on is not None:
            self.status.setText(
                self.tr("Reviewed by a certified translator: %1, on %2.")
                .replace("%1", review.by)
                .replace("%2", date_text(review.on, self.locale()))
            )
            self.reviewer.setText(review.by)
            self.reviewed_on.set_value(review.on)
        else:
            self.status.setText(
                self.tr(
                    "Draft: no certified translator has reviewed this text yet. Staff are told "
                    "so before they print it."
                )
            )
            self.reviewer.clear()
            self.reviewed_on.set_value(None)
        self.letterhead.setPlainText(
            handouts.letterheads(store=self.session.store).get(self.code(), "")
        )
        self._shown = self._typed()

    def _typed(self) -> tuple[str, str]:
        return (self.reviewer.text(), self.letterhead.toPlainText())

    def record_review(self) -> bool:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        who = self.reviewer.text().strip()
        on: date | None = self.reviewed_on.value()
        if not who:
            self.problem.setText(self.tr("Type who reviewed it (name and certification)."))
            self.reviewer.setFocus()
            return False
        if on is None:
            self.problem.setText(self.tr("Type the day of the review, e.g. 1/15/2027."))
            self.reviewed_on.edit.setFocus()
            return False
        if on > self.session.today():
            self.problem.setText(self.tr("The day of the review cannot be in the future."))
            self.reviewed_on.edit.setFocus()
            return False
        store, code = self.session.store, self.code()
        return self._run(
            lambda _: handouts.record_language_review(
                store=store, code=code, reviewed=True, by=who, on=on
            )
        )

    def _run(self, work: Callable[[Progress], Result[Any]]) -> bool:
        """Save off the GUI thread; the runner publishes the change, a failure is said below
        the fields (what was typed stays)."""
        saved = (
            Operation(self, work, session=self.session)
            .failure(lambda problem: self.problem.setText(problem.text))
            .run_and_wait()
        )
        if saved:
            self.show_language()
        return saved

    def mark_draft(self) -> bool:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        store, code = self.session.store, self.code()
        return self._run(
            lambda _: handouts.record_language_review(store=store, code=code, reviewed=False)
        )

    def save_letterhead(self) -> bool:
        from clinic.services import handouts  # noqa: PLC0415 - reportlab on first use

        store, code, text = self.session.store, self.code(), self.letterhead.toPlainText()
        return self._run(lambda _: handouts.set_letterhead(store=store, code=code, text=text))

    def _changed(self, changes: Changes) -> None:
        if Entity.SETTINGS in changes.entities and self.session.is_open:
            if self.session.from_colleagues and self._typed() != self._shown:
                return  # a colleague's change never replaces what is being typed here
            self.show_language()
