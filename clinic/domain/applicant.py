"""The applicant's own details that the I-589 asks for and intake does not (issue 23): Part A.I
items 2, 3, 6, 11, 13, 15–17, 19.A and 20–24, and the yes/no questions of Parts B and C with their
explanations (clinic/domain/claim_answers.py).

Each is optional (the form is prepared over several meetings); what is typed is checked here and
stored in the client's row. The Social Security and USCIS online account numbers are sensitive
like the A-number: kept only in the encrypted store, shown to staff, never written to a log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from clinic.domain.claim_answers import normalised_explanation, validate_claim_answers
from clinic.domain.enums import MaritalStatus
from clinic.domain.reference_codes import is_country_code
from clinic.domain.validation import FieldProblem, Problem, Problems

MAX_NAME = 200
MAX_PLACE = 100
MAX_GROUP = 100
MAX_DOCUMENT = 40
# The form's boxes: 9 digits for the Social Security number, 12 for the USCIS online account.
SSN_DIGITS = 9
USCIS_ACCOUNT_DIGITS = 12
_SEPARATORS = re.compile(r"[\s-]")


@dataclass(frozen=True)
class ApplicantDetails:
    middle_name: str = ""
    ssn: str = ""  # nine digits, stored without dashes
    uscis_account: str = ""  # twelve digits
    marital_status: MaritalStatus | None = None
    birth_city: str = ""
    birth_country: str = ""  # ISO 3166-1 alpha-2
    nationality_at_birth: str = ""  # ISO 3166-1 alpha-2
    ethnic_group: str = ""  # "race, ethnic, or tribal group"
    religion: str = ""
    left_country_on: date | None = None  # when the applicant last left their country
    passport_country: str = ""  # the country that issued the last passport or travel document
    passport_number: str = ""
    travel_document_number: str = ""
    passport_expires_on: date | None = None
    fluent_in_english: bool | None = None  # None: not asked yet
    # Parts B and C (clinic/domain/claim_answers.py): None until asked; each explanation in English
    part_b1a: bool | None = None
    part_b1a_explanation: str = ""
    part_b1b: bool | None = None
    part_b1b_explanation: str = ""
    part_b2: bool | None = None
    part_b2_explanation: str = ""
    part_b3a: bool | None = None
    part_b3a_explanation: str = ""
    part_b3b: bool | None = None
    part_b3b_explanation: str = ""
    part_b4: bool | None = None
    part_b4_explanation: str = ""
    part_c1: bool | None = None
    part_c1_explanation: str = ""
    part_c2a: bool | None = None
    part_c2b: bool | None = None
    part_c2_explanation: str = ""
    part_c3: bool | None = None
    part_c3_explanation: str = ""
    part_c4: bool | None = None
    part_c4_explanation: str = ""
    part_c5: bool | None = None
    part_c5_explanation: str = ""
    part_c6: bool | None = None
    part_c6_explanation: str = ""


FIELD_NAMES = tuple(f.name for f in fields(ApplicantDetails))
_TEXTS = {
    "middle_name": MAX_NAME,
    "birth_city": MAX_PLACE,
    "ethnic_group": MAX_GROUP,
    "religion": MAX_GROUP,
    "passport_number": MAX_DOCUMENT,
    "travel_document_number": MAX_DOCUMENT,
}


def digits_only(value: str) -> str:
    """A number as typed with spaces or dashes (123-45-6789), without them."""
    return _SEPARATORS.sub("", value)


def normalised(details: ApplicantDetails) -> ApplicantDetails:
    """The details as stored: texts trimmed, numbers without separators, codes upper-case."""
    values: dict[str, object] = {}
    for name in FIELD_NAMES:
        value = getattr(details, name)
        if isinstance(value, str) and name.endswith("_explanation"):
            value = normalised_explanation(value)
        elif isinstance(value, str):
            value = value.strip()
            if name in ("ssn", "uscis_account"):
                value = digits_only(value)
            elif name in ("birth_country", "nationality_at_birth", "passport_country"):
                value = value.upper()
        values[name] = value
    return ApplicantDetails(**values)  # type: ignore[arg-type]


def validate_applicant_details(details: ApplicantDetails, *, today: date) -> Problems:
    """Problems of the details as typed (before :func:`normalised`)."""
    problems: list[FieldProblem] = []
    for name, limit in _TEXTS.items():
        value: str = getattr(details, name)
        if len(value.strip()) > limit:
            problems.append(FieldProblem(name, Problem.TOO_LONG))
        elif any(ord(c) < 32 for c in value):
            problems.append(FieldProblem(name, Problem.CONTROL_CHARACTERS))
    for name, digits, code in (
        ("ssn", SSN_DIGITS, Problem.BAD_SSN),
        ("uscis_account", USCIS_ACCOUNT_DIGITS, Problem.BAD_USCIS_ACCOUNT),
    ):
        number = digits_only(getattr(details, name).strip())
        if number and (len(number) != digits or not number.isascii() or not number.isdigit()):
            problems.append(FieldProblem(name, code))
    for name in ("birth_country", "nationality_at_birth", "passport_country"):
        code = getattr(details, name).strip()
        if code and not is_country_code(code.upper()):
            problems.append(FieldProblem(name, Problem.UNKNOWN_COUNTRY))
    if details.left_country_on is not None and details.left_country_on > today:
        problems.append(FieldProblem("left_country_on", Problem.DATE_IN_FUTURE))
    problems += validate_claim_answers({name: getattr(details, name) for name in FIELD_NAMES})
    return tuple(problems)
