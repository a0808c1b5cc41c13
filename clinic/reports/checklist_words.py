"""The filing checklist PDF's fixed words, by the key its layout uses, in English: the gettext
msgids. Their Spanish is in resources/locale/es/LC_MESSAGES/clinic.po (``tools/messages.py
update`` adds a new one; terms: docs/glossary-es.md). :mod:`clinic.reports.checklist_pdf` lays
them out."""

from __future__ import annotations

from clinic.domain import enum_words
from clinic.domain.enums import ChecklistState
from clinic.domain.i18n import N_, translate

TEXTS: dict[str, str] = {
    "client": N_("Client"),
    "a_number": N_("A-number"),
    "case": N_("Case"),
    "claim": N_("Claim"),
    "forum": N_("Forum"),
    "relief": N_("Relief"),
    "attorney": N_("Attorney"),
    "paralegal": N_("Paralegal"),
    "next_hearing": N_("Next hearing"),
    "judge": N_(" — Judge {judge}"),
    "deadlines": N_("Computed deadlines"),
    "no_deadlines": N_("No open deadlines."),
    "deadline": N_("Deadline"),
    "due": N_("Due"),
    "act_by": N_("Act by"),
    "source": N_("Source"),
    "court_sets": N_("set by the court"),
    "attorney_check": N_(
        "⚠ Verify with the attorney: the rule is unverified or the count needs judgement."
    ),
    "summary": N_("{n} items apply to this case: {done} done, {na} not applicable, "),
    "summary_missing": N_("{n} missing"),
    "what_missing": N_("What is missing"),
    "case_data": N_("Case data: {detail}"),
    "marked_by": N_("Marked by {who} {when}{why}"),
    "staff": N_("staff"),
    "disagrees": N_("Marked done, but the case data says missing: check."),
    "rule": N_("Rule: {citation}"),
    "reviewed_by": N_("Reviewed by (attorney)"),
    "signature": N_("Signature"),
    "date": N_("Date"),
    "notes": N_("Notes"),
    "sign_off": N_("Attorney sign-off"),
    "footer": N_(
        "Filing checklist · case #{case_id} · generated {generated} · rules as of {as_of}"
    ),
    "page": N_("Page {page} of {total}"),
    "confidential": N_("Confidential: attorney work product."),
    "doc_title": N_("Filing checklist: {title}"),
    "title": N_("Filing checklist — {title}"),
    "sources": N_("Sources: {source}. Rules as of {as_of}. Prepared by {who}."),
}
# An item's state in the PDF: a symbol before the state's word, the window's
# (clinic/domain/enum_words.py)
MARKS = {
    ChecklistState.DONE: "☑",
    ChecklistState.NOT_APPLICABLE: "—",
    ChecklistState.MISSING: "☐",
}


def state_mark(lang: str, state: ChecklistState) -> str:
    """An item's state as the PDF prints it ("☑ Done", "— Not applicable", "☐ Falta")."""
    return f"{MARKS[state]} {enum_words.translated(state, lang)}"


def checklist_word(lang: str, key: str, **values: object) -> str:
    """The word ``key`` in ``lang`` (English where the catalogue has none), with ``values``
    filled in."""
    return translate(TEXTS[key], lang, **values)
