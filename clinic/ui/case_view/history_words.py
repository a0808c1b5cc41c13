"""The audit trail in the interface language: field names, stored values and fixed notes.

The audit log keeps what was stored (English keys, ISO dates, enum values; it is hash-chained
and never rewritten); these helpers word it at display time. Field names are marked with
``QT_TRANSLATE_NOOP("CaseHistory", ...)`` and translated when shown; an unknown field falls
back to its key in readable form ("some_field" -> "some field").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from clinic.domain.enums import (
    ArrivalManner,
    AttendanceMode,
    CaseFactKind,
    ChecklistState,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    DetentionStatus,
    EvidenceCategory,
    EvidenceStatus,
    ForumKind,
    HearingKind,
    MaritalStatus,
    Outcome,
    ProtectedGround,
    Relationship,
    Relief,
    Sex,
    StaffRole,
    Stage,
    TranslationStatus,
)
from clinic.services.history import STORE_EVENTS, FieldChange, TrailEntry
from clinic.ui.case_view.case_words import (
    country_name,
    language_name,
    short_date,
    word,
    yes_no,
)
from clinic.ui.case_view.deadline_words import anchor_word
from clinic.ui.case_view.history_names import ACTIONS, ENTITIES, FIELD_NAMES, FIXED_NOTES
from clinic.ui.labels import label

CONTEXT = "CaseHistory"
MAX_VALUE_CHARS = 60
EMPTY = "—"

# Which enum a stored value belongs to, by field; (entity, field) first where a name is shared.
_ENUMS: dict[str, type[StrEnum]] = {
    "claim_type": ClaimType,
    "relief": Relief,
    "grounds": ProtectedGround,
    "forum_kind": ForumKind,
    "stage": Stage,
    "mode": AttendanceMode,
    "origin": DeadlineOrigin,
    "category": EvidenceCategory,
    "translation": TranslationStatus,
    "sex": Sex,
    "relationship": Relationship,
    "detention": DetentionStatus,
    "last_arrival_manner": ArrivalManner,
    "fact": CaseFactKind,
    "marital_status": MaritalStatus,
}
_ENTITY_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("deadline", "status"): DeadlineStatus,
    ("evidence", "status"): EvidenceStatus,
    ("checklist_item", "state"): ChecklistState,
    ("hearing", "kind"): HearingKind,
    ("case", "outcome"): Outcome,
    ("staff", "role"): StaffRole,
}
_DATES = frozenset(
    {"on", "as_of", "date_of_birth", "from", "to"}
)  # plus every field ending in "_on"
_COUNTRIES = frozenset(
    {"country", "nationalities", "birth_country", "nationality_at_birth", "passport_country"}
)
_STAFF = frozenset({"paralegal_id", "attorney_id"})
Names = Mapping[int, str]
_LANGUAGES = frozenset({"language", "languages"})


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def field_name(key: str) -> str:
    """The audited field's name in the interface language ("completed_on" -> "completed on")."""
    text = FIELD_NAMES.get(key)
    return tr(text) if text is not None else key.replace("_", " ")


def note_words(note: str) -> str:
    """A stored note: the program's fixed notes translated, anything typed by staff as typed."""
    text = FIXED_NOTES.get(note)
    return tr(text) if text is not None else note


def _enum_for(entity: str, key: str) -> type[StrEnum] | None:
    return _ENTITY_ENUMS.get((entity, key)) or _ENUMS.get(key)


def _scalar_words(entity: str, key: str, value: Any, staff: Names) -> str:
    if value is None or value == "":
        return EMPTY
    if key in _STAFF and isinstance(value, int) and not isinstance(value, bool):
        return staff.get(value, f"#{value}")  # a staff member, by name
    if isinstance(value, bool):
        return yes_no(value)
    if not isinstance(value, str):
        return str(value)
    return _text_words(entity, key, value)


def _text_words(entity: str, key: str, value: str) -> str:
    """A stored text value: an enum word, a local date, a country or language name, or as is."""
    kind = _enum_for(entity, key)
    if kind is not None and value in kind._value2member_map_:
        member = kind(value)
        if kind is StaffRole:
            return label(member)
        return word(member)
    words = value
    if key in _DATES or key.endswith("_on"):
        words = _date_words(value)
    elif key in _COUNTRIES:
        words = country_name(value)
    elif key in _LANGUAGES:
        words = language_name(value)
    elif key == "anchor_field":
        words = anchor_word(value)
    return words


def _date_words(value: str) -> str:
    try:
        return short_date(date.fromisoformat(value[:10]))
    except ValueError:
        return value


def value_words(entity: str, key: str, value: Any, staff: Names | None = None) -> str:
    """A stored value in words: enum words, local dates, yes/no, staff names, lists joined; no
    Python reprs. ``staff`` names staff members by id (paralegal and attorney fields)."""
    staff = staff or {}
    if key == "deadlines_recomputed" and isinstance(value, Mapping):
        return recomputed_words(value)
    if isinstance(value, list | tuple):
        if not value:
            return EMPTY
        text = ", ".join(value_words(entity, key, v, staff) for v in value)
    elif isinstance(value, Mapping):
        if not value:
            return EMPTY
        text = ", ".join(
            f"{k.replace('_', ' ')}: {value_words(entity, str(k), v, staff)}"
            for k, v in value.items()
        )
    else:
        text = _scalar_words(entity, key, value, staff)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"


def recomputed_words(value: Mapping[str, Any]) -> str:
    """``{"added": [...], "moved": [...], "removed": [...]}`` as "3 deadlines added, 1 changed"."""
    parts = []
    for key, one, many in (
        (
            "added",
            QT_TRANSLATE_NOOP("CaseHistory", "1 deadline added"),
            QT_TRANSLATE_NOOP("CaseHistory", "{0} deadlines added"),
        ),
        (
            "moved",
            QT_TRANSLATE_NOOP("CaseHistory", "1 deadline changed"),
            QT_TRANSLATE_NOOP("CaseHistory", "{0} deadlines changed"),
        ),
        (
            "removed",
            QT_TRANSLATE_NOOP("CaseHistory", "1 deadline removed"),
            QT_TRANSLATE_NOOP("CaseHistory", "{0} deadlines removed"),
        ),
    ):
        items = value.get(key) or ()
        count = len(items) if isinstance(items, list | tuple) else 0
        if count:
            parts.append(tr(one) if count == 1 else tr(many).format(count))
    return ", ".join(parts) if parts else tr(QT_TRANSLATE_NOOP("CaseHistory", "no change"))


def change_words(entity: str, change: FieldChange, staff: Names | None = None) -> str:
    """One field change: "status: open → waived" in the interface language."""
    name = field_name(change.field)
    if change.field == "deadlines_recomputed" and change.before is None:
        return value_words(entity, change.field, change.after)
    before = value_words(entity, change.field, change.before, staff)
    after = value_words(entity, change.field, change.after, staff)
    return f"{name}: {before} → {after}"


def trail_text(entry: TrailEntry, staff: Names | None = None) -> str:
    """The trail line ("changed deadline (status: open → waived)") in the interface language;
    ``staff`` names staff members by id."""
    action, thing = ACTIONS.get(entry.action), ENTITIES.get(entry.entity)
    what = tr(thing) if thing is not None else entry.entity.replace("_", " ")
    text = tr(action).format(what) if action is not None else f"{entry.action} {what}"
    fields = {c.field: c.after for c in entry.changes}
    if entry.action == "create" and "fact" in fields:  # a case date recorded (deadlines.py)
        return _fact_text(entry.entity, fields)
    if entry.action == "not_same_person":  # intake: a strong match confirmed as someone else
        return _not_same_text(fields)
    if entry.entity == "store" and entry.action in STORE_EVENTS:  # the whole store (issue 16)
        return _store_text(entry.action, fields)
    if entry.action == "create" or not entry.changes:
        return text
    only_recomputed = [c.field for c in entry.changes] == ["deadlines_recomputed"]
    if only_recomputed:
        detail = change_words(entry.entity, entry.changes[0])
        return tr(QT_TRANSLATE_NOOP("CaseHistory", "deadlines recomputed: {0}")).format(detail)
    details = "; ".join(change_words(entry.entity, c, staff) for c in entry.changes)
    return f"{text} ({details})"


def _store_text(action: str, fields: Mapping[str, Any]) -> str:
    """A whole-store event in every case's history: an older copy accepted as current (what was
    lost), a restore from a backup (made when), a last-save record found missing at opening."""
    if action == "accept_older_copy":
        lost = fields.get("entries_missing", EMPTY)
        text = QT_TRANSLATE_NOOP(
            "CaseHistory",
            "accepted an older copy of the records as current (recorded changes lost: {0})",
        )
        return tr(text).format(lost)
    if action == "restore_from_backup":
        made = fields.get("backup_made")
        try:
            when = short_date(datetime.fromisoformat(str(made)).date())
        except ValueError:
            when = str(made or EMPTY)
        text = QT_TRANSLATE_NOOP("CaseHistory", "restored the records from the backup made {0}")
        return tr(text).format(when)
    return tr(
        QT_TRANSLATE_NOOP(
            "CaseHistory",
            "the record of the last save kept outside the data folder was missing when the "
            "records were opened (recorded as a warning)",
        )
    )


def _not_same_text(fields: Mapping[str, Any]) -> str:
    """ "confirmed not the same person as client #12 (100% match)" (services/clients.py)."""
    score = fields.get("match_score")
    shown = str(round(score)) if isinstance(score, int | float) else EMPTY
    text = QT_TRANSLATE_NOOP(
        "CaseHistory", "confirmed not the same person as client #{0} ({1}% match)"
    )
    return tr(text).format(fields.get("not_same_as_client"), shown)


def _fact_text(entity: str, fields: Mapping[str, Any]) -> str:
    """ "recorded case date: Decision, 3/4/26" for a case date added to a case."""
    parts = [value_words(entity, "fact", fields["fact"])]
    parts += [value_words(entity, k, fields[k]) for k in ("on", "number") if k in fields]
    return tr(QT_TRANSLATE_NOOP("CaseHistory", "recorded case date: {0}")).format(", ".join(parts))
