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
    anchor_word,
    country_name,
    language_name,
    short_date,
    word,
    yes_no,
)
from clinic.ui.labels import label

CONTEXT = "CaseHistory"
MAX_VALUE_CHARS = 60
EMPTY = "—"

# Every field name the services audit (clinic/services/*: record, record_created, field_changes).
FIELD_NAMES: dict[str, object] = {
    # case
    "client_id": QT_TRANSLATE_NOOP("CaseHistory", "client"),
    "claim_type": QT_TRANSLATE_NOOP("CaseHistory", "claim type"),
    "relief": QT_TRANSLATE_NOOP("CaseHistory", "relief sought"),
    "grounds": QT_TRANSLATE_NOOP("CaseHistory", "protected grounds"),
    "psg_definition": QT_TRANSLATE_NOOP("CaseHistory", "particular social group"),
    "forum_kind": QT_TRANSLATE_NOOP("CaseHistory", "forum"),
    "forum_name": QT_TRANSLATE_NOOP("CaseHistory", "court or office"),
    "judge": QT_TRANSLATE_NOOP("CaseHistory", "judge"),
    "paralegal_id": QT_TRANSLATE_NOOP("CaseHistory", "paralegal"),
    "attorney_id": QT_TRANSLATE_NOOP("CaseHistory", "attorney"),
    "opened_on": QT_TRANSLATE_NOOP("CaseHistory", "opened on"),
    "filed_on": QT_TRANSLATE_NOOP("CaseHistory", "filed on"),
    "receipt_number": QT_TRANSLATE_NOOP("CaseHistory", "receipt number"),
    "detained": QT_TRANSLATE_NOOP("CaseHistory", "detained"),
    "agency_hold": QT_TRANSLATE_NOOP("CaseHistory", "agency hold"),
    "stage": QT_TRANSLATE_NOOP("CaseHistory", "stage"),
    "outcome": QT_TRANSLATE_NOOP("CaseHistory", "outcome"),
    "referred_on": QT_TRANSLATE_NOOP("CaseHistory", "referred on"),
    "closed_on": QT_TRANSLATE_NOOP("CaseHistory", "closed on"),
    "note": QT_TRANSLATE_NOOP("CaseHistory", "note"),
    "deadlines_recomputed": QT_TRANSLATE_NOOP("CaseHistory", "deadlines recomputed"),
    "fact": QT_TRANSLATE_NOOP("CaseHistory", "case date"),
    "number": QT_TRANSLATE_NOOP("CaseHistory", "number"),
    # hearing
    "case_id": QT_TRANSLATE_NOOP("CaseHistory", "case"),
    "kind": QT_TRANSLATE_NOOP("CaseHistory", "kind"),
    "on": QT_TRANSLATE_NOOP("CaseHistory", "date"),
    "at": QT_TRANSLATE_NOOP("CaseHistory", "time"),
    "timezone": QT_TRANSLATE_NOOP("CaseHistory", "time zone"),
    "timezone_confirmed": QT_TRANSLATE_NOOP("CaseHistory", "time zone confirmed"),
    "location": QT_TRANSLATE_NOOP("CaseHistory", "location"),
    "address": QT_TRANSLATE_NOOP("CaseHistory", "address"),
    "mode": QT_TRANSLATE_NOOP("CaseHistory", "attendance"),
    "notes": QT_TRANSLATE_NOOP("CaseHistory", "notes"),
    # deadline
    "title": QT_TRANSLATE_NOOP("CaseHistory", "title"),
    "due_on": QT_TRANSLATE_NOOP("CaseHistory", "due on"),
    "origin": QT_TRANSLATE_NOOP("CaseHistory", "origin"),
    "rule_id": QT_TRANSLATE_NOOP("CaseHistory", "rule"),
    "status": QT_TRANSLATE_NOOP("CaseHistory", "status"),
    "status_reason": QT_TRANSLATE_NOOP("CaseHistory", "reason"),
    "completed_on": QT_TRANSLATE_NOOP("CaseHistory", "completed on"),
    "anchor_field": QT_TRANSLATE_NOOP("CaseHistory", "counted from"),
    "anchor_on": QT_TRANSLATE_NOOP("CaseHistory", "start date"),
    "safe_due_on": QT_TRANSLATE_NOOP("CaseHistory", "safe due date"),
    "explanation": QT_TRANSLATE_NOOP("CaseHistory", "explanation"),
    "source": QT_TRANSLATE_NOOP("CaseHistory", "source"),
    "as_of": QT_TRANSLATE_NOOP("CaseHistory", "as of"),
    "confidence": QT_TRANSLATE_NOOP("CaseHistory", "confidence"),
    "flags": QT_TRANSLATE_NOOP("CaseHistory", "warnings"),
    "court_sets_date": QT_TRANSLATE_NOOP("CaseHistory", "court sets the date"),
    # evidence and its files
    "category": QT_TRANSLATE_NOOP("CaseHistory", "category"),
    "language": QT_TRANSLATE_NOOP("CaseHistory", "language"),
    "translation": QT_TRANSLATE_NOOP("CaseHistory", "translation"),
    "obtained_on": QT_TRANSLATE_NOOP("CaseHistory", "obtained on"),
    "exhibit_order": QT_TRANSLATE_NOOP("CaseHistory", "exhibit number"),
    "in_packet": QT_TRANSLATE_NOOP("CaseHistory", "in the packet"),
    "evidence_id": QT_TRANSLATE_NOOP("CaseHistory", "evidence"),
    "vault_name": QT_TRANSLATE_NOOP("CaseHistory", "stored file"),
    "original_name": QT_TRANSLATE_NOOP("CaseHistory", "file name"),
    "media_type": QT_TRANSLATE_NOOP("CaseHistory", "file type"),
    "size": QT_TRANSLATE_NOOP("CaseHistory", "size"),
    "sha256": QT_TRANSLATE_NOOP("CaseHistory", "checksum"),
    # notes
    "body": QT_TRANSLATE_NOOP("CaseHistory", "text"),
    "author": QT_TRANSLATE_NOOP("CaseHistory", "author"),
    # client, family, addresses, adverse parties
    "family_name": QT_TRANSLATE_NOOP("CaseHistory", "family name"),
    "given_name": QT_TRANSLATE_NOOP("CaseHistory", "given name"),
    "other_names": QT_TRANSLATE_NOOP("CaseHistory", "other names"),
    "a_number": QT_TRANSLATE_NOOP("CaseHistory", "A-number"),
    "date_of_birth": QT_TRANSLATE_NOOP("CaseHistory", "date of birth"),
    "sex": QT_TRANSLATE_NOOP("CaseHistory", "sex"),
    "nationalities": QT_TRANSLATE_NOOP("CaseHistory", "nationalities"),
    "languages": QT_TRANSLATE_NOOP("CaseHistory", "languages"),
    "interpreter_needed": QT_TRANSLATE_NOOP("CaseHistory", "interpreter needed"),
    "phone": QT_TRANSLATE_NOOP("CaseHistory", "phone"),
    "email": QT_TRANSLATE_NOOP("CaseHistory", "email"),
    "last_arrival_on": QT_TRANSLATE_NOOP("CaseHistory", "last arrival date"),
    "last_arrival_place": QT_TRANSLATE_NOOP("CaseHistory", "place of last arrival"),
    "last_arrival_manner": QT_TRANSLATE_NOOP("CaseHistory", "manner of last arrival"),
    "detention": QT_TRANSLATE_NOOP("CaseHistory", "detention"),
    "detention_facility": QT_TRANSLATE_NOOP("CaseHistory", "detention facility"),
    "unaccompanied_child": QT_TRANSLATE_NOOP("CaseHistory", "unaccompanied child"),
    "relationship": QT_TRANSLATE_NOOP("CaseHistory", "relationship"),
    "in_us": QT_TRANSLATE_NOOP("CaseHistory", "in the U.S."),
    "derivative": QT_TRANSLATE_NOOP("CaseHistory", "derivative"),
    "line1": QT_TRANSLATE_NOOP("CaseHistory", "address line 1"),
    "line2": QT_TRANSLATE_NOOP("CaseHistory", "address line 2"),
    "city": QT_TRANSLATE_NOOP("CaseHistory", "city"),
    "state": QT_TRANSLATE_NOOP("CaseHistory", "state"),
    "postal_code": QT_TRANSLATE_NOOP("CaseHistory", "postal code"),
    "country": QT_TRANSLATE_NOOP("CaseHistory", "country"),
    "moved_in_on": QT_TRANSLATE_NOOP("CaseHistory", "moved in on"),
    "name": QT_TRANSLATE_NOOP("CaseHistory", "name"),
    "description": QT_TRANSLATE_NOOP("CaseHistory", "description"),
    # checklists
    "template": QT_TRANSLATE_NOOP("CaseHistory", "checklist"),
    "item": QT_TRANSLATE_NOOP("CaseHistory", "item"),
    "reason": QT_TRANSLATE_NOOP("CaseHistory", "reason"),
    # exports, imports and backups
    "case_summary_pdf_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "case summary PDF saved to"),
    "checklist_pdf_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "checklist PDF saved to"),
    "handout_pdf_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "handout PDF saved to"),
    "handout": QT_TRANSLATE_NOOP("CaseHistory", "handout"),
    "hearing_docket_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "hearing docket saved to"),
    "from": QT_TRANSLATE_NOOP("CaseHistory", "from"),
    "to": QT_TRANSLATE_NOOP("CaseHistory", "to"),
    "paralegal": QT_TRANSLATE_NOOP("CaseHistory", "paralegal"),
    "hearings": QT_TRANSLATE_NOOP("CaseHistory", "hearings"),
    "exported_to": QT_TRANSLATE_NOOP("CaseHistory", "exported to"),
    "recovery_kit_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "recovery kit saved to"),
    "packet_saved_to": QT_TRANSLATE_NOOP("CaseHistory", "packet saved to"),
    "packet_parts": QT_TRANSLATE_NOOP("CaseHistory", "packet parts"),
    "packet_pages": QT_TRANSLATE_NOOP("CaseHistory", "packet pages"),
    "packet_omitted_files": QT_TRANSLATE_NOOP("CaseHistory", "files left out of the packet"),
    "packet_rasterised_pages": QT_TRANSLATE_NOOP(
        "CaseHistory", "packet pages put in as pictures of their source"
    ),
    "backup_file": QT_TRANSLATE_NOOP("CaseHistory", "backup file"),
    "audit_seq": QT_TRANSLATE_NOOP("CaseHistory", "audit entry"),
    "file_sha256": QT_TRANSLATE_NOOP("CaseHistory", "file checksum"),
    "rows_imported": QT_TRANSLATE_NOOP("CaseHistory", "rows imported"),
    "rows_rejected": QT_TRANSLATE_NOOP("CaseHistory", "rows rejected"),
    "clients": QT_TRANSLATE_NOOP("CaseHistory", "clients"),
    "family_members": QT_TRANSLATE_NOOP("CaseHistory", "family members"),
    "cases": QT_TRANSLATE_NOOP("CaseHistory", "cases"),
    # clinic settings
    "clinic_name": QT_TRANSLATE_NOOP("CaseHistory", "clinic name"),
    "letterhead": QT_TRANSLATE_NOOP("CaseHistory", "letterhead"),
    "auto_lock_minutes": QT_TRANSLATE_NOOP("CaseHistory", "lock after minutes"),
    "backup_folder": QT_TRANSLATE_NOOP("CaseHistory", "backup folder"),
    "backups_kept": QT_TRANSLATE_NOOP("CaseHistory", "backups kept"),
    "default_timezone": QT_TRANSLATE_NOOP("CaseHistory", "default time zone"),
    "rule_days": QT_TRANSLATE_NOOP("CaseHistory", "deadline rule days"),
    "closure_days": QT_TRANSLATE_NOOP("CaseHistory", "court closure days"),
    "handout_layout": QT_TRANSLATE_NOOP("CaseHistory", "handout layout"),
    "packet": QT_TRANSLATE_NOOP("CaseHistory", "packet settings"),
    # staff
    "role": QT_TRANSLATE_NOOP("CaseHistory", "role"),
    "active": QT_TRANSLATE_NOOP("CaseHistory", "active"),
}

_ACTIONS: dict[str, object] = {
    "create": QT_TRANSLATE_NOOP("CaseHistory", "added {0}"),
    "update": QT_TRANSLATE_NOOP("CaseHistory", "changed {0}"),
    "delete": QT_TRANSLATE_NOOP("CaseHistory", "removed {0}"),
    "export": QT_TRANSLATE_NOOP("CaseHistory", "exported {0}"),
    "import": QT_TRANSLATE_NOOP("CaseHistory", "imported {0}"),
    "stage": QT_TRANSLATE_NOOP("CaseHistory", "moved {0}"),
    "refer": QT_TRANSLATE_NOOP("CaseHistory", "referred {0}"),
}
_ENTITIES: dict[str, object] = {
    "client": QT_TRANSLATE_NOOP("CaseHistory", "client"),
    "family_member": QT_TRANSLATE_NOOP("CaseHistory", "family member"),
    "client_address": QT_TRANSLATE_NOOP("CaseHistory", "client address"),
    "adverse_party": QT_TRANSLATE_NOOP("CaseHistory", "adverse party"),
    "case": QT_TRANSLATE_NOOP("CaseHistory", "case"),
    "hearing": QT_TRANSLATE_NOOP("CaseHistory", "hearing"),
    "deadline": QT_TRANSLATE_NOOP("CaseHistory", "deadline"),
    "evidence": QT_TRANSLATE_NOOP("CaseHistory", "evidence"),
    "evidence_file": QT_TRANSLATE_NOOP("CaseHistory", "evidence file"),
    "note": QT_TRANSLATE_NOOP("CaseHistory", "note"),
    "checklist_item": QT_TRANSLATE_NOOP("CaseHistory", "checklist item"),
    "settings": QT_TRANSLATE_NOOP("CaseHistory", "settings"),
    "backup": QT_TRANSLATE_NOOP("CaseHistory", "backup"),
}
# Notes the program itself stores (English, in the stage history); staff-typed notes stay as typed.
FIXED_NOTES: dict[str, object] = {
    "Case opened": QT_TRANSLATE_NOOP("CaseHistory", "Case opened"),
    "Case opened (imported from a spreadsheet)": QT_TRANSLATE_NOOP(
        "CaseHistory", "Case opened (imported from a spreadsheet)"
    ),
}

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
_COUNTRIES = frozenset({"country", "nationalities"})
_STAFF = frozenset({"paralegal_id", "attorney_id"})
Names = Mapping[int, str]
_LANGUAGES = frozenset({"language", "languages"})
_CHECKLIST_STATES: dict[str, object] = {
    ChecklistState.DONE: QT_TRANSLATE_NOOP("CaseHistory", "done"),
    ChecklistState.NOT_APPLICABLE: QT_TRANSLATE_NOOP("CaseHistory", "not applicable"),
    ChecklistState.MISSING: QT_TRANSLATE_NOOP("CaseHistory", "missing"),
}


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
        return tr(_CHECKLIST_STATES[member]) if kind is ChecklistState else word(member)
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
    action, thing = _ACTIONS.get(entry.action), _ENTITIES.get(entry.entity)
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
