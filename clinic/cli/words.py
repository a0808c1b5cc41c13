"""The command line's words for stored values (claim types, stages, deadline statuses, a rule's
confidence) and for what the rule files name (deadline names, explanations), in the command
line's language. JSON output keeps the stored values; only what is printed for a person is
worded. The Spanish follows docs/glossary-es.md, like the window and the PDFs."""

from __future__ import annotations

from enum import StrEnum

from clinic.domain.deadlines.wording import explanation_in
from clinic.domain.enums import (
    ClaimType,
    DeadlineStatus,
    EvidenceCategory,
    Stage,
    TranslationStatus,
)
from clinic.domain.i18n import N_
from clinic.reports import pdf_words
from clinic.services import language
from clinic.services.language import tr as _

_VALUES: dict[StrEnum, str] = {
    ClaimType.AFFIRMATIVE: N_("affirmative"),
    ClaimType.DEFENSIVE: N_("defensive"),
    Stage.INTAKE: N_("intake"),
    Stage.PREPARING: N_("preparing"),
    Stage.FILED: N_("filed"),
    Stage.INTERVIEW: N_("interview"),
    Stage.HEARINGS: N_("hearings"),
    Stage.DECISION: N_("decision"),
    Stage.APPEAL: N_("appeal"),
    Stage.CIRCUIT_COURT: N_("circuit court"),
    Stage.REOPENING: N_("reopening"),
    Stage.CLOSED: N_("closed"),
    DeadlineStatus.OPEN: N_("open"),
    DeadlineStatus.DONE: N_("done"),
    DeadlineStatus.WAIVED: N_("waived"),
    DeadlineStatus.SUPERSEDED: N_("superseded"),
    # the exhibit list: English as stored (with spaces), Spanish as in the window
    EvidenceCategory.IDENTITY: N_("identity"),
    EvidenceCategory.DECLARATION: N_("declaration"),
    EvidenceCategory.CORROBORATION: N_("corroboration"),
    EvidenceCategory.MEDICAL: N_("medical"),
    EvidenceCategory.EXPERT: N_("expert"),
    EvidenceCategory.COUNTRY_CONDITIONS: N_("country conditions"),
    EvidenceCategory.OTHER: N_("other"),
    TranslationStatus.NOT_NEEDED: N_("not needed"),
    TranslationStatus.NEEDED: N_("needed"),
    TranslationStatus.TRANSLATED: N_("translated"),
}
_CONFIDENCE = {
    "confirmed": N_("confirmed"),
    "secondary": N_("secondary source"),
    "unverified": N_("unverified"),
}


def value_word(value: StrEnum | str) -> str:
    """A stored value as a person reads it ("defensive" → "defensivo"); a value this list does
    not know (a row Clinic would not accept) is printed as stored."""
    if isinstance(value, StrEnum) and value in _VALUES:
        return _(_VALUES[value])
    for known, text in _VALUES.items():
        if known.value == value:
            return _(text)
    return str(value)


def confidence_word(confidence: str) -> str:
    return _(_CONFIDENCE[confidence]) if confidence in _CONFIDENCE else confidence


def rule_name(name: str) -> str:
    """A deadline or rule name from the rule file, in the command line's language (gettext's
    catalogue, context ``DeadlineRules``); a name typed by staff is printed as it is."""
    return pdf_words.rule_name(language.ui_language(), name)


def explanation(text: str) -> str:
    """A stored (English) explanation of how a date was counted, in the command line's language."""
    return explanation_in(text, language.ui_language())
