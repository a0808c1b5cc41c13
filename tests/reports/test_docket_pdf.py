"""The hearing docket PDF read back as text (pdftotext -layout) and checked with qpdf --check."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from clinic.domain.enums import AttendanceMode, ClaimType, HearingKind
from clinic.reports.docket_pdf import DocketData, DocketEntry, Readiness, render_docket_pdf

needs_poppler = pytest.mark.requires_tool("pdftotext", "poppler-utils")
needs_qpdf = pytest.mark.requires_tool("qpdf", "qpdf")

READY = Readiness(checklist_missing=0, untranslated=0, open_deadlines=0, overdue_deadlines=0)


def entry(
    client: str,
    on: date,
    at: time | None,
    court: str,
    *,
    case_id: int = 1,
    readiness: Readiness = READY,
    kind: HearingKind = HearingKind.MASTER_CALENDAR,
    **changes: object,
) -> DocketEntry:
    base = DocketEntry(
        on=on,
        at=at,
        court=court,
        kind=kind,
        mode=AttendanceMode.IN_PERSON,
        case_id=case_id,
        client_name=client,
        a_number="A-201-555-123",
        claim_type=ClaimType.DEFENSIVE,
        judge="Ramírez",
        paralegal="Αλέξανδρος Παπαδόπουλος",
        attorney="Zoë Brontë",
        detained=False,
        interpreter_languages=(),
        readiness=readiness,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def docket(entries: tuple[DocketEntry, ...], **changes: object) -> DocketData:
    base = DocketData(
        clinic_name="Clínica Jurídica <Esperanza> & Co",
        letterhead="12 Rue Élysée\nPhone (555) 010-0100",
        start=date(2026, 12, 1),
        end=date(2026, 12, 7),
        paralegal_filter="",
        entries=entries,
        today=date(2026, 11, 28),
        generated_at=datetime(2026, 11, 28, 15, 0, tzinfo=UTC),
        generated_by="paralegal",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "docket.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


WEEK = (
    # given out of order on purpose: the PDF sorts by day, court, then time
    entry("NÚÑEZ PEÑA, Алексей", date(2026, 12, 3), time(13, 0), "Chicago Immigration Court",
          case_id=7, kind=HearingKind.INDIVIDUAL,
          readiness=Readiness(checklist_missing=3, untranslated=2, open_deadlines=2,
                              overdue_deadlines=1),
          detained=True, interpreter_languages=("ru",)),
    entry("ABARCA, Lucía", date(2026, 12, 3), time(8, 30), "Chicago Immigration Court", case_id=3),
    entry("ZAYAS, Óscar", date(2026, 12, 1), time(9, 0), "Chicago Immigration Court", case_id=9),
    entry("BÉRUBÉ, Chloé", date(2026, 12, 3), time(10, 0), "Chicago Asylum Office", case_id=4,
          kind=HearingKind.ASYLUM_INTERVIEW, claim_type=ClaimType.AFFIRMATIVE,
          readiness=Readiness(checklist_missing=None, untranslated=0, open_deadlines=0,
                              overdue_deadlines=0)),
)  # fmt: skip


@needs_poppler
def test_hearings_are_grouped_by_day_then_court_then_time(tmp_path: Path) -> None:
    text = text_of(render_docket_pdf(docket(WEEK)), tmp_path)
    order = [
        "Tuesday, December 1, 2026",
        "ZAYAS, Óscar",
        "Thursday, December 3, 2026",
        "Chicago Asylum Office",
        "BÉRUBÉ, Chloé",
        "Chicago Immigration Court",
        "ABARCA, Lucía",
        "NÚÑEZ PEÑA, Алексей",
    ]
    at = text.index("Hearing docket:")
    for expected in order:  # each found after the one before
        at = text.index(expected, at)
    assert text.count("Chicago Immigration Court") == 2  # once per day it sits
    assert "8:30 AM" in text and "1:00 PM" in text
    assert "4 hearings." in text


@needs_poppler
def test_each_row_names_the_case_people_and_readiness(tmp_path: Path) -> None:
    text = text_of(render_docket_pdf(docket(WEEK)), tmp_path)
    for expected in (
        "Clínica Jurídica <Esperanza> & Co",
        "Hearing docket: Dec 1, 2026 – Dec 7, 2026",
        "A-201-555-123 · #7",
        "Individual hearing",
        "Asylum interview",
        "Master calendar hearing",
        "Judge: Ramírez",
        "Paralegal: Αλέξανδρος Παπαδόπουλος",
        "Attorney: Zoë Brontë",
        "Detained",
        "Interpreter: Russian",
        "3 checklist items missing",
        "2 exhibits need translation",
        "1 overdue",
        "no checklist applies",
        "✓ Ready",
        "How readiness is worked out",
        "Page 1 of 1",
    ):
        assert expected in text, expected
    flat = " ".join(text.split())
    assert "2 open deadlines before" in flat


@needs_poppler
def test_an_empty_range_prints_one_clear_line(tmp_path: Path) -> None:
    text = text_of(render_docket_pdf(docket(())), tmp_path)
    assert "No hearings between Dec 1, 2026 and Dec 7, 2026." in text
    assert "How readiness is worked out" not in text
    assert "Page 1 of 1" in text


@needs_poppler
def test_the_paralegal_filter_is_stated(tmp_path: Path) -> None:
    text = text_of(render_docket_pdf(docket(WEEK[:1], paralegal_filter="Ana Núñez")), tmp_path)
    assert "Only cases of paralegal: Ana Núñez." in text


@needs_poppler
def test_long_dockets_number_every_page(tmp_path: Path) -> None:
    many = tuple(
        entry(f"KOVALENKO, Олена {n}", date(2026, 12, 1 + n % 5), time(8 + n % 9, 0),
              f"Court {n % 3}", case_id=n)
        for n in range(60)
    )  # fmt: skip
    text = text_of(render_docket_pdf(docket(many)), tmp_path)
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert all(f"KOVALENKO, Олена {n}" in text for n in range(60))


@needs_qpdf
def test_qpdf_finds_no_structural_problem(tmp_path: Path) -> None:
    for name, data in (("full", docket(WEEK)), ("empty", docket(()))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(render_docket_pdf(data))
        checked = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "No syntax or stream encoding errors found" in checked.stdout


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@needs_poppler
@pytest.mark.parametrize("short_rows", [1, 2, 3])
def test_a_day_heading_is_never_left_alone_at_the_foot_of_a_page(
    tmp_path: Path, short_rows: int
) -> None:
    # tall rows (long names and judges) after a few short ones: with 2 short rows the next
    # day's band used to sit at the foot of page 1 and its hearings start page 2
    long_name = "WOLFESCHLEGELSTEINHAUSENBERGERDORFF-RAMÍREZ DE LA SANTÍSIMA TRINIDAD, María"
    first = tuple(
        entry("PÉREZ, Ana", date(2027, 1, 2), time(9, 0), f"Court {j}", case_id=100 + j)
        for j in range(short_rows)
    )
    tall = tuple(
        entry(
            long_name,
            date(2027, 1, 4 + 3 * i),
            time(8, 30),
            f"Chicago Court, Room {i}",
            case_id=i + 1,
            judge="Judge " + "X" * 40,
        )
        for i in range(3)
    )
    data = docket(first + tall, start=date(2027, 1, 1), end=date(2027, 1, 31))
    pages = text_of(render_docket_pdf(data), tmp_path).split("\f")
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for number, line in enumerate(lines):
            if line.split(",")[0] in DAYS and line.endswith(", 2027"):
                assert number + 1 < len(lines) and "Court" in lines[number + 1], line
