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
# A strong match is most likely the same person: the same A-number or the same name (any order,
# spelling or accents) score 100, a similar name (86+) with the same birth date 96 or more. A name
# that merely contains the other (95: "Rosa Flores" in "Rosa Elena Mejía Flores") or a spelling
# variant without a shared birth date stays a possible match. Saving a new client over a strong
# match with an existing client needs a deliberate, audited "different person" choice.
STRONG_MATCH_SCORE = 96.0


class PartyKind(StrEnum):
    """Which table a known party comes from."""

    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    ADVERSE_PARTY = "adverse_party"


class MatchReason(StrEnum):
    """Evidence shown to the paralegal next to each possible conflict."""

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
    """One known party who may be the candidate, with the evidence for it."""

    party: KnownParty
    score: float  # 0..100
    reasons: tuple[MatchReason, ...]
    matched_name: str


def is_strong_match(match: ConflictMatch) -> bool:
    """Whether ``match`` is most likely the same person (see `STRONG_MATCH_SCORE`)."""
    return match.score >= STRONG_MATCH_SCORE


@dataclass(frozen=True)
class DistinctPerson:
    """Staff looked at a strong match with an existing client and confirmed that the person
    being entered is someone else; recorded in the audit trail with the evidence they saw."""

    matched_client_id: int
    score: float
    reasons: tuple[MatchReason, ...]

    @classmethod
    def of(cls, match: ConflictMatch) -> DistinctPerson:
        if match.party.kind is not PartyKind.CLIENT:
            raise ValueError("only a match with an existing client is confirmed as distinct")
        return cls(match.party.party_id, match.score, match.reasons)


@dataclass(frozen=True)
class _NameHit:
    score: float
    same: bool
    raw_name: str


def name_similarity(a: str, b: str) -> tuple[float, bool]:
    """Score two folded names 0..100 and say whether they are the same words.

    Word order is ignored (token sort). A name contained in the other counts only when
    they share at least two words, so "maria" is not "maria lopez" while "maria garcia"
    is close to "maria jose garcia lopez".
    """
    list_a, list_b = sorted(a.split()), sorted(b.split())
    if list_a == list_b:
        return PERFECT, True
    score = fuzz.token_sort_ratio(a, b)
    if len(set(list_a) & set(list_b)) >= MIN_SHARED_WORDS:
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
    return ConflictIndex(known).find(candidate, threshold=threshold, limit=limit)


@lru_cache(maxsize=1 << 18)
def _sorted_fold(raw: str) -> str:
    """The folded words of a name in sorted order; token-sort ratio is a plain ratio on
    these. Cached because every check re-reads the same ~100,000 names (a paralegal
    re-runs it while typing); fold is pure, so caching cannot change a result."""
    return " ".join(sorted(fold(raw).split()))


class ConflictIndex:
    """The known parties, indexed once for many checks: every name folded with its owner, the
    names holding each word, the parties holding each A-number. A spreadsheet import checks each
    row against the stored clients and the rows accepted before it (:meth:`add`), so building the
    index once instead of once per row keeps a 10,000-row file from costing 10,000 rebuilds."""

    def __init__(self, parties: Iterable[KnownParty] = ()) -> None:
        self.parties: list[KnownParty] = []
        self.raw: list[str] = []  # every name as stored …
        self.texts: list[str] = []  # … folded, its words sorted …
        self._owners: list[int] = []  # … and the index of the party it belongs to
        self._with_word: dict[str, set[int]] = {}
        self._with_a_number: dict[str, list[int]] = {}
        for party in parties:
            self.add(party)

    def add(self, party: KnownParty) -> None:
        index = len(self.parties)
        self.parties.append(party)
        if party.a_number:
            self._with_a_number.setdefault(party.a_number, []).append(index)
        for raw in party.names:
            text = _sorted_fold(raw)
            name = len(self.texts)
            self.raw.append(raw)
            self.texts.append(text)
            self._owners.append(index)
            for word in set(text.split()):
                self._with_word.setdefault(word, set()).add(name)

    def find(
        self, candidate: Candidate, *, threshold: float = 85.0, limit: int = 20
    ) -> list[ConflictMatch]:
        """:func:`find_conflicts` against the indexed parties."""
        hits = self._best_name_hits(candidate, _prefilter_cutoff(candidate, threshold))
        suspects = set(hits)
        if candidate.a_number:
            suspects.update(self._with_a_number.get(candidate.a_number, ()))
        matches = [
            match
            for index in suspects
            if (match := _judge(candidate, self.parties[index], hits.get(index), threshold))
        ]
        matches.sort(key=lambda m: (-m.score, m.party.display_name, m.party.party_id))
        return matches[:limit]

    def sharing_words(self, words: set[str]) -> set[int]:
        """Indexes of the names that hold at least two of ``words`` (set intersections, in C)."""
        postings = [self._with_word[word] for word in sorted(words) if word in self._with_word]
        found: set[int] = set()
        for position, first in enumerate(postings[:-1]):
            for second in postings[position + 1 :]:
                found |= first & second
        return found

    def screen(self, query: str, cutoff: float) -> set[int]:
        """Indexes of the names that `name_similarity` could score ``cutoff`` or more.

        That score is the token-sort ratio, screened here by rapidfuzz in C, unless the
        names share two words, screened by `sharing_words`; so the screen loses nothing.
        """
        extracted = process.extract(
            query, self.texts, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=None
        )
        found = {index for _, _, index in extracted}
        words = set(query.split())
        if len(words) >= MIN_SHARED_WORDS:
            found |= self.sharing_words(words)
        return found

    def _best_name_hits(self, candidate: Candidate, cutoff: float) -> dict[int, _NameHit]:
        """Best-scoring name pair per party, among the pairs that survive the screen."""
        queries = [query for query in dict.fromkeys(map(_sorted_fold, candidate.names)) if query]
        best: dict[int, _NameHit] = {}
        for query in queries:
            for index in sorted(self.screen(query, cutoff)):  # ties go to the earlier name
                score, same = name_similarity(query, self.texts[index])
                owner = self._owners[index]
                current = best.get(owner)
                if current is None or score > current.score:
                    best[owner] = _NameHit(score, same, self.raw[index])
        return best


def _prefilter_cutoff(candidate: Candidate, threshold: float) -> float:
    """The lowest name score that could still end up a match after the bonus."""
    if candidate.date_of_birth is None:
        return max(threshold, 0.0)
    boosted_cutoff = max(threshold - BIRTH_DATE_BONUS, BIRTH_DATE_NAME_FLOOR)
    return max(min(threshold, boosted_cutoff), 0.0)


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
    matched = hit.raw_name if hit is not None and name_matches else _fallback_name(party)
    return ConflictMatch(party, score, tuple(reasons), matched)


def _boosted(name_score: float, same_birth: bool) -> float:
    """Add the birth-date bonus to a name that is already similar enough to earn it."""
    if same_birth and name_score >= BIRTH_DATE_NAME_FLOOR:
        return min(PERFECT, name_score + BIRTH_DATE_BONUS)
    return name_score


def _fallback_name(party: KnownParty) -> str:
    """The name to show for a match found by A-number alone: the first one on file."""
    return next((name for name in party.names if name.strip()), party.display_name)
