"""An unverified rule (or a count that needs judgement) is visibly flagged on the staff PDFs
(issue 18 acceptance: "unverified ones are visibly flagged in the window and in PDFs")."""

from __future__ import annotations

import io
from datetime import date

import pypdf

from clinic.domain.enums import ClaimType
from clinic.reports.checklist_pdf import DeadlineLine, render_checklist_pdf
from tests.reports.test_checklist_pdf import checklist, data


def _text(pdf: bytes) -> str:
    return " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_checklist_pdf_flags_a_deadline_that_needs_the_attorneys_check() -> None:
    shown = checklist("i589-defensive", ClaimType.DEFENSIVE)
    lines = (
        DeadlineLine(
            "Reasonable period (warning)", date(2027, 1, 4), date(2027, 1, 4), "8 CFR 208.4", True
        ),
        DeadlineLine("BIA appeal", date(2027, 2, 1), date(2027, 2, 1), "8 CFR 1003.38(b)"),
    )
    for lang, words in (("en", "Verify with the attorney"), ("es", "Verificar con el abogado")):
        text = _text(render_checklist_pdf(data(shown, deadlines=lines, lang=lang)))
        assert text.count(words) == 1, lang
