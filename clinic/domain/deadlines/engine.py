"""The deadline engine: rule + anchor date + business calendar -> a dated, explained deadline.

Counting (fact sheet sections 2.0, 2.1, 2.3, 6): the trigger day is day 0 and calendar days are
counted. Forward deadlines whose last day is a Saturday, Sunday or federal holiday (observed dates
included) roll to the next business day. Deadlines counted back from a hearing give two dates: ``due``
is the ICPM date (ICPM 3.1(c) construes a weekend/holiday deadline to fall on the NEXT business day,
i.e. later, closer to the hearing) and ``safe_due`` is the business day on or before the counted date,
which never relies on that reading and is the one to alert on. If a short count would roll onto or
past the hearing itself, ``due`` falls back to the safe date (flag ``roll_capped_before_anchor``).
Months/years are calendar months with Feb 29 -> Feb 28 (flagged). Earliest dates, warnings and
reminders are never rolled. Ad hoc closures extend a date only when the rule's closure_policy is
"extend"; under "warn" they are flagged.

Whether the I-589 was filed within the year (R2) is :mod:`clinic.domain.deadlines.one_year`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clinic.domain.deadlines.applicability import (
    ANCHOR_DATE_LABELS,
    ANCHOR_DATE_WORDS,
    ANCHOR_DATES,
    CASE_DATE_LABELS,
    CASE_DATES,
    CASE_NUMBERS,
    TRIGGER_LABELS,
    Fit,
    anchor_keys,
    anchors_for,
    fit,
)
from clinic.domain.deadlines.calendar import BusinessCalendar, day_label
from clinic.domain.deadlines.counting import shift
from clinic.domain.deadlines.ead_clock import ClockCount, count_clock
from clinic.domain.deadlines.exceptions import exception_key, exception_note
from clinic.domain.deadlines.explain import Counted, explain, unextended_closures
from clinic.domain.deadlines.people import person_key, status_note
from clinic.domain.deadlines.rules import (
    ClosurePolicy,
    Confidence,
    Direction,
    Roll,
    Rule,
    RuleBook,
    RuleSettingError,
    Trigger,
)
from clinic.domain.deadlines.values import Anchor, CaseFacts, ComputedDeadline, HearingFact

__all__ = [
    "Anchor",
    "CaseFacts",
    "ComputedDeadline",
    "DeadlineMemo",
    "HearingFact",
    "anchor_for",
    "compute",
    "court_set",
    "deadlines_for_case",
]


def compute(
    rule: Rule,
    anchor: Anchor,
    calendar: BusinessCalendar,
    *,
    days: int | None = None,
    extra_days: int = 0,
    detained: bool = False,
) -> ComputedDeadline:
    """Apply one rule to one anchor date.

    ``days`` replaces the offset amount (in the rule's unit) and must respect the rule's min/max;
    ``extra_days`` are the rule's case days (EAD stopped-clock days); ``detained`` yields the
    "set by the court" result for rules that say so. Bad amounts raise RuleSettingError.
    """
    if detained and rule.court_set_when_detained:
        return court_set(rule, anchor)
    amount = rule.offset.amount if days is None else rule.check_amount(days)
    _check_extra_days(rule, extra_days)
    counted = _count(rule, anchor.on, amount, extra_days, calendar)
    return ComputedDeadline(
        rule_id=rule.id,
        name=rule.name,
        kind=rule.kind.value,
        due=counted.due,
        safe_due=counted.safe,
        unrolled=counted.unrolled,
        anchor=anchor,
        explanation=explain(rule, anchor, counted, calendar),
        source=rule.source,
        as_of=rule.as_of,
        confidence=rule.confidence.value,
        flags=_flags(rule, counted, calendar),
    )


def anchor_for(rule: Rule, on: date) -> Anchor:
    """The anchor a calculator uses for a bare date: the rule's trigger and its standard label."""
    return Anchor(rule.trigger.value, TRIGGER_LABELS[rule.trigger], on)


def _check_extra_days(rule: Rule, extra_days: int) -> None:
    if extra_days < 0:
        raise RuleSettingError(f"rule '{rule.id}': added days cannot be negative ({extra_days})")
    if extra_days and rule.plus_case_days is None:
        raise RuleSettingError(f"rule '{rule.id}' takes no added days; leave them at 0")


def _count(
    rule: Rule, on: date, amount: int, extra_days: int, calendar: BusinessCalendar
) -> Counted:
    start = max(on, rule.earliest_anchor) if rule.earliest_anchor else on
    honor = rule.closure_policy is ClosurePolicy.EXTEND
    unit, direction = rule.offset.unit, rule.direction
    shifted = shift(calendar, start, unit, amount + extra_days, direction, honor_closures=honor)
    due, safe, capped = shifted.on, None, False
    if rule.roll is Roll.NEXT_BUSINESS_DAY:
        due = calendar.roll_forward(shifted.on, honor_closures=honor)
        if rule.direction is Direction.BACK:
            safe = calendar.roll_back(shifted.on, honor_closures=True)
            capped = (
                due >= start
            )  # a short count rolled onto the hearing itself: keep the safe date
            due = safe if capped else due
    return Counted(start, amount, extra_days, shifted.on, shifted.clamped, due, safe, capped)


def _flags(rule: Rule, counted: Counted, calendar: BusinessCalendar) -> tuple[str, ...]:
    flags: list[str] = []
    if counted.clamped:
        flags.append(_clamp_flag(rule, counted.start))
    if rule.confidence is Confidence.UNVERIFIED:
        flags.append("unverified_rule")
    if counted.capped:
        flags.append("roll_capped_before_anchor")
    for day in unextended_closures(rule, counted, calendar):
        flag = f"closure_not_extended:{calendar.closure_reason(day)}"
        if flag not in flags:
            flags.append(flag)
    return tuple(flags)


def _clamp_flag(rule: Rule, start: date) -> str:
    if (start.month, start.day) != (2, 29):
        return "month_end_clamped"
    return "leap_day_arrival" if rule.trigger is Trigger.LAST_ARRIVAL else "leap_day_anchor"


def _no_date(rule: Rule, anchor: Anchor, why: str, flag: str) -> ComputedDeadline:
    flags = (flag, "unverified_rule") if rule.confidence is Confidence.UNVERIFIED else (flag,)
    return ComputedDeadline(
        rule_id=rule.id,
        name=rule.name,
        kind=rule.kind.value,
        due=None,
        safe_due=None,
        unrolled=None,
        anchor=anchor,
        explanation=f"{anchor.label} {day_label(anchor.on)}: {why}",
        source=rule.source,
        as_of=rule.as_of,
        confidence=rule.confidence.value,
        flags=flags,
    )


def court_set(rule: Rule, anchor: Anchor) -> ComputedDeadline:
    """A detained case: the court sets this date, so none is computed (ICPM 3.1(b))."""
    why = "detained case, so the court sets this deadline; enter the judge's date as a judge-ordered deadline"
    return _no_date(rule, anchor, why, "court_set_when_detained")


def _for_anchor(
    rule: Rule, anchor: Anchor, facts: CaseFacts, calendar: BusinessCalendar, fit: Fit
) -> ComputedDeadline:
    if fit.court_set:
        result = court_set(rule, anchor)
    elif rule.offset_from_case and CASE_NUMBERS[rule.offset_from_case](facts) is None:
        wanted = _CASE_NUMBER_WORDS.get(rule.offset_from_case, rule.offset_from_case)
        why = f"enter {wanted} to compute this date"
        result = _no_date(rule, anchor, why, f"missing_input:{rule.offset_from_case}")
    elif (clock := _clock(rule, anchor, facts)) is not None and clock.days is None:
        result = _no_date(rule, anchor, clock.open_words(), "clock_stopped")
    else:
        result = _compute_for_case(rule, anchor, facts, calendar, clock)
        if clock is not None and clock.counted and result.due is not None:
            result = replace(result, explanation=f"{result.explanation}. {clock.words()}")
        result = _settle(rule, result, facts)
        if rule.met_by and rule.trigger in _ONE_YEAR_TRIGGERS:
            result = status_note(rule.trigger.value, result, facts)
        if rule.met_by and rule.trigger is Trigger.LAST_ARRIVAL:
            result = exception_note(result, facts)
    return replace(result, flags=result.flags + fit.flags) if fit.flags else result


def _clock(rule: Rule, anchor: Anchor, facts: CaseFacts) -> ClockCount | None:
    """The EAD clock's stopped days for this rule's period, read from the case's log."""
    if rule.plus_case_days != "ead_stopped_days" or not facts.ead_clock:
        return None
    return count_clock(anchor.on, rule.offset.amount, facts.ead_clock)


_ONE_YEAR_TRIGGERS = (Trigger.LAST_ARRIVAL, Trigger.MEMBER_LAST_ARRIVAL)


def _case_date(name: str, facts: CaseFacts, field: str) -> date | None:
    """A case date, or (``own_i589_received``) a date of the anchor's own person."""
    if name in CASE_DATES:
        return CASE_DATES[name](facts)
    return ANCHOR_DATES[name](facts, field)


def _case_dates(rule: Rule, facts: CaseFacts, field: str) -> tuple[object, ...]:
    """The case dates :func:`_settle` reads for this rule and anchor (part of a memo key)."""
    names = (rule.met_by, rule.at_once_on, *rule.ended_by)
    answered = ANCHOR_DATES[rule.answered_by](facts, field) if rule.answered_by else None
    clock = facts.ead_clock if rule.plus_case_days else ()
    people = person_key(rule.trigger.value, facts, field) if rule.met_by else ()
    claimed = exception_key(facts) if rule.met_by and rule.trigger is Trigger.LAST_ARRIVAL else ()
    dates = (_case_date(name, facts, field) if name else None for name in names)
    return (*dates, answered, clock, people, claimed)


def _closed(
    result: ComputedDeadline, rule: Rule, words: str, flag: str, *, settled: str, on: date
) -> ComputedDeadline:
    """``result`` closed by a case date: the words in the explanation, the flag, the status."""
    return replace(
        result,
        explanation=f"{result.explanation}. {words}",
        flags=(*result.flags, flag),
        settled=settled,
        settled_reason=f"{words} ({rule.source})",
        settled_on=on,
    )


def _settle(rule: Rule, result: ComputedDeadline, facts: CaseFacts) -> ComputedDeadline:
    """What the case's own dates say about a computed date: brought forward by a case date
    (``at_once_on``), ended by one on or before it (``ended_by``), met or missed by one
    (``met_by``). The words go into the explanation; ``settled`` closes the stored row."""
    if result.due is None:
        return result
    if rule.answered_by:
        on = ANCHOR_DATES[rule.answered_by](facts, result.anchor.field)
        if on is not None:
            label = ANCHOR_DATE_LABELS[rule.answered_by]
            words = f"{label} {day_label(on)}: {ANCHOR_DATE_WORDS[rule.answered_by]}"
            return _closed(
                result, rule, words, f"answered_by:{rule.answered_by}", settled="met", on=on
            )
    due = result.due
    if rule.at_once_on and (on := CASE_DATES[rule.at_once_on](facts)) is not None and on < due:
        label = CASE_DATE_LABELS[rule.at_once_on]
        result = replace(
            result,
            due=on,
            explanation=f"{result.explanation}. {label} {day_label(on)}: allowed from then on",
            flags=(*result.flags, f"brought_forward:{rule.at_once_on}"),
        )
        due = on
    for name in rule.ended_by:
        on = CASE_DATES[name](facts)
        if on is not None and on <= due:
            label = CASE_DATE_LABELS[name]
            words = f"{label} {day_label(on)}: on or before this date, so it no longer applies"
            return _closed(result, rule, words, f"ended_by:{name}", settled="not_applicable", on=on)
    if rule.met_by and (on := _case_date(rule.met_by, facts, result.anchor.field)) is not None:
        label = CASE_DATE_LABELS.get(rule.met_by) or ANCHOR_DATE_LABELS[rule.met_by]
        if on <= due:
            words = f"{label} {day_label(on)}: on or before this date, so met"
            return _closed(result, rule, words, f"met_by:{rule.met_by}", settled="met", on=on)
        words = f"{label} {day_label(on)}: after this date, so late; an exception is needed"
        return replace(
            result,
            explanation=f"{result.explanation}. {words}",
            flags=(*result.flags, f"late_after:{rule.met_by}"),
        )
    return result


def _compute_for_case(
    rule: Rule,
    anchor: Anchor,
    facts: CaseFacts,
    calendar: BusinessCalendar,
    clock: ClockCount | None = None,
) -> ComputedDeadline:
    days = CASE_NUMBERS[rule.offset_from_case](facts) if rule.offset_from_case else None
    extra = CASE_NUMBERS[rule.plus_case_days](facts) if rule.plus_case_days else 0
    extra = (extra or 0) + (clock.days or 0 if clock is not None else 0)
    try:
        return compute(rule, anchor, calendar, days=days, extra_days=extra or 0)
    except RuleSettingError as exc:
        field = rule.offset_from_case or rule.plus_case_days or "offset"
        return _no_date(
            rule, anchor, f"{exc}; correct the case's {field}", f"invalid_input:{field}"
        )


_CASE_NUMBER_WORDS = {"vd_days": "the number of voluntary-departure days the judge granted"}


def _sort_key(result: ComputedDeadline) -> tuple[bool, date, str, date]:
    return (result.due is None, result.due or date.max, result.rule_id, result.anchor.on)


def deadlines_for_case(
    facts: CaseFacts,
    book: RuleBook,
    calendar: BusinessCalendar,
    *,
    hearings_from: date | None = None,
) -> list[ComputedDeadline]:
    """Every applicable rule x anchor (one per hearing, address change, ...), by due date.

    ``hearings_from`` (e.g. today) skips earlier hearings; past deadlines of other kinds are kept,
    because whether one is overdue or done is the caller's question.
    """
    results: list[ComputedDeadline] = []
    for rule in book.rules:
        applies = fit(rule, facts)
        if applies is not None:
            anchors = anchors_for(rule, facts, hearings_from)
            results += [_for_anchor(rule, anchor, facts, calendar, applies) for anchor in anchors]
    return sorted(results, key=_sort_key)


_Profile = tuple[object, ...]


class DeadlineMemo:
    """``deadlines_for_case`` for many cases with one rule book and calendar, sharing results.

    Which rules apply depends only on a few facts (claim type, forum, stage, relief, child,
    detention) and one rule's result only on its anchor, its fit and the case's numbers, so
    recomputing every case of a large store asks the same questions again and again. The
    results are the same values, in the same order, as :func:`deadlines_for_case` gives.
    """

    def __init__(self, book: RuleBook, calendar: BusinessCalendar) -> None:
        self.book = book
        self.calendar = calendar
        self._fits: dict[_Profile, list[tuple[int, Rule, Fit]]] = {}
        self._results: dict[tuple[object, ...], ComputedDeadline] = {}

    def _applicable(self, facts: CaseFacts) -> list[tuple[int, Rule, Fit]]:
        profile = (
            facts.claim_type,
            facts.forum,
            facts.stage,
            facts.relief,
            facts.unaccompanied_child,
            facts.detained,
            facts.arrival_manner,
            facts.proceeding,
        )
        found = self._fits.get(profile)
        if found is None:
            found = []
            for number, rule in enumerate(self.book.rules):
                applies = fit(rule, facts)
                if applies is not None:
                    found.append((number, rule, applies))
            self._fits[profile] = found
        return found

    def deadlines_for_case(
        self, facts: CaseFacts, *, hearings_from: date | None = None
    ) -> list[ComputedDeadline]:
        results: list[ComputedDeadline] = []
        for number, rule, applies in self._applicable(facts):
            days = CASE_NUMBERS[rule.offset_from_case](facts) if rule.offset_from_case else None
            extra = CASE_NUMBERS[rule.plus_case_days](facts) if rule.plus_case_days else None
            for field, label, on in anchor_keys(rule, facts, hearings_from):
                dates = _case_dates(rule, facts, field)
                key = (number, field, label, on, applies, days, extra, dates)
                result = self._results.get(key)
                if result is None:
                    anchor = Anchor(field, label, on)
                    result = _for_anchor(rule, anchor, facts, self.calendar, applies)
                    self._results[key] = result
                results.append(result)
        return sorted(results, key=_sort_key)
