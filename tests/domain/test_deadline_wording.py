"""Deadline explanations are stored in English and worded in the reader's language when shown."""

from __future__ import annotations

import re
from datetime import date

from clinic.domain.deadlines.calendar import BusinessCalendar
from clinic.domain.deadlines.engine import anchor_for, compute
from clinic.domain.deadlines.shipped import load_shipped_rulebook
from clinic.domain.deadlines.wording import explanation_in, unknown_labels

ENGLISH_WORDS = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|days?|months?|years?|business|next|preceding|safe date|"
    r"observed|closure|Independence|Christmas|arrival|hearing|rolled|counted)\b"
)


def _explanations() -> list[str]:
    """What the engine writes for every shipped rule counted from a few awkward days."""
    book = load_shipped_rulebook()
    calendar = BusinessCalendar({date(2026, 12, 28): "court closed for snow"})
    found = []
    for rule in book.rules:
        for on in (date(2025, 7, 4), date(2026, 12, 24), date(2024, 2, 29), date(2026, 11, 26)):
            try:
                computed = compute(rule, anchor_for(rule, on), calendar)
            except ValueError:
                continue  # rules that need a case number (voluntary-departure days)
            found.append(computed.explanation)
    return found


def test_english_explanations_are_shown_exactly_as_stored() -> None:
    for text in _explanations():
        assert explanation_in(text, "en") == text


def test_spanish_explanations_keep_dates_and_leave_no_english_words() -> None:
    texts = _explanations()
    assert len(texts) > 40
    for text in texts:
        spanish = explanation_in(text, "es")
        proper_names_aside = re.sub(r"\([A-Z][^()]*\)", "", spanish)  # "(Independence Day)"
        assert ENGLISH_WORDS.search(proper_names_aside) is None, (text, spanish)
        assert re.findall(r"\d{4}-\d\d-\d\d", spanish) == re.findall(r"\d{4}-\d\d-\d\d", text)


def test_a_one_year_explanation_reads_in_spanish() -> None:
    text = (
        "Last arrival Fri 2025-07-04 + 1 year = Sat 2026-07-04 → next business day Mon 2026-07-06."
        " Sat 2026-07-04 is Independence Day (observed Fri 2026-07-03)"
    )
    assert explanation_in(text, "es") == (
        "Última llegada vie 2025-07-04 + 1 año = sáb 2026-07-04 → siguiente día hábil lun"
        " 2026-07-06. sáb 2026-07-04 es Día de la Independencia (Independence Day) (feriado"
        " trasladado al vie 2026-07-03)"
    )


def test_closure_reasons_typed_by_staff_are_left_as_written() -> None:
    text = "Mon 2026-12-28 is a closure day (court closed for snow)"
    assert (
        explanation_in(text, "es") == "lun 2026-12-28 es un día de cierre (court closed for snow)"
    )


def test_every_anchor_label_the_engine_writes_has_a_wording() -> None:
    assert unknown_labels() == set()


def test_an_observed_holiday_is_named_as_moved() -> None:
    text = "Fri 2027-12-24 is Christmas Day (observed)"
    assert (
        explanation_in(text, "es")
        == "vie 2027-12-24 es Navidad (Christmas Day) (feriado trasladado)"
    )
