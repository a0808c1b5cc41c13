"""The packet cover's caption follows the forum (review of Dec 2026, asylum-rules.md § 8.1 C14):
an affirmative case's packet goes to the USCIS asylum office (8 CFR 208.2(a), 208.9) and is never
captioned as removal proceedings; a defensive case's keeps the immigration court caption."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from clinic.reports.packet import CoverData
from clinic.reports.packet.generated import render_cover

COVER = CoverData(
    respondent="Ana Reyes",
    a_number="A 123-456-789",
    detained=False,
    judge="",
    court="Newark Asylum Office",
    next_hearing="March 3, 2027 at 9:00 AM",
    title="Evidence in support of the application",
    preparer="Laura Attorney",
    clinic_name="Clinic",
    letterhead="",
)


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_c14_affirmative_packet_captioned_for_the_asylum_office_not_removal_proceedings() -> None:
    text = _text(render_cover(replace(COVER, forum="asylum_office")))
    assert "U.S. CITIZENSHIP AND IMMIGRATION SERVICES" in text
    assert "ASYLUM OFFICE" in text and "NEWARK ASYLUM OFFICE" in text
    assert "Applicant." in text
    for court_words in (
        "removal proceedings",
        "Respondent",
        "IMMIGRATION REVIEW",
        "Immigration Judge",
    ):
        assert court_words not in text, court_words
    assert "NON-DETAINED" not in text


def test_c14_defensive_packet_keeps_the_immigration_court_caption() -> None:
    text = _text(render_cover(replace(COVER, court="Newark Immigration Court")))
    assert "EXECUTIVE OFFICE FOR IMMIGRATION REVIEW" in text
    assert "In removal proceedings." in text and "Respondent." in text
    assert "NON-DETAINED" in text
