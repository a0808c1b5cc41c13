"""Adding an evidence item (its files are attached afterwards, or straight from a drop)."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.domain.ids import CaseId, EvidenceId
from clinic.domain.typed_dates import CASE_EVENTS
from clinic.services import evidence
from clinic.services.results import Result
from clinic.ui.case_view.form_dialog import EnumComboBox, FormDialog, Save, optional_date
from clinic.ui.intake.code_picker import CodePicker
from clinic.ui.intake.iso_choices import language_choices
from clinic.ui.session import UiSession
from clinic.ui.translations import current_language


class AddEvidenceDialog(FormDialog):
    def __init__(
        self,
        session: UiSession,
        case_id: CaseId,
        *,
        title: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            title=self.tr("Add evidence"),
            object_name="addEvidenceDialog",
            save_text=self.tr("Add"),
            parent=parent,
        )
        self.case_id = case_id
        self.created_id: EvidenceId | None = None
        add = self.add_field
        self.title = add("title", self.tr("Title"), QLineEdit(title))
        self.title.setPlaceholderText(self.tr("e.g. Police report, 12 May 2024"))
        self.category = add(
            "category", self.tr("Category"), EnumComboBox(EvidenceCategory, EvidenceCategory.OTHER)
        )
        # The same picker as intake's languages: type "Spanish", "español" or "es" and pick.
        self.language = add(
            "language",
            self.tr("Language"),
            CodePicker(
                language_choices(current_language()),
                object_name="evidenceLanguage",
                accessible_name=self.tr("Language"),
                placeholder=self.tr("Language name or code"),
                single=True,
            ),
        )
        self.language.add_code("en")
        self.translation = add(
            "translation",
            self.tr("Translation"),
            EnumComboBox(TranslationStatus, TranslationStatus.NOT_NEEDED),
        )
        self.obtained_on = add(
            "obtained_on",
            self.tr("Obtained on"),
            optional_date(None, session=session, window=CASE_EVENTS),
        )
        self.source = add("source", self.tr("Source"), QLineEdit())
        self.source.setPlaceholderText(self.tr("Who provided it"))
        self.status = add(
            "status", self.tr("Status"), EnumComboBox(EvidenceStatus, EvidenceStatus.RECEIVED)
        )
        self.notes = add("notes", self.tr("Notes"), QPlainTextEdit())
        self.notes.setMaximumHeight(80)
        self.setMinimumWidth(480)

    def draft(self) -> EvidenceDraft:
        return EvidenceDraft(
            title=self.title.text(),
            category=self.category.value(),
            language=next(iter(self.language.codes()), ""),
            translation=self.translation.value(),
            obtained_on=self.obtained_on.value(),
            source=self.source.text(),
            status=self.status.value(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> Save:
        return partial(
            evidence.add_evidence,
            case_id=self.case_id,
            evidence=self.draft(),
            today=self.session.today(),
        )

    def saved(self, result: Result[Any]) -> None:
        self.created_id = result.value
