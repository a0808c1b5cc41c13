"""The rule corrections of the practitioner review of December 2026 (asylum-rules.md § 8.1, C1-C13)
and the closed-case rule, each with its primary source in the test's name or comment.

Every test here failed on the rules and engine before the corrections.
"""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.deadlines import (
    BusinessCalendar,
    CaseFacts,
    ComputedDeadline,
    deadlines_for_case,
)
from clinic.domain.deadlines.rules import RuleBook
from clinic.domain.deadlines.shipped import load_shipped_calendar, load_shipped_rulebook
from clinic.domain.deadlines.wording import explanation_in
from clinic.domain.enums import ClaimType, ForumKind, Relief, Stage


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_shipped_rulebook()


@pytest.fixture(scope="module")
def cal() -> BusinessCalendar:
    return load_shipped_calendar()  # with the Dec 24 and Dec 26, 2025 executive-order closures


def _case(**changes: object) -> CaseFacts:
    values: dict[str, object] = {
        "claim_type": ClaimType.DEFENSIVE,
        "forum": ForumKind.IMMIGRATION_COURT,
        "detained": False,
        "stage": Stage.HEARINGS,
        "relief": frozenset({Relief.ASYLUM, Relief.WITHHOLDING, Relief.CAT}),
        "unaccompanied_child": False,
    }
    values.update(changes)
    return CaseFacts(**values)  # type: ignore[arg-type]


def _of(results: list[ComputedDeadline], rule_id: str) -> list[ComputedDeadline]:
    return [r for r in results if r.rule_id == rule_id]


# --- C1: 8 U.S.C. 1808, "for each calendar year" the application is pending ---------------------


def test_c1_annual_fee_8_usc_1808_due_every_year_pending_from_the_statutes_start(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(i589_received=date(2023, 5, 1))
    fees = _of(deadlines_for_case(facts, book, cal), "annual-asylum-fee")
    dues = [r.due for r in fees]
    # not 2024-05-01 or 2025-05-01: the fee did not exist before July 4, 2025 (Pub. L. 119-21)
    assert dues[:3] == [date(2026, 5, 1), date(2027, 5, 1), date(2028, 5, 1)]
    assert len(dues) == 5 and len(set(dues)) == 5
    assert all(d is not None and d >= date(2025, 7, 4) for d in dues)
    # each one is its own stored row: keyed by a distinct anchor (the previous anniversary)
    assert len({(r.anchor.field, r.anchor.on) for r in fees}) == 5
    assert fees[1].explanation.startswith("Filing anniversary Fri 2026-05-01 + 1 year")


def test_c1_annual_fee_8_usc_1808_first_due_a_year_after_a_recent_filing(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(i589_received=date(2025, 9, 15))
    dues = [r.due for r in _of(deadlines_for_case(facts, book, cal), "annual-asylum-fee")]
    assert dues[:2] == [date(2026, 9, 15), date(2027, 9, 15)]


def test_c1_annual_fee_8_usc_1808_stops_when_the_application_is_no_longer_pending(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(i589_received=date(2023, 5, 1), stage=Stage.CLOSED)
    assert _of(deadlines_for_case(facts, book, cal), "annual-asylum-fee") == []


def test_c1_annual_fee_8_usc_1808_ends_with_the_grant_no_longer_pending(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    """8 U.S.C. 1808: owed for each year the application 'remains pending'; a granted one is
    not. Anniversaries before the grant stay owed; those from the grant on are closed."""
    facts = _case(i589_received=date(2023, 5, 1), asylum_granted=date(2027, 3, 15))
    fees = _of(deadlines_for_case(facts, book, cal), "annual-asylum-fee")
    assert [(r.due, r.settled) for r in fees] == [
        (date(2026, 5, 1), ""),
        (date(2027, 5, 1), "not_applicable"),
        (date(2028, 5, 1), "not_applicable"),
        (date(2029, 5, 1), "not_applicable"),
        (date(2030, 5, 1), "not_applicable"),
    ]
    assert fees[1].explanation.endswith(
        "Asylum granted Mon 2027-03-15: on or before this date, so it no longer applies"
    )
    assert "ended_by:asylum_granted" in fees[1].flags
    assert "8 U.S.C. 1808" in fees[1].settled_reason


# --- C2: EOIR PM 26-01 (Jan 2, 2026): in court the fee is due on the judge's written order -------


def test_c2_aaf_30_day_pay_by_is_the_uscis_process_not_immigration_court_eoir_pm_26_01(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    court = _case(aaf_notice=date(2026, 6, 4))
    assert _of(deadlines_for_case(court, book, cal), "aaf-payment") == []
    office = _case(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.FILED,
        aaf_notice=date(2026, 6, 4),
    )
    (payment,) = _of(deadlines_for_case(office, book, cal), "aaf-payment")
    assert payment.due == date(2026, 7, 4)


def test_c2_no_rule_cites_the_rescinded_eoir_pm_25_36_except_as_rescinded(book: RuleBook) -> None:
    for rule in book.rules:
        assert "25-36" not in rule.source, rule.id
        if "25-36" in rule.notes:
            assert "rescinded PM 25-36" in rule.notes, rule.id


# --- C3: 8 CFR 208.7(a)(1)(iii)-(iv): a denial first closes the EAD dates -----------------------


def test_c3_ead_dates_close_as_not_applicable_on_a_denial_inside_150_days_8_cfr_208_7(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(i589_received=date(2026, 1, 5), ij_denial=date(2026, 4, 1))
    results = deadlines_for_case(facts, book, cal)
    for rule_id in ("ead-earliest-filing", "ead-earliest-grant"):
        (found,) = _of(results, rule_id)
        assert found.settled == "not_applicable"
        assert "ended_by:ij_denial" in found.flags
        assert "IJ denial Wed 2026-04-01: on or before this date" in found.explanation
        assert "208.7" in found.settled_reason


def test_c3_affirmative_denial_not_referred_also_closes_them_8_cfr_208_7(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.INTERVIEW,
        i589_received=date(2026, 1, 5),
        asylum_office_denial=date(2026, 3, 2),
    )
    (found,) = _of(deadlines_for_case(facts, book, cal), "ead-earliest-filing")
    assert found.settled == "not_applicable"


def test_c3_a_denial_after_the_earliest_date_leaves_it_alone_8_cfr_208_7(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(i589_received=date(2026, 1, 5), ij_denial=date(2026, 9, 1))
    (found,) = _of(deadlines_for_case(facts, book, cal), "ead-earliest-filing")
    assert found.settled == "" and found.due == date(2026, 6, 4)


def test_c3_recommended_approval_allows_filing_at_once_8_cfr_208_7_a_1(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        claim_type=ClaimType.AFFIRMATIVE,
        forum=ForumKind.ASYLUM_OFFICE,
        stage=Stage.INTERVIEW,
        i589_received=date(2026, 1, 5),
        recommended_approval=date(2026, 2, 10),
    )
    (found,) = _of(deadlines_for_case(facts, book, cal), "ead-earliest-filing")
    assert found.due == date(2026, 2, 10)
    assert "brought_forward:recommended_approval" in found.flags
    assert found.explanation.endswith(
        "Asylum recommended for approval Tue 2026-02-10: allowed from then on"
    )


# --- C6: 8 CFR 208.4(a)(2): the one-year deadline is MET by a timely filing ----------------------


def test_c6_one_year_deadline_met_by_a_timely_i589_8_cfr_208_4_a_2(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(last_arrival=date(2025, 3, 14), i589_received=date(2026, 3, 16))
    (found,) = _of(deadlines_for_case(facts, book, cal), "one-year-filing")
    assert found.due == date(2026, 3, 16)
    assert found.settled == "met" and found.settled_on == date(2026, 3, 16)
    assert "met_by:i589_received" in found.flags


def test_c6_one_year_deadline_late_filing_says_an_exception_is_needed_8_cfr_208_4_a_4_5(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(last_arrival=date(2025, 3, 14), i589_received=date(2026, 3, 17))
    (found,) = _of(deadlines_for_case(facts, book, cal), "one-year-filing")
    assert found.settled == ""
    assert "late_after:i589_received" in found.flags
    assert "after this date, so late; an exception is needed" in found.explanation


def test_c6_met_and_late_words_read_in_spanish(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = _case(last_arrival=date(2025, 3, 14), i589_received=date(2026, 3, 16))
    (found,) = _of(deadlines_for_case(facts, book, cal), "one-year-filing")
    spanish = explanation_in(found.explanation, "es")
    assert "so met" not in spanish and "I-589 received" not in spanish


# --- C7: 8 CFR 1003.38(b): oral decision, or a written decision's mailing / e-service date --------


def test_c7_bia_appeal_counts_from_oral_decision_or_mailing_8_cfr_1003_38_b(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(decision=date(2026, 5, 29))
    (appeal,) = _of(deadlines_for_case(facts, book, cal), "bia-appeal")
    assert appeal.anchor.label == "IJ decision (oral, or written decision mailed or served)"
    rule = book.get("bia-appeal")
    assert (
        "MAILED" in rule.notes
        and "ORAL" in rule.notes
        and "not the day it was received" in rule.notes
    )
    assert "Iskandarani" in rule.source


# --- C8: INA 242(b)(1); Riley v. Bondi (2025); FRAP 26(a)(6)(B) ---------------------------------


def test_c8_petition_for_review_counts_presidential_closures_frap_26_a_6_b(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(bia_decision=date(2025, 11, 24))
    (pfr,) = _of(deadlines_for_case(facts, book, cal), "petition-for-review")
    # Wed Dec 24, 2025 (EO closure) -> Thu 25 Christmas -> Fri 26 (EO closure) -> Mon Dec 29
    assert pfr.due == date(2025, 12, 29)
    assert not any(f.startswith("closure_not_extended") for f in pfr.flags)


def test_c8_petition_for_review_notes_riley_and_withholding_only(book: RuleBook) -> None:
    rule = book.get("petition-for-review")
    assert "Riley v. Bondi" in rule.source and "not jurisdictional" in rule.notes
    assert "withholding-only" in rule.notes


# --- C9: 8 CFR 1240.26(c)(3)(ii) bond proof; 1240.26(i) a petition for review ends VD -------------


def test_c9_vd_bond_proof_due_30_days_after_the_appeal_8_cfr_1240_26_c_3_ii(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        stage=Stage.APPEAL,
        vd_order=date(2026, 5, 1),
        vd_days=60,
        bia_appeal_filed=date(2026, 5, 20),
    )
    (proof,) = _of(deadlines_for_case(facts, book, cal), "vd-bond-proof-to-bia")
    assert proof.due == date(2026, 6, 19 + 3)  # Fri June 19 is Juneteenth -> Mon June 22
    without_vd = _case(stage=Stage.APPEAL, bia_appeal_filed=date(2026, 5, 20))
    assert _of(deadlines_for_case(without_vd, book, cal), "vd-bond-proof-to-bia") == []


def test_c9_petition_for_review_ends_voluntary_departure_8_cfr_1240_26_i(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        stage=Stage.CLOSED, vd_order=date(2026, 5, 1), vd_days=60, pfr_filed=date(2026, 6, 1)
    )
    (vd,) = _of(deadlines_for_case(facts, book, cal), "voluntary-departure")
    assert vd.settled == "not_applicable" and "ended_by:pfr_filed" in vd.flags
    assert "1240.26(i)" in vd.settled_reason


# --- C10: 8 CFR 208.21(d) confirmed --------------------------------------------------------------


def test_c10_i730_two_years_confirmed_8_cfr_208_21_d(book: RuleBook, cal: BusinessCalendar) -> None:
    facts = _case(stage=Stage.CLOSED, asylum_granted=date(2026, 3, 2))
    (i730,) = _of(deadlines_for_case(facts, book, cal), "i-730-follow-to-join")
    assert i730.confidence == "confirmed" and "unverified_rule" not in i730.flags
    assert i730.due == date(2028, 3, 2)


# --- C13: 8 CFR 1003.38(d): five WORKING days at the BIA -----------------------------------------


def test_c13_eoir33_calendar_days_said_conservative_against_bia_working_days_8_cfr_1003_38_d(
    book: RuleBook,
) -> None:
    rule = book.get("eoir-33-address-change")
    assert "1003.38(d)" in rule.source
    assert "WORKING" in rule.notes and "conservative" in rule.notes


# --- A closed case carries only the deadlines its closing starts ---------------------------------


def test_closed_case_keeps_no_one_year_or_pre_hearing_deadline(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        stage=Stage.CLOSED,
        last_arrival=date(2026, 6, 1),  # would give a one-year deadline in June 2027
        address_changes=(date(2026, 11, 2),),
        nta_served=date(2026, 5, 1),
        final_order=date(2026, 11, 20),
        decision=date(2026, 11, 20),
    )
    ids = {r.rule_id for r in deadlines_for_case(facts, book, cal)}
    assert ids == {"bia-appeal", "motion-to-reconsider", "motion-to-reopen"}


def test_closed_case_keeps_post_grant_and_review_dates(
    book: RuleBook, cal: BusinessCalendar
) -> None:
    facts = _case(
        stage=Stage.CLOSED,
        asylum_granted=date(2026, 3, 2),
        bia_decision=date(2026, 4, 1),
        vd_order=date(2026, 4, 1),
        vd_days=60,
        in_absentia_order=date(2026, 1, 5),
        ij_denial=date(2026, 1, 5),
        i589_received=date(2024, 1, 5),
        ead_expires=date(2027, 1, 5),
    )
    ids = {r.rule_id for r in deadlines_for_case(facts, book, cal)}
    assert ids == {
        "i-730-follow-to-join",
        "asylee-adjustment",
        "post-grant-travel-warning",  # 8 CFR 223.1(b), 208.24 (issue 18 § 2)
        "petition-for-review",
        "voluntary-departure",
        "voluntary-departure-bond",
        "in-absentia-motion-to-reopen",
        "ead-termination-after-denial",
    }
