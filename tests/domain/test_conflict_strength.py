"""Which conflict matches are strong (most likely the same person) and need a deliberate,
audited "different person" before a new client is saved over them."""

from __future__ import annotations

from datetime import date

import pytest

from clinic.domain.conflicts import (
    STRONG_MATCH_SCORE,
    Candidate,
    DistinctPerson,
    KnownParty,
    MatchReason,
    PartyKind,
    find_conflicts,
    is_strong_match,
)

BORN = date(1991, 3, 14)
ROSA = KnownParty(
    PartyKind.CLIENT,
    7,
    7,
    "MEJÍA FLORES, Rosa Elena",
    ("Rosa Elena Mejía Flores",),
    "212345678",
    BORN,
)


def best(names: tuple[str, ...], born: date | None = None, a_number: str | None = None):  # type: ignore[no-untyped-def]
    [match] = find_conflicts(Candidate(names, a_number, born), [ROSA])
    return match


@pytest.mark.parametrize(
    ("names", "born", "a_number", "strong"),
    [
        (("Rosa Mejia",), BORN, None, True),  # a name inside hers and the same birth date: 100
        (("Rosa Elena Mejia Flores",), None, None, True),  # the same name: 100
        (("Ana Lopez",), None, "212345678", True),  # the same A-number: 100
        (("Rosa Elena Megia Flores",), BORN, None, True),  # a spelling variant, same birth date
        (("Rosa Flores",), None, None, False),  # only a name inside hers: 95, possible match
        (("Rosa Elena Megia Flores",), None, None, False),  # a spelling variant alone
        (("Rosa Elena Megia Flores",), date(1980, 1, 1), None, False),  # another birth date
    ],
)
def test_strong_means_the_same_name_a_number_or_a_similar_name_and_birth_date(
    names: tuple[str, ...], born: date | None, a_number: str | None, strong: bool
) -> None:
    match = best(names, born, a_number)
    assert is_strong_match(match) is strong
    assert (match.score >= STRONG_MATCH_SCORE) is strong


def test_a_confirmation_keeps_the_matched_client_the_score_and_the_reasons() -> None:
    confirmed = DistinctPerson.of(best(("Rosa Mejia",), BORN))
    assert confirmed == DistinctPerson(
        7, 100.0, (MatchReason.SIMILAR_NAME, MatchReason.SAME_BIRTH_DATE)
    )


def test_only_a_match_with_a_client_is_confirmed_as_another_person() -> None:
    relative = KnownParty(
        PartyKind.FAMILY_MEMBER, 3, 7, "FLORES, Rosa", ("Rosa Flores",), None, None
    )
    [match] = find_conflicts(Candidate(("Rosa Flores",), None, None), [relative])
    with pytest.raises(ValueError, match="existing client"):
        DistinctPerson.of(match)
