"""One spreadsheet row → a client (with an optional case and next hearing) or a family member.

Layout (docs/import-format.md): one row per person. A row whose relationship cell is empty
(or says "client") is a client; any other relationship makes it a family member of a client
in the same file, found by the household column, else by the principal's A-number, else the
nearest client row above it. Every value is checked with the same validation the intake form
uses; a row with any problem is rejected whole, with every reason in plain words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clinic.domain.anumber import parse_a_number
from clinic.domain.drafts import CaseDraft, ClientDraft, FamilyMemberDraft, HearingDraft
from clinic.domain.enums import ClaimType, DetentionStatus, HearingKind
from clinic.domain.importing.dates import DateOrder, read_date, read_time
from clinic.domain.importing.headers import ColumnMapping, ImportField
from clinic.domain.importing.sheet import Cell, SheetRow
from clinic.domain.importing.vocabulary import (
    Vocabulary,
    country_code,
    language_code,
    read_arrival_manner,
    read_claim_type,
    read_hearing_kind,
    read_relationship,
    read_sex,
    read_yes_no,
    split_list,
)
from clinic.domain.problem_text import describe, field_label
from clinic.domain.validation import (
    FieldProblem,
    validate_case,
    validate_client,
    validate_family_member,
    validate_hearing,
)

F = ImportField
FAMILY_FIELDS = frozenset(
    {
        F.FAMILY_NAME,
        F.GIVEN_NAME,
        F.A_NUMBER,
        F.DATE_OF_BIRTH,
        F.RELATIONSHIP,
        F.HOUSEHOLD,
        F.PRINCIPAL_A_NUMBER,
        F.DERIVATIVE,
        F.IN_US,
    }
)
CASE_FIELDS = frozenset(
    {F.CLAIM_TYPE, F.FORUM_NAME, F.JUDGE, F.OPENED_ON, F.FILED_ON, F.RECEIPT_NUMBER}
)
HEARING_FIELDS = frozenset({F.HEARING_DATE, F.HEARING_TIME, F.HEARING_KIND, F.HEARING_LOCATION})

# Draft field → the import field whose cell it came from, to quote the cell in a reason.
_SOURCE = {
    "family_name": F.FAMILY_NAME,
    "given_name": F.GIVEN_NAME,
    "other_names": F.OTHER_NAMES,
    "a_number": F.A_NUMBER,
    "date_of_birth": F.DATE_OF_BIRTH,
    "last_arrival_on": F.ARRIVAL_DATE,
    "last_arrival_place": F.ARRIVAL_PLACE,
    "phone": F.PHONE,
    "email": F.EMAIL,
    "detention_facility": F.DETENTION_FACILITY,
    "notes": F.NOTES,
    "forum_name": F.FORUM_NAME,
    "judge": F.JUDGE,
    "opened_on": F.OPENED_ON,
    "filed_on": F.FILED_ON,
    "receipt_number": F.RECEIPT_NUMBER,
    "on": F.HEARING_DATE,
    "kind": F.HEARING_KIND,
    "location": F.HEARING_LOCATION,
}
_LABELS = {
    "on": "hearing date",
    "kind": "hearing kind",
    "location": "hearing location",
    "last_arrival_place": "place of arrival",
    "forum_name": "court or asylum office",
}


@dataclass(frozen=True)
class ClientRow:
    line: int
    client: ClientDraft
    case: CaseDraft | None
    hearing: HearingDraft | None
    household: str  # folded household label, "" when none


@dataclass(frozen=True)
class FamilyRow:
    line: int
    member: FamilyMemberDraft
    household: str
    principal_a_number: str  # nine digits, "" when none given


@dataclass(frozen=True)
class RejectedRow:
    line: int
    reason: str


RowReading = ClientRow | FamilyRow | RejectedRow


@dataclass(frozen=True)
class RowContext:
    mapping: ColumnMapping
    date_order: DateOrder | None
    today: date
    timezone: str  # for hearings: the clinic's default time zone
    vocabulary: Vocabulary


class _Cells:
    """The row's cells by field, with the reasons collected while reading them."""

    def __init__(self, row: SheetRow, context: RowContext) -> None:
        self.values: dict[ImportField, Cell] = {
            field: cell for field, cell in zip(context.mapping, row.cells, strict=True) if field
        }
        self.context = context
        self.reasons: list[str] = []

    def text(self, field: ImportField) -> str:
        cell = self.values.get(field, "")
        if not isinstance(cell, str):
            return cell.isoformat()
        if field is F.NOTES:  # the one multi-line field; Windows line ends become plain ones
            return cell.replace("\r\n", "\n").replace("\r", "\n").strip()
        return " ".join(cell.split())

    def filled(self, fields: frozenset[ImportField]) -> list[ImportField]:
        return [f for f in fields if self.text(f)]

    def date(self, field: ImportField) -> date | None:
        reading = read_date(self.values.get(field, ""), self.context.date_order)
        if reading.reason:
            self.reasons.append(f"{_field_words(field)} {reading.reason}")
        return reading.value

    def keep(self, result: tuple[object, str]) -> object:
        if result[1]:
            self.reasons.append(result[1])
        return result[0]


def _field_words(field: ImportField) -> str:
    return field.value.replace("_", " ").replace("a number", "A-number")


def read_row(row: SheetRow, context: RowContext) -> RowReading:
    """Read one row; any problem rejects the row with every reason found."""
    cells = _Cells(row, context)
    if row.extra_cells:
        cells.reasons.append(
            f"the row has {row.extra_cells} more filled cell(s) than the header has columns "
            "(often a separator inside an unquoted cell)"
        )
    relationship, reason = read_relationship(context.vocabulary, cells.text(F.RELATIONSHIP))
    if reason:
        return RejectedRow(row.line, reason)
    if relationship is None:
        return _client_row(row, cells)
    member = FamilyMemberDraft(
        family_name=cells.text(F.FAMILY_NAME),
        given_name=cells.text(F.GIVEN_NAME),
        relationship=relationship,
        date_of_birth=cells.date(F.DATE_OF_BIRTH),
        a_number=cells.text(F.A_NUMBER),
        in_us=bool(cells.keep(read_yes_no(context.vocabulary, cells.text(F.IN_US), "in US"))),
        derivative=bool(
            cells.keep(read_yes_no(context.vocabulary, cells.text(F.DERIVATIVE), "derivative"))
        ),
    )
    principal = _principal(cells)
    extra = sorted(set(cells.filled(frozenset(F) - FAMILY_FIELDS)), key=list(F).index)
    if extra:
        cells.reasons.append(
            "a family member's row can hold only names, relationship, date of birth, A-number, "
            "household, derivative and in-US; clear "
            + ", ".join(_field_words(f) for f in extra)
            + " (or leave the relationship empty to import this person as a client)"
        )
    cells.reasons += _describe(validate_family_member(member, today=context.today), cells)
    if cells.reasons:
        return RejectedRow(row.line, "; ".join(cells.reasons))
    return FamilyRow(row.line, member, _household(cells), principal)


def _principal(cells: _Cells) -> str:
    raw = cells.text(F.PRINCIPAL_A_NUMBER)
    if not raw:
        return ""
    try:
        return parse_a_number(raw)
    except ValueError:
        cells.reasons.append(f"principal's A-number '{raw}' is not an A-number")
        return ""


def _household(cells: _Cells) -> str:
    return " ".join(cells.text(F.HOUSEHOLD).casefold().split())


def _client_row(row: SheetRow, cells: _Cells) -> RowReading:
    context = cells.context
    vocabulary = context.vocabulary
    facility = cells.text(F.DETENTION_FACILITY)
    client = ClientDraft(
        family_name=cells.text(F.FAMILY_NAME),
        given_name=cells.text(F.GIVEN_NAME),
        other_names=tuple(split_list(cells.text(F.OTHER_NAMES))),
        a_number=cells.text(F.A_NUMBER),
        date_of_birth=cells.date(F.DATE_OF_BIRTH),
        sex=cells.keep(read_sex(vocabulary, cells.text(F.SEX))),  # type: ignore[arg-type]
        nationalities=_codes(cells, F.NATIONALITY),
        languages=_codes(cells, F.LANGUAGES),
        interpreter_needed=bool(
            cells.keep(
                read_yes_no(vocabulary, cells.text(F.INTERPRETER_NEEDED), "interpreter needed")
            )
        ),
        phone=cells.text(F.PHONE),
        email=cells.text(F.EMAIL),
        last_arrival_on=cells.date(F.ARRIVAL_DATE),
        last_arrival_place=cells.text(F.ARRIVAL_PLACE),
        last_arrival_manner=cells.keep(  # type: ignore[arg-type]
            read_arrival_manner(vocabulary, cells.text(F.ARRIVAL_MANNER))
        ),
        detention=DetentionStatus.DETAINED if facility else DetentionStatus.NOT_DETAINED,
        detention_facility=facility,
        notes=cells.text(F.NOTES),
    )
    if cells.text(F.PRINCIPAL_A_NUMBER):
        cells.reasons.append(
            "a principal's A-number is given but the relationship is empty; say how this "
            "person is related to the principal (spouse, child, …)"
        )
    cells.reasons += _describe(validate_client(client, today=context.today), cells)
    case, hearing = _case_and_hearing(cells)
    if cells.reasons:
        return RejectedRow(row.line, "; ".join(cells.reasons))
    return ClientRow(row.line, client, case, hearing, _household(cells))


def _codes(cells: _Cells, field: ImportField) -> tuple[str, ...]:
    vocabulary = cells.context.vocabulary
    lookup = country_code if field is F.NATIONALITY else language_code
    what = "country" if field is F.NATIONALITY else "language"
    codes: list[str] = []
    for part in split_list(cells.text(field)):
        code = lookup(vocabulary, part)
        if code is None:
            cells.reasons.append(
                f"{what} '{part}' is not one Clinic knows; use its name in English or an "
                f"ISO code ({'HN for Honduras' if what == 'country' else 'es for Spanish'})"
            )
        elif code not in codes:
            codes.append(code)
    return tuple(codes)


def _case_and_hearing(cells: _Cells) -> tuple[CaseDraft | None, HearingDraft | None]:
    context = cells.context
    claim_type = cells.keep(read_claim_type(context.vocabulary, cells.text(F.CLAIM_TYPE)))
    details = cells.filled((CASE_FIELDS | HEARING_FIELDS) - {F.CLAIM_TYPE})
    if not isinstance(claim_type, ClaimType):
        if details and not cells.text(F.CLAIM_TYPE):
            cells.reasons.append(
                "case details are given but the claim type is empty; write affirmative or defensive"
            )
        return None, None
    filed_on = cells.date(F.FILED_ON)
    hearing_on = cells.date(F.HEARING_DATE)
    opened_on = cells.date(F.OPENED_ON)
    if opened_on is None:
        # The case was opened at the clinic before today; never after the dates it holds.
        opened_on = min(d for d in (context.today, filed_on, hearing_on) if d is not None)
    case = CaseDraft(
        claim_type=claim_type,
        forum_name=cells.text(F.FORUM_NAME),
        judge=cells.text(F.JUDGE),
        opened_on=opened_on,
        filed_on=filed_on,
        receipt_number=cells.text(F.RECEIPT_NUMBER),
    )
    cells.reasons += _describe(validate_case(case, today=context.today), cells)
    return case, _hearing(cells, claim_type, hearing_on, opened_on)


def _hearing(
    cells: _Cells, claim_type: ClaimType, on: date | None, opened_on: date
) -> HearingDraft | None:
    context = cells.context
    kind = cells.keep(read_hearing_kind(context.vocabulary, cells.text(F.HEARING_KIND)))
    at, reason = read_time(cells.values.get(F.HEARING_TIME, ""))
    if reason:
        cells.reasons.append(f"hearing time {reason}")
    date_cell = cells.values.get(F.HEARING_DATE, "")
    if at is None and not reason and isinstance(date_cell, datetime):
        at = date_cell.time().replace(second=0, microsecond=0)  # "3/14/2027 9:30" in one cell
    if on is None:
        if cells.filled(HEARING_FIELDS - {F.HEARING_DATE}):
            cells.reasons.append("hearing details are given but the hearing date is empty")
        return None
    if not isinstance(kind, HearingKind):
        kind = (
            HearingKind.ASYLUM_INTERVIEW
            if claim_type is ClaimType.AFFIRMATIVE
            else HearingKind.MASTER_CALENDAR
        )
    hearing = HearingDraft(
        kind=kind,
        on=on,
        at=at,
        timezone=context.timezone,
        location=cells.text(F.HEARING_LOCATION) or cells.text(F.FORUM_NAME),
    )
    cells.reasons += _describe(
        validate_hearing(hearing, claim_type=claim_type, case_opened_on=opened_on), cells
    )
    return hearing


def _describe(problems: Sequence[FieldProblem], cells: _Cells) -> list[str]:
    """Validation codes in words, quoting the cell the user typed."""
    reasons: list[str] = []
    for problem in problems:
        label = _LABELS.get(problem.field, field_label(problem.field).lower())
        label = label.replace("a-number", "A-number")
        source = _SOURCE.get(problem.field)
        value = cells.text(source) if source is not None else ""
        quoted = f" '{value}'" if value and len(value) <= 60 else ""
        text = describe(problem.code).rstrip(".")
        reasons.append(f"{label}{quoted}: {text[0].lower()}{text[1:]}")
    return reasons


@dataclass(frozen=True)
class RowIdentity:
    """What linking needs from any row, valid or not."""

    line: int
    is_client: bool
    household: str
    a_number: str  # nine digits, "" when missing or unreadable


def row_identity(row: SheetRow, context: RowContext) -> RowIdentity:
    cells = _Cells(row, context)
    relationship, reason = read_relationship(context.vocabulary, cells.text(F.RELATIONSHIP))
    try:
        digits = parse_a_number(cells.text(F.A_NUMBER)) if cells.text(F.A_NUMBER) else ""
    except ValueError:
        digits = ""
    return RowIdentity(row.line, relationship is None and not reason, _household(cells), digits)
