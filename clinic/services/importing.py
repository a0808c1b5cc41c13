"""Spreadsheet import: plan (read, map, validate, flag duplicates; writes nothing), then commit
(one unit of work: every planned row or none, audited as one import).

Rows are created exactly as intake creates them (same values, search keys, stage event, audit
entries per row, deadlines refreshed from the case facts), plus one ``import`` audit entry that
names the file's fingerprint, the counts and the ids created. Keeping the per-row ``create``
entries is deliberate: each client's history then says how it came to exist, like every other
record, and the import entry ties them together.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from clinic.domain.conflicts import KnownParty
from clinic.domain.enums import AuditAction
from clinic.domain.importing.dates import DateOrder, DateOrderNeeded
from clinic.domain.importing.headers import (
    ColumnMapping,
    HeaderTable,
    MappingFile,
    apply_mapping_file,
    automatic_mapping,
    header_signature,
    mapping_to_document,
    parse_mapping_file,
    shipped_header_table,
)
from clinic.domain.importing.plan import FilePlan, RowNote, plan_file
from clinic.domain.importing.rows import RejectedRow
from clinic.domain.importing.sheet import ImportFileError, Sheet, read_sheet
from clinic.domain.importing.vocabulary import shipped_vocabulary
from clinic.services import settings as settings_service
from clinic.services.auditing import record
from clinic.services.bulk import bulk_writes, recompute_cases
from clinic.services.courts import clinic_zone
from clinic.services.import_rows import BATCH as IMPORT_BATCH
from clinic.services.import_rows import store_clients
from clinic.services.intake_rows import known_parties
from clinic.services.language import tr_n
from clinic.services.results import Changes, Entity
from clinic.services.settings_schema import settings_in
from clinic.storage.store import Store

__all__ = [
    "ColumnMapping",
    "DateOrder",
    "DateOrderNeeded",
    "HeaderTable",
    "ImportFileError",
    "ImportOutcome",
    "ImportPlan",
    "MappingFile",
    "MappingSource",
    "Sheet",
    "commit_import",
    "header_table",
    "plan_import",
    "read_mapping_file",
    "read_spreadsheet",
    "suggest_mapping",
]

Progress = Callable[[int, int], None]


class MappingSource:
    AUTOMATIC = "automatic"  # header names matched the synonyms table
    SAVED = "saved"  # the mapping kept from the last import of a file with this header
    FILE = "file"  # the user's --mapping file
    CHOSEN = "chosen"  # picked in the wizard


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do; holds the file's rows in memory only."""

    file_name: str
    file_sha256: str
    sheet: Sheet
    mapping: ColumnMapping
    mapping_source: str
    today: date
    result: FilePlan
    inputs: str = ""  # fingerprint of the stored clients etc. it was checked against

    @property
    def rejected(self) -> tuple[RejectedRow, ...]:
        return self.result.rejected

    @property
    def notes(self) -> tuple[RowNote, ...]:
        return self.result.notes

    @property
    def valid_rows(self) -> int:
        return self.result.imported_rows

    @property
    def signature(self) -> str:
        return header_signature(self.sheet.header)

    def mapping_document(self) -> dict[str, Any]:
        """The columns, to remember for the next file with this header. The date order is not
        remembered: each file settles its own from its dates, or the user says it again."""
        return mapping_to_document(self.sheet.header, self.mapping)


@dataclass(frozen=True)
class ImportOutcome:
    stored: bool
    imported_rows: int = 0
    clients: int = 0
    family_members: int = 0
    cases: int = 0
    hearings: int = 0
    client_ids: tuple[int, ...] = ()
    rejected: tuple[RejectedRow, ...] = ()
    reason: str = ""  # why nothing was stored, when nothing was
    changes: Changes = field(default_factory=Changes)


def header_table() -> HeaderTable:
    return shipped_header_table()


def read_spreadsheet(*, data: bytes, file_name: str) -> Sheet:
    """Decode the file; raises `ImportFileError` with what to do when it cannot be read."""
    return read_sheet(data, file_name=file_name)


def read_mapping_file(*, text: str, name: str) -> MappingFile:
    return parse_mapping_file(text, name=name)


def suggest_mapping(
    *, store: Store, sheet: Sheet, mapping_file: MappingFile | None = None
) -> tuple[ColumnMapping, str, DateOrder | None]:
    """The mapping to start from: the user's file, else the saved one, else automatic."""
    automatic = automatic_mapping(sheet.header, header_table())
    if mapping_file is not None:
        return (
            apply_mapping_file(sheet.header, automatic, mapping_file),
            MappingSource.FILE,
            mapping_file.date_order,
        )
    saved = settings_service.saved_import_mapping(
        store=store, signature=header_signature(sheet.header)
    )
    if saved is not None:
        try:
            kept = parse_mapping_file_document(saved)
        except ImportFileError:
            kept = None  # an old or damaged saved mapping: fall back to the automatic one
        if kept is not None:
            return apply_mapping_file(sheet.header, automatic, kept), MappingSource.SAVED, None
    return automatic, MappingSource.AUTOMATIC, None


def parse_mapping_file_document(document: dict[str, Any]) -> MappingFile:
    """A saved mapping is a JSON document, read like a user's mapping file."""
    return parse_mapping_file(json.dumps(document), name="saved.json")


def plan_import(
    *,
    store: Store,
    data: bytes,
    file_name: str,
    today: date,
    mapping: ColumnMapping | None = None,
    mapping_file: MappingFile | None = None,
    date_order: DateOrder | None = None,
) -> ImportPlan:
    """Read, map and check the file against the stored clients; nothing is written.

    Raises `ImportFileError` (or `DateOrderNeeded`) when the file as a whole cannot be imported.
    """
    sheet = read_spreadsheet(data=data, file_name=file_name)
    source = MappingSource.CHOSEN
    if mapping is None:
        mapping, source, suggested_order = suggest_mapping(
            store=store, sheet=sheet, mapping_file=mapping_file
        )
        date_order = date_order or suggested_order
    with store.unit_of_work() as session:
        result, inputs = _plan(session, sheet, mapping, date_order, today)
    return ImportPlan(
        file_name=file_name,
        file_sha256=hashlib.sha256(data).hexdigest(),
        sheet=sheet,
        mapping=mapping,
        mapping_source=source,
        today=today,
        result=result,
        inputs=inputs,
    )


def _plan(
    session: Session,
    sheet: Sheet,
    mapping: ColumnMapping,
    date_order: DateOrder | None,
    today: date,
) -> tuple[FilePlan, str]:
    """The file's plan against the stored clients, and the fingerprint of what it was checked
    against (the clinic's time zone and every known party)."""
    timezone, known = _plan_inputs(session)
    plan = plan_file(
        sheet,
        mapping,
        date_order=date_order,
        today=today,
        timezone=timezone,
        vocabulary=shipped_vocabulary(),
        known=known,
    )
    return plan, _inputs_fingerprint(timezone, known)


def _plan_inputs(session: Session) -> tuple[str, list[KnownParty]]:
    return clinic_zone(settings_in(session)), known_parties(session, None)


def _inputs_fingerprint(timezone: str, known: list[KnownParty]) -> str:
    return hashlib.sha256(repr((timezone, known)).encode()).hexdigest()


def _plan_still_holds(session: Session, plan: ImportPlan) -> bool:
    """Whether the preview's plan is the one the file gets now. A plan is a pure function of
    the file, the mapping and what it was checked against: when that is unchanged (the usual
    case) the plan is not made again (with 10,000 rows that is minutes of duplicate checks)."""
    timezone, known = _plan_inputs(session)
    if _inputs_fingerprint(timezone, known) == plan.inputs:
        return True
    again, _ = _plan(session, plan.sheet, plan.mapping, plan.result.date_order, plan.today)
    return again == plan.result


class _StoredClientsChanged(Exception):
    """The database changed between preview and commit: the plan no longer holds."""


def commit_import(
    *,
    store: Store,
    plan: ImportPlan,
    skip_invalid: bool,
    remember_mapping: bool = True,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Store every planned row in one transaction, or nothing.

    Without ``skip_invalid`` a plan with any rejected row stores nothing. The plan is checked
    again inside the transaction, so a client stored since the preview cannot slip in twice.
    """
    if plan.rejected and not skip_invalid:
        return ImportOutcome(
            stored=False,
            rejected=plan.rejected,
            reason=tr_n(
                "{n} row cannot be imported; nothing was stored.",
                "{n} rows cannot be imported; nothing was stored.",
                len(plan.rejected),
            ),
        )
    if not plan.result.clients:
        return ImportOutcome(stored=False, rejected=plan.rejected, reason="No row can be imported.")
    try:
        # the bulk path: one transaction, the audit entries chained in memory and inserted
        # together; the deadlines are computed once, for every case, by _store_all
        with bulk_writes(store, defer_deadlines=False) as bulk:
            session = bulk.session
            if not _plan_still_holds(session, plan):
                raise _StoredClientsChanged
            outcome = _store_all(session, store.actor, plan, progress)
            if remember_mapping:
                settings_service.keep_import_mapping(
                    session, plan.signature, plan.mapping_document()
                )
    except _StoredClientsChanged:
        return ImportOutcome(
            stored=False,
            rejected=plan.rejected,
            reason="The stored clients changed since the preview; check the file again.",
        )
    return outcome


def _store_all(
    session: Session, actor: str, plan: ImportPlan, progress: Progress | None
) -> ImportOutcome:
    touched: set[tuple[Entity, int]] = set()
    client_ids: list[int] = []
    case_ids: set[int] = set()
    hearings = 0
    planned = list(plan.result.clients)
    for start in range(0, len(planned), IMPORT_BATCH):
        batch = planned[start : start + IMPORT_BATCH]
        for client_id, case_id, hearing_id in store_clients(session, actor, batch, plan.today):
            client_ids.append(client_id)
            touched.add((Entity.CLIENT, client_id))
            if case_id is not None:
                case_ids.add(case_id)
                touched.add((Entity.CASE, case_id))
            if hearing_id is not None:
                hearings += 1
                touched.add((Entity.HEARING, hearing_id))
        if progress is not None:
            progress(len(client_ids), len(planned))
    refreshed = recompute_cases(session, case_ids, actor)  # once each, set-based on a laptop
    family = plan.result.family_count
    record(
        session,
        actor=actor,
        action=AuditAction.IMPORT,
        entity=Entity.CLIENT,
        entity_id=None,
        changes={
            "file_sha256": [None, plan.file_sha256],
            "rows_imported": [None, plan.valid_rows],
            "rows_rejected": [None, [r.line for r in plan.rejected]],
            "clients": [None, client_ids],
            "family_members": [None, family],
            "cases": [None, sorted(case_ids)],
            "hearings": [None, hearings],
        },
    )
    return ImportOutcome(
        stored=True,
        imported_rows=plan.valid_rows,
        clients=len(client_ids),
        family_members=family,
        cases=len(case_ids),
        hearings=hearings,
        client_ids=tuple(client_ids),
        rejected=plan.rejected,
        changes=Changes(frozenset(touched)) | refreshed,
    )
