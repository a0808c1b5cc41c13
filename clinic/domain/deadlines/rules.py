"""Deadline rules as data: the typed form of ``resources/rules/deadlines.toml``.

Every number the engine counts with lives in the rule file, next to its source, as-of date and
confidence, so an attorney can correct a rule without a programmer. This module turns that text into
frozen values and refuses anything it cannot count with, naming the rule, the field and the fix:
a silently misread rule would produce a wrong deadline, which is worse than no deadline.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from clinic.domain.deadlines.rulefile import FieldReader, RuleFileError, check_keys
from clinic.domain.deadlines.vocabulary import (
    ClosurePolicy,
    Confidence,
    Direction,
    Kind,
    OffsetUnit,
    Roll,
    Trigger,
)
from clinic.domain.enums import (
    ArrivalManner,
    ClaimType,
    ForumKind,
    HearingKind,
    ProceedingKind,
    Relief,
    Stage,
)

__all__ = [
    "ClosurePolicy",
    "Conditions",
    "Confidence",
    "Direction",
    "Kind",
    "Offset",
    "OffsetUnit",
    "Roll",
    "Rule",
    "RuleBook",
    "RuleFileError",
    "RuleSettingError",
    "Setting",
    "Trigger",
    "parse_rulebook",
]


# Case facts that may supply numbers; the engine maps each name to a CaseFacts field.
CASE_OFFSET_FIELDS = frozenset({"vd_days"})
CASE_PLUS_FIELDS = frozenset({"ead_stopped_days"})
# Case dates a rule may be met by, ended by, brought forward by, or need (see deadlines.toml).
CASE_DATE_FIELDS = frozenset(
    {
        "i589_received", "ij_denial", "asylum_office_denial", "pfr_filed",
        "recommended_approval", "vd_order", "i589_rejected", "asylum_granted",
    }
)  # fmt: skip

# Dates of the anchor's own request that settle a rule counted from it (applicability).
ANCHOR_DATE_FIELDS = frozenset(
    {
        "foia_response", "interview_notice", "stay_requested", "alien_registered",
        "registered_at_14", "dhs_motion_response_due", "own_i589_received",
    }
)  # fmt: skip
# A deadline may be met by a case date, or by the I-589 of the person its anchor belongs to.
MET_BY_FIELDS = CASE_DATE_FIELDS | {"own_i589_received"}

_RULE_KEYS = frozenset(
    {
        "id", "name", "trigger", "offset", "direction", "roll", "closure_policy", "kind",
        "source", "as_of", "confidence", "notes", "settable", "min", "max", "offset_from_case",
        "plus_case_days", "court_set_when_detained", "earliest_anchor", "conditions",
        "after_closing", "repeat_yearly", "due_not_before", "met_by", "ended_by", "at_once_on",
        "requires", "answered_by",
    }
)  # fmt: skip
_CONDITION_KEYS = frozenset(
    {
        "claim_types", "forums", "detained", "hearing_kinds", "stages", "relief", "not_for_uac",
        "arrival_manners", "proceedings",
    }
)  # fmt: skip
SCHEMA_VERSION = 1


class RuleSettingError(ValueError):
    """A clinic setting or per-case number that a rule does not allow (unknown, fixed or out of range)."""


@dataclass(frozen=True)
class Conditions:
    """When a rule applies to a case. An empty set or ``None`` means "any"."""

    claim_types: frozenset[ClaimType] = frozenset()
    forums: frozenset[ForumKind] = frozenset()
    detained: bool | None = None
    hearing_kinds: frozenset[HearingKind] = frozenset()
    stages: frozenset[Stage] = frozenset()
    relief: frozenset[Relief] = frozenset()
    not_for_uac: bool = False
    # how the client last arrived; only a recorded manner matches (unknown does not apply)
    arrival_manners: frozenset[ArrivalManner] = frozenset()
    # removal, asylum-only or withholding-only (8 CFR 1208.2(c)); an unrecorded one is removal
    proceedings: frozenset[ProceedingKind] = frozenset()


@dataclass(frozen=True)
class Offset:
    unit: OffsetUnit
    amount: int


@dataclass(frozen=True)
class Setting:
    """Bounds for a configurable offset, so a typo in clinic settings cannot yield a wild date."""

    minimum: int
    maximum: int


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    trigger: Trigger
    offset: Offset
    direction: Direction
    roll: Roll
    closure_policy: ClosurePolicy
    kind: Kind
    source: str
    as_of: date
    confidence: Confidence
    notes: str = ""
    conditions: Conditions = field(default_factory=Conditions)
    setting: Setting | None = None
    offset_from_case: str | None = None
    plus_case_days: str | None = None
    court_set_when_detained: bool = False
    earliest_anchor: date | None = None
    after_closing: bool = False  # a closed case keeps it: its closing starts it
    repeat_yearly: int = 0  # also due at the next N-1 anniversaries (offset years = 1)
    due_not_before: date | None = None  # dates before this are dropped (e.g. a fee's start)
    met_by: str | None = None  # a case date on or before the due date meets the deadline
    ended_by: tuple[str, ...] = ()  # case dates on or before the due date end the rule
    at_once_on: str | None = None  # a case date that brings an earliest date forward to it
    requires: tuple[str, ...] = ()  # case dates that must exist for the rule to apply
    answered_by: str | None = None  # a date of the anchor's own request that settles it

    @property
    def settable(self) -> bool:
        return self.setting is not None

    def check_amount(self, amount: int) -> int:
        """Refuse an amount the rule file does not allow, saying which bounds apply."""
        if self.setting is None:
            raise RuleSettingError(
                f"rule '{self.id}' has a fixed offset ({self.offset.amount} {self.offset.unit}); "
                "mark it settable = true with min/max in deadlines.toml to change it"
            )
        if not self.setting.minimum <= amount <= self.setting.maximum:
            raise RuleSettingError(
                f"rule '{self.id}': {amount} {self.offset.unit} is outside the allowed range "
                f"{self.setting.minimum}..{self.setting.maximum}; choose a value in that range"
            )
        return amount


@dataclass(frozen=True)
class RuleBook:
    """All rules of one rule file, in file order, looked up by id."""

    rules: tuple[Rule, ...]
    source_name: str = "deadlines.toml"

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"no rule '{rule_id}' in {self.source_name}")

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def with_settings(self, overrides: Mapping[str, int]) -> RuleBook:
        """Apply clinic settings (rule id -> offset amount) within each rule's min/max."""
        for rule_id in overrides:
            if rule_id not in self.ids:
                raise RuleSettingError(f"setting for unknown rule '{rule_id}'; remove it")
        rules = tuple(
            _with_amount(rule, rule.check_amount(overrides[rule.id]))
            if rule.id in overrides
            else rule
            for rule in self.rules
        )
        return replace(self, rules=rules)


def _with_amount(rule: Rule, amount: int) -> Rule:
    return replace(rule, offset=Offset(rule.offset.unit, amount))


def parse_rulebook(text: str, *, source_name: str) -> RuleBook:
    """Parse and validate a whole rule file; the first problem found raises RuleFileError."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = f"{source_name}: not valid TOML ({exc}). To fix: correct the syntax at that line"
        raise RuleFileError(message) from exc
    check_keys(data, frozenset({"schema_version", "rule"}), FieldReader(data, source_name, "file"))
    _check_version(data, source_name)
    entries = data.get("rule")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(f"{source_name}: no [[rule]] tables. To fix: add at least one rule")
    rules: list[Rule] = []
    for index, entry in enumerate(entries, start=1):
        rule = _parse_rule(entry, source_name, index)
        if any(seen.id == rule.id for seen in rules):
            FieldReader(entry, source_name, f"rule '{rule.id}'").fail(
                "id", "duplicate id", "give each rule a unique id"
            )
        rules.append(rule)
    return RuleBook(tuple(rules), source_name)


def _check_version(data: Mapping[str, object], source_name: str) -> None:
    if data.get("schema_version") != SCHEMA_VERSION:
        raise RuleFileError(
            f"{source_name}: field 'schema_version' must be {SCHEMA_VERSION}. "
            f"To fix: set schema_version = {SCHEMA_VERSION} at the top of the file"
        )


def _parse_rule(entry: object, source_name: str, index: int) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(f"{source_name}: rule #{index} is not a table. To fix: use [[rule]]")
    probe = FieldReader(entry, source_name, f"rule #{index}")
    rule_id = probe.kebab_id("id")
    reader = FieldReader(entry, source_name, f"rule '{rule_id}'")
    check_keys(entry, _RULE_KEYS, reader)
    trigger = reader.choice("trigger", Trigger)
    unit, amount = reader.offset("offset", [u.value for u in OffsetUnit])
    rule = Rule(
        id=rule_id,
        name=reader.text("name"),
        trigger=trigger,
        offset=Offset(OffsetUnit(unit), amount),
        direction=reader.choice("direction", Direction),
        roll=reader.choice("roll", Roll),
        closure_policy=reader.choice("closure_policy", ClosurePolicy),
        kind=reader.choice("kind", Kind),
        source=reader.text("source"),
        as_of=reader.date("as_of"),
        confidence=reader.choice("confidence", Confidence),
        notes=reader.optional_text("notes"),
        conditions=_parse_conditions(reader, trigger),
        setting=_parse_setting(reader, amount),
        offset_from_case=reader.optional_choice("offset_from_case", CASE_OFFSET_FIELDS),
        plus_case_days=reader.optional_choice("plus_case_days", CASE_PLUS_FIELDS),
        court_set_when_detained=reader.flag("court_set_when_detained"),
        earliest_anchor=reader.optional_date("earliest_anchor"),
        after_closing=reader.flag("after_closing"),
        repeat_yearly=reader.integer("repeat_yearly") if "repeat_yearly" in entry else 0,
        due_not_before=reader.optional_date("due_not_before"),
        met_by=reader.optional_choice("met_by", MET_BY_FIELDS),
        ended_by=_date_fields(reader, "ended_by"),
        at_once_on=reader.optional_choice("at_once_on", CASE_DATE_FIELDS),
        requires=_date_fields(reader, "requires"),
        answered_by=reader.optional_choice("answered_by", ANCHOR_DATE_FIELDS),
    )
    _check_consistency(rule, reader)
    return rule


def _date_fields(reader: FieldReader, name: str) -> tuple[str, ...]:
    if name not in reader.data:
        return ()
    values = reader.data[name]
    allowed = ", ".join(sorted(CASE_DATE_FIELDS))
    if not isinstance(values, list) or not values:
        reader.fail(name, "must be a non-empty list", f"write {name} = [...] or remove it")
    for value in values:
        if not isinstance(value, str) or value not in CASE_DATE_FIELDS:
            reader.fail(name, f"unknown value {value!r}", f"use values from {allowed}")
    return tuple(values)


def _parse_setting(reader: FieldReader, amount: int) -> Setting | None:
    if not reader.flag("settable"):
        for key in ("min", "max"):
            if key in reader.data:
                reader.fail(
                    key, "only allowed with settable = true", "add settable = true or remove it"
                )
        return None
    minimum, maximum = reader.integer("min"), reader.integer("max")
    if not minimum <= amount <= maximum:
        reader.fail(
            "offset", f"{amount} is outside min..max ({minimum}..{maximum})", "adjust min/max"
        )
    return Setting(minimum, maximum)


def _parse_conditions(reader: FieldReader, trigger: Trigger) -> Conditions:
    table = reader.table("conditions")
    sub = FieldReader(table, reader.source_name, reader.entry, prefix="conditions.")
    check_keys(table, _CONDITION_KEYS, sub)
    conditions = Conditions(
        claim_types=frozenset(sub.choices("claim_types", ClaimType)),
        forums=frozenset(sub.choices("forums", ForumKind)),
        detained=sub.optional_bool("detained"),
        hearing_kinds=frozenset(sub.choices("hearing_kinds", HearingKind)),
        stages=frozenset(sub.choices("stages", Stage)),
        relief=frozenset(sub.choices("relief", Relief)),
        not_for_uac=sub.flag("not_for_uac"),
        arrival_manners=frozenset(sub.choices("arrival_manners", ArrivalManner)),
        proceedings=frozenset(sub.choices("proceedings", ProceedingKind)),
    )
    if conditions.hearing_kinds and trigger is not Trigger.HEARING:
        sub.fail("hearing_kinds", 'only allowed with trigger = "hearing"', "remove it")
    return conditions


def _check_consistency(rule: Rule, reader: FieldReader) -> None:
    """Combinations the engine cannot count with are refused here, not discovered on a case."""
    if rule.kind is not Kind.DEADLINE and rule.roll is not Roll.NONE:
        reader.fail("roll", f"a {rule.kind} never rolls", 'set roll = "none"')
    if rule.offset.unit is OffsetUnit.BUSINESS_DAYS and rule.direction is not Direction.FORWARD:
        reader.fail("direction", "business_days count forward only", 'set direction = "forward"')
    if rule.offset_from_case and rule.setting is None:
        reader.fail("offset_from_case", "needs settable = true with min/max", "add them")
    if rule.plus_case_days and rule.offset.unit is not OffsetUnit.DAYS:
        reader.fail("plus_case_days", "needs an offset in days", "use offset = { days = N }")
    if rule.repeat_yearly and rule.offset != Offset(OffsetUnit.YEARS, 1):
        reader.fail("repeat_yearly", "needs offset = { years = 1 }", "use a one-year offset")
    if rule.met_by and rule.kind is not Kind.DEADLINE:
        reader.fail("met_by", f"a {rule.kind} cannot be met", 'use kind = "deadline"')
    if rule.at_once_on and rule.kind is not Kind.EARLIEST_DATE:
        reader.fail("at_once_on", "only for an earliest date", 'use kind = "earliest_date"')
    if rule.court_set_when_detained and rule.conditions.detained is not False:
        reader.fail(
            "court_set_when_detained",
            "needs conditions.detained = false",
            "add it under [rule.conditions]",
        )
