"""Field validation that returns codes, never raises.

Each check returns a tuple of :class:`FieldProblem` (field name + code). The UI and the
command line turn codes into words with :mod:`clinic.domain.problem_text`; nothing deep
inside the app raises an exception for bad input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from zoneinfo import available_timezones

from clinic.domain.anumber import ANumberProblem, check_a_number
from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    DeadlineDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
    StaffDraft,
)
from clinic.domain.enums import (
    ClaimType,
    DeadlineOrigin,
    DetentionStatus,
    ForumKind,
    HearingKind,
    ProtectedGround,
)
from clinic.domain.reference_codes import is_country_code, is_language_code

MAX_NAME = 200
MAX_TEXT = 20_000
OLDEST_BIRTH_YEAR = 1900
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ().\-]{7,25}( *(x|ext\.?) *[0-9]{1,6})?$", re.IGNORECASE)
# USCIS receipt numbers: three letters (service centre / office) and ten digits, e.g. ZLA2512345678.
_RECEIPT = re.compile(r"^[A-Z]{3}[0-9]{10}$")


class Problem(StrEnum):
    REQUIRED = "required"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"
    A_NUMBER_HAS_LETTERS = "a_number_has_letters"
    A_NUMBER_WRONG_LENGTH = "a_number_wrong_length"
    A_NUMBER_ALL_ZEROS = "a_number_all_zeros"
    DATE_IN_FUTURE = "date_in_future"
    DATE_TOO_OLD = "date_too_old"
    ARRIVAL_BEFORE_BIRTH = "arrival_before_birth"
    UNKNOWN_COUNTRY = "unknown_country"
    UNKNOWN_LANGUAGE = "unknown_language"
    BAD_EMAIL = "bad_email"
    BAD_PHONE = "bad_phone"
    FACILITY_REQUIRED = "facility_required"
    ADDRESS_PLACE_REQUIRED = "address_place_required"
    RELIEF_REQUIRED = "relief_required"
    PSG_DEFINITION_REQUIRED = "psg_definition_required"
    FORUM_MISMATCH = "forum_mismatch"
    BAD_RECEIPT_NUMBER = "bad_receipt_number"
    HEARING_BEFORE_CASE_OPENED = "hearing_before_case_opened"
    HEARING_KIND_MISMATCH = "hearing_kind_mismatch"
    UNKNOWN_TIMEZONE = "unknown_timezone"
    DUPLICATE_A_NUMBER = "duplicate_a_number"
    STAGE_NOT_ALLOWED = "stage_not_allowed"
    STAGE_UNCHANGED = "stage_unchanged"
    OUTCOME_REQUIRED = "outcome_required"
    OUTCOME_NOT_EXPECTED = "outcome_not_expected"
    REFERRAL_NEEDS_AFFIRMATIVE = "referral_needs_affirmative_case"
    REFERRAL_NEEDS_FILED = "referral_needs_filed_case"
    CLAIM_TYPE_CHANGE = "claim_type_change"
    UNKNOWN_STAFF = "unknown_staff"
    NUMBER_OUT_OF_RANGE = "number_out_of_range"
    RULE_DEADLINES_ARE_COMPUTED = "rule_deadlines_are_computed"
    RULE_SETTING_INVALID = "rule_setting_invalid"
    FOIA_REQUEST_REQUIRED = "foia_request_required"
    FOIA_AGENCY_REQUIRED = "foia_agency_required"
    FOIA_DATE_BEFORE_REQUEST = "foia_date_before_request"
    # entries and lawful status (clinic/domain/entries.py)
    END_BEFORE_START = "end_before_start"
    NOT_THIS_CLIENTS = "not_this_clients"
    LAST_ARRIVAL_ENTRY = "last_arrival_entry"
    # the clinic's own address in Settings (clinic/domain/office_address.py)
    BAD_STATE = "bad_state"
    BAD_ZIP = "bad_zip"
    BAD_US_PHONE = "bad_us_phone"
    # the applicant's I-589 details (clinic/domain/applicant.py)
    BAD_SSN = "bad_ssn"
    BAD_USCIS_ACCOUNT = "bad_uscis_account"
    # the I-589's Parts B and C (clinic/domain/claim_answers.py)
    EXPLANATION_REQUIRED = "explanation_required"


@dataclass(frozen=True)
class FieldProblem:
    field: str
    code: Problem


Problems = tuple[FieldProblem, ...]

_A_NUMBER_CODES = {
    ANumberProblem.HAS_LETTERS: Problem.A_NUMBER_HAS_LETTERS,
    ANumberProblem.WRONG_LENGTH: Problem.A_NUMBER_WRONG_LENGTH,
    ANumberProblem.ALL_ZEROS: Problem.A_NUMBER_ALL_ZEROS,
}


def _text(field: str, value: str, *, required: bool = False, limit: int = MAX_NAME) -> Problems:
    stripped = value.strip()
    if required and not stripped:
        return (FieldProblem(field, Problem.REQUIRED),)
    if len(stripped) > limit:
        return (FieldProblem(field, Problem.TOO_LONG),)
    allowed = "\n\t" if limit > MAX_NAME else ""
    if any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value):
        return (FieldProblem(field, Problem.CONTROL_CHARACTERS),)
    return ()


def _a_number(field: str, raw: str) -> Problems:
    if not raw.strip():
        return ()  # optional: many clients have none yet
    problem = check_a_number(raw)
    if problem is None or problem is ANumberProblem.EMPTY:
        return ()
    return (FieldProblem(field, _A_NUMBER_CODES[problem]),)


def _past_date(field: str, value: date | None, today: date) -> Problems:
    if value is None:
        return ()
    if value > today:
        return (FieldProblem(field, Problem.DATE_IN_FUTURE),)
    if value.year < OLDEST_BIRTH_YEAR:
        return (FieldProblem(field, Problem.DATE_TOO_OLD),)
    return ()


def validate_client(draft: ClientDraft, *, today: date) -> Problems:
    problems: list[FieldProblem] = []
    problems += _text("family_name", draft.family_name, required=True)
    problems += _text("given_name", draft.given_name)
    for name in draft.other_names:
        problems += _text("other_names", name)  # blank entries are dropped when saved
    problems += _a_number("a_number", draft.a_number)
    problems += _past_date("date_of_birth", draft.date_of_birth, today)
    problems += _past_date("last_arrival_on", draft.last_arrival_on, today)
    if (
        draft.date_of_birth is not None
        and draft.last_arrival_on is not None
        and draft.last_arrival_on < draft.date_of_birth
    ):
        problems.append(FieldProblem("last_arrival_on", Problem.ARRIVAL_BEFORE_BIRTH))
    if not all(is_country_code(c) for c in draft.nationalities):
        problems.append(FieldProblem("nationalities", Problem.UNKNOWN_COUNTRY))
    if not all(is_language_code(c) for c in draft.languages):
        problems.append(FieldProblem("languages", Problem.UNKNOWN_LANGUAGE))
    if draft.email.strip() and not _EMAIL.match(draft.email.strip()):
        problems.append(FieldProblem("email", Problem.BAD_EMAIL))
    if draft.phone.strip() and not _PHONE.match(draft.phone.strip()):
        problems.append(FieldProblem("phone", Problem.BAD_PHONE))
    problems += _text("last_arrival_place", draft.last_arrival_place)
    problems += _text("detention_facility", draft.detention_facility)
    if draft.detention is DetentionStatus.DETAINED and not draft.detention_facility.strip():
        problems.append(FieldProblem("detention_facility", Problem.FACILITY_REQUIRED))
    problems += _text("notes", draft.notes, limit=MAX_TEXT)
    return tuple(problems)


def validate_family_member(draft: FamilyMemberDraft, *, today: date) -> Problems:
    problems: list[FieldProblem] = []
    problems += _text("family_name", draft.family_name, required=True)
    problems += _text("given_name", draft.given_name)
    problems += _a_number("a_number", draft.a_number)
    problems += _past_date("date_of_birth", draft.date_of_birth, today)
    return tuple(problems)


def validate_address(draft: AddressDraft, *, today: date) -> Problems:
    """Every part is optional (a client may know only the city they live in), but an address
    names a place: at least the street or the city."""
    problems: list[FieldProblem] = []
    if not draft.line1.strip() and not draft.city.strip():
        problems.append(FieldProblem("city", Problem.ADDRESS_PLACE_REQUIRED))
    problems += _text("line1", draft.line1)
    problems += _text("line2", draft.line2)
    problems += _text("city", draft.city)
    problems += _text("state", draft.state)
    problems += _text("postal_code", draft.postal_code)
    if not is_country_code(draft.country):
        problems.append(FieldProblem("country", Problem.UNKNOWN_COUNTRY))
    problems += _past_date("moved_in_on", draft.moved_in_on, today)
    return tuple(problems)


def expected_forum(claim_type: ClaimType) -> ForumKind:
    """Affirmative claims are heard by an asylum office, defensive ones by an immigration court."""
    if claim_type is ClaimType.AFFIRMATIVE:
        return ForumKind.ASYLUM_OFFICE
    return ForumKind.IMMIGRATION_COURT


def validate_case(draft: CaseDraft, *, today: date) -> Problems:
    problems: list[FieldProblem] = []
    if not draft.relief:
        problems.append(FieldProblem("relief", Problem.RELIEF_REQUIRED))
    if (
        ProtectedGround.PARTICULAR_SOCIAL_GROUP in draft.grounds
        and not draft.psg_definition.strip()
    ):
        problems.append(FieldProblem("psg_definition", Problem.PSG_DEFINITION_REQUIRED))
    problems += _text("psg_definition", draft.psg_definition, limit=MAX_TEXT)
    if draft.forum_kind is not None and draft.forum_kind is not expected_forum(draft.claim_type):
        problems.append(FieldProblem("forum_kind", Problem.FORUM_MISMATCH))
    problems += _text("forum_name", draft.forum_name)
    problems += _text("judge", draft.judge)
    problems += _past_date("opened_on", draft.opened_on, today)
    problems += _past_date("filed_on", draft.filed_on, today)
    receipt = draft.receipt_number.strip().replace("-", "").upper()
    if receipt and not _RECEIPT.match(receipt):
        problems.append(FieldProblem("receipt_number", Problem.BAD_RECEIPT_NUMBER))
    return tuple(problems)


_COURT_KINDS = {
    HearingKind.MASTER_CALENDAR,
    HearingKind.INDIVIDUAL,
    HearingKind.BOND,
    HearingKind.FEAR_REVIEW,
}


def validate_hearing(
    draft: HearingDraft, *, claim_type: ClaimType, case_opened_on: date
) -> Problems:
    problems: list[FieldProblem] = []
    if draft.on < case_opened_on:
        problems.append(FieldProblem("on", Problem.HEARING_BEFORE_CASE_OPENED))
    if draft.timezone not in _known_timezones():
        problems.append(FieldProblem("timezone", Problem.UNKNOWN_TIMEZONE))
    court = draft.kind in _COURT_KINDS
    if (claim_type is ClaimType.AFFIRMATIVE and court) or (
        claim_type is ClaimType.DEFENSIVE and draft.kind is HearingKind.ASYLUM_INTERVIEW
    ):
        problems.append(FieldProblem("kind", Problem.HEARING_KIND_MISMATCH))
    problems += _text("location", draft.location)
    problems += _text("address", draft.address, limit=1000)
    problems += _text("judge", draft.judge)
    problems += _text("notes", draft.notes, limit=MAX_TEXT)
    return tuple(problems)


def validate_evidence(draft: EvidenceDraft, *, today: date) -> Problems:
    problems: list[FieldProblem] = []
    problems += _text("title", draft.title, required=True)
    if not is_language_code(draft.language):
        problems.append(FieldProblem("language", Problem.UNKNOWN_LANGUAGE))
    problems += _past_date("obtained_on", draft.obtained_on, today)
    problems += _text("source", draft.source)
    problems += _text("notes", draft.notes, limit=MAX_TEXT)
    return tuple(problems)


def validate_deadline(draft: DeadlineDraft) -> Problems:
    problems: list[FieldProblem] = []
    if draft.origin is DeadlineOrigin.RULE:
        problems.append(FieldProblem("origin", Problem.RULE_DEADLINES_ARE_COMPUTED))
    problems += _text("kind", draft.kind, required=True)
    problems += _text("title", draft.title, required=True)
    problems += _text("notes", draft.notes, limit=MAX_TEXT)
    return tuple(problems)


def validate_staff(draft: StaffDraft) -> Problems:
    problems: list[FieldProblem] = []
    problems += _text("name", draft.name, required=True)
    if draft.email.strip() and not _EMAIL.match(draft.email.strip()):
        problems.append(FieldProblem("email", Problem.BAD_EMAIL))
    return tuple(problems)


_TIMEZONES: frozenset[str] | None = None


def _known_timezones() -> frozenset[str]:
    global _TIMEZONES  # noqa: PLW0603 - computed once; available_timezones() walks the tz database
    if _TIMEZONES is None:
        _TIMEZONES = frozenset(available_timezones())
    return _TIMEZONES
