"""The one-year bar's exceptions as the case records them (issue 18 § 2; asylum-rules.md § 1.7).

An I-589 filed after the one-year deadline needs an exception (INA 208(a)(2)(D); 8 CFR
208.4(a)(4)-(5) / 1208.4(a)(4)-(5)), proved "to the satisfaction of" the adjudicator:

- **changed circumstances** that materially affect eligibility (country conditions, the
  applicant's own circumstances, a former derivative's lost relationship): recorded as the date
  the change arose or became known (``CaseFactKind.CHANGED_CIRCUMSTANCES``, may repeat);
- **extraordinary circumstances** directly related to the late filing (serious illness, legal
  disability, ineffective assistance of counsel, maintained status, a rejected filing, a death
  in the family): recorded as the date the circumstance began
  (``CaseFactKind.EXTRAORDINARY_CIRCUMSTANCES``, may repeat) and, when it is over, the date it
  ended (``CaseFactKind.EXCEPTION_EVENT_END``).

Either way the I-589 must be filed within a "reasonable period" (Matter of T-M-H- & S-W-C-, 25
I&N Dec. 193 (BIA 2010)): the rules ``exception-reasonable-period-warning`` (from the end) and
``changed-circumstances-reasonable-period`` (from the change) give a warning horizon, never a
deadline. :func:`exception_note` puts what is recorded on the case's one-year deadline when it
is not met, as words and a ``one_year_exception:<changed|extraordinary>`` flag. It decides
nothing: whether an exception applies is for the attorney and then the adjudicator.
"""

from __future__ import annotations

from dataclasses import replace

from clinic.domain.deadlines.calendar import day_label
from clinic.domain.deadlines.values import CaseFacts, ComputedDeadline

__all__ = ["EXCEPTION_NOTE_WORDS", "exception_key", "exception_note"]

EXCEPTION_HEADING = "One-year exception recorded"
CHANGED_WORDS = "changed circumstances"
EXTRAORDINARY_WORDS = "extraordinary circumstances"
ENDED_WORDS = "circumstance ended"
EXCEPTION_NOTE_WORDS = (
    "the I-589 must still be filed within a reasonable period (8 CFR 208.4(a)(4)-(5)); "
    "the attorney decides whether the exception applies"
)


def exception_key(facts: CaseFacts) -> tuple[object, ...]:
    """What :func:`exception_note` reads (part of a memo key)."""
    return (
        facts.changed_circumstances,
        facts.extraordinary_circumstances,
        facts.exception_event_end,
    )


def exception_note(result: ComputedDeadline, facts: CaseFacts) -> ComputedDeadline:
    """The client's one-year deadline, not met, with the exceptions the case records named."""
    if result.due is None or result.settled == "met":
        return result
    parts = [f"{CHANGED_WORDS} {day_label(on)}" for on in facts.changed_circumstances]
    parts += [f"{EXTRAORDINARY_WORDS} {day_label(on)}" for on in facts.extraordinary_circumstances]
    if facts.exception_event_end is not None:
        parts.append(f"{ENDED_WORDS} {day_label(facts.exception_event_end)}")
    if not parts:
        return result
    flags = [
        f"one_year_exception:{kind}"
        for kind, recorded in (
            ("changed", facts.changed_circumstances),
            ("extraordinary", facts.extraordinary_circumstances),
        )
        if recorded
    ] or ["one_year_exception:kind_not_recorded"]  # an end date alone (recorded before 2026-12)
    text = f"{EXCEPTION_HEADING}: {', '.join(parts)}; {EXCEPTION_NOTE_WORDS}"
    return replace(
        result,
        explanation=f"{result.explanation}. {text}",
        flags=(*result.flags, *flags),
    )
