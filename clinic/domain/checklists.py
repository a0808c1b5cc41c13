"""Filing checklists: templates kept as data (resources/checklists/*.toml), the facts of a case
they are checked against, and the evaluated checklist. Which items apply and the automatic checks
are in :mod:`clinic.domain.checklist_evaluation`. Pure: text and frozen facts in, values out.

A template item may carry an automatic check. The check looks only at :class:`ChecklistFacts`
(built by the service from the case) and answers done, missing or "cannot tell" with a detail
line. A state ticked by staff always wins over the check; the evaluated item keeps both, so a
disagreement can be shown.

Documents the data cannot otherwise see (G-28, EOIR-28, the fee receipt, a proof of service, an
EOIR-33 …) are recognised by CONVENTION: record them as evidence items (category "other" is
usual) whose title names the form ("G-28 signed by client and attorney") or holds one of the
item's phrases ("fee receipt"); only items received or filed count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from clinic.domain.deadlines.one_year import OneYearStatus
from clinic.domain.enums import (
    ChecklistState,
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    Relief,
    Stage,
    TranslationStatus,
)
from clinic.domain.i18n import N_, gettext, translate

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

__all__ = [
    "AutoResult",
    "CheckKind",
    "ChecklistFacts",
    "ChecklistFileError",
    "ChecklistItem",
    "ChecklistTemplate",
    "Conditions",
    "EvaluatedChecklist",
    "EvaluatedItem",
    "EvidenceFact",
    "ItemCheck",
    "ManualState",
]


class ChecklistFileError(ValueError):
    """A checklist file is malformed; the message names the file and the item."""


class CheckKind(StrEnum):
    DECLARATION = "declaration"  # a declaration is in the evidence, received or filed
    TRANSLATIONS = "translations"  # every foreign-language item is translated with a certificate
    DOCUMENT = "document"  # an evidence item whose title names a form or holds a phrase
    BIOMETRICS = "biometrics"  # a biometrics appointment on or before today, with an outcome
    ONE_YEAR = "one_year"  # filed within a year of arrival, or an exception is documented
    FILED = "filed"  # the case has a filing date


@dataclass(frozen=True)
class ItemCheck:
    kind: CheckKind
    forms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conditions:
    """When an item (or a whole template) applies. ``None``/empty means "any"."""

    claim_types: frozenset[ClaimType] = frozenset()
    forums: frozenset[ForumKind] = frozenset()
    relief: frozenset[Relief] = frozenset()  # any of these sought
    represented: bool | None = None
    derivatives: bool | None = None
    foreign_language: bool | None = None
    detained: bool | None = None
    unaccompanied_child: bool | None = None  # INA 208(b)(3)(C): the I-589 goes to USCIS
    referred: bool | None = None  # referred by the asylum office to court (8 CFR 208.14(c)(1))

    def hold_for(self, facts: ChecklistFacts) -> bool:
        flags = (
            (self.represented, facts.represented),
            (self.derivatives, facts.derivatives),
            (self.foreign_language, facts.foreign_language),
            (self.detained, facts.detained),
            (self.unaccompanied_child, facts.unaccompanied_child),
            (self.referred, facts.referred),
        )
        return (
            (not self.claim_types or facts.claim_type in self.claim_types)
            and (not self.forums or facts.forum in self.forums)
            and (not self.relief or bool(self.relief & facts.relief))
            and all(want is None or want is have for want, have in flags)
        )


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    section: str
    text: str
    citation: str
    conditions: Conditions = Conditions()
    check: ItemCheck | None = None
    note: str = ""  # e.g. "[UNVERIFIED] count in the current edition"
    text_es: str = ""  # Spanish text for staff PDFs and the Spanish interface ("" = none yet)
    note_es: str = ""

    def text_in(self, lang: str) -> str:
        """The item's text in ``lang`` (English when there is no translation)."""
        return self.text_es if lang == "es" and self.text_es else self.text

    def note_in(self, lang: str) -> str:
        return self.note_es if lang == "es" and self.note_es else self.note

    def citation_in(self, lang: str) -> str:
        """The citation as written, its confidence tag ("[CONFIRMED]", "[SECONDARY for the
        amount]") in ``lang``; a tag's words this list lacks stay as written."""

        def tag(match: re.Match[str]) -> str:
            level, rest = match.group(1), match.group(2)
            words = gettext(_CITATION_TAGS[level], lang)
            return f"[{words}{gettext(rest, lang) if rest in _TAG_WORDS else rest}]"

        return _TAG.sub(tag, self.citation)


# The confidence tags a template's citation may carry, and the words after a tag's level,
# translated through the gettext catalogue (Spanish as the templates' own notes write them:
# "[NO VERIFICADO] …").
_TAG = re.compile(r"\[(CONFIRMED|SECONDARY|UNVERIFIED)([^\]]*)\]")
_CITATION_TAGS = {
    "CONFIRMED": N_("CONFIRMED"),
    "SECONDARY": N_("SECONDARY"),
    "UNVERIFIED": N_("UNVERIFIED"),
}
_TAG_WORDS = {
    N_(" current wording"),
    N_(" wording"),
    N_(": 5 days"),
    N_(" for the amount"),
    N_(" for $560"),
    N_(" for the older text"),
}


@dataclass(frozen=True)
class ChecklistTemplate:
    id: str
    title: str
    description: str
    source: str
    as_of: date
    sections: tuple[str, ...]
    items: tuple[ChecklistItem, ...]
    applies_to: Conditions = Conditions()
    default_claim_types: frozenset[ClaimType] = frozenset()
    default_stages: frozenset[Stage] = frozenset()
    title_es: str = ""  # Spanish title, description and section names ("" / () = none yet)
    description_es: str = ""
    sections_es: tuple[str, ...] = ()  # same order as ``sections``

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.items if i.id == item_id), None)

    def title_in(self, lang: str) -> str:
        return self.title_es if lang == "es" and self.title_es else self.title

    def description_in(self, lang: str) -> str:
        return self.description_es if lang == "es" and self.description_es else self.description

    def section_in(self, section: str, lang: str) -> str:
        """A section's name in ``lang`` (sections are keyed by their English name)."""
        if lang == "es" and self.sections_es and section in self.sections:
            return self.sections_es[self.sections.index(section)]
        return section


@dataclass(frozen=True)
class EvidenceFact:
    title: str
    category: EvidenceCategory
    language: str
    translation: TranslationStatus
    status: EvidenceStatus

    @property
    def in_hand(self) -> bool:
        return self.status is not EvidenceStatus.REQUESTED


@dataclass(frozen=True)
class ChecklistFacts:
    """What the checklist may know about a case; built by the service, never by the UI."""

    claim_type: ClaimType
    forum: ForumKind
    stage: Stage
    relief: frozenset[Relief]
    represented: bool
    derivatives: bool
    detained: bool
    filed_on: date | None
    evidence: tuple[EvidenceFact, ...]
    biometrics: tuple[tuple[date, str], ...]  # (appointment date, outcome text)
    one_year: OneYearStatus | None  # None: the arrival date is not recorded
    one_year_due: date | None = None
    exception_documented: bool = False
    today: date = date.min
    unaccompanied_child: bool = False  # the client came as an unaccompanied child
    referred: bool = False  # the asylum office referred the case to immigration court

    @property
    def foreign_language(self) -> bool:
        return any(
            e.language not in ("", "en") or e.translation is not TranslationStatus.NOT_NEEDED
            for e in self.evidence
        )


@dataclass(frozen=True)
class AutoResult:
    state: ChecklistState | None  # None: the data cannot tell
    detail: str  # English, filled in
    # The English template (marked for the gettext catalogue) and its values, so a Spanish PDF
    # can show the detail in Spanish; values that are themselves marked texts are translated.
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()

    def detail_in(self, lang: str, day: Callable[[date], str] | None = None) -> str:
        """The detail in ``lang``; with ``day``, its dates (kept as ISO values) are written the
        way the caller writes dates ("Jan 15, 2027" in a PDF) instead of "2027-01-15"."""
        if not self.template:
            return gettext(self.detail, lang)
        values = {name: self._value(value, lang, day) for name, value in self.values}
        return translate(self.template, lang, **values)

    @staticmethod
    def _value(value: str, lang: str, day: Callable[[date], str] | None) -> str:
        if day is not None and _ISO_DAY.fullmatch(value):
            return day(date.fromisoformat(value))
        return gettext(value, lang)


@dataclass(frozen=True)
class ManualState:
    state: ChecklistState
    reason: str
    updated_by: str
    updated_at: datetime | None


@dataclass(frozen=True)
class EvaluatedItem:
    item: ChecklistItem
    state: ChecklistState
    source: str  # "staff", "check" or "open" (nothing known: counted as missing)
    auto: AutoResult | None
    manual: ManualState | None

    @property
    def disagrees(self) -> bool:
        """Staff ticked it done while the data says it is missing."""
        return (
            self.manual is not None
            and self.auto is not None
            and self.manual.state is ChecklistState.DONE
            and self.auto.state is ChecklistState.MISSING
        )


@dataclass(frozen=True)
class EvaluatedChecklist:
    template: ChecklistTemplate
    items: tuple[EvaluatedItem, ...]  # only the items whose conditions hold, in template order
    skipped: int  # items whose conditions do not hold for this case

    def count(self, state: ChecklistState) -> int:
        return sum(1 for i in self.items if i.state is state)

    @property
    def missing(self) -> tuple[EvaluatedItem, ...]:
        return tuple(i for i in self.items if i.state is ChecklistState.MISSING)

    def by_section(self) -> list[tuple[str, tuple[EvaluatedItem, ...]]]:
        groups = [
            (s, tuple(i for i in self.items if i.item.section == s)) for s in self.template.sections
        ]
        return [(s, items) for s, items in groups if items]
