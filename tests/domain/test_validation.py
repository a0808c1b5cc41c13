"""Field validation: every field's bad inputs give exactly the (field, code) pairs the UI shows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from typing import Any

import pytest

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
    DetentionStatus,
    EvidenceCategory,
    ForumKind,
    HearingKind,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    TranslationStatus,
)
from clinic.domain.problem_text import describe, describe_all, field_label
from clinic.domain.validation import (
    MAX_NAME,
    MAX_TEXT,
    FieldProblem,
    Problem,
    expected_forum,
    validate_address,
    validate_case,
    validate_client,
    validate_deadline,
    validate_evidence,
    validate_family_member,
    validate_hearing,
    validate_staff,
)

TODAY = date(2026, 11, 28)
TOMORROW = TODAY + timedelta(days=1)
TOO_OLD = date(1899, 12, 31)
LONG_NAME = "x" * (MAX_NAME + 1)
LONG_TEXT = "x" * (MAX_TEXT + 1)

P = Problem


def fp(*pairs: tuple[str, Problem]) -> tuple[FieldProblem, ...]:
    return tuple(FieldProblem(field, code) for field, code in pairs)


# --- clients ---------------------------------------------------------------------------------

VALID_CLIENT = ClientDraft(
    family_name="Núñez García",
    given_name="José María",
    other_names=("Pepe Núñez",),
    a_number="A-123-456-789",
    date_of_birth=date(1990, 5, 17),
    sex=Sex.MALE,
    nationalities=("HN", "GT"),
    languages=("es", "quc"),
    interpreter_needed=True,
    phone="+1 (555) 123-4567",
    email="jose@example.org",
    last_arrival_on=date(2023, 3, 1),
    last_arrival_place="Hidalgo, TX",
    detention=DetentionStatus.DETAINED,
    detention_facility="Krome Service Processing Center",
    notes="Fled in 2022.\nSee declaration.\tDraft 2.",
)


def test_fully_valid_client_has_no_problems() -> None:
    assert validate_client(VALID_CLIENT, today=TODAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # names
        ({"family_name": ""}, fp(("family_name", P.REQUIRED))),
        ({"family_name": "   "}, fp(("family_name", P.REQUIRED))),
        ({"family_name": LONG_NAME}, fp(("family_name", P.TOO_LONG))),
        ({"given_name": LONG_NAME}, fp(("given_name", P.TOO_LONG))),
        ({"other_names": (LONG_NAME,)}, fp(("other_names", P.TOO_LONG))),
        ({"other_names": ("Pepe", " ")}, ()),  # blank aliases are dropped on save
        ({"family_name": "Núñez\x00"}, fp(("family_name", P.CONTROL_CHARACTERS))),
        ({"given_name": "José\r"}, fp(("given_name", P.CONTROL_CHARACTERS))),
        ({"given_name": "Jo\nsé"}, fp(("given_name", P.CONTROL_CHARACTERS))),
        ({"other_names": ("Pe\x1bpe",)}, fp(("other_names", P.CONTROL_CHARACTERS))),
        ({"last_arrival_place": LONG_NAME}, fp(("last_arrival_place", P.TOO_LONG))),
        ({"last_arrival_place": "Hidalgo\x07"}, fp(("last_arrival_place", P.CONTROL_CHARACTERS))),
        ({"detention_facility": "Krome\t"}, fp(("detention_facility", P.CONTROL_CHARACTERS))),
        ({"notes": LONG_TEXT}, fp(("notes", P.TOO_LONG))),
        ({"notes": "ok\x0bnot ok"}, fp(("notes", P.CONTROL_CHARACTERS))),
        # A-number
        ({"a_number": "A-123-456-78O"}, fp(("a_number", P.A_NUMBER_HAS_LETTERS))),
        ({"a_number": "AB123456789"}, fp(("a_number", P.A_NUMBER_HAS_LETTERS))),
        ({"a_number": "A-123-456-7890"}, fp(("a_number", P.A_NUMBER_WRONG_LENGTH))),
        ({"a_number": "1234567"}, fp(("a_number", P.A_NUMBER_WRONG_LENGTH))),
        ({"a_number": "A-"}, fp(("a_number", P.A_NUMBER_WRONG_LENGTH))),
        ({"a_number": "000000000"}, fp(("a_number", P.A_NUMBER_ALL_ZEROS))),
        ({"a_number": "A-00-000-000"}, fp(("a_number", P.A_NUMBER_ALL_ZEROS))),
        # dates
        (
            {"date_of_birth": TOMORROW, "last_arrival_on": None},
            fp(("date_of_birth", P.DATE_IN_FUTURE)),
        ),
        ({"date_of_birth": TOO_OLD}, fp(("date_of_birth", P.DATE_TOO_OLD))),
        ({"last_arrival_on": TOMORROW}, fp(("last_arrival_on", P.DATE_IN_FUTURE))),
        (
            {"last_arrival_on": TOO_OLD, "date_of_birth": None},
            fp(("last_arrival_on", P.DATE_TOO_OLD)),
        ),
        (
            {"date_of_birth": date(2000, 1, 2), "last_arrival_on": date(2000, 1, 1)},
            fp(("last_arrival_on", P.ARRIVAL_BEFORE_BIRTH)),
        ),
        # reference codes
        ({"nationalities": ("XX",)}, fp(("nationalities", P.UNKNOWN_COUNTRY))),
        ({"nationalities": ("USA",)}, fp(("nationalities", P.UNKNOWN_COUNTRY))),
        ({"nationalities": ("HN", "XX")}, fp(("nationalities", P.UNKNOWN_COUNTRY))),
        ({"nationalities": ("Honduras",)}, fp(("nationalities", P.UNKNOWN_COUNTRY))),
        ({"languages": ("zz",)}, fp(("languages", P.UNKNOWN_LANGUAGE))),
        ({"languages": ("spanish",)}, fp(("languages", P.UNKNOWN_LANGUAGE))),
        ({"languages": ("es", "zzz")}, fp(("languages", P.UNKNOWN_LANGUAGE))),
        # contact
        ({"email": "jose@"}, fp(("email", P.BAD_EMAIL))),
        ({"email": "jose example.org"}, fp(("email", P.BAD_EMAIL))),
        ({"email": "jose@example"}, fp(("email", P.BAD_EMAIL))),
        ({"email": "jose@@example.org"}, fp(("email", P.BAD_EMAIL))),
        ({"phone": "555-CALL-NOW"}, fp(("phone", P.BAD_PHONE))),
        ({"phone": "12345"}, fp(("phone", P.BAD_PHONE))),
        ({"phone": "+1 555 123 4567 #9"}, fp(("phone", P.BAD_PHONE))),
        # detention
        ({"detention_facility": ""}, fp(("detention_facility", P.FACILITY_REQUIRED))),
        ({"detention_facility": "   "}, fp(("detention_facility", P.FACILITY_REQUIRED))),
        # several at once, in form order
        (
            {"family_name": "", "a_number": "A-12", "email": "nope"},
            fp(
                ("family_name", P.REQUIRED),
                ("a_number", P.A_NUMBER_WRONG_LENGTH),
                ("email", P.BAD_EMAIL),
            ),
        ),
    ],
)
def test_client_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_client(replace(VALID_CLIENT, **changes), today=TODAY) == expected


@pytest.mark.parametrize(
    "changes",
    [
        {"a_number": "A-123-456-789"},
        {"a_number": "a 12345678"},
        {"a_number": "123456789"},
        {"a_number": "A#123.456.789"},
        {"a_number": "A-١٢٣-٤٥٦-٧٨٩"},  # Arabic-Indic digits pasted from a phone
        {"a_number": ""},  # many clients have none yet
        {"a_number": "   "},
        {"family_name": "x" * MAX_NAME},
        {"given_name": ""},  # mononymous clients
        {"date_of_birth": TODAY, "last_arrival_on": TODAY},
        {"date_of_birth": date(1900, 1, 1)},
        {"date_of_birth": date(2000, 1, 1), "last_arrival_on": date(2000, 1, 1)},
        {"nationalities": ("hn",)},
        {"nationalities": ()},
        {"languages": ("ES", "quc")},
        {"email": "", "phone": ""},
        {"phone": "+1 555 123 4567 ext. 89"},
        {"phone": "(555) 123-4567"},
        {"detention": DetentionStatus.RELEASED, "detention_facility": ""},
        {"detention": DetentionStatus.NOT_DETAINED, "detention_facility": ""},
        {"notes": "x" * MAX_TEXT},
    ],
)
def test_client_accepted_inputs(changes: dict[str, Any]) -> None:
    assert validate_client(replace(VALID_CLIENT, **changes), today=TODAY) == ()


@pytest.mark.parametrize("bad", ["Núñez\x7f", "Núñez\x85", "Nú\x9dñez"])
def test_client_name_rejects_del_and_c1_controls(bad: str) -> None:
    problems = validate_client(replace(VALID_CLIENT, family_name=bad), today=TODAY)
    assert problems == fp(("family_name", P.CONTROL_CHARACTERS))


# --- family members --------------------------------------------------------------------------

VALID_MEMBER = FamilyMemberDraft(
    family_name="Núñez",
    given_name="Ana",
    relationship=Relationship.CHILD,
    date_of_birth=date(2015, 2, 3),
    a_number="A-987-654-321",
    in_us=True,
    derivative=True,
)


def test_fully_valid_family_member_has_no_problems() -> None:
    assert validate_family_member(VALID_MEMBER, today=TODAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"family_name": ""}, fp(("family_name", P.REQUIRED))),
        ({"family_name": LONG_NAME}, fp(("family_name", P.TOO_LONG))),
        ({"family_name": "Nú\x00ñez"}, fp(("family_name", P.CONTROL_CHARACTERS))),
        ({"given_name": LONG_NAME}, fp(("given_name", P.TOO_LONG))),
        ({"given_name": "A\nna"}, fp(("given_name", P.CONTROL_CHARACTERS))),
        ({"a_number": "A-98765432I"}, fp(("a_number", P.A_NUMBER_HAS_LETTERS))),
        ({"a_number": "98765"}, fp(("a_number", P.A_NUMBER_WRONG_LENGTH))),
        ({"a_number": "00000000"}, fp(("a_number", P.A_NUMBER_ALL_ZEROS))),
        ({"date_of_birth": TOMORROW}, fp(("date_of_birth", P.DATE_IN_FUTURE))),
        ({"date_of_birth": TOO_OLD}, fp(("date_of_birth", P.DATE_TOO_OLD))),
    ],
)
def test_family_member_bad_inputs(
    changes: dict[str, Any], expected: tuple[FieldProblem, ...]
) -> None:
    assert validate_family_member(replace(VALID_MEMBER, **changes), today=TODAY) == expected


@pytest.mark.parametrize(
    "changes",
    [{"a_number": ""}, {"given_name": ""}, {"date_of_birth": None}, {"a_number": "a 98765432"}],
)
def test_family_member_accepted_inputs(changes: dict[str, Any]) -> None:
    assert validate_family_member(replace(VALID_MEMBER, **changes), today=TODAY) == ()


# --- addresses -------------------------------------------------------------------------------

VALID_ADDRESS = AddressDraft(
    line1="1200 Main St",
    line2="Apt 4B",
    city="Houston",
    state="TX",
    postal_code="77002",
    country="US",
    moved_in_on=date(2025, 6, 1),
)


def test_fully_valid_address_has_no_problems() -> None:
    assert validate_address(VALID_ADDRESS, today=TODAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"line1": "", "city": ""}, fp(("city", P.ADDRESS_PLACE_REQUIRED))),
        ({"line1": " ", "city": " ", "state": "TX"}, fp(("city", P.ADDRESS_PLACE_REQUIRED))),
        ({"line1": LONG_NAME}, fp(("line1", P.TOO_LONG))),
        ({"line2": LONG_NAME}, fp(("line2", P.TOO_LONG))),
        ({"line2": "Apt\n4B"}, fp(("line2", P.CONTROL_CHARACTERS))),
        ({"city": LONG_NAME}, fp(("city", P.TOO_LONG))),
        ({"state": "T\x01X"}, fp(("state", P.CONTROL_CHARACTERS))),
        ({"postal_code": LONG_NAME}, fp(("postal_code", P.TOO_LONG))),
        ({"country": "XX"}, fp(("country", P.UNKNOWN_COUNTRY))),
        ({"country": "USA"}, fp(("country", P.UNKNOWN_COUNTRY))),
        ({"country": ""}, fp(("country", P.UNKNOWN_COUNTRY))),
        ({"moved_in_on": TOMORROW}, fp(("moved_in_on", P.DATE_IN_FUTURE))),
        ({"moved_in_on": TOO_OLD}, fp(("moved_in_on", P.DATE_TOO_OLD))),
        (
            {"line1": "", "city": "", "country": "ZZ"},
            fp(("city", P.ADDRESS_PLACE_REQUIRED), ("country", P.UNKNOWN_COUNTRY)),
        ),
    ],
)
def test_address_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_address(replace(VALID_ADDRESS, **changes), today=TODAY) == expected


@pytest.mark.parametrize(
    "changes",
    [
        {"country": "mx"},
        {"line2": "", "state": "", "postal_code": ""},
        {"moved_in_on": None},
        # a partial address: only the family name is required of a client
        {"line1": "", "line2": "", "state": "", "postal_code": "", "moved_in_on": None},
        {"line1": ""},
        {"city": ""},
    ],
)
def test_address_accepted_inputs(changes: dict[str, Any]) -> None:
    assert validate_address(replace(VALID_ADDRESS, **changes), today=TODAY) == ()


# --- cases -----------------------------------------------------------------------------------

VALID_CASE = CaseDraft(
    claim_type=ClaimType.AFFIRMATIVE,
    relief=frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
    grounds=frozenset({ProtectedGround.PARTICULAR_SOCIAL_GROUP, ProtectedGround.POLITICAL_OPINION}),
    psg_definition="Honduran women unable to leave a domestic relationship",
    forum_kind=ForumKind.ASYLUM_OFFICE,
    forum_name="Houston Asylum Office",
    judge="",
    opened_on=date(2026, 1, 5),
    filed_on=date(2026, 2, 1),
    receipt_number="ZLA2512345678",
)


def test_fully_valid_case_has_no_problems() -> None:
    assert validate_case(VALID_CASE, today=TODAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"relief": frozenset()}, fp(("relief", P.RELIEF_REQUIRED))),
        ({"psg_definition": ""}, fp(("psg_definition", P.PSG_DEFINITION_REQUIRED))),
        ({"psg_definition": "  \n "}, fp(("psg_definition", P.PSG_DEFINITION_REQUIRED))),
        ({"psg_definition": LONG_TEXT}, fp(("psg_definition", P.TOO_LONG))),
        ({"forum_kind": ForumKind.IMMIGRATION_COURT}, fp(("forum_kind", P.FORUM_MISMATCH))),
        (
            {"claim_type": ClaimType.DEFENSIVE, "forum_kind": ForumKind.ASYLUM_OFFICE},
            fp(("forum_kind", P.FORUM_MISMATCH)),
        ),
        ({"forum_name": LONG_NAME}, fp(("forum_name", P.TOO_LONG))),
        ({"judge": "IJ\x00Lee"}, fp(("judge", P.CONTROL_CHARACTERS))),
        ({"opened_on": TOMORROW, "filed_on": None}, fp(("opened_on", P.DATE_IN_FUTURE))),
        ({"filed_on": TOMORROW}, fp(("filed_on", P.DATE_IN_FUTURE))),
        ({"filed_on": TOO_OLD}, fp(("filed_on", P.DATE_TOO_OLD))),
        ({"receipt_number": "ZLA25123456"}, fp(("receipt_number", P.BAD_RECEIPT_NUMBER))),
        ({"receipt_number": "ZLA25123456789"}, fp(("receipt_number", P.BAD_RECEIPT_NUMBER))),
        ({"receipt_number": "1232512345678"}, fp(("receipt_number", P.BAD_RECEIPT_NUMBER))),
        ({"receipt_number": "ZL2512345678X"}, fp(("receipt_number", P.BAD_RECEIPT_NUMBER))),
        ({"receipt_number": "ZLA 2512345678"}, fp(("receipt_number", P.BAD_RECEIPT_NUMBER))),
        (
            {"relief": frozenset(), "psg_definition": "", "receipt_number": "nope"},
            fp(
                ("relief", P.RELIEF_REQUIRED),
                ("psg_definition", P.PSG_DEFINITION_REQUIRED),
                ("receipt_number", P.BAD_RECEIPT_NUMBER),
            ),
        ),
    ],
)
def test_case_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_case(replace(VALID_CASE, **changes), today=TODAY) == expected


@pytest.mark.parametrize(
    "changes",
    [
        {"receipt_number": "ZLA2512345678"},
        {"receipt_number": "ZLA-25-123-45678"},
        {"receipt_number": "zla2512345678"},
        {"receipt_number": " ZLA2512345678 "},
        {"receipt_number": ""},
        {"forum_kind": None},  # derived from the claim type
        {"claim_type": ClaimType.DEFENSIVE, "forum_kind": ForumKind.IMMIGRATION_COURT},
        {"claim_type": ClaimType.DEFENSIVE, "forum_kind": None},
        {"grounds": frozenset(), "psg_definition": ""},  # no PSG claimed, no definition needed
        {"relief": frozenset({Relief.CAT})},
        {"opened_on": None, "filed_on": None},
        {"opened_on": TODAY, "filed_on": TODAY},
    ],
)
def test_case_accepted_inputs(changes: dict[str, Any]) -> None:
    assert validate_case(replace(VALID_CASE, **changes), today=TODAY) == ()


@pytest.mark.parametrize(
    ("claim_type", "forum"),
    [
        (ClaimType.AFFIRMATIVE, ForumKind.ASYLUM_OFFICE),
        (ClaimType.DEFENSIVE, ForumKind.IMMIGRATION_COURT),
    ],
)
def test_expected_forum(claim_type: ClaimType, forum: ForumKind) -> None:
    assert expected_forum(claim_type) is forum


# --- hearings --------------------------------------------------------------------------------

OPENED = date(2026, 1, 5)
VALID_HEARING = HearingDraft(
    kind=HearingKind.MASTER_CALENDAR,
    on=date(2026, 12, 10),
    at=time(8, 30),
    timezone="America/Chicago",
    location="Houston Immigration Court",
    address="600 Jefferson St, Suite 900\nHouston, TX 77002",
    judge="IJ Lee",
    notes="Bring interpreter.\nK'iche'.",
)


def test_fully_valid_hearing_has_no_problems() -> None:
    assert (
        validate_hearing(VALID_HEARING, claim_type=ClaimType.DEFENSIVE, case_opened_on=OPENED) == ()
    )


@pytest.mark.parametrize(
    ("claim_type", "changes", "expected"),
    [
        (ClaimType.DEFENSIVE, {"on": date(2026, 1, 4)}, fp(("on", P.HEARING_BEFORE_CASE_OPENED))),
        (
            ClaimType.DEFENSIVE,
            {"timezone": "Mars/Olympus_Mons"},
            fp(("timezone", P.UNKNOWN_TIMEZONE)),
        ),
        (ClaimType.DEFENSIVE, {"timezone": ""}, fp(("timezone", P.UNKNOWN_TIMEZONE))),
        (ClaimType.DEFENSIVE, {"timezone": "Central"}, fp(("timezone", P.UNKNOWN_TIMEZONE))),
        (ClaimType.AFFIRMATIVE, {}, fp(("kind", P.HEARING_KIND_MISMATCH))),
        (
            ClaimType.AFFIRMATIVE,
            {"kind": HearingKind.INDIVIDUAL},
            fp(("kind", P.HEARING_KIND_MISMATCH)),
        ),
        (
            ClaimType.DEFENSIVE,
            {"kind": HearingKind.ASYLUM_INTERVIEW},
            fp(("kind", P.HEARING_KIND_MISMATCH)),
        ),
        (ClaimType.DEFENSIVE, {"location": LONG_NAME}, fp(("location", P.TOO_LONG))),
        (ClaimType.DEFENSIVE, {"address": "x" * 1001}, fp(("address", P.TOO_LONG))),
        (ClaimType.DEFENSIVE, {"judge": "IJ\rLee"}, fp(("judge", P.CONTROL_CHARACTERS))),
        (ClaimType.DEFENSIVE, {"notes": "a\x00b"}, fp(("notes", P.CONTROL_CHARACTERS))),
        (ClaimType.DEFENSIVE, {"notes": LONG_TEXT}, fp(("notes", P.TOO_LONG))),
        (
            ClaimType.AFFIRMATIVE,
            {"on": date(2025, 12, 31), "timezone": "Nowhere/Town"},
            fp(
                ("on", P.HEARING_BEFORE_CASE_OPENED),
                ("timezone", P.UNKNOWN_TIMEZONE),
                ("kind", P.HEARING_KIND_MISMATCH),
            ),
        ),
    ],
)
def test_hearing_bad_inputs(
    claim_type: ClaimType, changes: dict[str, Any], expected: tuple[FieldProblem, ...]
) -> None:
    draft = replace(VALID_HEARING, **changes)
    assert validate_hearing(draft, claim_type=claim_type, case_opened_on=OPENED) == expected


@pytest.mark.parametrize(
    ("claim_type", "kind"),
    [
        (ClaimType.AFFIRMATIVE, HearingKind.ASYLUM_INTERVIEW),
        (ClaimType.AFFIRMATIVE, HearingKind.BIOMETRICS),
        (ClaimType.AFFIRMATIVE, HearingKind.ICE_CHECK_IN),
        (ClaimType.DEFENSIVE, HearingKind.MASTER_CALENDAR),
        (ClaimType.DEFENSIVE, HearingKind.INDIVIDUAL),
        (ClaimType.DEFENSIVE, HearingKind.BIOMETRICS),
        (ClaimType.DEFENSIVE, HearingKind.ICE_CHECK_IN),
    ],
)
def test_hearing_kinds_that_belong_to_the_claim_type(
    claim_type: ClaimType, kind: HearingKind
) -> None:
    draft = replace(VALID_HEARING, kind=kind, on=OPENED)  # on the opening day is fine
    assert validate_hearing(draft, claim_type=claim_type, case_opened_on=OPENED) == ()


# --- evidence --------------------------------------------------------------------------------

VALID_EVIDENCE = EvidenceDraft(
    title="Declaration of José Núñez",
    category=EvidenceCategory.DECLARATION,
    language="quc",
    translation=TranslationStatus.NEEDED,
    obtained_on=date(2026, 3, 1),
    source="Client",
    notes="Two drafts.\nSigned copy pending.",
)


def test_fully_valid_evidence_has_no_problems() -> None:
    assert validate_evidence(VALID_EVIDENCE, today=TODAY) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": ""}, fp(("title", P.REQUIRED))),
        ({"title": LONG_NAME}, fp(("title", P.TOO_LONG))),
        ({"title": "Decla\x00ration"}, fp(("title", P.CONTROL_CHARACTERS))),
        ({"language": "zz"}, fp(("language", P.UNKNOWN_LANGUAGE))),
        ({"language": "spanish"}, fp(("language", P.UNKNOWN_LANGUAGE))),
        ({"language": ""}, fp(("language", P.UNKNOWN_LANGUAGE))),
        ({"obtained_on": TOMORROW}, fp(("obtained_on", P.DATE_IN_FUTURE))),
        ({"obtained_on": TOO_OLD}, fp(("obtained_on", P.DATE_TOO_OLD))),
        ({"source": LONG_NAME}, fp(("source", P.TOO_LONG))),
        ({"notes": "x\x1f"}, fp(("notes", P.CONTROL_CHARACTERS))),
        ({"notes": LONG_TEXT}, fp(("notes", P.TOO_LONG))),
    ],
)
def test_evidence_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_evidence(replace(VALID_EVIDENCE, **changes), today=TODAY) == expected


@pytest.mark.parametrize("language", ["en", "ES", "quc", "mam"])
def test_evidence_accepts_iso_639_codes(language: str) -> None:
    assert validate_evidence(replace(VALID_EVIDENCE, language=language), today=TODAY) == ()


# --- deadlines -------------------------------------------------------------------------------

VALID_DEADLINE = DeadlineDraft(
    kind="one_year_bar",
    title="File I-589 before the one-year bar",
    due_on=date(2027, 3, 1),
    notes="Counted from last arrival.\n",
)


def test_fully_valid_deadline_has_no_problems() -> None:
    assert validate_deadline(VALID_DEADLINE) == ()


def test_deadline_in_the_past_is_allowed_it_is_just_overdue() -> None:
    assert validate_deadline(replace(VALID_DEADLINE, due_on=date(2020, 1, 1))) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"kind": ""}, fp(("kind", P.REQUIRED))),
        ({"kind": "one\x00year"}, fp(("kind", P.CONTROL_CHARACTERS))),
        ({"title": " "}, fp(("title", P.REQUIRED))),
        ({"title": LONG_NAME}, fp(("title", P.TOO_LONG))),
        ({"notes": LONG_TEXT}, fp(("notes", P.TOO_LONG))),
        ({"notes": "\x08"}, fp(("notes", P.CONTROL_CHARACTERS))),
        ({"kind": "", "title": ""}, fp(("kind", P.REQUIRED), ("title", P.REQUIRED))),
    ],
)
def test_deadline_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_deadline(replace(VALID_DEADLINE, **changes)) == expected


# --- staff -----------------------------------------------------------------------------------

VALID_STAFF = StaffDraft(name="Ana Pérez", role=StaffRole.PARALEGAL, email="ana@clinic.org")


def test_fully_valid_staff_has_no_problems() -> None:
    assert validate_staff(VALID_STAFF) == ()
    assert validate_staff(replace(VALID_STAFF, email="")) == ()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, fp(("name", P.REQUIRED))),
        ({"name": LONG_NAME}, fp(("name", P.TOO_LONG))),
        ({"name": "Ana\tPérez"}, fp(("name", P.CONTROL_CHARACTERS))),
        ({"email": "ana@clinic"}, fp(("email", P.BAD_EMAIL))),
        ({"email": "ana at clinic.org"}, fp(("email", P.BAD_EMAIL))),
        ({"name": "", "email": "x"}, fp(("name", P.REQUIRED), ("email", P.BAD_EMAIL))),
    ],
)
def test_staff_bad_inputs(changes: dict[str, Any], expected: tuple[FieldProblem, ...]) -> None:
    assert validate_staff(replace(VALID_STAFF, **changes)) == expected


# --- words for every code --------------------------------------------------------------------


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_code_has_words(problem: Problem) -> None:
    text = describe(problem)
    assert isinstance(text, str)
    assert len(text.strip()) >= 10
    assert text.strip().endswith(".")


def test_every_problem_code_has_its_own_words() -> None:
    texts = [describe(p) for p in Problem]
    assert len(set(texts)) == len(texts)


def test_describe_all_puts_field_labels_before_the_words() -> None:
    problems = validate_client(
        replace(VALID_CLIENT, a_number="A-12", date_of_birth=TOMORROW, last_arrival_on=None),
        today=TODAY,
    )
    assert describe_all(problems) == [
        "A-number: " + describe(Problem.A_NUMBER_WRONG_LENGTH),
        "Date of birth: " + describe(Problem.DATE_IN_FUTURE),
    ]


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("a_number", "A-number"),
        ("psg_definition", "Particular social group"),
        ("on", "Date"),
        ("detention_facility", "Detention facility"),
        ("family_name", "Family name"),
    ],
)
def test_field_labels(field: str, label: str) -> None:
    assert field_label(field) == label
