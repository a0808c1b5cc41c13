"""Intake conflict check: forgive spelling, script and order; never match on one word."""

from __future__ import annotations

import random
from datetime import date
from itertools import count

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic.domain.conflicts import (
    BIRTH_DATE_BONUS,
    BIRTH_DATE_NAME_FLOOR,
    Candidate,
    ConflictIndex,
    ConflictMatch,
    KnownParty,
    MatchReason,
    PartyKind,
    find_conflicts,
    name_similarity,
)
from clinic.domain.names import fold

_ids = count(1)
BIRTHDAY = date(1985, 3, 4)


def party(
    *names: str,
    a_number: str | None = None,
    born: date | None = None,
    kind: PartyKind = PartyKind.CLIENT,
    party_id: int | None = None,
) -> KnownParty:
    pid = next(_ids) if party_id is None else party_id
    return KnownParty(kind, pid, pid, names[0] if names else "", names, a_number, born)


def candidate(*names: str, a_number: str | None = None, born: date | None = None) -> Candidate:
    return Candidate(names, a_number, born)


def only_match(found: list[ConflictMatch]) -> ConflictMatch:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("entered", "stored"),
    [
        ("Алексей Смирнов", "Aleksei Smirnov"),
        ("José Núñez", "JOSE NUNEZ"),
        ("Nguyen Van An", "An Van Nguyen"),
        ("Jean-Pierre Dupont", "Dupont, Jean Pierre"),
        ("María José García López", "Garcia Lopez, Maria Jose"),
    ],
)
def test_same_name_in_another_script_case_or_order(entered: str, stored: str) -> None:
    known = party(stored)
    match = only_match(find_conflicts(candidate(entered), [known]))
    assert match.party is known
    assert match.score == 100.0
    assert match.reasons == (MatchReason.SAME_NAME,)
    assert match.matched_name == stored


@pytest.mark.parametrize(
    ("entered", "stored"),
    [
        ("María José García López", "Maria Garcia"),
        ("Maria Garcia", "María José García López"),
        ("Алексей Смирнов", "Alexei Smirnov"),
        ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos"),
        ("Maria Garcia", "Mario Garcia"),
    ],
)
def test_similar_names_match_above_threshold(entered: str, stored: str) -> None:
    match = only_match(find_conflicts(candidate(entered), [party(stored)], threshold=80))
    assert match.reasons == (MatchReason.SIMILAR_NAME,)
    assert 80 <= match.score < 100


def test_dropped_second_surname_scores_just_under_identity() -> None:
    match = only_match(
        find_conflicts(candidate("María José García López"), [party("Maria Garcia")])
    )
    assert 85 <= match.score < 100


@pytest.mark.parametrize(
    ("entered", "stored"),
    [
        ("Juan Perez", "Juana Pereira"),
        ("Maria", "Maria Lopez"),
        ("Maria Lopez", "Maria"),
        ("Maria Lopez", "Maria Garcia"),
        ("Alexandra Li", "Alexandra Wu"),
        ("María García Hernández", "María García López"),
    ],
)
def test_different_people_do_not_match(entered: str, stored: str) -> None:
    assert find_conflicts(candidate(entered), [party(stored)]) == []


def test_one_shared_word_is_never_an_exact_match() -> None:
    score, same = name_similarity("maria", "lopez maria")
    assert not same
    assert score < 85


def test_threshold_is_respected() -> None:
    known = [party("Juana Pereira")]
    assert find_conflicts(candidate("Juan Perez"), known) == []
    assert only_match(find_conflicts(candidate("Juan Perez"), known, threshold=75)).score < 85


def test_same_a_number_matches_whatever_the_names() -> None:
    known = party("Li Wei", "Wei Li", a_number="123456789")
    match = only_match(
        find_conflicts(candidate("Fatima Hassan", a_number="123456789"), [known, party("Bob")])
    )
    assert match.party is known
    assert match.score == 100.0
    assert match.reasons == (MatchReason.SAME_A_NUMBER,)
    assert match.matched_name == "Li Wei"


def test_same_a_number_and_name_lists_both_reasons() -> None:
    known = party("Aleksei Smirnov", a_number="123456789", born=BIRTHDAY)
    entered = candidate("Алексей Смирнов", a_number="123456789", born=BIRTHDAY)
    match = only_match(find_conflicts(entered, [known]))
    assert match.reasons == (
        MatchReason.SAME_A_NUMBER,
        MatchReason.SAME_NAME,
        MatchReason.SAME_BIRTH_DATE,
    )


def test_missing_a_numbers_are_not_a_shared_a_number() -> None:
    assert find_conflicts(candidate("Ana Diaz"), [party("Kofi Mensah")]) == []


def test_same_birth_date_alone_is_never_a_match() -> None:
    known = [party("Kofi Mensah", born=BIRTHDAY)]
    assert find_conflicts(candidate("Ana Diaz", born=BIRTHDAY), known) == []


def test_same_birth_date_lifts_a_similar_name_over_the_threshold() -> None:
    entered = candidate("Mohammed Ali", born=BIRTHDAY)
    assert find_conflicts(entered, [party("Muhammad Ali", born=date(1990, 1, 1))]) == []
    assert find_conflicts(entered, [party("Muhammad Ali")]) == []
    match = only_match(find_conflicts(entered, [party("Muhammad Ali", born=BIRTHDAY)]))
    assert match.reasons == (MatchReason.SIMILAR_NAME, MatchReason.SAME_BIRTH_DATE)
    unboosted, _ = name_similarity("mohammed ali", "muhammad ali")
    assert match.score == pytest.approx(unboosted + BIRTH_DATE_BONUS)


def test_birth_date_never_lifts_a_dissimilar_name() -> None:
    entered = candidate("Maria Lopez", born=BIRTHDAY)
    score, _ = name_similarity("lopez maria", "garcia maria")
    assert score < BIRTH_DATE_NAME_FLOOR
    low = score + BIRTH_DATE_BONUS - 1
    assert find_conflicts(entered, [party("Maria Garcia", born=BIRTHDAY)], threshold=low) == []


def test_an_alias_can_match_and_is_reported() -> None:
    known = party("Ahmad Karimi", "Ahmed Kareemi", "احمد کریمی")
    match = only_match(find_conflicts(candidate("AHMED KAREEMI"), [known]))
    assert match.matched_name == "Ahmed Kareemi"
    assert match.party.display_name == "Ahmad Karimi"


def test_each_party_appears_once_with_its_best_name() -> None:
    known = party("Maria Garcia", "María José García López")
    match = only_match(
        find_conflicts(candidate("Maria Jose Garcia Lopez", "Maria Garcia"), [known])
    )
    assert match.score == 100.0
    assert match.matched_name == "María José García López"


def test_family_members_and_adverse_parties_are_checked_too() -> None:
    spouse = party("Olga Ivanova", kind=PartyKind.FAMILY_MEMBER)
    persecutor = party("Ivan Petrov", kind=PartyKind.ADVERSE_PARTY)
    found = find_conflicts(candidate("Иван Петров"), [spouse, persecutor])
    assert [m.party for m in found] == [persecutor]


def test_results_sorted_by_score_then_display_name_and_limited() -> None:
    known = [
        party("Zoe Garcia Lopez", "Maria Garcia Lopez"),
        party("Maria Garcia Lopes"),
        party("Ana Garcia Lopez", "Maria Garcia Lopez"),
        party("Maria Garcia Lopez", a_number="987654321"),
        party("Unrelated Person"),
    ]
    found = find_conflicts(candidate("María García López"), known)
    assert [m.party.display_name for m in found] == [
        "Ana Garcia Lopez",
        "Maria Garcia Lopez",
        "Zoe Garcia Lopez",
        "Maria Garcia Lopes",
    ]
    assert [m.score for m in found][:3] == [100.0, 100.0, 100.0]
    assert len(find_conflicts(candidate("María García López"), known, limit=2)) == 2


def test_nothing_to_compare_finds_nothing() -> None:
    known = [party("Maria Garcia"), party("", a_number="123456789")]
    assert find_conflicts(candidate(), known) == []
    assert find_conflicts(candidate("  -- "), known) == []
    assert find_conflicts(candidate("Maria Garcia"), []) == []


def test_many_parties_still_finds_the_needle() -> None:
    rng = random.Random(3)
    words = ["ana", "luis", "rosa", "kofi", "amina", "chen", "diallo", "cruz", "flores"]
    haystack = [party(" ".join(rng.sample(words, 3))) for _ in range(5000)]
    needle = party("Алексей Смирнов", party_id=999_999)
    found = find_conflicts(candidate("Aleksei Smirnov"), [*haystack, needle, *haystack])
    assert [m.party.party_id for m in found] == [999_999]


# The screen in find_conflicts must lose nothing: compare it with scoring every pair.

WORDS = ["an", "ana", "juan", "juana", "maria", "mari", "garcia", "garcias", "van", "nguyen"]
NAMES = st.lists(st.sampled_from(WORDS), min_size=0, max_size=4).map(" ".join)
DATES = st.sampled_from([None, BIRTHDAY, date(1990, 1, 1)])


Row = tuple[int, float, bool, bool, str]


def brute_force(entered: Candidate, known: list[KnownParty], threshold: float) -> list[Row]:
    """Score every pair of names plainly, following the documented rules."""
    rows: list[Row] = []
    queries = list(dict.fromkeys(q for q in map(fold, entered.names) if q))
    for known_party in known:
        best: tuple[float, bool, str] | None = None
        for query in queries:
            for raw in known_party.names:
                if fold(raw):
                    score, same = name_similarity(query, fold(raw))
                    if best is None or score > best[0]:
                        best = (score, same, raw)
        same_a = entered.a_number is not None and entered.a_number == known_party.a_number
        born = entered.date_of_birth is not None
        same_birth = born and entered.date_of_birth == known_party.date_of_birth
        name_score = 0.0
        if best is not None:
            name_score = best[0]
            if same_birth and best[0] >= BIRTH_DATE_NAME_FLOOR:
                name_score = min(100.0, best[0] + BIRTH_DATE_BONUS)
        named = best is not None and name_score >= threshold
        if same_a or named:
            score = 100.0 if same_a else name_score
            first_name = next((n for n in known_party.names if n.strip()), "")
            matched = best[2] if named and best is not None else first_name
            rows.append((known_party.party_id, round(score, 6), named, same_birth, matched))
    return sorted(rows)


@settings(max_examples=300, deadline=None)
@given(
    entered=st.builds(
        Candidate,
        st.lists(NAMES, max_size=3).map(tuple),
        st.sampled_from([None, "123456789"]),
        DATES,
    ),
    stored=st.lists(
        st.tuples(
            st.lists(NAMES, min_size=1, max_size=3), st.sampled_from([None, "123456789"]), DATES
        ),
        max_size=12,
    ),
    threshold=st.sampled_from([60.0, 75.0, 85.0, 95.0]),
)
def test_find_conflicts_agrees_with_scoring_every_pair(
    entered: Candidate, stored: list[tuple[list[str], str | None, date | None]], threshold: float
) -> None:
    known = [
        party(*names, a_number=a_number, born=born, party_id=i)
        for i, (names, a_number, born) in enumerate(stored)
    ]
    found = find_conflicts(entered, known, threshold=threshold, limit=100)
    got = sorted(
        (
            m.party.party_id,
            round(m.score, 6),
            bool({MatchReason.SAME_NAME, MatchReason.SIMILAR_NAME} & set(m.reasons)),
            MatchReason.SAME_BIRTH_DATE in m.reasons,
            m.matched_name,
        )
        for m in found
    )
    assert got == brute_force(entered, known, threshold)


@settings(max_examples=60)
@given(
    entered=st.builds(
        Candidate,
        st.lists(NAMES, min_size=1, max_size=2).map(tuple),
        st.sampled_from([None, "123456789"]),
        DATES,
    ),
    stored=st.lists(
        st.tuples(
            st.lists(NAMES, min_size=1, max_size=3), st.sampled_from([None, "123456789"]), DATES
        ),
        max_size=12,
    ),
    split=st.integers(min_value=0, max_value=12),
)
def test_an_index_grown_row_by_row_finds_what_a_fresh_check_finds(
    entered: Candidate, stored: list[tuple[list[str], str | None, date | None]], split: int
) -> None:
    """The spreadsheet import grows one index (the stored parties, then each accepted row)
    instead of rebuilding it per row (issue 20 § 5): the same matches, in the same order."""
    known = [
        party(*names, a_number=a_number, born=born, party_id=i)
        for i, (names, a_number, born) in enumerate(stored)
    ]
    index = ConflictIndex(known[:split])
    for later in known[split:]:
        index.add(later)
    assert index.find(entered, threshold=75.0, limit=100) == find_conflicts(
        entered, known, threshold=75.0, limit=100
    )
