"""The clinic's own address and daytime telephone, recorded once in Settings (issue 23): the
I-589's Part E asks them of the person who prepared the form ("Address of Preparer: Street
Number and Name, Apt. No., City, State, Zip Code; Daytime Telephone Number"), and the clinic's
staff prepare it at the clinic. A U.S. address: a two-letter state code, a five-digit ZIP code
(ZIP+4 accepted), a 10-digit telephone number (the form splits it into area code and number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clinic.domain.validation import FieldProblem, Problem, Problems

MAX_LINE = 120

_STATE = re.compile(r"^[A-Za-z]{2}$")
_ZIP = re.compile(r"^\d{5}(-\d{4})?$")

__all__ = ["MAX_LINE", "OfficeAddress", "us_phone_digits", "validate_office_address"]


@dataclass(frozen=True)
class OfficeAddress:
    street: str = ""  # number and street
    suite: str = ""  # suite, floor or apartment number
    city: str = ""
    state: str = ""  # two-letter code, e.g. IL
    zip_code: str = ""
    phone: str = ""  # daytime, a 10-digit U.S. number as typed

    def is_empty(self) -> bool:
        return not any(
            part.strip()
            for part in (self.street, self.suite, self.city, self.state, self.zip_code, self.phone)
        )


def us_phone_digits(text: str) -> str | None:
    """The 10 digits of a U.S. telephone number (a leading 1 or +1 dropped), or None."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 else None


def validate_office_address(address: OfficeAddress) -> Problems:
    """The fields named ``office_street`` … ``office_phone`` (as Settings saves them)."""
    problems: list[FieldProblem] = []
    for name in ("street", "suite", "city"):
        value = getattr(address, name)
        if len(value.strip()) > MAX_LINE:
            problems.append(FieldProblem(f"office_{name}", Problem.TOO_LONG))
        elif any(ord(c) < 32 for c in value):
            problems.append(FieldProblem(f"office_{name}", Problem.CONTROL_CHARACTERS))
    state = address.state.strip()
    if state and not _STATE.match(state):
        problems.append(FieldProblem("office_state", Problem.BAD_STATE))
    zip_code = address.zip_code.strip()
    if zip_code and not _ZIP.match(zip_code):
        problems.append(FieldProblem("office_zip_code", Problem.BAD_ZIP))
    if address.phone.strip() and us_phone_digits(address.phone) is None:
        problems.append(FieldProblem("office_phone", Problem.BAD_US_PHONE))
    return tuple(problems)
