"""Conflict check run at intake, before a new client is saved.

A clinic must not represent someone whose interests clash with an existing client's:
the persecutor named in another client's claim, a spouse on the other side of a
divorce, or simply the same person entered twice under another spelling. The check
lists everyone already in the database who may be the person being entered, for a
human to review. Missing a real match costs far more than showing a false one, so
spelling, accents, script, word order and dropped second surnames are all forgiven,
while a single shared common word ("Maria") is not enough.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from clinic.domain.names import fold

PERFECT = 100.0
# A name that contains the other (dropped second surname, omitted middle name) is
# likely the same person but is not the same name: it scores just under identity.
SUBSET_PENALTY = 5.0
# A subset match needs this many shared words; one common given name is not evidence.
MIN_SHARED_WORDS = 2
# A shared birth date lifts a similar name by this much, and only a name already this
# similar: birth dates collide too often to be a match on their own.
BIRTH_DATE_BONUS = 10.0
BIRTH_DATE_NAME_FLOOR = 70.0

# Known parties' names are folded on every check; caching keeps repeat checks (the
# paralegal retyping a name) cheap. fold is pure, so caching cannot change results.
_cached_fold = lru_cache(maxsize=1 << 18)(fold)


class PartyKind(StrEnum):
    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    ADVERSE_PARTY = "adverse_party"


class MatchReason(StrEnum):
    SAME_A_NUMBER = "same_a_number"
    SAME_NAME = "same_name"
    SIMILAR_NAME = "similar_name"
    SAME_BIRTH_DATE = "same_birth_date"


@dataclass(frozen=True)
class KnownParty:
    """A person already in the database."""

    kind: PartyKind
    party_id: int
    client_id: int | None  # the client this party belongs to, or itself for a client
    display_name: str
    names: tuple[str, ...]  # full name plus aliases and other names, raw as stored
    a_number: str | None  # nine digits
    date_of_birth: date | None


@dataclass(frozen=True)
class Candidate:
    """The person being entered."""

    names: tuple[str, ...]
    a_number: str | None
    date_of_birth: date | None


@dataclass(frozen=True)
class ConflictMatch:
    party: KnownParty
    score: float  # 0..100
    reasons: tuple[MatchReason, ...]
    matched_name: str


@dataclass(frozen=True)
class _NameHit:
    score: float
    same: bool
    raw_name: str


def name_similarity(a: str, b: str) -> tuple[float, bool]:
    """Score two folded names 0..100 and say whether they are the same set of words.

    Word order is ignored (token sort). A name contained in the other counts only when
    they share at least two words, so "maria" is not "maria lopez" while "maria garcia"
    is close to "maria jose garcia lopez".
    """
    words_a, words_b = set(a.split()), set(b.split())
    if words_a == words_b:
        return PERFECT, True
    score = fuzz.token_sort_ratio(a, b)
    if len(words_a & words_b) >= MIN_SHARED_WORDS:
        score = max(score, fuzz.token_set_ratio(a, b) - SUBSET_PENALTY)
    return score, False


def find_conflicts(
    candidate: Candidate,
    known: Iterable[KnownParty],
    *,
    threshold: float = 85.0,
    limit: int = 20,
) -> list[ConflictMatch]:
    """Return the known parties who may be ``candidate``, best first, at most ``limit``.

    A shared A-number is always a match (score 100), whatever the names say. Otherwise
    the best-scoring pair of names decides, raised by a shared birth date.
    """
    parties = list(known)
    choices, owners = _fold_all_names(parties)
    cutoff = _prefilter_cutoff(candidate, threshold)
    hits = _best_name_hits(candidate, choices, owners, cutoff)
    suspects = set(hits) | _same_a_number(candidate, parties)
    matches = [
        match
        for index in suspects
        if (match := _judge(candidate, parties[index], hits.get(index), threshold))
    ]
    matches.sort(key=lambda m: (-m.score, m.party.display_name, m.party.party_id))
    return matches[:limit]


def _fold_all_names(parties: list[KnownParty]) -> tuple[list[str], list[tuple[int, str]]]:
    """Fold every known name once; ``owners[i]`` is (party index, raw name) of choice i."""
    choices: list[str] = []
    owners: list[tuple[int, str]] = []
    for index, party in enumerate(parties):
        for raw in party.names:
            folded = _cached_fold(raw)
            if folded:
                choices.append(folded)
                owners.append((index, raw))
    return choices, owners


def _prefilter_cutoff(candidate: Candidate, threshold: float) -> float:
    """The lowest rapidfuzz score that could still end up a match after the bonus."""
    if candidate.date_of_birth is None:
        return max(threshold, 0.0)
    boosted_cutoff = max(threshold - BIRTH_DATE_BONUS, BIRTH_DATE_NAME_FLOOR)
    return max(min(threshold, boosted_cutoff), 0.0)


def _same_a_number(candidate: Candidate, parties: list[KnownParty]) -> set[int]:
    """Indexes of the parties who carry the candidate's A-number."""
    if not candidate.a_number:
        return set()
    return {i for i, party in enumerate(parties) if party.a_number == candidate.a_number}


def _best_name_hits(
    candidate: Candidate,
    choices: list[str],
    owners: list[tuple[int, str]],
    cutoff: float,
) -> dict[int, _NameHit]:
    """Best name pair per party, among pairs rapidfuzz finds at or above ``cutoff``.

    rapidfuzz's C scorers screen all names quickly; `name_similarity` then rescores the
    few survivors. Its score never exceeds the larger of the two screening scores, so
    the screen loses nothing.
    """
    best: dict[int, _NameHit] = {}
    for query in dict.fromkeys(filter(None, map(fold, candidate.names))):
        for choice_index in _screen(query, choices, cutoff):
            score, same = name_similarity(query, choices[choice_index])
            party_index, raw = owners[choice_index]
            current = best.get(party_index)
            if current is None or score > current.score:
                best[party_index] = _NameHit(score, same, raw)
    return best


def _screen(query: str, choices: list[str], cutoff: float) -> set[int]:
    """Indexes of choices whose token-sort or token-set score reaches ``cutoff``."""
    found: set[int] = set()
    for scorer in (fuzz.token_sort_ratio, fuzz.token_set_ratio):
        results = process.extract(
            query, choices, scorer=scorer, processor=None, score_cutoff=cutoff, limit=None
        )
        found.update(index for _, _, index in results)
    return found


def _judge(
    candidate: Candidate, party: KnownParty, hit: _NameHit | None, threshold: float
) -> ConflictMatch | None:
    """Decide whether ``party`` is a possible match and explain why."""
    same_a_number = bool(candidate.a_number) and candidate.a_number == party.a_number
    same_birth = (
        candidate.date_of_birth is not None and candidate.date_of_birth == party.date_of_birth
    )
    name_score = _boosted(hit.score, same_birth) if hit is not None else 0.0
    name_matches = hit is not None and name_score >= threshold
    if not (same_a_number or name_matches):
        return None
    reasons: list[MatchReason] = []
    if same_a_number:
        reasons.append(MatchReason.SAME_A_NUMBER)
    if hit is not None and name_matches:
        reasons.append(MatchReason.SAME_NAME if hit.same else MatchReason.SIMILAR_NAME)
    if same_birth:
        reasons.append(MatchReason.SAME_BIRTH_DATE)
    score = PERFECT if same_a_number else name_score
    matched = hit.raw_name if hit is not None else _fallback_name(party)
    return ConflictMatch(party, score, tuple(reasons), matched)


def _boosted(name_score: float, same_birth: bool) -> float:
    """Add the birth-date bonus to a name that is already similar enough to earn it."""
    if same_birth and name_score >= BIRTH_DATE_NAME_FLOOR:
        return min(PERFECT, name_score + BIRTH_DATE_BONUS)
    return name_score


def _fallback_name(party: KnownParty) -> str:
    """The name to show for a match found by A-number alone."""
    return party.names[0] if party.names else party.display_name
