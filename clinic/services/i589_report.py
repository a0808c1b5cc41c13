"""What filling the I-589 placed and what must be typed by hand, in the user's language (the
command line prints it; the I-589 tab shows it): the edition, the answers placed, the supplement
pages filled, and question by question what was not placed, what Clinic does not record yet and
what is empty in the case's record (issue 23)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clinic.domain.i589_map import MappedField, question_text
from clinic.services import i589
from clinic.services.language import tr as _


def _edition_lines(result: i589.I589Result) -> list[str]:
    recognised = result.filled.recognised
    if recognised.known is not None:
        return [_("Form: {footer}, an edition Clinic knows.", footer=recognised.known.footer)]
    closest = recognised.closest
    assert closest is not None  # fill_form refuses a form that shares no field with a map
    return [
        _(
            "Form: {footer}; not an edition Clinic knows (its fields differ from the map's). It "
            "was filled only where its field names match the map of {known}: check every page.",
            footer=recognised.footer or _("no I-589 footer found"),
            known=closest.footer,
        )
    ]


def report_lines(result: i589.I589Result) -> list[str]:
    """What was placed and, question by question, what must be typed by hand."""
    filled = result.filled
    lines = _edition_lines(result)
    lines.append(_("Answers placed from the case file: {n}.", n=len(filled.placed)))
    if any(filled.supplements):
        pages_a, pages_b = filled.supplements
        lines.append(
            _("Pages of Supplement A filled: {a}; of Supplement B: {b}.", a=pages_a, b=pages_b)
        )
    problems = [
        _("{question}: not placed: this form has no field {name}", question=_q(f), name=f.name)
        for f in filled.unplaced
    ]
    problems += [
        _("{question}: not written: {why}", question=_q(item.field), why=_why(item.why))
        for item in filled.not_written
    ]
    problems += [_(o.template, **o.values) for o in result.overflow]
    if problems:
        lines.append(_("Not placed; type these by hand:"))
        lines += [f"  - {p}" for p in problems]
    not_kept = _questions(f for f in filled.to_type if not f.has_source)
    if not_kept:
        lines.append(_("Clinic does not record these yet; type them by hand: {q}.", q=not_kept))
    empty = _questions(f for f in filled.to_type if f.has_source)
    if empty:
        lines.append(_("Empty in this case's record (type them if they apply): {q}.", q=empty))
    return lines


def _q(field: MappedField) -> str:
    return question_text(field, _)


def _questions(fields: Iterable[MappedField]) -> str:
    """The questions of ``fields`` once each, in the map's order (the form's)."""
    return "; ".join(dict.fromkeys(_q(f) for f in fields))


def _why(formatted: Any) -> str:
    return _(formatted.problem, value=formatted.value, limit=formatted.limit)
