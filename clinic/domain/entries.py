"""Entries into the United States, lawful status / TPS / parole, and family members who file an
I-589 of their own: one shape for the deadline rules and for the I-589 (issue 18 § 2, issue 23).

An entry is what the I-589 lists for the applicant and each family member (Part A.I and A.II:
date, place, status as admitted, the date that status expires, the I-94 number). A status period
is a lawful status, TPS or parole held in the United States: the circumstance of the one-year
exception in 8 CFR 208.4(a)(5)(iv) ("maintained Temporary Protected Status, lawful immigrant or
nonimmigrant status, or was given parole, until a reasonable period before the filing"). A family
member who files an I-589 of their own has a one-year deadline counted from their own last
arrival (INA 208(a)(2)(B)); a derivative is covered by the principal's application, for asylum
only (INA 208(b)(3)(A); withholding and CAT cannot be derivative).

Nothing here decides a legal question: :func:`derivative_notes` and :func:`status_on` say what
the recorded facts show, for staff and the attorney to weigh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from clinic.domain.enums import ArrivalManner, Relationship, StatusKind
from clinic.domain.validation import FieldProblem, Problem, Problems

MAX_PLACE = 200
MAX_STATUS = 60
MAX_DETAIL = 100
MAX_I94 = 20

__all__ = [
    "DERIVATIVE_AGE_LIMIT",
    "EntryFact",
    "FamilyFiler",
    "StatusPeriod",
    "age_on",
    "derivative_notes",
    "entries_for_i589",
    "last_entry",
    "status_on",
    "validate_entry",
    "validate_status",
]

# INA 101(b)(1): a "child" is unmarried and under 21; INA 208(b)(3)(B) keeps a child who was
# under 21 when the principal's I-589 was filed a child for asylum (Child Status Protection Act).
DERIVATIVE_AGE_LIMIT = 21


@dataclass(frozen=True)
class EntryFact:
    """One entry into the United States. ``member_id`` is None for the client's own entries."""

    on: date
    place: str = ""
    manner: ArrivalManner = ArrivalManner.UNKNOWN
    status: str = ""  # class of admission as on the I-94 (B-2, F-1, parole) or "EWI"
    status_expires: date | None = None
    i94_number: str = ""
    member_id: int | None = None
    ref: int | None = None  # the stored row's id


@dataclass(frozen=True)
class StatusPeriod:
    """A lawful status, TPS or parole; ``end`` None = still held, or its end not recorded."""

    ref: int  # the stored row's id: anchors of rules counted from its end carry it
    kind: StatusKind
    detail: str = ""
    start: date | None = None
    end: date | None = None
    member_id: int | None = None
    entry_id: int | None = None


@dataclass(frozen=True)
class FamilyFiler:
    """A family member who files an I-589 of their own, with what their deadline needs."""

    ref: int  # the family member's id
    relationship: Relationship
    last_arrival: date | None = None
    i589_received: date | None = None
    statuses: tuple[StatusPeriod, ...] = ()


def entries_for_i589(entries: Iterable[EntryFact], member_id: int | None = None) -> list[EntryFact]:
    """One person's entries as the I-589 lists them: the most recent first."""
    own = [e for e in entries if e.member_id == member_id]
    return sorted(own, key=lambda e: (e.on, e.ref or 0), reverse=True)


def last_entry(entries: Iterable[EntryFact], member_id: int | None = None) -> EntryFact | None:
    """The person's last arrival (Matter of F-P-R-: the most recent one counts)."""
    ordered = entries_for_i589(entries, member_id)
    return ordered[0] if ordered else None


def status_on(statuses: Iterable[StatusPeriod], day: date) -> list[StatusPeriod]:
    """The status periods held on ``day`` (an unrecorded start or end counts as open)."""
    return [
        s
        for s in statuses
        if (s.start is None or s.start <= day) and (s.end is None or day <= s.end)
    ]


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def derivative_notes(
    relationship: Relationship,
    *,
    derivative: bool,
    files_own: bool,
    birth: date | None,
    principal_filed: date | None,
    today: date,
) -> tuple[str, ...]:
    """Stable codes of what staff should look at about a member's derivative coverage:

    - ``not_spouse_or_child``: marked derivative, but only a spouse or child can be one
      (INA 208(b)(3)(A));
    - ``child_21_at_filing``: a child marked derivative who was 21 or older when the principal's
      I-589 was received (INA 208(b)(3)(B) protects only a child under 21 then);
    - ``child_turns_21``: a child marked derivative, the principal's I-589 not yet received,
      who is 21 or older today: the principal's filing may come too late to cover them;
    - ``derivative_asylum_only``: a derivative is covered for asylum only; withholding and CAT
      need their own application (8 CFR 1208.16; INA 241(b)(3));
    - ``no_own_filing``: neither a derivative nor filing their own I-589.
    """
    notes: list[str] = []
    if derivative:
        if relationship not in (Relationship.SPOUSE, Relationship.CHILD):
            notes.append("not_spouse_or_child")
        elif relationship is Relationship.CHILD and birth is not None:
            if principal_filed is not None and age_on(birth, principal_filed) >= 21:
                notes.append("child_21_at_filing")
            elif principal_filed is None and age_on(birth, today) >= DERIVATIVE_AGE_LIMIT:
                notes.append("child_turns_21")
        if not files_own:
            notes.append("derivative_asylum_only")
    elif not files_own:
        notes.append("no_own_filing")
    return tuple(notes)


def _text(field: str, value: str, limit: int) -> Problems:
    if len(value.strip()) > limit:
        return (FieldProblem(field, Problem.TOO_LONG),)
    if any(ord(c) < 32 for c in value):
        return (FieldProblem(field, Problem.CONTROL_CHARACTERS),)
    return ()


def _not_future(field: str, day: date | None, today: date) -> Problems:
    if day is not None and day > today:
        return (FieldProblem(field, Problem.DATE_IN_FUTURE),)
    return ()


def validate_entry(entry: EntryFact, *, today: date) -> Problems:
    """An entry as typed: a past date, texts that fit, an expiry not before the entry."""
    problems: list[FieldProblem] = [*_not_future("on", entry.on, today)]
    problems += _text("place", entry.place, MAX_PLACE)
    problems += _text("status", entry.status, MAX_STATUS)
    problems += _text("i94_number", entry.i94_number, MAX_I94)
    if entry.status_expires is not None and entry.status_expires < entry.on:
        problems.append(FieldProblem("status_expires", Problem.END_BEFORE_START))
    return tuple(problems)


def validate_status(status: StatusPeriod, *, today: date) -> Problems:
    """A status period as typed: a past start, an end not before the start (an end in the
    future is allowed: TPS or parole granted until a later date)."""
    problems: list[FieldProblem] = [*_not_future("start", status.start, today)]
    problems += _text("detail", status.detail, MAX_DETAIL)
    if status.start is not None and status.end is not None and status.end < status.start:
        problems.append(FieldProblem("end", Problem.END_BEFORE_START))
    return tuple(problems)
