"""The conflict check run before an intake is saved: who is being entered, who may match."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clinic.domain.conflicts import ConflictMatch, MatchReason, PartyKind, is_strong_match
from clinic.domain.ids import ClientId
from clinic.services import clients
from clinic.storage.public import Store


class SubjectRole(StrEnum):
    """Which person of the intake a check is about."""

    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    ADVERSE_PARTY = "adverse_party"


@dataclass(frozen=True)
class Subject:
    role: SubjectRole
    label: str
    names: tuple[str, ...]
    a_number: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True)
class ReviewedMatch:
    """A possible match with the name of the client the known party belongs to."""

    match: ConflictMatch
    owner_name: str
    case_to_open: int | None = None  # for a strong match with a client: the case to show

    @property
    def is_existing_client(self) -> bool:
        return self.match.party.kind is PartyKind.CLIENT

    @property
    def same_client_a_number(self) -> bool:
        return (
            self.match.party.kind is PartyKind.CLIENT
            and MatchReason.SAME_A_NUMBER in self.match.reasons
        )


@dataclass(frozen=True)
class SubjectMatches:
    subject: Subject
    matches: tuple[ReviewedMatch, ...]


def run_conflict_check(
    store: Store,
    subjects: Sequence[Subject],
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> list[SubjectMatches]:
    """Check every subject against everyone in the records; subjects without a name are skipped."""
    owners: dict[int, str] = {}
    results: list[SubjectMatches] = []
    for done, subject in enumerate(subjects):
        if cancelled():
            break
        progress(done, len(subjects))
        if not any(n.strip() for n in subject.names):
            continue
        found = clients.check_conflicts(
            store=store,
            names=subject.names,
            a_number=subject.a_number,
            date_of_birth=subject.date_of_birth,
        )
        reviewed = tuple(_reviewed(store, subject, m, owners) for m in found)
        results.append(SubjectMatches(subject, reviewed))
    progress(len(subjects), len(subjects))
    return results


def _reviewed(
    store: Store, subject: Subject, match: ConflictMatch, owners: dict[int, str]
) -> ReviewedMatch:
    reviewed = ReviewedMatch(match, _owner_name(store, match, owners))
    strong = is_strong_match(match) and reviewed.is_existing_client
    if strong and subject.role is SubjectRole.CLIENT:
        client_id = ClientId(match.party.party_id)
        case_id = clients.case_to_open(store=store, client_id=client_id)
        return ReviewedMatch(match, reviewed.owner_name, case_id)
    return reviewed


def _owner_name(store: Store, match: ConflictMatch, cache: dict[int, str]) -> str:
    client_id = match.party.client_id
    if client_id is None:
        return ""
    if client_id not in cache:
        cache[client_id] = clients.get_client(
            store=store, client_id=ClientId(client_id)
        ).display_name
    return cache[client_id]


def blocking_match(results: Sequence[SubjectMatches]) -> ReviewedMatch | None:
    """An existing client with the new client's A-number: the same person, never saved twice."""
    for result in results:
        if result.subject.role is SubjectRole.CLIENT:
            for reviewed in result.matches:
                if reviewed.same_client_a_number:
                    return reviewed
    return None


def strong_client_matches(results: Sequence[SubjectMatches]) -> tuple[ReviewedMatch, ...]:
    """Existing clients who are most likely the new client (a strong match, see
    `clinic.domain.conflicts.STRONG_MATCH_SCORE`), best first: saving needs a deliberate "this is
    a different person" for each. Matches with family members and adverse parties, and the
    matches of the other people entered, keep the lighter review (a client's relative may well
    become a client)."""
    return tuple(
        reviewed
        for result in results
        if result.subject.role is SubjectRole.CLIENT
        for reviewed in result.matches
        if reviewed.is_existing_client and is_strong_match(reviewed.match)
    )


def match_count(results: Sequence[SubjectMatches]) -> int:
    return sum(len(r.matches) for r in results)
