"""Evaluating a filing checklist: which of a template's items apply to a case, the automatic
checks that read the case's data (:class:`~clinic.domain.checklists.ChecklistFacts`), and the
template a case starts from. Pure: frozen facts in, values out.

A check answers done, missing or "cannot tell" with a detail line; a state ticked by staff
always wins over it, and the evaluated item keeps both so that a disagreement can be shown.
Documents the data cannot otherwise see are recognised by their evidence titles (see
:mod:`clinic.domain.checklists`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from clinic.domain.checklists import (
    AutoResult,
    CheckKind,
    ChecklistFacts,
    ChecklistTemplate,
    EvaluatedChecklist,
    EvaluatedItem,
    EvidenceFact,
    ItemCheck,
    ManualState,
)
from clinic.domain.deadlines.one_year import OneYearStatus
from clinic.domain.enums import ChecklistState, EvidenceCategory, TranslationStatus
from clinic.domain.i18n import N_

__all__ = ["default_template", "evaluate", "matches_form", "run_check"]


# --- matching -----------------------------------------------------------------------------


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _form_pattern(form: str) -> re.Pattern[str]:
    """ "G-28" matches "G-28", "G28", "g 28", "Form G-28 (signed)"; not "G-280" or "EOIR-28"."""
    parts = re.split(r"[-\s/]+", form.strip())
    body = r"[-\s]?".join(re.escape(p) for p in parts if p)
    return re.compile(rf"(?<![a-z0-9]){body}(?![0-9])", re.IGNORECASE)


def matches_form(title: str, form: str) -> bool:
    return _form_pattern(form).search(_fold(title)) is not None


def _matches(title: str, check: ItemCheck) -> bool:
    folded = _fold(title)
    return any(matches_form(title, f) for f in check.forms) or any(
        _fold(p) in folded for p in check.phrases
    )


# --- automatic checks ---------------------------------------------------------------------

_DONE, _MISSING = ChecklistState.DONE, ChecklistState.MISSING


def _auto(state: ChecklistState | None, template: str, **values: str) -> AutoResult:
    return AutoResult(state, template.format(**values), template, tuple(values.items()))


def _listed(
    state: ChecklistState,
    templates: tuple[str, str],  # (without "and N more", with it)
    items: Iterable[EvidenceFact],
    limit: int = 3,
    **values: str,
) -> AutoResult:
    """A detail naming up to ``limit`` evidence titles ("…: a; b; c and 2 more")."""
    titles = [e.title for e in items]
    shown = "; ".join(titles[:limit])
    if len(titles) > limit:
        return _auto(state, templates[1], items=shown, more=str(len(titles) - limit), **values)
    return _auto(state, templates[0], items=shown, **values)


def _check_declaration(facts: ChecklistFacts) -> AutoResult:
    found = [e for e in facts.evidence if e.category is EvidenceCategory.DECLARATION]
    if any(e.in_hand for e in found):
        return _listed(
            _DONE,
            (N_("In the evidence: {items}"), N_("In the evidence: {items} and {more} more")),
            (e for e in found if e.in_hand),
        )
    if found:
        return _auto(_MISSING, N_("A declaration is requested but not yet received"))
    return _auto(_MISSING, N_("No declaration in the evidence"))


def _check_translations(facts: ChecklistFacts) -> AutoResult:
    foreign = [
        e
        for e in facts.evidence
        if e.language not in ("", "en") or e.translation is not TranslationStatus.NOT_NEEDED
    ]
    untranslated = [e for e in foreign if e.translation is not TranslationStatus.TRANSLATED]
    if untranslated:
        return _listed(
            _MISSING,
            (
                N_("{n} not translated with a certificate: {items}"),
                N_("{n} not translated with a certificate: {items} and {more} more"),
            ),
            untranslated,
            n=str(len(untranslated)),
        )
    if foreign:
        return _auto(_DONE, N_("Every foreign-language item translated ({n})"), n=str(len(foreign)))
    return _auto(_DONE, N_("No foreign-language evidence"))


def _check_document(facts: ChecklistFacts, check: ItemCheck) -> AutoResult:
    found = [e for e in facts.evidence if _matches(e.title, check)]
    wanted = " / ".join((*check.forms, *(f"“{p}”" for p in check.phrases)))
    if any(e.in_hand for e in found):
        return _listed(
            _DONE,
            (N_("On file: {items}"), N_("On file: {items} and {more} more")),
            (e for e in found if e.in_hand),
        )
    if found:
        return _listed(
            _MISSING,
            (
                N_("Requested, not yet received: {items}"),
                N_("Requested, not yet received: {items} and {more} more"),
            ),
            found,
        )
    return _auto(_MISSING, N_("No evidence item titled {wanted}"), wanted=wanted)


def _check_biometrics(facts: ChecklistFacts) -> AutoResult:
    held = sorted(b for b in facts.biometrics if b[0] <= facts.today and b[1].strip())
    if held:
        on, outcome = held[-1]
        return _auto(
            _DONE, N_("Appointment {on}: {outcome}"), on=on.isoformat(), outcome=outcome.strip()
        )
    upcoming = sorted(b[0] for b in facts.biometrics if b[0] > facts.today)
    if upcoming:
        return _auto(_MISSING, N_("Appointment scheduled for {on}"), on=upcoming[0].isoformat())
    if facts.biometrics:
        return _auto(None, N_("Appointment date passed; no outcome recorded"))
    return _auto(_MISSING, N_("No biometrics appointment recorded"))


def _check_one_year(facts: ChecklistFacts) -> AutoResult:
    status = facts.one_year
    due = facts.one_year_due.isoformat() if facts.one_year_due else ""

    def dated(state: ChecklistState, plain: str, with_due: str, **values: str) -> AutoResult:
        return _auto(state, with_due, due=due, **values) if due else _auto(state, plain, **values)

    if status is None:
        return _auto(None, N_("Date of last arrival not recorded"))
    if status is OneYearStatus.NOT_APPLICABLE:
        return _auto(ChecklistState.NOT_APPLICABLE, N_("Unaccompanied child: INA 208(a)(2)(E)"))
    if status is OneYearStatus.TIMELY:
        return dated(_DONE, N_("Filed on time"), N_("Filed on time (deadline {due})"))
    late = status is OneYearStatus.LATE_NEEDS_EXCEPTION or (
        facts.one_year_due is not None and facts.today > facts.one_year_due
    )
    if not late:
        return dated(_MISSING, N_("Not filed yet"), N_("Not filed yet (deadline {due})"))
    filed = (
        N_("Filed late") if status is OneYearStatus.LATE_NEEDS_EXCEPTION else N_("Not filed; late")
    )
    if facts.exception_documented:
        return dated(
            _DONE,
            N_("{filed}; an exception is documented"),
            N_("{filed} (deadline {due}); an exception is documented"),
            filed=filed,
        )
    return dated(
        _MISSING,
        N_("{filed}: document a changed or extraordinary circumstance and the reasonable period"),
        N_(
            "{filed} (deadline {due}): document a changed or extraordinary circumstance and the "
            "reasonable period"
        ),
        filed=filed,
    )


def _check_filed(facts: ChecklistFacts) -> AutoResult:
    if facts.filed_on is not None:
        return _auto(_DONE, N_("Filed on {on}"), on=facts.filed_on.isoformat())
    return _auto(_MISSING, N_("No filing date recorded"))


def run_check(check: ItemCheck, facts: ChecklistFacts) -> AutoResult:
    match check.kind:
        case CheckKind.DECLARATION:
            return _check_declaration(facts)
        case CheckKind.TRANSLATIONS:
            return _check_translations(facts)
        case CheckKind.DOCUMENT:
            return _check_document(facts, check)
        case CheckKind.BIOMETRICS:
            return _check_biometrics(facts)
        case CheckKind.ONE_YEAR:
            return _check_one_year(facts)
        case CheckKind.FILED:
            return _check_filed(facts)


def evaluate(
    template: ChecklistTemplate,
    facts: ChecklistFacts,
    manual: Mapping[str, ManualState],
) -> EvaluatedChecklist:
    """The template's applicable items with their state: staff's tick, else the check, else missing."""
    items: list[EvaluatedItem] = []
    for item in template.items:
        if not item.conditions.hold_for(facts):
            continue
        auto = run_check(item.check, facts) if item.check is not None else None
        mine = manual.get(item.id)
        if mine is not None and mine.state is not ChecklistState.MISSING:
            items.append(EvaluatedItem(item, mine.state, "staff", auto, mine))
        elif auto is not None and auto.state is not None:
            items.append(EvaluatedItem(item, auto.state, "check", auto, mine))
        else:
            items.append(EvaluatedItem(item, ChecklistState.MISSING, "open", auto, mine))
    return EvaluatedChecklist(template, tuple(items), len(template.items) - len(items))


def default_template(
    templates: Iterable[ChecklistTemplate], facts: ChecklistFacts
) -> ChecklistTemplate | None:
    """A stage-specific default first (e.g. the BIA appeal at the appeal stage), then by claim type."""
    usable = [t for t in templates if t.applies_to.hold_for(facts)]
    for template in usable:
        if facts.stage in template.default_stages and (
            not template.default_claim_types or facts.claim_type in template.default_claim_types
        ):
            return template
    for template in usable:
        if facts.claim_type in template.default_claim_types and not template.default_stages:
            return template
    return usable[0] if usable else None
