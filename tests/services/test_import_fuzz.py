"""Hypothesis feeds the importer hundreds of generated files per run.

Whatever the file, the importer either refuses it whole with `ImportFileError` (the one
documented error) or accounts for every non-blank row: imported, or rejected with the row
number the spreadsheet shows. A commit stores exactly the rows it reports, or nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clinic.services import importing, lifecycle
from clinic.storage import keys
from clinic.storage.models import Client, FamilyMember
from clinic.storage.store import Store, count_rows

TODAY = date(2026, 11, 28)
EXAMPLES = 500
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One store for the whole module: creating one per example would take minutes."""
    previous = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    data_dir = lifecycle.resolve_data_dir(tmp_path_factory.mktemp("fuzz") / "data")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="fuzz"
    )
    keys.SCRYPT_N = previous
    yield opened
    opened.lock()


def _people(store: Store) -> int:
    return count_rows(store, Client) + count_rows(store, FamilyMember)


def _check_accounted(plan: importing.ImportPlan) -> None:
    """Every non-blank row is imported or rejected, once, under its own row number."""
    lines = [row.line for row in plan.sheet.rows]
    imported = [c.row.line for c in plan.result.clients] + [
        f.line for c in plan.result.clients for f in c.family
    ]
    rejected = [r.line for r in plan.rejected]
    assert sorted(imported + rejected) == sorted(lines)
    assert all(r.line > plan.sheet.header_line and r.reason.strip() for r in plan.rejected)


def _plan_or_refusal(store: Store, data: bytes, **options: object) -> importing.ImportPlan | None:
    try:
        return importing.plan_import(
            store=store,
            data=data,
            file_name="fuzz.csv",
            today=TODAY,
            **options,  # type: ignore[arg-type]
        )
    except importing.ImportFileError as refusal:
        assert str(refusal).strip()  # a refusal always says why
        event(f"refused: {type(refusal).__name__}")
        return None


def _commit_and_count(store: Store, plan: importing.ImportPlan, skip_invalid: bool) -> None:
    before = _people(store)
    outcome = importing.commit_import(
        store=store, plan=plan, skip_invalid=skip_invalid, remember_mapping=False
    )
    after = _people(store)
    event("committed" if outcome.stored else "commit stored nothing")
    if outcome.stored:
        assert after - before == outcome.imported_rows == plan.valid_rows
        assert skip_invalid or not plan.rejected
    else:
        assert after == before


NAME_CHARS = "abcdefghijklmnopqrstuvwxyzÁÉÍÓÚÑÜáéíóúñüÇçŠšŒœ -'ŁəÐ王Алексей"
CELL_CHARS = NAME_CHARS + '0123456789/.,;\t"\n#'


PREFIXES = [
    b"",
    b"Family name,A#,DOB,Relationship,Household\n",
    "\ufeffApellido;Nombre;Fecha de nacimiento\r\n".encode(),
]


@FUZZ
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.one_of(
        st.binary(max_size=1500),
        st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(CELL_CHARS, max_size=600).map(lambda t: t.encode("utf-8")),
    ),
    commit=st.integers(0, 3),
)
def test_random_bytes_never_crash_or_half_import(
    store: Store, prefix: bytes, body: bytes, commit: int
) -> None:
    plan = _plan_or_refusal(store, prefix + body)
    if plan is None:
        return
    _check_accounted(plan)
    if commit == 0:
        _commit_and_count(store, plan, skip_invalid=True)


HEADERS = {
    "family_name": ["Family name", "Apellido", "LAST NAME", "Surname"],
    "given_name": ["Given name", "Nombre", "First Name"],
    "a_number": ["A-number", "A#", "Alien number"],
    "date_of_birth": ["DOB", "Fecha de nacimiento", "Date of birth"],
    "nationality": ["Country", "País"],
    "arrival_date": ["Arrival", "Fecha de llegada"],
    "claim_type": ["Claim type", "Tipo de caso"],
    "hearing_date": ["Hearing date", "Audiencia"],
    "relationship": ["Relationship", "Parentesco"],
    "household": ["Household"],
    "phone": ["Phone", "Teléfono"],
    "notes": ["Notes", "Notas"],
}


def _a_numbers() -> st.SearchStrategy[str]:
    digits = st.text("0123456789", min_size=7, max_size=10)
    return st.one_of(
        digits,
        digits.map(lambda d: "A" + d),
        digits.map(lambda d: f"A {d[:3]}-{d[3:6]}-{d[6:]}"),
        digits.map(lambda d: f"A-{d[:3]}-{d[3:6]}-{d[6:]}"),
        st.text(CELL_CHARS, max_size=12),
        st.just(""),
    )


def _dates() -> st.SearchStrategy[str]:
    day = st.dates(min_value=date(1901, 1, 1), max_value=date(2030, 12, 31))
    return st.one_of(
        day.map(date.isoformat),
        day.map(lambda d: d.strftime("%d/%m/%Y")),
        day.map(lambda d: d.strftime("%m/%d/%Y")),
        st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3000)).map(
            lambda t: f"{t[0]}/{t[1]}/{t[2]}"
        ),
        st.text(CELL_CHARS, max_size=10),
        st.just(""),
    )


CELLS = {
    "family_name": st.text(NAME_CHARS, max_size=20),
    "given_name": st.text(NAME_CHARS, max_size=20),
    "a_number": _a_numbers(),
    "date_of_birth": _dates(),
    "nationality": st.sampled_from(["HN", "Honduras", "México", "gt", "Atlantis", "", "SV; GT"]),
    "arrival_date": _dates(),
    "claim_type": st.sampled_from(["", "affirmative", "defensivo", "D", "maybe"]),
    "hearing_date": _dates(),
    "relationship": st.sampled_from(["", "", "", "hija", "spouse", "child", "cousin?"]),
    "household": st.sampled_from(["", "H1", "H2", "h1"]),
    "phone": st.sampled_from(["", "(210) 555-0101", "+1 956 555 0199", "call me"]),
    "notes": st.text(CELL_CHARS, max_size=40),
}


@dataclass(frozen=True)
class Written:
    data: bytes
    family_names: dict[int, str]  # spreadsheet row number -> family name written there
    data_lines: frozenset[int]  # row numbers of the data rows written (blank ones excluded)


@st.composite
def spreadsheets(draw: st.DrawFn) -> Written:
    fields = draw(
        st.lists(st.sampled_from(sorted(HEADERS)), min_size=1, max_size=len(HEADERS), unique=True)
    )
    if draw(st.integers(0, 9)) and "family_name" not in fields:
        fields.insert(0, "family_name")
    header = [draw(st.sampled_from(HEADERS[f])) for f in fields]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buffer = io.StringIO()
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator=draw(st.sampled_from(["\r\n", "\n"])),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )
    writer.writerow(header)
    line = 1
    family_names: dict[int, str] = {}
    data_lines: set[int] = set()
    for _ in range(draw(st.integers(0, 12))):
        if draw(st.integers(0, 5)) == 0:
            writer.writerow([])  # a blank row in the middle
            line += 1
        row = {f: draw(CELLS[f]) for f in fields}
        writer.writerow([row[f] for f in fields])
        line += 1
        if any(v.strip() for v in row.values()):
            data_lines.add(line)
        if "family_name" in row:
            family_names[line] = row["family_name"]
    for _ in range(draw(st.integers(0, 3))):
        writer.writerow([""] * len(fields))  # Excel's trailing empty rows
    text = buffer.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    return Written(data, family_names, frozenset(data_lines))


@FUZZ
@given(
    written=spreadsheets(),
    order=st.sampled_from([None, importing.DateOrder.MDY, importing.DateOrder.DMY]),
    commit=st.integers(0, 3),
    skip_invalid=st.booleans(),
)
def test_generated_spreadsheets_are_accounted_for_row_by_row(
    store: Store,
    written: Written,
    order: importing.DateOrder | None,
    commit: int,
    skip_invalid: bool,
) -> None:
    plan = _plan_or_refusal(store, written.data, date_order=order)
    if plan is None:
        return
    _check_accounted(plan)
    assert {row.line for row in plan.sheet.rows} == written.data_lines
    event("planned with clients" if plan.result.clients else "planned, no valid client")
    for planned in plan.result.clients:  # the row number points at the row that was written
        wrote = written.family_names[planned.row.line]
        assert planned.row.client.family_name == " ".join(wrote.split())
    if commit == 0:
        _commit_and_count(store, plan, skip_invalid)
