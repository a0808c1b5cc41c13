"""Checklist templates as data, which items apply, and the automatic checks (pure, fast)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from clinic.domain.checklist_evaluation import default_template, evaluate, matches_form
from clinic.domain.checklist_file import parse_template
from clinic.domain.checklists import (
    ChecklistFacts,
    ChecklistFileError,
    ChecklistTemplate,
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
from clinic.resource_files import resource_path

TODAY = date(2026, 11, 28)
REQUIRED_TEMPLATES = {
    "i589-affirmative",
    "i589-defensive",
    "individual-hearing-evidence",
    "bia-appeal",
    "ead-c8-initial",
    "change-of-address",
}


def shipped() -> dict[str, ChecklistTemplate]:
    paths = sorted(resource_path("checklists").glob("*.toml"))
    templates = [parse_template(p.read_text(encoding="utf-8"), source_name=p.name) for p in paths]
    return {t.id: t for t in templates}


def ev(
    title: str,
    category: EvidenceCategory = EvidenceCategory.OTHER,
    *,
    language: str = "en",
    translation: TranslationStatus = TranslationStatus.NOT_NEEDED,
    status: EvidenceStatus = EvidenceStatus.RECEIVED,
) -> EvidenceFact:
    return EvidenceFact(title, category, language, translation, status)


def facts(claim: ClaimType = ClaimType.DEFENSIVE, **changes: object) -> ChecklistFacts:
    base = ChecklistFacts(
        claim_type=claim,
        forum=ForumKind.IMMIGRATION_COURT
        if claim is ClaimType.DEFENSIVE
        else ForumKind.ASYLUM_OFFICE,
        stage=Stage.PREPARING,
        relief=frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
        represented=True,
        derivatives=False,
        detained=False,
        filed_on=None,
        evidence=(),
        biometrics=(),
        one_year=OneYearStatus.NOT_FILED,
        one_year_due=date(2027, 3, 1),
        today=TODAY,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def ids(template: ChecklistTemplate, case: ChecklistFacts) -> set[str]:
    return {i.item.id for i in evaluate(template, case, {}).items}


def state_of(template: ChecklistTemplate, case: ChecklistFacts, item_id: str) -> ChecklistState:
    return next(i.state for i in evaluate(template, case, {}).items if i.item.id == item_id)


def test_every_required_template_ships_with_citations() -> None:
    templates = shipped()
    assert set(templates) >= REQUIRED_TEMPLATES
    for template in templates.values():
        assert template.as_of == date(2026, 6, 20)
        assert all(item.citation for item in template.items)


def test_affirmative_and_defensive_get_different_items() -> None:
    templates = shipped()
    affirmative = ids(templates["i589-affirmative"], facts(ClaimType.AFFIRMATIVE))
    defensive = ids(templates["i589-defensive"], facts(ClaimType.DEFENSIVE))
    assert {"g28", "receipt-notice", "photos"} <= affirmative
    assert "eoir28" not in affirmative and "proof-of-service" not in affirmative
    assert {"eoir28", "proof-of-service", "ecas-filing"} <= defensive
    assert "g28" not in defensive


def test_templates_are_offered_by_claim_type_and_stage() -> None:
    templates = list(shipped().values())
    assert default_template(templates, facts(ClaimType.AFFIRMATIVE)).id == "i589-affirmative"  # type: ignore[union-attr]
    assert default_template(templates, facts()).id == "i589-defensive"  # type: ignore[union-attr]
    appeal = facts(stage=Stage.APPEAL)
    assert default_template(templates, appeal).id == "bia-appeal"  # type: ignore[union-attr]
    hearings = facts(stage=Stage.HEARINGS)
    assert default_template(templates, hearings).id == "individual-hearing-evidence"  # type: ignore[union-attr]
    assert not shipped()["i589-defensive"].applies_to.hold_for(facts(ClaimType.AFFIRMATIVE))


def test_conditions_follow_representation_derivatives_and_language() -> None:
    template = shipped()["i589-affirmative"]
    alone = facts(ClaimType.AFFIRMATIVE, represented=False)
    assert "g28" not in ids(template, alone)
    assert "relationship-proof" not in ids(template, alone)
    assert "relationship-proof" in ids(template, replace(alone, derivatives=True))
    assert "translations" not in ids(template, alone)
    foreign = replace(alone, evidence=(ev("Denuncia policial", language="es"),))
    assert "translations" in ids(template, foreign)
    # withholding/CAT only: the one-year bar does not apply
    assert "one-year" not in ids(template, replace(alone, relief=frozenset({Relief.CAT})))


@pytest.mark.parametrize(
    ("title", "form", "expected"),
    [
        ("Form G-28, signed", "G-28", True),
        ("g28 notice of appearance", "G-28", True),
        ("G 28", "G-28", True),
        ("G-280 something", "G-28", False),
        ("EOIR-28 entry of appearance", "G-28", False),
        ("EOIR28", "EOIR-28", True),
        ("Formulario EOIR-33/IC (cambio de dirección)", "EOIR-33", True),
        ("AR-11 confirmation", "AR-11", True),
    ],
)
def test_forms_are_recognised_in_evidence_titles(title: str, form: str, expected: bool) -> None:
    assert matches_form(title, form) is expected


def test_document_checks_need_the_item_in_hand() -> None:
    template = shipped()["i589-defensive"]
    requested = facts(evidence=(ev("EOIR-28", status=EvidenceStatus.REQUESTED),))
    assert state_of(template, requested, "eoir28") is ChecklistState.MISSING
    received = facts(evidence=(ev("EOIR-28 filed via ECAS", status=EvidenceStatus.FILED),))
    assert state_of(template, received, "eoir28") is ChecklistState.DONE
    service = facts(evidence=(ev("Certificate of service on OPLA"),))
    assert state_of(template, service, "proof-of-service") is ChecklistState.DONE
    fee = facts(evidence=(ev("EOIR Payment Portal fee receipt ($100)"),))
    assert state_of(template, fee, "fee-receipt") is ChecklistState.DONE


def test_declaration_and_translation_checks() -> None:
    template = shipped()["i589-defensive"]
    declared = facts(evidence=(ev("Declaration", EvidenceCategory.DECLARATION),))
    assert state_of(template, declared, "declaration") is ChecklistState.DONE
    assert state_of(template, facts(), "declaration") is ChecklistState.MISSING
    untranslated = facts(
        evidence=(
            ev("Акт", language="ru", translation=TranslationStatus.TRANSLATED),
            ev("Справка", language="ru", translation=TranslationStatus.NEEDED),
        )
    )
    result = next(
        i for i in evaluate(template, untranslated, {}).items if i.item.id == "translations"
    )
    assert result.state is ChecklistState.MISSING
    assert "Справка" in result.auto.detail  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("status", "today", "documented", "expected"),
    [
        (OneYearStatus.TIMELY, TODAY, False, ChecklistState.DONE),
        (OneYearStatus.LATE_NEEDS_EXCEPTION, TODAY, False, ChecklistState.MISSING),
        (OneYearStatus.LATE_NEEDS_EXCEPTION, TODAY, True, ChecklistState.DONE),
        (OneYearStatus.NOT_APPLICABLE, TODAY, False, ChecklistState.NOT_APPLICABLE),
        (OneYearStatus.NOT_FILED, TODAY, False, ChecklistState.MISSING),
        (OneYearStatus.NOT_FILED, date(2027, 6, 1), True, ChecklistState.DONE),
        (None, TODAY, False, ChecklistState.MISSING),  # arrival unknown: open
    ],
)
def test_one_year_check(
    status: OneYearStatus | None, today: date, documented: bool, expected: ChecklistState
) -> None:
    template = shipped()["i589-defensive"]
    case = facts(one_year=status, today=today, exception_documented=documented)
    assert state_of(template, case, "one-year") is expected


def test_biometrics_check() -> None:
    template = shipped()["i589-defensive"]
    assert state_of(template, facts(), "biometrics") is ChecklistState.MISSING
    future = facts(biometrics=((date(2026, 12, 5), ""),))
    assert state_of(template, future, "biometrics") is ChecklistState.MISSING
    attended = facts(biometrics=((date(2026, 10, 5), "Attended"),))
    assert state_of(template, attended, "biometrics") is ChecklistState.DONE


def test_staff_ticks_win_and_disagreement_is_visible() -> None:
    template = shipped()["i589-defensive"]
    when = datetime(2026, 11, 1, 12, 0)
    manual = {
        "eoir28": ManualState(ChecklistState.DONE, "", "paralegal", when),
        "ecas-filing": ManualState(ChecklistState.NOT_APPLICABLE, "pro se", "paralegal", when),
        "declaration": ManualState(ChecklistState.MISSING, "", "paralegal", when),
    }
    result = {i.item.id: i for i in evaluate(template, facts(), manual).items}
    assert result["eoir28"].state is ChecklistState.DONE and result["eoir28"].disagrees
    assert result["ecas-filing"].state is ChecklistState.NOT_APPLICABLE
    assert result["declaration"].source == "check"  # a cleared tick falls back to the data
    assert result["evidence-packet"].source == "open"


MINIMAL = """
id = "t"
title = "T"
source = "S"
as_of = 2026-01-01
sections = ["A"]
[[items]]
id = "one"
section = "A"
text = "x"
citation = "c"
"""


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('citation = "c"', 'citation = "c"\ncolour = "red"'), "unknown field"),
        (('section = "A"', 'section = "B"'), "not listed"),
        (("as_of = 2026-01-01", 'as_of = "2026-01-01"'), "as_of"),
        (('citation = "c"', 'citation = "c"\ncheck = { kind = "magic" }'), "check kind"),
        (('citation = "c"', 'citation = "c"\nwhen = { claim_types = ["x"] }'), "claim_types"),
        (('citation = "c"', 'citation = "c"\ncheck = { kind = "document" }'), "forms"),
    ],
)
def test_malformed_templates_are_rejected_with_a_reason(
    edit: tuple[str, str], message: str
) -> None:
    assert parse_template(MINIMAL).items[0].id == "one"
    with pytest.raises(ChecklistFileError, match=message):
        parse_template(MINIMAL.replace(*edit), source_name="t.toml")


def test_duplicate_item_ids_are_rejected() -> None:
    doubled = MINIMAL + MINIMAL[MINIMAL.index("[[items]]") :]
    with pytest.raises(ChecklistFileError, match="twice"):
        parse_template(doubled)
