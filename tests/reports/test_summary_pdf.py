"""The case summary PDF read back as text (pdftotext -layout) and checked with qpdf --check."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import pypdf
import pytest

from clinic.domain.enums import (
    AttendanceMode,
    ClaimType,
    DeadlineOrigin,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    Stage,
    TranslationStatus,
)
from clinic.reports import pdf_words
from clinic.reports.summary_pdf import (
    CaseSummaryData,
    EvidenceLine,
    FamilyLine,
    HearingLine,
    NoteLine,
    StageLine,
    SummaryDeadline,
    render_case_summary_pdf,
)

needs_poppler = pytest.mark.requires_tool("pdftotext", "poppler-utils")
needs_qpdf = pytest.mark.requires_tool("qpdf", "qpdf")

TODAY = date(2026, 11, 28)


def hearing(on: date, kind: HearingKind, outcome: str = "") -> HearingLine:
    return HearingLine(
        on, time(9, 30), "America/Chicago", kind, "Chicago Immigration Court",
        "Ramírez", AttendanceMode.IN_PERSON, outcome,
    )  # fmt: skip


def data(**changes: object) -> CaseSummaryData:
    base = CaseSummaryData(
        clinic_name="Clínica Jurídica <Esperanza> & Co",
        letterhead="12 Rue Élysée\nPhone (555) 010-0100",
        case_id=42,
        client_name="NÚÑEZ PEÑA, Алексей Øre",
        other_names=("Alexei Nunez", "Ἀλέξιος"),
        a_number="A-201-555-123",
        date_of_birth=date(1990, 4, 3),
        nationalities=("RU", "HN"),
        languages=("ru", "es"),
        interpreter_needed=True,
        address="4410 N Kedzie Ave, Apt 2\nChicago, IL 60625",
        phone="(312) 555-0143",
        email="client@example.org",
        detention=DetentionStatus.RELEASED,
        detention_facility="",
        family=(
            FamilyLine(
                "NÚÑEZ, Мария", Relationship.SPOUSE, date(1992, 1, 2), "A-201-555-124", True, True
            ),
            FamilyLine("NÚÑEZ, Sofía", Relationship.CHILD, date(2015, 6, 7), "", False, False),
        ),
        claim_type=ClaimType.DEFENSIVE,
        forum_kind=ForumKind.IMMIGRATION_COURT,
        forum_name="Chicago Immigration Court",
        judge="Ramírez",
        grounds=(ProtectedGround.POLITICAL_OPINION, ProtectedGround.PARTICULAR_SOCIAL_GROUP),
        psg_definition="Members of the <Núñez> family & their relatives",
        relief=(Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT),
        stage=Stage.HEARINGS,
        outcome=None,
        opened_on=date(2026, 1, 5),
        filed_on=date(2026, 2, 2),
        receipt_number="",
        attorney="Zoë Brontë",
        paralegal="Αλέξανδρος Παπαδόπουλος",
        history=(
            StageLine(date(2026, 1, 5), None, Stage.INTAKE, None, False, "ana", "Case opened"),
            StageLine(date(2026, 2, 2), Stage.PREPARING, Stage.FILED, None, False, "ana", ""),
            StageLine(
                date(2026, 3, 9), Stage.FILED, Stage.HEARINGS, Outcome.REFERRED, True, "ana", ""
            ),
        ),
        upcoming=(
            hearing(date(2026, 12, 14), HearingKind.MASTER_CALENDAR),
            hearing(date(2027, 3, 1), HearingKind.INDIVIDUAL),
        ),
        past=(hearing(date(2026, 5, 4), HearingKind.MASTER_CALENDAR, "Pleadings taken"),),
        deadlines=(
            SummaryDeadline(
                "Evidence before the individual hearing",
                date(2026, 11, 20),
                date(2026, 11, 18),
                DeadlineOrigin.RULE,
                "ICPM 3.1(b)(ii)(A)",
                date(2026, 6, 20),
                True,
                False,
            ),
            SummaryDeadline(
                "Biometrics before the merits hearing",
                None,
                None,
                DeadlineOrigin.RULE,
                "8 CFR 1003.47(d)",
                date(2026, 6, 20),
                False,
                True,
            ),
        ),
        closed_deadlines=3,
        evidence=(
            EvidenceLine(
                "Паспорт (passport)",
                EvidenceCategory.IDENTITY,
                "ru",
                TranslationStatus.NEEDED,
                EvidenceStatus.RECEIVED,
                1,
            ),
            EvidenceLine(
                "Declaration of the applicant",
                EvidenceCategory.DECLARATION,
                "en",
                TranslationStatus.NOT_NEEDED,
                EvidenceStatus.FILED,
                0,
            ),
        ),
        notes=tuple(
            NoteLine(datetime(2026, 11, 27 - n, 15, 0, tzinfo=UTC), "ana", f"Note number {n}")
            for n in range(10)
        ),
        notes_total=14,
        rules_as_of=date(2026, 6, 20),
        today=TODAY,
        generated_at=datetime(2026, 11, 28, 15, 0, tzinfo=UTC),
        generated_by="paralegal",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_poppler
def test_every_part_of_the_case_is_printed(tmp_path: Path) -> None:
    text = text_of(render_case_summary_pdf(data()), tmp_path)
    for expected in (
        "Clínica Jurídica <Esperanza> & Co",  # escaped markup prints literally
        "12 Rue Élysée",
        "NÚÑEZ PEÑA, Алексей Øre",
        "A-201-555-123",
        "Apr 3, 1990",
        "Russia, Honduras",
        "Russian, Spanish (interpreter",
        "4410 N Kedzie Ave",
        "NÚÑEZ, Мария",
        "Defensive",
        "Chicago Immigration Court",
        "Political opinion",
        "Members of the <Núñez> family & their relatives",
        "Asylum, Withholding of",
        "Αλέξανδρος Παπαδόπουλος",
        "Filed → Hearings",
        "Filed → Hearings · Referred to",
        "ICPM 3.1(b)(ii)(A) (Jun 20, 2026)",
        "set by the court",
        "attorney check",
        "3 closed deadlines",
        "Паспорт (passport)",
        "Needs translation",
        "attached (1)",
        "1 item still needs a translation.",
        "The 10 most recent of 14 notes, newest first.",
        "Page 1 of",
        "generated Nov 28, 2026 3:00 PM UTC",
        "rules as of Jun 20, 2026",
    ):
        assert expected in text, expected
    assert "OVERDUE Evidence before" in text
    assert "(referred to court)" not in text  # said once, by the outcome


@needs_poppler
def test_family_derivatives_and_hearings_read_in_order(tmp_path: Path) -> None:
    text = text_of(render_case_summary_pdf(data()), tmp_path)
    flat = [" ".join(line.split()) for line in text.splitlines()]
    spouse = next(line for line in flat if "NÚÑEZ, Мария" in line)
    child = next(line for line in flat if "NÚÑEZ, Sofía" in line)
    assert spouse.endswith("yes yes") and child.endswith("no no")
    upcoming, past = text.index("Upcoming"), text.index("Past")
    assert upcoming < text.index("Dec 14, 2026") < text.index("Mar 1, 2027") < past
    assert past < text.index("May 4, 2026") and "Pleadings taken" in text
    # newest note first
    assert text.index("Note number 0") < text.index("Note number 1") < text.index("Note number 9")


@needs_poppler
def test_page_x_of_y_on_every_page(tmp_path: Path) -> None:
    many = tuple(
        NoteLine(datetime(2026, 11, 1, 9, n, tzinfo=UTC), "ana", "Long note. " * 60)
        for n in range(10)
    )
    text = text_of(render_case_summary_pdf(data(notes=many)), tmp_path)
    pages = text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


@needs_poppler
def test_an_empty_case_says_so_instead_of_printing_empty_tables(tmp_path: Path) -> None:
    empty = data(
        family=(), history=(), upcoming=(), past=(), deadlines=(), closed_deadlines=0,
        evidence=(), notes=(), notes_total=0, a_number="", filed_on=None,
        clinic_name="", letterhead="",
    )  # fmt: skip
    text = text_of(render_case_summary_pdf(empty), tmp_path)
    for expected in (
        "No family members recorded.",
        "No stage changes recorded.",
        "No hearings recorded.",
        "No open deadlines.",
        "No evidence recorded.",
        "No notes.",
        "not yet filed",
        "Clinic",
    ):
        assert expected in text, expected
    assert "closed deadline" not in text


def test_the_metadata_never_names_the_client() -> None:
    pdf = render_case_summary_pdf(data())
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert "#42" in str(meta.title)
    joined = " ".join(str(v) for v in meta.values())
    assert "NÚÑEZ" not in joined and "Алексей" not in joined


def test_a_language_without_words_falls_back_to_english() -> None:
    assert pdf_words.w("xx", "summary_title") == "Case summary"
    assert pdf_words.day("xx", date(2026, 1, 2)) == "Jan 2, 2026"
    assert render_case_summary_pdf(data(), lang="xx").startswith(b"%PDF")


@needs_qpdf
def test_qpdf_finds_no_structural_problem(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(render_case_summary_pdf(data()))
    checked = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No syntax or stream encoding errors found" in checked.stdout


@needs_poppler
def test_chinese_and_japanese_names_print_in_the_fallback_font(tmp_path: Path) -> None:
    pdf = render_case_summary_pdf(
        data(client_name="刘芳 (Liu Fang)", other_names=("さくら",)), lang="en"
    )
    text = text_of(pdf, tmp_path)
    assert "刘芳 (Liu Fang)" in text
    assert "さくら" in text
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "DroidSansFallback" in fonts  # embedded (a subset), not a viewer's substitute
