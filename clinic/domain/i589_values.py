"""What Clinic already knows for the I-589, by the field map's keys (issue 23, first slice).

:func:`form_values` turns a case's recorded facts (:class:`I589Facts`, plain data the service
reads from the store) into ``key -> value``: the keys of ``resources/forms/i-589/rev-*.toml``.
Nothing is guessed: a fact Clinic does not record (a spouse's passport, employment, …) has no
key here, and a question whose answer is not recorded for this case (no spouse recorded, so
"I am not married" is not ticked) is left for the person preparing the form. What the form has
no rows for on its own pages goes on its supplements: children from the fifth on keep their
``child5.…`` keys (Supplement A; clinic/reports/i589/supplements.py), entries from the fourth on
become a :class:`Continuation` (Supplement B). What no supplement takes (a second spouse) is
listed in :attr:`Values.overflow`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from clinic.domain.applicant import ApplicantDetails
from clinic.domain.background import Background
from clinic.domain.claim_answers import EXPLANATIONS, QUESTIONS
from clinic.domain.entries import EntryFact, entries_for_i589
from clinic.domain.enums import MaritalStatus, ProtectedGround, Sex
from clinic.domain.i18n import N_
from clinic.domain.i589_background import background_values
from clinic.domain.i589_map import Value
from clinic.domain.office_address import OfficeAddress
from clinic.domain.reference_codes import country_name, language_name

ENTRY_ROWS = 3  # Part A.I 19.C lists three entries; more go on Supplement B
CHILD_ROWS = 4  # Part A.II lists four children; more go on Supplement A

MORE_SPOUSES = N_("{name} is also recorded as a spouse: the form has room for one")


@dataclass(frozen=True)
class Address:
    line1: str
    line2: str
    city: str
    state: str
    postal_code: str
    country: str  # ISO 3166-1 alpha-2


@dataclass(frozen=True)
class Relative:
    """A spouse or child as recorded (``ref``: the family member's id, the key of their entries)."""

    ref: int
    family_name: str
    given_name: str
    a_number: str | None
    date_of_birth: date | None
    in_us: bool
    derivative: bool

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class I589Facts:
    family_name: str
    given_name: str
    other_names: tuple[str, ...]
    a_number: str | None
    date_of_birth: date | None
    sex: Sex | None
    nationalities: tuple[str, ...]  # ISO country codes
    languages: tuple[str, ...]  # ISO language codes, the first recorded first
    phone: str
    address: Address | None  # the latest U.S. address
    entries: tuple[EntryFact, ...]  # the client's and the family members'
    spouses: tuple[Relative, ...]
    children: tuple[Relative, ...]
    in_court_now: bool  # a defensive case still open
    grounds: frozenset[str]
    relief: frozenset[str]
    details: ApplicantDetails = field(default_factory=ApplicantDetails)  # not asked at intake
    last_arrival_on: date | None = None  # the arrival the one-year deadline counts from
    background: Background = field(default_factory=Background)  # Part A.III's lists
    preparer_name: str = ""  # Part E: the staff member who prepared the form
    preparer_office: OfficeAddress = field(default_factory=OfficeAddress)  # from Settings
    interpreter_needed: bool = False  # as recorded at intake
    interpreter_name: str = ""  # Part D
    interpreter_language: str = ""  # ISO 639 code


@dataclass(frozen=True)
class Overflow:
    """Something recorded that the form's own rows cannot take (a translatable template)."""

    template: str
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Continuation:
    """What goes on Supplement B for a question whose rows are full (in the form's English)."""

    part: str  # "A.I"
    item: str  # "19.C"
    text: str


@dataclass(frozen=True)
class Values:
    by_key: dict[str, Value]
    overflow: tuple[Overflow, ...]
    continuations: tuple[Continuation, ...] = ()


def _yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def _applicant(facts: I589Facts) -> dict[str, Value | None]:
    languages = [language_name(code) for code in facts.languages]
    return {
        "applicant.a_number": facts.a_number,
        "applicant.family_name": facts.family_name,
        "applicant.given_name": facts.given_name,
        "applicant.other_names": "; ".join(n for n in facts.other_names if n.strip()),
        "applicant.date_of_birth": facts.date_of_birth,
        "applicant.sex": facts.sex.value if facts.sex in (Sex.MALE, Sex.FEMALE) else None,
        "applicant.nationality": ", ".join(country_name(c) for c in facts.nationalities),
        "applicant.native_language": languages[0] if languages else None,
        "applicant.other_languages": ", ".join(languages[1:]),
        "applicant.court_proceedings": "now" if facts.in_court_now else None,
        "residence.phone_area": facts.phone,
        "residence.phone_number": facts.phone,
        "claim.cat": _yes_no("cat" in facts.relief),
        **{f"claim.ground.{g.value}": _yes_no(g.value in facts.grounds) for g in ProtectedGround},
        **_details(facts.details),
    }


def _country(code: str) -> str:
    return country_name(code) if code else ""


def _details(details: ApplicantDetails) -> dict[str, Value | None]:
    """Part A.I 2, 3, 6, 11, 13, 15-17, 19.A, 20-22, 24 and Part A.II's "I am not married"."""
    marital = details.marital_status
    birth = ", ".join(p for p in (details.birth_city, _country(details.birth_country)) if p)
    english = details.fluent_in_english
    return {
        "applicant.ssn": details.ssn,
        "applicant.uscis_account": details.uscis_account,
        "applicant.middle_name": details.middle_name,
        "applicant.marital_status": marital.value if marital is not None else None,
        "applicant.not_married": (
            None if marital is None else _yes_no(marital is not MaritalStatus.MARRIED)
        ),
        "applicant.birth_place": birth,
        "applicant.nationality_at_birth": _country(details.nationality_at_birth),
        "applicant.ethnic_group": details.ethnic_group,
        "applicant.religion": details.religion,
        "applicant.left_country_on": details.left_country_on,
        "passport.country": _country(details.passport_country),
        "passport.number": details.passport_number,
        "passport.travel_document_number": details.travel_document_number,
        "passport.expires": details.passport_expires_on,
        "applicant.fluent_in_english": None if english is None else _yes_no(english),
        **_claim(details),
    }


def _claim(details: ApplicantDetails) -> dict[str, Value | None]:
    """Parts B and C: each question's Yes or No box, and its explanation."""
    values: dict[str, Value | None] = {}
    for name in QUESTIONS:
        answer: bool | None = getattr(details, name)
        values[f"claim.{name}"] = None if answer is None else _yes_no(answer)
    for name in EXPLANATIONS:
        values[f"claim.{name}"] = getattr(details, name)
    return values


def _residence(address: Address | None) -> dict[str, Value | None]:
    if address is None or address.country.upper() != "US":
        return {}
    return {
        "residence.street": address.line1,
        "residence.apartment": address.line2,
        "residence.city": address.city,
        "residence.state": address.state,
        "residence.zip": address.postal_code,
    }


def _entry_row(n: int, entry: EntryFact) -> str:
    """An entry beyond Part A.I 19.C's rows, as the rows ask: date, place, status."""
    parts = [entry.on.strftime("%m/%d/%Y"), entry.place, entry.status]
    if entry.status_expires is not None:
        parts.append(f"status expires {entry.status_expires.strftime('%m/%d/%Y')}")
    return f"Entry {n}: " + "; ".join(p for p in parts if p)


def _entries(facts: I589Facts) -> tuple[dict[str, Value | None], list[Continuation]]:
    own = entries_for_i589(facts.entries)
    values: dict[str, Value | None] = {"applicant.i94_number": own[0].i94_number if own else None}
    for n, entry in enumerate(own[:ENTRY_ROWS], 1):
        values[f"entry{n}.date"] = entry.on
        values[f"entry{n}.place"] = entry.place
        values[f"entry{n}.status"] = entry.status
        if n == 1:
            values["entry1.status_expires"] = entry.status_expires
    rows = [_entry_row(n, e) for n, e in enumerate(own[ENTRY_ROWS:], ENTRY_ROWS + 1)]
    more = [Continuation("A.I", "19.C", "\n".join(rows))] if rows else []
    return values, more


def _relative(
    prefix: str, person: Relative, entries: tuple[EntryFact, ...]
) -> dict[str, Value | None]:
    own = entries_for_i589(entries, person.ref)
    last = own[0] if own else None
    values: dict[str, Value | None] = {
        f"{prefix}.a_number": person.a_number,
        f"{prefix}.family_name": person.family_name,
        f"{prefix}.given_name": person.given_name,
        f"{prefix}.date_of_birth": person.date_of_birth,
        f"{prefix}.in_us": _yes_no(person.in_us),
        # "If in the U.S., is this person to be included in this application?"
        f"{prefix}.included": _yes_no(person.derivative) if person.in_us else None,
    }
    if last is not None:
        values[f"{prefix}.last_entry_place"] = last.place
        values[f"{prefix}.last_entry_date"] = last.on
        values[f"{prefix}.i94_number"] = last.i94_number
        values[f"{prefix}.last_entry_status"] = last.status
        values[f"{prefix}.stay_expires"] = last.status_expires
    if prefix == "spouse" and len(own) > 1:
        values["spouse.previous_arrival"] = own[1].on
    return values


def _family(facts: I589Facts) -> tuple[dict[str, Value | None], list[Overflow]]:
    values: dict[str, Value | None] = {}
    overflow: list[Overflow] = []
    if facts.spouses:
        values.update(_relative("spouse", facts.spouses[0], facts.entries))
        overflow += [Overflow(MORE_SPOUSES, {"name": s.name}) for s in facts.spouses[1:]]
    children = sorted(facts.children, key=lambda c: (c.date_of_birth or date.max, c.ref))
    if children:
        values["children.any"] = "yes"
        values["children.count"] = len(children)
    for n, child in enumerate(children, 1):  # from the fifth on: Supplement A
        values.update(_relative(f"child{n}", child, facts.entries))
    return values, overflow


def _preparer(facts: I589Facts) -> dict[str, Value | None]:
    """Part E's printed name, address and daytime telephone (the clinic's, from Settings), and
    Part D's "Did someone other than your spouse, parent, or child/children prepare this
    application?" (the clinic did, once its preparer is recorded).
    Rev. 08/25/20 has no interpreter block: the interpreter is for the cross-checks."""
    if not facts.preparer_name:
        return {}
    office = facts.preparer_office  # Part E's address and telephone: the clinic's (Settings)
    return {
        "preparer.name": facts.preparer_name,
        "preparer.other": "yes",
        "preparer.street": office.street,
        "preparer.apartment": office.suite,
        "preparer.city": office.city,
        "preparer.state": office.state,
        "preparer.zip": office.zip_code,
        "preparer.phone_area": office.phone,
        "preparer.phone_number": office.phone,
    }


def _supplements(facts: I589Facts) -> dict[str, Value | None]:
    """The heading of Supplements A and B: the applicant's A-number and name."""
    name = " ".join(
        p for p in (facts.given_name, facts.details.middle_name, facts.family_name) if p.strip()
    )
    return {
        "suppa.a_number": facts.a_number,
        "suppa.applicant_name": name,
        "suppb.a_number": facts.a_number,
        "suppb.applicant_name": name,
    }


def form_values(facts: I589Facts) -> Values:
    """The recorded facts by the field map's keys (empty answers left out), what goes on
    Supplement B for rows the form lacks, and what no supplement takes."""
    entries, continuations = _entries(facts)
    family, overflow = _family(facts)
    background, more = background_values(facts.background)
    continuations += [Continuation("A.III", item, text) for item, text in more]
    merged = {
        **_applicant(facts),
        **_residence(facts.address),
        **entries,
        **family,
        **background,
        **_preparer(facts),
        **_supplements(facts),
    }
    return Values(
        {k: v for k, v in merged.items() if v is not None and v != ""},
        tuple(overflow),
        tuple(continuations),
    )
