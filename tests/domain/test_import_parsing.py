"""Reading spreadsheets as Excel writes them: encodings, separators, quoted line breaks, blank
rows, dates in both orders, A-numbers in every form, names with diacritics."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import openpyxl
import pytest

from clinic.domain.enums import Relationship
from clinic.domain.importing.dates import (
    DateOrder,
    DateOrderNeeded,
    read_date,
    read_time,
    settle_date_order,
)
from clinic.domain.importing.headers import (
    ImportField,
    apply_mapping_file,
    automatic_mapping,
    check_mapping,
    header_signature,
    parse_header_table,
    parse_mapping_file,
    shipped_header_table,
)
from clinic.domain.importing.plan import plan_file
from clinic.domain.importing.sheet import ImportFileError, read_sheet
from clinic.domain.importing.vocabulary import country_code, language_code, shipped_vocabulary
from clinic.resource_files import resource_path

TODAY = date(2026, 11, 28)
HEADER = "Family name,Given name,A-number,DOB"
ROWS = ["Núñez,José,A 012-345-678,1990-03-25", "Çelik,Ayşe,012345679,1985-12-31"]


def _plan(data: bytes, order: DateOrder | None = None, name: str = "f.csv"):  # type: ignore[no-untyped-def]
    sheet = read_sheet(data, file_name=name)
    mapping = automatic_mapping(sheet.header, shipped_header_table())
    return plan_file(
        sheet,
        mapping,
        date_order=order,
        today=TODAY,
        timezone="America/Chicago",
        vocabulary=shipped_vocabulary(),
        known=(),
    )


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-16-be", b"\xfe\xff", "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
    ],
)
def test_unicode_encodings_keep_diacritics(encoding: str, bom: bytes, expected: str) -> None:
    text = "\r\n".join(["Family name\tGiven name", "Núñez\tJosé", "Çelik\tAyşe"]) + "\r\n"
    sheet = read_sheet(bom + text.encode(encoding))
    assert sheet.encoding == expected
    assert sheet.delimiter == "\t"
    assert [r.cells for r in sheet.rows] == [("Núñez", "José"), ("Çelik", "Ayşe")]


def test_windows_1252_is_recognised_when_not_utf8() -> None:
    data = "Apellido;Nombre\r\nNúñez;José\r\nGómez Peña;Lucía\r\n".encode("cp1252")
    sheet = read_sheet(data)
    assert (sheet.encoding, sheet.delimiter) == ("cp1252", ";")
    assert sheet.rows[1].cells == ("Gómez Peña", "Lucía")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_is_found(delimiter: str) -> None:
    text = f"Family name{delimiter}Given name{delimiter}DOB\n"
    text += f'"Smith{delimiter} Jr"{delimiter}Ann{delimiter}1990-01-02\n'
    sheet = read_sheet(text.encode())
    assert sheet.delimiter == delimiter
    assert sheet.rows[0].cells == (f"Smith{delimiter} Jr", "Ann", "1990-01-02")


def test_quoted_line_breaks_count_as_one_row_and_blank_rows_keep_their_numbers() -> None:
    text = (
        "Family name,Notes\r\n"  # row 1
        'Núñez,"first line\r\nsecond line"\r\n'  # row 2, two physical lines
        "\r\n"  # row 3, blank
        "Pérez,short\r\n"  # row 4
        ",\r\n,\r\n\r\n"  # rows 5-7, trailing blanks
    )
    sheet = read_sheet(text.encode())
    assert [(r.line, r.cells[0]) for r in sheet.rows] == [(2, "Núñez"), (4, "Pérez")]
    assert sheet.rows[0].cells[1] == "first line\r\nsecond line"


def test_header_after_blank_rows_keeps_spreadsheet_numbering() -> None:
    sheet = read_sheet(b"\n\nFamily name\nSmith\n")
    assert sheet.header_line == 3
    assert sheet.rows[0].line == 4


def test_a_title_above_the_header_is_passed_over_in_csv_and_xlsx() -> None:
    # Excel users type a title in A1 and leave a row before the table; that title used to be
    # taken for the header ("No column is mapped to the family name")
    sheet = read_sheet(b"Client list 2026\r\n\r\nFamily name,Given name\r\nP\xc3\xa9rez,Ana\r\n")
    assert (sheet.header, sheet.header_line) == (("Family name", "Given name"), 3)
    assert [(r.line, r.cells) for r in sheet.rows] == [(4, ("Pérez", "Ana"))]
    book = openpyxl.Workbook()
    book.active.append(["Intake list"])
    book.active.append([])
    book.active.append(["Last name", "DOB"])
    book.active.append(["Pérez", datetime(1990, 3, 25)])
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = read_sheet(buffer.getvalue(), file_name="list.xlsx")
    assert (sheet.header, sheet.header_line) == (("Last name", "DOB"), 3)
    assert sheet.rows[0].line == 4
    # a one-column file keeps its first row as the header
    sheet = read_sheet(b"Family name\nP\xc3\xa9rez\nL\xc3\xb3pez\n")
    assert (sheet.header, sheet.header_line, len(sheet.rows)) == (("Family name",), 1, 2)


def test_short_rows_are_padded_and_long_rows_flagged() -> None:
    sheet = read_sheet(b"a,b,c\n1\n1,2,3,4\n")
    assert sheet.rows[0].cells == ("1", "", "")
    assert sheet.rows[1].extra_cells == 1


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\n\n ,, \n", "no rows"),
        (b"\x00\x01\x02binary\x00stuff\xff", "binary"),
        (b"\xff\xfeA\x00\x00\xd8", "UTF-16"),
        (b"PK\x03\x04not really a zip", ".xlsx"),
    ],
)
def test_unreadable_files_say_why(data: bytes, words: str) -> None:
    with pytest.raises(ImportFileError, match=words):
        read_sheet(data)


def test_xlsx_dates_numbers_and_times() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Family name", "A#", "DOB", "Hearing time"])
    sheet.append(["Núñez", 12345678, datetime(1990, 3, 25), time(9, 30)])
    sheet.append([])
    sheet.append(["Pérez", "A-123-456-789", "25/03/1991", None])
    buffer = io.BytesIO()
    book.save(buffer)
    read = read_sheet(buffer.getvalue(), file_name="clients.xlsx")
    assert read.encoding == "xlsx"
    assert [(r.line, r.cells) for r in read.rows] == [
        (2, ("Núñez", "12345678", date(1990, 3, 25), time(9, 30))),
        (4, ("Pérez", "A-123-456-789", "25/03/1991", "")),
    ]


@pytest.mark.parametrize(
    ("values", "given", "expected"),
    [
        (["1990-03-25"], None, None),
        (["25/03/1990", "01/02/1990"], None, DateOrder.DMY),
        (["03/25/1990", "01/02/1990"], None, DateOrder.MDY),
        (["01/02/1990"], DateOrder.DMY, DateOrder.DMY),
    ],
)
def test_date_order_is_settled_per_file(
    values: list[str], given: DateOrder | None, expected: DateOrder | None
) -> None:
    assert settle_date_order(values, given) is expected


def test_ambiguous_dates_ask_for_the_order() -> None:
    with pytest.raises(DateOrderNeeded, match="--date-order"):
        settle_date_order(["01/02/1990", "1990-05-05", "12/11/2001"], None)
    with pytest.raises(DateOrderNeeded, match="mixes"):
        settle_date_order(["25/03/1990", "03/25/1990"], None)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("1990-03-25", None, date(1990, 3, 25)),
        ("1990-03-25 00:00:00", None, date(1990, 3, 25)),
        ("1990/03/25", None, date(1990, 3, 25)),
        ("03/04/1990", DateOrder.MDY, date(1990, 3, 4)),
        ("03/04/1990", DateOrder.DMY, date(1990, 4, 3)),
        ("3.4.1990", DateOrder.DMY, date(1990, 4, 3)),
        ("25-03-1990", DateOrder.DMY, date(1990, 3, 25)),
    ],
)
def test_dates_read(text: str, order: DateOrder | None, expected: date) -> None:
    assert read_date(text, order).value == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/1990", "'31/02/1990' is not a real date"),
        ("1/5/90", "two-digit year"),
        ("next week", "is not a date"),
        ("1990-13-01", "is not a real date"),
    ],
)
def test_bad_dates_have_plain_reasons(text: str, reason: str) -> None:
    reading = read_date(text, DateOrder.DMY)
    assert reading.value is None and reason in reading.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9:30", time(9, 30)),
        ("2:00 PM", time(14, 0)),
        ("12:15 a.m.", time(0, 15)),
        ("14h30", time(14, 30)),
    ],
)
def test_times(text: str, expected: time) -> None:
    assert read_time(text) == (expected, "")


def test_times_out_of_range_are_reasons() -> None:
    assert read_time("25:00")[0] is None
    assert "not a time" in read_time("13:00 PM")[1]


def test_a_numbers_in_every_format_become_the_same_client_number() -> None:
    forms = ["A 012-345-678", "012345678", "A012345678", "a# 012.345.678", "12345678"]
    rows = [f"Person{i},Given,{form},1990-01-0{i + 1}" for i, form in enumerate(forms)]
    data = "\n".join([HEADER, *rows]).encode()
    plan = _plan(data)
    # all the same A-number: the first row imports, every later one is its duplicate
    assert [c.row.line for c in plan.clients] == [2]
    assert [r.line for r in plan.rejected] == [3, 4, 5, 6]
    assert all("row 2" in r.reason and "same A-number" in r.reason for r in plan.rejected)


def test_diacritics_survive_and_bad_values_have_reasons() -> None:
    data = "\n".join(
        [
            "Apellido,Nombre,A#,Fecha de nacimiento,País,Idioma",
            "Núñez,José,A 012-345-678,25/03/1990,México,español",
            "Pérez,Ángel,A-O12-345-679,31/02/1990,Atlantis,Parseltongue",
        ]
    ).encode("utf-8")
    plan = _plan(data)
    client = plan.clients[0].row.client
    assert (client.family_name, client.given_name) == ("Núñez", "José")
    assert client.nationalities == ("MX",) and client.languages == ("es",)
    reason = plan.rejected[0].reason
    assert plan.rejected[0].line == 3
    assert "'31/02/1990' is not a real date" in reason
    assert "A-number 'A-O12-345-679'" in reason and "letter O" in reason
    assert "country 'Atlantis'" in reason and "language 'Parseltongue'" in reason


def test_family_rows_link_by_household_principal_or_position() -> None:
    data = "\n".join(
        [
            "Family name,Given name,A-number,Relationship,Household,Principal A-number",
            "Núñez,José,A012345678,,H1,",
            "López,Ana,,,,",
            "Núñez,María,,hija,h1,",  # household (case-insensitive) → row 2
            "Núñez,Pedro,,son,,A-012-345-678",  # principal's A-number → row 2
            "López,Luis,,spouse,,",  # nearest client above → row 3
            "Ruiz,Eva,,child,H9,",  # no such household
        ]
    ).encode()
    plan = _plan(data)
    family = {c.row.line: [(f.line, f.member.relationship) for f in c.family] for c in plan.clients}
    assert family == {
        2: [(4, Relationship.CHILD), (5, Relationship.CHILD)],
        3: [(6, Relationship.SPOUSE)],
    }
    assert [(r.line, "household 'h9'" in r.reason) for r in plan.rejected] == [(7, True)]


def test_family_of_a_rejected_client_is_rejected_too() -> None:
    data = b"Family name,DOB,Relationship\nSmith,2999-01-01,\nSmith,2010-01-01,child\n"
    plan = _plan(data)
    assert plan.clients == ()
    assert [r.line for r in plan.rejected] == [2, 3]
    assert "row 2" in plan.rejected[1].reason


def test_family_rows_refuse_client_only_values_rather_than_drop_them() -> None:
    data = b"Family name,Relationship,Phone\nSmith,,\nSmith,spouse,555-0100\n"
    plan = _plan(data)
    assert "clear phone" in plan.rejected[0].reason


def test_case_and_hearing_from_the_client_row() -> None:
    data = (
        b"Family name,Claim type,Court,Filed,Hearing date,Hearing time,Hearing kind\n"
        b"Smith,defensive,Houston,2025-02-01,2027-01-05,8:30 AM,individual\n"
        b"Jones,,Houston,,,,\n"
        b"Brown,affirmative,,,2027-01-05,,master\n"
    )
    plan = _plan(data)
    case = plan.clients[0].row.case
    hearing = plan.clients[0].row.hearing
    assert case is not None and hearing is not None
    assert (case.forum_name, case.filed_on, case.opened_on) == (
        "Houston",
        date(2025, 2, 1),
        date(2025, 2, 1),
    )
    assert (hearing.on, hearing.at, hearing.kind.value, hearing.timezone) == (
        date(2027, 1, 5),
        time(8, 30),
        "individual",
        "America/Chicago",
    )
    assert "claim type is empty" in plan.rejected[0].reason
    assert "does not belong to this kind of case" in plan.rejected[1].reason


def test_an_xlsx_hearing_date_cell_with_a_time_keeps_the_time() -> None:
    # "3/14/2027 9:30" typed in one cell used to lose 9:30 (an all-day hearing)
    book = openpyxl.Workbook()
    book.active.append(["Family name", "DOB", "Claim type", "Hearing date", "Hearing time"])
    book.active.append(["Smith", datetime(1990, 1, 2), "defensive", datetime(2027, 3, 14, 9, 30)])
    book.active.append(
        ["Jones", datetime(1991, 1, 2), "defensive", datetime(2027, 3, 15, 9), "14:00"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    plan = _plan(buffer.getvalue(), name="f.xlsx")
    assert not plan.rejected
    smith, jones = (c.row for c in plan.clients)
    assert smith.client.date_of_birth == date(1990, 1, 2)
    assert smith.hearing is not None and (smith.hearing.on, smith.hearing.at) == (
        date(2027, 3, 14),
        time(9, 30),
    )
    assert jones.hearing is not None and jones.hearing.at == time(14, 0)  # the time column wins


def test_headers_map_themselves_in_english_and_spanish() -> None:
    header = [
        "Last Name",
        "FIRST NAME",
        "A#",
        "D.O.B.",
        "País",
        "Fecha de llegada",
        "Claim type",
        "Phone",
        "Mystery",
    ]
    mapping = automatic_mapping(header, shipped_header_table())
    assert mapping == (
        ImportField.FAMILY_NAME,
        ImportField.GIVEN_NAME,
        ImportField.A_NUMBER,
        ImportField.DATE_OF_BIRTH,
        ImportField.NATIONALITY,
        ImportField.ARRIVAL_DATE,
        ImportField.CLAIM_TYPE,
        ImportField.PHONE,
        None,
    )


def test_mapping_file_overrides_and_unknown_fields_are_refused() -> None:
    header = ["Apellido", "Caso", "Nombre"]
    automatic = automatic_mapping(header, shipped_header_table())
    chosen = parse_mapping_file(
        '{"columns": {"caso": "claim_type", "Nombre": "ignore"}, "date_order": "dmy"}'
    )
    assert chosen.date_order is DateOrder.DMY
    assert apply_mapping_file(header, automatic, chosen) == (
        ImportField.FAMILY_NAME,
        ImportField.CLAIM_TYPE,
        None,
    )
    toml = parse_mapping_file('[columns]\n"Caso" = "claim_type"\n', name="m.toml")
    assert toml.columns == {"caso": ImportField.CLAIM_TYPE}
    with pytest.raises(ImportFileError, match="not a field"):
        parse_mapping_file('{"columns": {"Caso": "shoe_size"}}')


def test_mapping_needs_a_family_name_and_one_column_per_field() -> None:
    with pytest.raises(ImportFileError, match="family name"):
        check_mapping(["Nombre"], (ImportField.GIVEN_NAME,))
    with pytest.raises(ImportFileError, match="Both columns"):
        check_mapping(["a", "b"], (ImportField.FAMILY_NAME, ImportField.FAMILY_NAME))


def test_header_signature_ignores_case_and_accents_only() -> None:
    assert header_signature(["País", "Nombre"]) == header_signature(["pais", "NOMBRE"])
    assert header_signature(["País", "Nombre"]) != header_signature(["Nombre", "País"])


def test_shipped_tables_parse_and_synonyms_are_unique() -> None:
    text = resource_path("import", "headers.toml").read_text(encoding="utf-8")
    table = parse_header_table(text)
    assert {info.field for info in table.fields} == set(ImportField)
    with pytest.raises(ValueError, match="listed for both"):
        parse_header_table(text.replace('"given name",', '"given name", "surname",', 1))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("HN", "HN"),
        ("hnd", "HN"),
        ("Honduras", "HN"),
        ("México", "MX"),
        ("Russia", "RU"),
        ("Estados Unidos", "US"),
    ],
)
def test_country_names_and_codes(text: str, code: str) -> None:
    assert country_code(shipped_vocabulary(), text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("es", "es"),
        ("spa", "es"),
        ("Spanish", "es"),
        ("español", "es"),
        ("K'iche'", "quc"),
        ("quc", "quc"),
    ],
)
def test_language_names_and_codes(text: str, code: str) -> None:
    assert language_code(shipped_vocabulary(), text) == code


def test_ambiguous_file_raises_until_an_order_is_given() -> None:
    data = b"Family name,DOB\nSmith,01/02/1990\n"
    with pytest.raises(DateOrderNeeded):
        _plan(data)
    assert _plan(data, DateOrder.DMY).clients[0].row.client.date_of_birth == date(1990, 2, 1)
    assert _plan(data, DateOrder.MDY).clients[0].row.client.date_of_birth == date(1990, 1, 2)


def test_the_shipped_template_imports_cleanly() -> None:
    plan = _plan(resource_path("import", "template.csv").read_bytes())
    assert plan.rejected == ()
    assert [(c.row.line, [f.line for f in c.family]) for c in plan.clients] == [(2, [3]), (4, [])]
    first, second = plan.clients
    assert first.row.hearing is not None and first.row.hearing.at == time(8, 30)
    assert second.row.client.languages == ("quc",)
    assert second.row.case is not None and second.row.case.receipt_number == "ZLA2512345678"


def test_alike_names_with_different_a_numbers_are_two_people_with_a_note() -> None:
    data = (
        "Family name,Given name,A#,DOB\n"
        "García López,José María,A111111111,1980-01-01\n"
        "Garcia Lopez,Jose Maria,A222222222,1980-01-01\n"
        "García López,José María,,1980-01-01\n"
    ).encode()
    plan = _plan(data)
    assert [c.row.line for c in plan.clients] == [2, 3]
    assert [n.line for n in plan.notes] == [3]
    assert "row 2" in plan.notes[0].text and "A-numbers differ" in plan.notes[0].text
    assert [r.line for r in plan.rejected] == [4]  # no A-number: cannot be told apart
    assert "same name" in plan.rejected[0].reason
