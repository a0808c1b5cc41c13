"""Spanish texts of the filing checklists: every shipped template has them, and English is unchanged."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from clinic.domain.checklist_evaluation import run_check
from clinic.domain.checklist_file import parse_template
from clinic.domain.checklists import (
    CheckKind,
    ChecklistFacts,
    ChecklistFileError,
    EvidenceFact,
    ItemCheck,
)
from clinic.domain.deadlines import OneYearStatus
from clinic.domain.enums import (
    ClaimType,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    Relief,
    Stage,
    TranslationStatus,
)
from clinic.resource_files import resource_path

TEMPLATES = sorted(resource_path("checklists").glob("*.toml"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_every_shipped_template_is_fully_in_spanish(path) -> None:  # type: ignore[no-untyped-def]
    template = parse_template(path.read_text(encoding="utf-8"), source_name=path.name)
    assert template.title_es and template.title_es != template.title
    assert template.description_es
    assert len(template.sections_es) == len(template.sections)
    for item in template.items:
        assert item.text_es and item.text_es != item.text, item.id
        if item.note:
            assert item.note_es, item.id
        assert item.text_in("es") == item.text_es and item.text_in("en") == item.text
        assert item.citation_in("en") == item.citation
        tags = re.findall(r"\[[^\]]*\]", item.citation_in("es"))  # the confidence tags
        english = [
            t
            for t in tags
            if re.search(r"CONFIRMED|SECONDARY|UNVERIFIED|\b(for|days|wording)\b", t)
        ]
        assert not english, (item.id, english)
    first = template.sections[0]
    assert template.section_in(first, "es") == template.sections_es[0]
    assert template.section_in(first, "en") == first
    assert template.title_in("es") == template.title_es


def test_spanish_fields_are_optional_and_english_stays_the_same() -> None:
    path = resource_path("checklists", "change-of-address.toml")
    full = path.read_text(encoding="utf-8")
    english_only = "\n".join(
        line for line in full.splitlines() if not line.split(" = ")[0].endswith("_es")
    )
    with_es = parse_template(full, source_name=path.name)
    without = parse_template(english_only, source_name=path.name)
    assert [i.text for i in with_es.items] == [i.text for i in without.items]
    assert with_es.sections == without.sections and with_es.title == without.title
    assert without.items[0].text_in("es") == without.items[0].text  # falls back to English
    assert without.section_in("DHS", "es") == "DHS"


def test_sections_es_must_match_sections() -> None:
    path = resource_path("checklists", "change-of-address.toml")
    broken = path.read_text(encoding="utf-8").replace(
        'sections_es = ["DHS", "Tribunal de inmigración", "Oficina de asilo"]',
        'sections_es = ["DHS"]',
    )
    with pytest.raises(ChecklistFileError, match="sections_es"):
        parse_template(broken, source_name=path.name)


def _facts(**changes: object) -> ChecklistFacts:
    base = ChecklistFacts(
        claim_type=ClaimType.DEFENSIVE,
        forum=ForumKind.IMMIGRATION_COURT,
        stage=Stage.PREPARING,
        relief=frozenset({Relief.ASYLUM}),
        represented=True,
        derivatives=False,
        detained=False,
        filed_on=None,
        evidence=tuple(
            EvidenceFact(
                f"Carta {n}",
                EvidenceCategory.CORROBORATION,
                "es",
                TranslationStatus.NEEDED,
                EvidenceStatus.RECEIVED,
            )
            for n in range(5)
        ),
        biometrics=(),
        one_year=OneYearStatus.LATE_NEEDS_EXCEPTION,
        one_year_due=date(2026, 3, 16),
        today=date(2026, 11, 28),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_automatic_details_read_in_both_languages() -> None:
    facts = _facts()
    translations = run_check(ItemCheck(CheckKind.TRANSLATIONS), facts)
    assert translations.detail == (
        "5 not translated with a certificate: Carta 0; Carta 1; Carta 2 and 2 more"
    )
    assert translations.detail_in("en") == translations.detail
    assert translations.detail_in("es") == (
        "5 sin traducción certificada: Carta 0; Carta 1; Carta 2 y 2 más"
    )
    one_year = run_check(ItemCheck(CheckKind.ONE_YEAR), facts)
    assert one_year.detail.startswith("Filed late (deadline 2026-03-16): document a changed")
    assert one_year.detail_in("es").startswith(
        "Presentada fuera de plazo (fecha límite 2026-03-16): documente un cambio"
    )
    filed = run_check(ItemCheck(CheckKind.FILED), replace(facts, filed_on=date(2026, 2, 2)))
    assert (filed.detail, filed.detail_in("es")) == (
        "Filed on 2026-02-02",
        "Presentada el 2026-02-02",
    )
    # a PDF or the window writes the dates its own way (never a second, ISO, style)
    assert filed.detail_in("en", lambda d: f"{d:%b} {d.day}, {d.year}") == "Filed on Feb 2, 2026"
