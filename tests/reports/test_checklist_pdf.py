"""The checklist PDF read back as text (pdftotext) and checked for structure (qpdf --check)."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest

from clinic.domain.checklist_evaluation import evaluate
from clinic.domain.checklist_file import parse_template
from clinic.domain.checklists import (
    ChecklistFacts,
    EvaluatedChecklist,
    EvidenceFact,
    ManualState,
)
from clinic.domain.deadlines import OneYearStatus
from clinic.domain.enums import (
    ChecklistState,
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    Relief,
    Stage,
    TranslationStatus,
)
from clinic.reports.checklist_pdf import ChecklistPdfData, DeadlineLine, render_checklist_pdf
from clinic.resource_files import resource_path

needs_poppler = pytest.mark.requires_tool("pdftotext", "poppler-utils")
needs_qpdf = pytest.mark.requires_tool("qpdf", "qpdf")


def ev(title: str) -> EvidenceFact:
    return EvidenceFact(
        title, EvidenceCategory.OTHER, "en", TranslationStatus.NOT_NEEDED, EvidenceStatus.RECEIVED
    )


def facts(claim: ClaimType, evidence: tuple[EvidenceFact, ...]) -> ChecklistFacts:
    defensive = claim is ClaimType.DEFENSIVE
    return ChecklistFacts(
        claim_type=claim,
        forum=ForumKind.IMMIGRATION_COURT if defensive else ForumKind.ASYLUM_OFFICE,
        stage=Stage.PREPARING,
        relief=frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
        represented=True,
        derivatives=False,
        detained=False,
        filed_on=date(2026, 2, 2),
        evidence=evidence,
        biometrics=(),
        one_year=OneYearStatus.TIMELY,
        one_year_due=date(2026, 3, 16),
        today=date(2026, 11, 28),
    )


def checklist(template_id: str, claim: ClaimType) -> EvaluatedChecklist:
    path = resource_path("checklists", f"{template_id}.toml")
    template = parse_template(path.read_text(encoding="utf-8"), source_name=path.name)
    case = facts(
        claim,
        evidence=(ev("Form G-28, signed <b>by</b> & client"), ev("EOIR-28 & proof of service")),
    )
    manual = {
        "photos": ManualState(
            ChecklistState.NOT_APPLICABLE, "Photos <b>waived</b> & sent later", "Ana", None
        )
    }
    return evaluate(template, case, manual)


def data(shown: EvaluatedChecklist, **changes: object) -> ChecklistPdfData:
    base = dict(
        clinic_name="Clínica Jurídica <Esperanza> & Co",
        letterhead="12 Rue Élysée\nPhone (555) 010-0100",
        case_id=42,
        client_name="ŠEVČENKO, Олександра Øre",
        a_number="201555123",
        claim_type="Defensive (immigration court)",
        relief="asylum, withholding, CAT",
        forum="Chicago Immigration Court",
        judge="Ramírez",
        attorney="Zoë Brontë",
        paralegal="Αλέξανδρος Παπαδόπουλος",
        next_hearing="2027-01-12 09:00 — individual",
        deadlines=(
            DeadlineLine(
                "Evidence before the hearing", date(2026, 12, 28), date(2026, 12, 24), "ICPM 3.1(b)"
            ),
            DeadlineLine("Biometrics", None, None, "8 CFR 1003.47"),
        ),
        checklist=shown,
        generated_at=datetime(2026, 11, 28, 15, 0, tzinfo=UTC),
        generated_by="paralegal",
    )
    base.update(changes)
    return ChecklistPdfData(**base)  # type: ignore[arg-type]


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@needs_poppler
@pytest.mark.parametrize(
    ("template_id", "claim", "present", "absent"),
    [
        ("i589-defensive", ClaimType.DEFENSIVE, ["EOIR-28", "certificate of service"], ["G-28"]),
        ("i589-affirmative", ClaimType.AFFIRMATIVE, ["Form G-28", "I-797C"], ["EOIR-28 (entry"]),
    ],
)
def test_every_item_and_status_is_in_the_text(
    tmp_path: Path, template_id: str, claim: ClaimType, present: list[str], absent: list[str]
) -> None:
    shown = checklist(template_id, claim)
    text = text_of(render_checklist_pdf(data(shown)), tmp_path)
    flat = " ".join(text.split())
    for entry in shown.items:
        assert " ".join(entry.item.text.split())[:60] in flat, entry.item.id
        assert " ".join(entry.item.citation.split())[:40] in flat, entry.item.id
    for word in ("☑ Done", "☐ Missing", "What is missing", "Attorney sign-off", "Signature"):
        assert word in text
    assert ("— Not applicable" in text) is (template_id == "i589-affirmative")
    for needle in present:
        assert needle in flat
    for needle in absent:
        assert needle not in flat
    for name in (
        "ŠEVČENKO, Олександра Øre",
        "Zoë Brontë",
        "Αλέξανδρος Παπαδόπουλος",
        "Clínica Jurídica <Esperanza> & Co",
        "12 Rue Élysée",
        "Ramírez",
    ):
        assert name in flat
    if template_id == "i589-affirmative":  # escaped, not parsed as markup
        assert "Photos <b>waived</b> & sent later" in flat
    assert "Page 1 of " in text and "rules as of Jun 20, 2026" in text
    assert "set by the" in flat  # a deadline without a date


@needs_qpdf
def test_structure_metadata_and_page_count(tmp_path: Path) -> None:
    pdf = render_checklist_pdf(data(checklist("i589-affirmative", ClaimType.AFFIRMATIVE)))
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    check = subprocess.run(
        ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    meta = reader.metadata
    assert meta is not None and meta.title.startswith("Filing checklist")
    assert "ŠEVČENKO" not in (meta.title or "") + (meta.subject or "")  # no names in metadata
    total = len(reader.pages)
    assert f"Page {total} of {total}" in reader.pages[-1].extract_text()
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any("ClinicSans" in f or "DejaVu" in f for f in fonts)
