"""What a service returns: the value, field problems (codes), and what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from clinic.domain.validation import FieldProblem

T = TypeVar("T")


class Entity(StrEnum):
    CLIENT = "client"
    FAMILY_MEMBER = "family_member"
    ADDRESS = "client_address"
    ADVERSE_PARTY = "adverse_party"
    CASE = "case"
    HEARING = "hearing"
    DEADLINE = "deadline"
    EVIDENCE = "evidence"
    EVIDENCE_FILE = "evidence_file"
    NOTE = "note"
    CHECKLIST_ITEM = "checklist_item"
    STAFF = "staff"
    SETTINGS = "settings"
    STORE = "store"
    BACKUP = "backup"


@dataclass(frozen=True)
class Changes:
    """Which entities an action touched, so every open view can refresh in one place."""

    touched: frozenset[tuple[Entity, int]] = frozenset()

    @property
    def entities(self) -> frozenset[Entity]:
        return frozenset(entity for entity, _ in self.touched)

    def ids(self, entity: Entity) -> frozenset[int]:
        return frozenset(i for e, i in self.touched if e is entity)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched)

    @staticmethod
    def of(*pairs: tuple[Entity, int]) -> Changes:
        return Changes(frozenset(pairs))


@dataclass(frozen=True)
class Result(Generic[T]):
    value: T | None = None
    problems: tuple[FieldProblem, ...] = ()
    changes: Changes = field(default_factory=Changes)

    @property
    def ok(self) -> bool:
        return not self.problems

    def unwrap(self) -> T:
        """The value, for callers (scripts, tests, demo data) that have already validated."""
        if self.problems or self.value is None:
            codes = ", ".join(f"{p.field}:{p.code}" for p in self.problems)
            raise ValueError(f"the action was rejected: {codes}")
        return self.value


def rejected(problems: tuple[FieldProblem, ...]) -> Result[T]:
    return Result(problems=problems)
