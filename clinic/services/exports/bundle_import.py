"""Importing a case bundle or case export: every client and case added as new rows.

Importing adds everything in one transaction, recomputes rule deadlines with the rules in force
in the receiving store, re-encrypts each file into its vault under a new key, and is audited; on
any failure nothing is kept. The container is :mod:`clinic.services.exports.bundle_format`'s.
"""

from __future__ import annotations

import base64
import contextlib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic.domain.conflicts import MatchReason, PartyKind
from clinic.domain.enums import AuditAction, StaffRole
from clinic.domain.i18n import N_, gettext, translate
from clinic.domain.ids import CaseId, ClientId
from clinic.services import clients as client_service
from clinic.services.auditing import record, record_created
from clinic.services.deadline_refresh import refresh_cases
from clinic.services.exports import case_checks
from clinic.services.exports.bundle_format import (
    BundleError,
    ChunkReader,
    DamagedBundle,
    open_document,
)
from clinic.services.exports.case_background import new_background
from clinic.services.exports.case_document import (
    DocumentError,
    link_facts,
    link_people,
    new_adverse_parties,
    new_case,
    new_checklist,
    new_client,
    new_notes,
)
from clinic.services.results import Changes, Entity, Result
from clinic.storage.models import Case, Client, EvidenceFile, Staff
from clinic.storage.store import Store
from clinic.storage.vault import Vault, VaultError


class InvalidRecords(BundleError):
    """Records intake would refuse (issue 16 § 5): the whole file is refused with the reasons."""

    exit_code = 4
    SHOWN = 20

    def __init__(self, name: str, reasons: Sequence[str]) -> None:
        listed = "\n".join(f"  - {reason}" for reason in reasons[: self.SHOWN])
        more = len(reasons) - self.SHOWN
        super().__init__(
            N_(
                "{name} holds records that intake would not accept, so nothing was imported:\n"
                "{listed}{more}\nCorrect them in the store the file came from, then export and "
                "import again."
            ),
            name=name,
            listed=listed,
            more=f"\n  … (+{more})" if more > 0 else "",  # the same in every language
        )
        self.reasons = tuple(reasons)


class DuplicateClient(BundleError):
    """The store already has a client who is likely the same person."""

    def __init__(self, client_ids: Sequence[int], reason: str) -> None:
        listed = ", ".join(str(i) for i in client_ids)
        super().__init__(
            N_(
                "This store already has a client who is likely the same person (client "
                "{clients}: {reason}), so nothing was imported. Add the cases to that client "
                "with --merge-into CLIENT_ID, or, if it really is someone else, use "
                "--as-new-client."
            ),
            clients=listed,
            reason=reason,
        )
        self.client_ids = tuple(client_ids)
        self.reason = reason

    def message_in(self, lang: str) -> str:
        """The reasons ("same a number, same name") are worded one by one."""
        reason = ", ".join(gettext(part, lang) for part in self.reason.split(", "))
        return translate(self.template, lang, clients=self.values["clients"], reason=reason)


# the reasons as DuplicateClient names them (a MatchReason's value with spaces)
_MATCH_WORDS = (N_("same a number"), N_("same name"), N_("similar name"), N_("same birth date"))


@dataclass(frozen=True)
class ImportSummary:
    client_ids: tuple[ClientId, ...]
    case_ids: tuple[CaseId, ...]
    files: int
    files_not_included: int


# ------------------------------------------------------------------------------- import


def _copy_files(
    source: Path, vault: Vault, files: list[tuple[EvidenceFile, dict[str, Any]]], added: list[str]
) -> int:
    """Re-encrypt each bundled file into the vault under a new key (names go into ``added``);
    returns how many file rows the export listed without their file (dropped)."""
    wanted = [(row, entry) for row, entry in files if entry.get("member")]
    if not wanted:
        return len(files)
    try:
        with zipfile.ZipFile(source) as archive:
            for row, entry in wanted:
                key = base64.b64decode(str(entry["key"]), validate=True)
                with archive.open(str(entry["member"])) as member:
                    chunks = Vault.decrypt_from(member, key, expected_sha256=row.sha256)
                    blob = vault.put_stream(ChunkReader(chunks))  # type: ignore[arg-type]
                added.append(blob.name)
                row.vault_name, row.file_key, row.size = blob.name, blob.key, blob.size
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, VaultError) as exc:
        raise DamagedBundle(
            source.name, f"an evidence file is cut short or changed: {type(exc).__name__}"
        ) from None
    return len(files) - len(wanted)


def _staff(session: Session, data: Any, actor: str) -> int | None:
    if not isinstance(data, dict):
        return None
    name = str(data.get("name", "")).strip()
    try:
        role = StaffRole(data.get("role", "paralegal"))
    except ValueError:
        raise BundleError(
            f"Unknown staff role {data.get('role')!r}; nothing was imported."
        ) from None
    if not name:
        return None
    found = session.scalar(select(Staff.id).where(Staff.name == name, Staff.role == role))
    if found is not None:
        return int(found)
    row = Staff(name=name, role=role, email=str(data.get("email", "")))
    session.add(row)
    session.flush()
    record_created(
        session,
        actor=actor,
        entity=Entity.STAFF,
        entity_id=row.id,
        values={"name": name, "role": role},
    )
    return row.id


def _duplicates(store: Store, client: Client) -> tuple[list[int], str]:
    names = [f"{client.given_name} {client.family_name}".strip(), *client.other_names]
    matches = client_service.check_conflicts(
        store=store,
        names=names,
        a_number=client.a_number or "",
        date_of_birth=client.date_of_birth,
    )
    likely = [
        m
        for m in matches
        if m.party.kind is PartyKind.CLIENT
        and ({MatchReason.SAME_A_NUMBER, MatchReason.SAME_NAME} & set(m.reasons))
    ]
    reasons = sorted({r.value.replace("_", " ") for m in likely for r in m.reasons})
    return sorted({m.party.party_id for m in likely}), ", ".join(reasons)


@dataclass
class _Planned:
    client: Client
    adverse: list[Any]
    notes: list[Any]
    cases: list[tuple[Case, dict[str, Any], list[Any], list[Any]]]
    background: list[Any]  # the I-589's Part A.III lists (version 4)


def _plan(
    document: dict[str, Any],
) -> tuple[list[_Planned], list[tuple[EvidenceFile, dict[str, Any]]]]:
    planned, files = [], []
    for index, entry in enumerate(document["clients"]):
        where = f"clients[{index}]"
        if not isinstance(entry, dict):
            raise DocumentError(f"{where} must be an object")
        cases = []
        raw_cases = entry.get("cases", [])
        if not isinstance(raw_cases, list):
            raise DocumentError(f"{where}.cases must be a list")
        for number, raw in enumerate(raw_cases):
            here = f"{where}.cases[{number}]"
            if not isinstance(raw, dict):
                raise DocumentError(f"{here} must be an object")
            case, case_files = new_case(raw, here)
            files += case_files
            cases.append((case, raw, new_checklist(raw, here), new_notes(raw, here)))
        planned.append(
            _Planned(
                new_client(entry, where),
                new_adverse_parties(entry, where),
                new_notes(entry, where),
                cases,
                new_background(entry, where),
            )
        )
    return planned, files


def import_cases(
    *,
    store: Store,
    source: Path,
    passphrase: str | None,
    as_new_client: bool = False,
    merge_into: ClientId | None = None,
) -> Result[ImportSummary]:
    """Add the exported clients and cases to this store as new rows, in one transaction."""
    document = open_document(source, passphrase)
    try:
        planned, files = _plan(document)
    except DocumentError as exc:
        raise DamagedBundle(source.name, str(exc)) from None
    reasons = case_checks.problems_of(
        [(item.client, [case for case, *_ in item.cases]) for item in planned],
        today=datetime.now(UTC).date(),
    )
    if reasons:
        raise InvalidRecords(source.name, reasons)
    if merge_into is not None and len(planned) != 1:
        raise BundleError(
            N_(
                "--merge-into needs an export of one client's cases; this one has {n} clients. "
                "Nothing was imported."
            ),
            n=len(planned),
        )
    if merge_into is None:
        for item in planned:
            found, reason = _duplicates(store, item.client)
            taken = item.client.a_number is not None and "same a number" in reason
            if found and (not as_new_client or taken):
                raise DuplicateClient(found, reason)
    added: list[str] = []
    try:
        dropped = _copy_files(source, store.vault, files, added)
        with store.unit_of_work() as session:
            summary = _insert(session, store.actor, planned, merge_into, files)
            changes = refresh_cases(session, set(summary.case_ids), store.actor)
    except BaseException:
        for name in added:
            with contextlib.suppress(OSError):
                store.vault.delete(name)
        raise
    touched = {(Entity.CLIENT, int(i)) for i in summary.client_ids}
    touched |= {(Entity.CASE, int(i)) for i in summary.case_ids}
    return Result(
        ImportSummary(summary.client_ids, summary.case_ids, len(added), dropped),
        changes=Changes(frozenset(touched)) | changes,
    )


def _insert(
    session: Session,
    actor: str,
    planned: list[_Planned],
    merge_into: ClientId | None,
    files: list[tuple[EvidenceFile, dict[str, Any]]],
) -> ImportSummary:
    keep = {id(row) for row, entry in files if entry.get("member")}
    client_ids: list[ClientId] = []
    case_ids: list[CaseId] = []
    for item in planned:
        if merge_into is not None:
            client = session.get(Client, merge_into)
            if client is None:
                raise BundleError(
                    f"There is no client {merge_into} to merge into; nothing was imported."
                )
        else:
            client = item.client
            session.add(client)
            session.flush()
            link_people(client)  # entries' and statuses' places, checked by the plan
            record_created(
                session,
                actor=actor,
                entity=Entity.CLIENT,
                entity_id=client.id,
                values={"imported_from_case_export": True},
            )
            for row in [*item.adverse, *item.notes, *item.background]:
                row.client_id = client.id
                session.add(row)
        client_ids.append(ClientId(client.id))
        case_ids += [
            _insert_case(session, actor, client, planned_case, keep) for planned_case in item.cases
        ]
    return ImportSummary(tuple(client_ids), tuple(case_ids), 0, 0)


def _insert_case(
    session: Session,
    actor: str,
    client: Client,
    planned: tuple[Case, dict[str, Any], list[Any], list[Any]],
    keep: set[int],
) -> CaseId:
    """One planned case with its checklist and notes, its files limited to those bundled."""
    case, raw, checklist, notes = planned
    for evidence in case.evidence:
        evidence.files = [f for f in evidence.files if id(f) in keep]
    case.client_id = client.id
    case.paralegal_id = _staff(session, raw.get("paralegal"), actor)
    case.attorney_id = _staff(session, raw.get("attorney"), actor)
    case.i589_preparer_id = _staff(session, raw.get("i589_preparer"), actor)
    session.add(case)
    session.flush()
    link_facts(case)  # a FOIA response to its request: places checked by the plan
    for row in [*checklist, *notes]:
        row.case_id = case.id
        if hasattr(row, "client_id"):
            row.client_id = client.id
        session.add(row)
    session.flush()
    record(
        session,
        actor=actor,
        action=AuditAction.CREATE,
        entity=Entity.CASE,
        entity_id=case.id,
        changes={
            "imported_from_case_export": [None, True],
            "client_id": [None, client.id],
            "hearings": [None, len(case.hearings)],
            "deadlines": [None, len(case.deadlines)],
            "evidence": [None, len(case.evidence)],
            "files": [None, sum(len(e.files) for e in case.evidence)],
        },
    )
    return CaseId(case.id)
