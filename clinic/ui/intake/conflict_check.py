"""The conflict check run before an intake is saved: who is being entered, who may match."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from clinic.domain.conflicts import ConflictMatch, MatchReason, PartyKind
from clinic.domain.ids import ClientId
from clinic.services import clients
from clinic.storage.store import Store


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
        reviewed = tuple(ReviewedMatch(m, _owner_name(store, m, owners)) for m in found)
        results.append(SubjectMatches(subject, reviewed))
    progress(len(subjects), len(subjects))
    return results


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


def match_count(results: Sequence[SubjectMatches]) -> int:
    return sum(len(r.matches) for r in results)
