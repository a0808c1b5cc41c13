"""The I-589 field map of one edition, kept as data (``resources/forms/i-589/<edition>.toml``).

Each mapped field names an AcroForm field of the official form, the stable key of what it holds
(``applicant.family_name``, ``child2.date_of_birth``), the question as the form numbers it, the
page and box it was checked at, the form's own tooltip, how its value is written and where Clinic
takes the value from (an empty source: Clinic records no such fact yet; the question is typed by
hand). :func:`format_value` writes a value as the form asks: dates mm/dd/yyyy, the A-number as
its nine digits without dashes, a check box ticked with its on-value when the key holds the
field's ``when``. A value that does not fit its box is never cut: it is reported instead.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from clinic.domain.i18n import N_

FORMATS = frozenset(
    {"text", "date", "month", "a_number", "check", "zip", "phone_area", "phone_number"}
)

Value = str | date | int


class FormMapError(ValueError):
    """A field map that cannot be used, with what is wrong in it."""


@dataclass(frozen=True)
class MappedField:
    name: str  # the AcroForm field's full name
    key: str  # what it holds
    question: str  # "Part A.I 12"
    page: int  # 1-based
    box: tuple[float, float, float, float]
    label: str  # the form's tooltip
    format: str
    source: str  # where Clinic takes it from; "" = not recorded in Clinic yet
    on: str = ""  # a check box's on-value (its appearance state)
    when: str = ""  # the value of ``key`` that ticks this box
    max_length: int = 0  # 0 = no limit given
    part: str = ""  # "A.I", "A.II", "B"; "" for the page 1 note
    item: str = ""  # the form's item number: "14", "19.C"
    detail: str = ""  # which box of the item (a key of DETAILS), when it has several

    @property
    def has_source(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class FormMap:
    form: str
    edition: str  # "08/25/20"
    footer: str  # "Form I-589 (Rev. 08/25/20)"
    pages: int
    field_count: int
    field_names_sha256: str
    fields: tuple[MappedField, ...]


@dataclass(frozen=True)
class Formatted:
    """A value as the field takes it (``text``), or why it was not written: ``problem`` is a
    translatable template (``N_``) filled in with ``value`` and ``limit``."""

    text: str = ""
    problem: str = ""
    value: str = ""
    limit: int = 0


NOT_A_DATE = N_("{value} is not a date")
NOT_AN_A_NUMBER = N_("{value} is not an A-number")
NOT_A_ZIP = N_("{value} is not a ZIP code")
NOT_A_PHONE = N_("{value} is not a 10-digit U.S. telephone number")
TOO_LONG = N_("{value} is longer than the box takes ({limit} characters)")
NOT_PRINTABLE = N_(
    "{value} has letters the form's fonts cannot print: type it in Latin letters, as in the "
    "passport"
)


def _str(table: dict[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        raise FormMapError(f"{where}: '{key}' is missing or not text")
    return value


def _int(table: dict[str, object], key: str, where: str, default: int | None = None) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise FormMapError(f"{where}: '{key}' is missing or not a whole number")
    return value


def _box(table: dict[str, object], where: str) -> tuple[float, float, float, float]:
    box = table.get("box")
    if not isinstance(box, list) or len(box) != 4:
        raise FormMapError(f"{where}: 'box' must be four numbers")
    numbers = [float(x) for x in box if isinstance(x, int | float) and not isinstance(x, bool)]
    if len(numbers) != 4:
        raise FormMapError(f"{where}: 'box' must be four numbers")
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def _field(table: dict[str, object], index: int) -> MappedField:
    where = f"field {index + 1}"
    fmt = _str(table, "format", where)
    if fmt not in FORMATS:
        raise FormMapError(f"{where}: unknown format {fmt!r} (one of {', '.join(sorted(FORMATS))})")
    on, when = str(table.get("on", "")), str(table.get("when", ""))
    if fmt == "check" and not (on and when):
        raise FormMapError(f"{where}: a check box needs 'on' and 'when'")
    return MappedField(
        name=_str(table, "name", where),
        key=_str(table, "key", where),
        question=_str(table, "question", where),
        page=_int(table, "page", where),
        box=_box(table, where),
        label=str(table.get("label", "")),
        format=fmt,
        source=str(table.get("source", "")),
        on=on,
        when=when,
        max_length=_int(table, "max_length", where, 0),
        part=str(table.get("part", "")),
        item=str(table.get("item", "")),
        detail=_detail(table, where),
    )


def _detail(table: dict[str, object], where: str) -> str:
    detail = str(table.get("detail", ""))
    if detail and detail not in DETAILS:
        raise FormMapError(f"{where}: unknown detail {detail!r}")
    return detail


def parse_form_map(text: str, origin: str) -> FormMap:
    """The map in ``text`` (read from ``origin``), or :class:`FormMapError` saying what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FormMapError(f"{origin}: not TOML ({exc})") from None
    edition = data.get("edition")
    if not isinstance(edition, dict):
        raise FormMapError(f"{origin}: no [edition] table")
    rows = data.get("field")
    if not isinstance(rows, list) or not rows:
        raise FormMapError(f"{origin}: no [[field]]")
    try:
        fields = tuple(_field(row, i) for i, row in enumerate(rows))
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            raise FormMapError("a field is mapped twice")
        where = "[edition]"
        return FormMap(
            form=_str(edition, "form", where),
            edition=_str(edition, "edition", where),
            footer=_str(edition, "footer", where),
            pages=_int(edition, "pages", where),
            field_count=_int(edition, "field_count", where),
            field_names_sha256=_str(edition, "field_names_sha256", where),
            fields=fields,
        )
    except FormMapError as exc:
        raise FormMapError(f"{origin}: {exc}") from None


# A question as the person preparing the form reads it, in their language: the part and item as
# the form numbers them, whose (spouse, child n) and which box (DETAILS).
DETAILS = {
    "street": N_("street"),
    "apartment": N_("apartment"),
    "city": N_("city"),
    "state": N_("state"),
    "zip": N_("ZIP code"),
    "phone_area": N_("telephone area code"),
    "phone_number": N_("telephone number"),
    "in_care_of": N_("in care of"),
    "location": N_("location, if not in the U.S."),
    "passport_number": N_("passport number"),
    "travel_document_number": N_("travel document number"),
    "entry_date": N_("entry {n}, date"),
    "entry_place": N_("entry {n}, place"),
    "entry_status": N_("entry {n}, status"),
    "entry_status_expires": N_("entry {n}, date status expires"),
    "not_married": N_("I am not married"),
    "children": N_("I have children / I do not have any children"),
    "children_count": N_("total number of children"),
    "grounds": N_("the grounds (race, religion, … Torture Convention)"),
    "cat": N_("page 1: also applying for withholding under the Convention Against Torture"),
    "explanation": N_("explanation"),
    "prepared_by_other": N_("someone other than a spouse, parent or child prepared it"),
    "preparer_name": N_("name of the person preparing the form"),
    # Part A.III's lists, row by row as the form numbers its lines
    "row_street": N_("line {n}, number and street"),
    "row_city": N_("line {n}, city or town"),
    "row_province": N_("line {n}, department, province or state"),
    "row_country": N_("line {n}, country"),
    "row_from": N_("line {n}, from (month/year)"),
    "row_to": N_("line {n}, to (month/year)"),
    "row_school": N_("line {n}, name of school"),
    "row_school_type": N_("line {n}, type of school"),
    "row_location": N_("line {n}, location"),
    "row_employer": N_("line {n}, name and address of employer"),
    "row_occupation": N_("line {n}, occupation"),
    "mother_name": N_("mother, full name"),
    "mother_birthplace": N_("mother, city or town and country of birth"),
    "mother_deceased": N_("mother, deceased"),
    "mother_location": N_("mother, current location"),
    "father_name": N_("father, full name"),
    "father_birthplace": N_("father, city or town and country of birth"),
    "father_deceased": N_("father, deceased"),
    "father_location": N_("father, current location"),
    "sibling_name": N_("sibling {n}, full name"),
    "sibling_birthplace": N_("sibling {n}, city or town and country of birth"),
    "sibling_deceased": N_("sibling {n}, deceased"),
    "sibling_location": N_("sibling {n}, current location"),
}
QUESTION = N_("Part {part}, {item}")
QUESTION_SPOUSE = N_("Part {part}, spouse, {item}")
QUESTION_CHILD = N_("Part {part}, child {n}, {item}")
WITH_DETAIL = N_("{question}: {detail}")
PART_DETAIL = N_("Part {part}: {detail}")

_PERSON = re.compile(
    r"^(spouse|child(\d+)|(?:entry|lastaddress|address|school|job|sibling)(\d+))\."
)


def question_text(field: MappedField, translate: Callable[..., str]) -> str:
    """The field's question in the language of ``translate(template, **values)``."""
    person = _PERSON.match(field.key)
    n = (person.group(2) or person.group(3) or "") if person else ""
    detail = translate(DETAILS[field.detail], n=n) if field.detail else ""
    if not field.item:
        return translate(PART_DETAIL, part=field.part, detail=detail) if field.part else detail
    if person is not None and person.group(1) == "spouse":
        question = translate(QUESTION_SPOUSE, part=field.part, item=field.item)
    elif person is not None and person.group(2):
        question = translate(QUESTION_CHILD, part=field.part, n=n, item=field.item)
    else:
        question = translate(QUESTION, part=field.part, item=field.item)
    return translate(WITH_DETAIL, question=question, detail=detail) if detail else question


_CODED = frozenset({"a_number", "zip", "phone_area", "phone_number"})
_APT = re.compile(r"^(apt\.?|apartment|unit|suite|ste\.?|#)\s*", re.IGNORECASE)


def _phone_digits(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 else None


def _as_text(field: MappedField, value: Value) -> Formatted:
    if field.format in ("date", "month"):
        if not isinstance(value, date):
            return Formatted(problem=NOT_A_DATE, value=str(value))
        return Formatted(value.strftime("%m/%d/%Y" if field.format == "date" else "%m/%Y"))
    text = str(value).strip()
    if field.key.endswith(".apartment"):
        text = _APT.sub("", text)
    return _coded(field.format, text) if field.format in _CODED else Formatted(text)


def _coded(fmt: str, text: str) -> Formatted:
    """An A-number, ZIP code or telephone number written as the form asks."""
    if fmt == "a_number":
        number = re.sub(r"\D", "", text)
        if 0 < len(number) <= 9:
            return Formatted(number.zfill(9))
        return Formatted(problem=NOT_AN_A_NUMBER, value=text)
    if fmt == "zip":
        match = re.fullmatch(r"(\d{5})(-\d{4})?", text)
        return Formatted(match.group(1)) if match else Formatted(problem=NOT_A_ZIP, value=text)
    phone = _phone_digits(text)
    if phone is None:
        return Formatted(problem=NOT_A_PHONE, value=text)
    digits = phone
    return Formatted(digits[:3] if fmt == "phone_area" else f"{digits[3:6]}-{digits[6:]}")


def _printable(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def format_value(field: MappedField, value: Value | None) -> Formatted:
    """``value`` written as ``field`` takes it; empty text for no value (or a box not ticked)."""
    if value is None or value == "":
        return Formatted()
    if field.format == "check":
        return Formatted(field.on if str(value) == field.when else "")
    formatted = _as_text(field, value)
    if formatted.problem:
        return formatted
    if not _printable(formatted.text):  # the form's fonts are WinAnsi: Ж or Ł would print as ?
        return Formatted(problem=NOT_PRINTABLE, value=formatted.text)
    if not field.max_length or len(formatted.text) <= field.max_length:
        return formatted
    return Formatted(problem=TOO_LONG, value=formatted.text, limit=field.max_length)
