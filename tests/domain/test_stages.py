"""The case life cycle: which stage moves a user may make, closing, reopening and referral."""

from __future__ import annotations

import pytest

from clinic.domain.enums import ClaimType, Outcome, Stage
from clinic.domain.stages import (
    REFERABLE_STAGES,
    StageProblem,
    allowed_stages,
    check_referral,
    check_stage_change,
)
from clinic.domain.validation import Problem

A = ClaimType.AFFIRMATIVE
D = ClaimType.DEFENSIVE
S = Stage


@pytest.mark.parametrize(
    ("claim_type", "current", "expected"),
    [
        # affirmative: intake -> preparing -> filed -> interview -> decision, one step back
        (A, S.INTAKE, {S.PREPARING, S.CLOSED}),
        (A, S.PREPARING, {S.FILED, S.INTAKE, S.CLOSED}),
        (A, S.FILED, {S.INTERVIEW, S.DECISION, S.PREPARING, S.CLOSED}),
        (A, S.INTERVIEW, {S.DECISION, S.FILED, S.CLOSED}),
        (A, S.DECISION, {S.INTERVIEW, S.CLOSED}),
        (A, S.CLOSED, {S.PREPARING}),
        # defensive: intake -> preparing -> filed -> hearings -> decision -> appeal
        (D, S.INTAKE, {S.PREPARING, S.CLOSED}),
        (D, S.PREPARING, {S.FILED, S.HEARINGS, S.INTAKE, S.CLOSED}),
        (D, S.FILED, {S.HEARINGS, S.DECISION, S.PREPARING, S.CLOSED}),
        (D, S.HEARINGS, {S.DECISION, S.FILED, S.CLOSED}),
        (D, S.DECISION, {S.APPEAL, S.CIRCUIT_COURT, S.HEARINGS, S.CLOSED}),
        (D, S.APPEAL, {S.DECISION, S.HEARINGS, S.CLOSED}),
        (D, S.CLOSED, {S.PREPARING, S.REOPENING}),
        # issue 18 § 2: a petition for review in a court of appeals, a motion to reopen pending
        (D, S.CIRCUIT_COURT, {S.APPEAL, S.DECISION, S.CLOSED}),
        (D, S.REOPENING, {S.HEARINGS, S.APPEAL, S.CLOSED}),
    ],
)
def test_allowed_stages(claim_type: ClaimType, current: Stage, expected: set[Stage]) -> None:
    assert allowed_stages(claim_type, current) == frozenset(expected)


@pytest.mark.parametrize("current", list(Stage))
def test_affirmative_case_never_reaches_court_stages_by_a_stage_change(current: Stage) -> None:
    """Only a referral takes an affirmative case to immigration court hearings."""
    allowed = allowed_stages(A, current)
    assert S.HEARINGS not in allowed
    assert S.APPEAL not in allowed


@pytest.mark.parametrize("current", list(Stage))
def test_defensive_case_never_has_an_asylum_office_interview(current: Stage) -> None:
    assert S.INTERVIEW not in allowed_stages(D, current)


@pytest.mark.parametrize("claim_type", list(ClaimType))
@pytest.mark.parametrize("current", [s for s in Stage if s is not S.CLOSED])
def test_any_open_case_can_be_closed_with_an_outcome(claim_type: ClaimType, current: Stage) -> None:
    assert check_stage_change(claim_type, current, S.CLOSED, Outcome.WITHDRAWN) is None


@pytest.mark.parametrize("claim_type", list(ClaimType))
@pytest.mark.parametrize("current", [S.INTAKE, S.PREPARING, S.FILED, S.DECISION])
def test_closing_requires_an_outcome(claim_type: ClaimType, current: Stage) -> None:
    assert check_stage_change(claim_type, current, S.CLOSED, None) is StageProblem.OUTCOME_REQUIRED


@pytest.mark.parametrize(
    ("claim_type", "current", "target", "outcome", "expected"),
    [
        # forward moves
        (A, S.INTAKE, S.PREPARING, None, None),
        (A, S.PREPARING, S.FILED, None, None),
        (A, S.FILED, S.INTERVIEW, None, None),
        (A, S.FILED, S.DECISION, None, None),  # decided without an interview
        (A, S.INTERVIEW, S.DECISION, Outcome.GRANTED, None),  # a decision may carry its outcome
        (D, S.PREPARING, S.HEARINGS, None, None),
        (D, S.HEARINGS, S.DECISION, Outcome.DENIED, None),
        (D, S.DECISION, S.APPEAL, None, None),
        (D, S.APPEAL, S.DECISION, Outcome.GRANTED, None),  # BIA decision
        (D, S.APPEAL, S.HEARINGS, None, None),  # remand
        # stepping back one place corrects a mistaken click
        (A, S.PREPARING, S.INTAKE, None, None),
        (A, S.INTERVIEW, S.FILED, None, None),
        (A, S.DECISION, S.INTERVIEW, None, None),
        (D, S.HEARINGS, S.FILED, None, None),
        (D, S.DECISION, S.HEARINGS, None, None),
        # but not two places back, nor skipping ahead
        (A, S.INTERVIEW, S.PREPARING, None, StageProblem.NOT_ALLOWED),
        (A, S.DECISION, S.FILED, None, StageProblem.NOT_ALLOWED),
        (A, S.INTAKE, S.FILED, None, StageProblem.NOT_ALLOWED),
        (A, S.INTAKE, S.DECISION, None, StageProblem.NOT_ALLOWED),
        (D, S.APPEAL, S.FILED, None, StageProblem.NOT_ALLOWED),
        # stages of the other claim type
        (A, S.FILED, S.HEARINGS, None, StageProblem.NOT_ALLOWED),
        (A, S.DECISION, S.APPEAL, None, StageProblem.NOT_ALLOWED),
        (D, S.FILED, S.INTERVIEW, None, StageProblem.NOT_ALLOWED),
        # no move at all
        (A, S.FILED, S.FILED, None, StageProblem.UNCHANGED),
        (D, S.CLOSED, S.CLOSED, Outcome.GRANTED, StageProblem.UNCHANGED),
        # outcomes belong to decisions and closings only
        (A, S.PREPARING, S.FILED, Outcome.GRANTED, StageProblem.OUTCOME_NOT_EXPECTED),
        (D, S.DECISION, S.APPEAL, Outcome.DENIED, StageProblem.OUTCOME_NOT_EXPECTED),
        (A, S.INTERVIEW, S.FILED, Outcome.GRANTED, StageProblem.OUTCOME_NOT_EXPECTED),
        # closing and reopening
        (A, S.DECISION, S.CLOSED, Outcome.GRANTED, None),
        (D, S.APPEAL, S.CLOSED, Outcome.REMOVAL_ORDERED, None),
        (A, S.CLOSED, S.PREPARING, None, None),
        (D, S.CLOSED, S.PREPARING, None, None),
        (A, S.CLOSED, S.PREPARING, Outcome.GRANTED, StageProblem.OUTCOME_NOT_EXPECTED),
        (A, S.CLOSED, S.INTAKE, None, StageProblem.NOT_ALLOWED),
        (A, S.CLOSED, S.DECISION, Outcome.GRANTED, StageProblem.NOT_ALLOWED),
        (D, S.CLOSED, S.HEARINGS, None, StageProblem.NOT_ALLOWED),
    ],
)
def test_check_stage_change(
    claim_type: ClaimType,
    current: Stage,
    target: Stage,
    outcome: Outcome | None,
    expected: StageProblem | None,
) -> None:
    assert check_stage_change(claim_type, current, target, outcome) is expected


def test_not_allowed_is_reported_before_a_missing_outcome() -> None:
    """A closed case cannot be 'closed again'; the user must hear that, not 'give an outcome'."""
    assert check_stage_change(A, S.CLOSED, S.DECISION, None) is StageProblem.NOT_ALLOWED


def test_referable_stages_are_filed_interview_and_decision() -> None:
    assert frozenset({S.FILED, S.INTERVIEW, S.DECISION}) == REFERABLE_STAGES


@pytest.mark.parametrize(
    ("claim_type", "current", "expected"),
    [
        (A, S.FILED, None),
        (A, S.INTERVIEW, None),
        (A, S.DECISION, None),
        (A, S.INTAKE, StageProblem.NOT_REFERABLE_STAGE),
        (A, S.PREPARING, StageProblem.NOT_REFERABLE_STAGE),
        (A, S.CLOSED, StageProblem.NOT_REFERABLE_STAGE),
        (D, S.FILED, StageProblem.NOT_AFFIRMATIVE),
        (D, S.HEARINGS, StageProblem.NOT_AFFIRMATIVE),
        (D, S.DECISION, StageProblem.NOT_AFFIRMATIVE),
        (D, S.INTAKE, StageProblem.NOT_AFFIRMATIVE),
    ],
)
def test_check_referral(
    claim_type: ClaimType, current: Stage, expected: StageProblem | None
) -> None:
    assert check_referral(claim_type, current) is expected


def test_stage_problem_codes_match_the_validation_codes() -> None:
    """The services map stage problems onto validation codes; the stored values must agree."""
    for problem in StageProblem:
        assert Problem(problem.value).value == problem.value
