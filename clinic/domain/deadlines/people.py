"""Rules counted from people's facts: a family member's own one-year deadline, and the
"reasonable period" after a lawful status, TPS or parole ends (issue 18 § 2).

- ``member_last_arrival``: one anchor per family member who files an I-589 of their own, from
  their own last arrival (field ``member_last_arrival#<member id>``). Derivatives are covered by
  the principal's application and get none (INA 208(b)(3)(A)); withholding and CAT cannot be
  derivative, which is why spouses and children often file their own.
- ``status_ended`` / ``member_status_ended``: one anchor per status period (field
  ``status_ended#<status id>``) that was held on the person's one-year anniversary and ended
  after it: only then can the extraordinary circumstance of 8 CFR 208.4(a)(5)(iv) ("maintained
  ... status ... until a reasonable period before the filing") explain a filing after the year.
  A status that ended before the anniversary left the year to file in; an end not recorded
  gives no anchor (the one-year deadline's reasoning says the status is held).
- :func:`status_note`: on a one-year deadline not yet met, the status held on its due date, as
  words and a ``lawful_status_held:<kind>`` flag. It decides nothing: whether the exception
  applies, and what period is reasonable, is for the adjudicator (Matter of T-M-H- & S-W-C-).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from clinic.domain.deadlines.calendar import day_label
from clinic.domain.deadlines.counting import add_months
from clinic.domain.deadlines.values import CaseFacts, ComputedDeadline
from clinic.domain.entries import FamilyFiler, StatusPeriod, status_on
from clinic.domain.enums import Relationship, StatusKind

__all__ = [
    "MEMBER_ARRIVAL_LABELS",
    "PERSON_TRIGGERS",
    "STATUS_LABELS",
    "STATUS_NOTE_WORDS",
    "own_i589_received",
    "person_anchor_keys",
    "person_key",
    "status_note",
]

ONE_YEAR_START = date(1997, 4, 1)  # INA 208(a)(2)(B): or one year after April 1, 1997
PERSON_TRIGGERS = frozenset({"member_last_arrival", "status_ended", "member_status_ended"})
MEMBER_ARRIVAL_LABELS = {
    Relationship.SPOUSE: "Spouse's last arrival",
    Relationship.CHILD: "Child's last arrival",
    Relationship.PARENT: "Parent's last arrival",
    Relationship.SIBLING: "Sibling's last arrival",
    Relationship.OTHER: "Family member's last arrival",
}
MEMBER_LABELS = {
    Relationship.SPOUSE: "spouse",
    Relationship.CHILD: "child",
    Relationship.PARENT: "parent",
    Relationship.SIBLING: "sibling",
    Relationship.OTHER: "family member",
}
STATUS_LABELS = {
    StatusKind.NONIMMIGRANT: "Nonimmigrant status ended",
    StatusKind.IMMIGRANT: "Immigrant status ended",
    StatusKind.TPS: "TPS ended",
    StatusKind.PAROLE: "Parole ended",
}
STATUS_HELD = {
    StatusKind.NONIMMIGRANT: "nonimmigrant status",
    StatusKind.IMMIGRANT: "immigrant status",
    StatusKind.TPS: "TPS",
    StatusKind.PAROLE: "parole",
}
STATUS_NOTE_WORDS = (
    "held on this date; the extraordinary-circumstances exception may apply if the I-589 is "
    "filed within a reasonable period after it ends (8 CFR 208.4(a)(5)(iv)); the attorney decides"
)

AnchorKey = tuple[str, str, date]


def _anniversary(arrival: date) -> date:
    return add_months(max(arrival, ONE_YEAR_START), 12).on


def _matters(period: StatusPeriod, arrival: date | None) -> bool:
    """Held on the one-year anniversary and ended after it (see the module text)."""
    if arrival is None or period.end is None:
        return False
    due = _anniversary(arrival)
    return (period.start is None or period.start <= due) and period.end > due


def _filer(facts: CaseFacts, ref: int) -> FamilyFiler | None:
    return next((f for f in facts.family_filers if f.ref == ref), None)


def person_anchor_keys(trigger: str, facts: CaseFacts) -> list[AnchorKey]:
    keys: list[AnchorKey] = []
    if trigger == "member_last_arrival":
        for filer in facts.family_filers:
            if filer.last_arrival is not None:
                label = MEMBER_ARRIVAL_LABELS[filer.relationship]
                keys.append((f"member_last_arrival#{filer.ref}", label, filer.last_arrival))
    elif trigger == "status_ended":
        for period in facts.status_periods:
            if _matters(period, facts.last_arrival) and period.end is not None:
                keys.append((f"status_ended#{period.ref}", STATUS_LABELS[period.kind], period.end))
    elif trigger == "member_status_ended":
        for filer in facts.family_filers:
            for period in filer.statuses:
                if _matters(period, filer.last_arrival) and period.end is not None:
                    label = f"{STATUS_LABELS[period.kind]} ({MEMBER_LABELS[filer.relationship]})"
                    keys.append((f"member_status_ended#{period.ref}", label, period.end))
    return sorted(keys, key=lambda k: (k[2], k[0]))


def _ref(field: str) -> int | None:
    _, _, ref = field.partition("#")
    return int(ref) if ref.isdigit() else None


def _owner(facts: CaseFacts, field: str) -> tuple[bool, FamilyFiler | None]:
    """(found, filer): whose anchor ``field`` is; a None filer is the client."""
    head, ref = field.partition("#")[0], _ref(field)
    if ref is None:
        return False, None
    if head == "member_last_arrival":
        filer = _filer(facts, ref)
        return filer is not None, filer
    if head == "status_ended":
        return True, None
    if head == "member_status_ended":
        for filer in facts.family_filers:
            if any(p.ref == ref for p in filer.statuses):
                return True, filer
    return False, None


def own_i589_received(facts: CaseFacts, field: str) -> date | None:
    """The I-589 of the person the anchor belongs to: a family member's own, or the case's."""
    found, filer = _owner(facts, field)
    if not found:  # an anchor of the case itself (no "#<ref>"): the client's own I-589
        return facts.i589_received if "#" not in field else None
    return facts.i589_received if filer is None else filer.i589_received


def _statuses_of(facts: CaseFacts, rule_trigger: str, field: str) -> tuple[StatusPeriod, ...]:
    if rule_trigger == "last_arrival":
        return facts.status_periods
    found, filer = _owner(facts, field)
    return filer.statuses if found and filer is not None else ()


def person_key(rule_trigger: str, facts: CaseFacts, field: str) -> tuple[object, ...]:
    """What :func:`status_note` and :func:`own_i589_received` read (part of a memo key)."""
    if rule_trigger not in ("last_arrival", "member_last_arrival"):
        return ()
    return (_statuses_of(facts, rule_trigger, field), own_i589_received(facts, field))


def status_note(rule_trigger: str, result: ComputedDeadline, facts: CaseFacts) -> ComputedDeadline:
    """A one-year deadline (not met) on whose due date a status was held: say so, and flag it."""
    if result.due is None or result.settled:
        return result
    held = status_on(_statuses_of(facts, rule_trigger, result.anchor.field), result.due)
    if not held:
        return result
    words: list[str] = []
    flags: list[str] = []
    for period in held:
        until = f" until {day_label(period.end)}" if period.end else ""
        words.append(f"{STATUS_HELD[period.kind]}{until}")
        flag = f"lawful_status_held:{period.kind.value}"
        if flag not in flags:
            flags.append(flag)
    text = f"{', '.join(words)}: {STATUS_NOTE_WORDS}"
    return replace(
        result,
        explanation=f"{result.explanation}. {text}",
        flags=(*result.flags, *flags),
    )
