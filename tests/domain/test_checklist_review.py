"""Checklist corrections of the practitioner review of December 2026 (asylum-rules.md § 8.1):
conditions on an unaccompanied child, a referred case and detention are data in the templates."""

from __future__ import annotations

import tomllib

import pytest

from clinic.domain.checklist_evaluation import evaluate
from clinic.domain.checklist_file import parse_template
from clinic.domain.enums import ClaimType
from clinic.resource_files import resource_path
from clinic.services import checklists
from tests.domain.test_checklists import facts, ids, shipped

DEFENSIVE = "i589-defensive"


def _texts(template_id: str, **changes: object) -> str:
    template = shipped()[template_id]
    case = facts(ClaimType.DEFENSIVE, **changes)
    return " ".join(f"{i.item.text} {i.item.citation}" for i in evaluate(template, case, {}).items)


def test_c4_unaccompanied_child_files_the_i589_with_uscis_even_in_court_ina_208_b_3_c() -> None:
    template = shipped()[DEFENSIVE]
    child = ids(template, facts(unaccompanied_child=True))
    assert "i589-uac-with-uscis" in child and "fee-uac-uscis" in child
    assert "i589-filed-with-court" not in child and "fee-receipt" not in child
    assert "EOIR Payment Portal, receipt" not in _texts(DEFENSIVE, unaccompanied_child=True)
    assert "208(b)(3)(C)" in _texts(DEFENSIVE, unaccompanied_child=True)
    adult = ids(template, facts())
    assert "i589-filed-with-court" in adult and "fee-receipt" in adult
    assert "i589-uac-with-uscis" not in adult


def test_c5_referred_case_files_no_new_i589_and_pays_no_new_fee_8_cfr_208_14_c_1() -> None:
    template = shipped()[DEFENSIVE]
    referred = ids(template, facts(referred=True))
    assert "i589-referred" in referred
    assert "i589-filed-with-court" not in referred and "fee-receipt" not in referred
    assert "1208.4(b)(3)(iii)" in _texts(DEFENSIVE, referred=True)


def test_detained_case_checklist_says_the_court_sets_the_dates_icpm_3_1_b() -> None:
    template = shipped()[DEFENSIVE]
    assert "detained-court-dates" in ids(template, facts(detained=True))
    assert "detained-court-dates" not in ids(template, facts())


def test_c2_no_checklist_cites_the_rescinded_eoir_pm_25_36() -> None:
    for template in shipped().values():
        for item in template.items:
            assert "25-36" not in f"{item.text} {item.text_es} {item.citation}", item.id


def test_c2_court_annual_fee_due_on_the_judges_written_order_eoir_pm_26_01() -> None:
    item = shipped()[DEFENSIVE].item("annual-asylum-fee")
    assert item is not None
    assert "written order" in item.text and "26-01" in item.citation


def test_c2_bia_appeal_fee_waiver_is_the_eoir_26a() -> None:
    item = shipped()["bia-appeal"].item("fee-receipt")
    assert item is not None and "EOIR-26A" in item.text and "EOIR-26A" in item.citation


def test_c13_eoir33_at_the_bia_five_working_days_8_cfr_1003_38_d() -> None:
    item = shipped()["bia-appeal"].item("eoir33-bia")
    assert item is not None
    assert "five working days" in item.text and item.citation == "8 CFR 1003.38(d)"


def test_c9_bia_checklist_asks_for_vd_bond_proof_8_cfr_1240_26_c_3_ii() -> None:
    item = shipped()["bia-appeal"].item("vd-bond-proof")
    assert item is not None and "1240.26(c)(3)(ii)" in item.citation


@pytest.mark.parametrize("flag", ["unaccompanied_child", "referred"])
def test_new_conditions_must_be_true_or_false(flag: str) -> None:
    text = f"""
id = "x"
title = "X"
description = "X"
source = "8 CFR 1.2"
as_of = 2026-12-01
sections = ["A"]
[[items]]
id = "a"
section = "A"
text = "A"
citation = "8 CFR 1.2"
when = {{ {flag} = "yes" }}
"""
    with pytest.raises(Exception, match=flag):
        parse_template(text, source_name="x.toml")


def test_shipped_templates_still_load_with_spanish_for_every_item() -> None:
    checklists.list_templates.cache_clear()
    for template in checklists.list_templates():
        for item in template.items:
            assert item.text_es, (template.id, item.id)


def _handout_sources() -> list[str]:
    found: list[str] = []
    for path in resource_path("handouts").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for kind in data.values():  # one file per language: a table per handout kind
            if isinstance(kind, dict):
                found += [b["source"] for b in kind.get("blocks", []) if "source" in b]
    return found


def test_c11_c12_handouts_print_no_verify_marker_and_no_fact_sheet() -> None:
    sources = _handout_sources()
    assert len(sources) > 5
    for source in sources:
        assert "verify" not in source.lower() and "fact sheet" not in source.lower(), source


def test_c11_interpreter_icpm_4_11_case_status_line_and_originals_as_practice() -> None:
    joined = " | ".join(_handout_sources())
    assert "ICPM 4.11" in joined or "Practice Manual ch. 4.11" in joined
    assert "1-800-898-7180" in joined and "acis.eoir.justice.gov" in joined
    assert "1287.6" not in joined  # "bring originals" is advice, not a regulation
