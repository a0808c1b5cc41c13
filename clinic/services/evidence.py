"""Evidence items and their encrypted files."""

from __future__ import annotations

import mimetypes
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import AuditAction
from clinic.domain.ids import CaseId, EvidenceFileId, EvidenceId
from clinic.domain.validation import validate_evidence
from clinic.services.auditing import record, record_created
from clinic.services.dto import EvidenceFileView
from clinic.services.errors import NotFound, Thing
from clinic.services.export_file import write_export
from clinic.services.results import Changes, Entity, Result, rejected
from clinic.services.views import file_view
from clinic.storage.models import Case, EvidenceFile, EvidenceItem
from clinic.storage.store import Store
from clinic.storage.vault import Vault, VaultError, VaultFileMissing, VaultIntegrityError


class EvidenceFileDamaged(VaultIntegrityError):
    """An evidence file's encrypted copy failed verification: never shown, never overwritten.

    The message names the file by its id; its original name (client data, kept out of messages
    that may reach a log) is on ``original_name`` for the window to show.
    """

    def __init__(self, file_id: int, original_name: str, detail: str) -> None:
        super().__init__(
            f"Evidence file {file_id} is damaged ({detail}), so it is not shown and was not "
            "changed. Restore it from a backup; 'clinic doctor' lists every damaged file."
        )
        self.file_id = file_id
        self.original_name = original_name


class EvidenceFileMissing(VaultFileMissing):
    """An evidence file's encrypted copy is not in the vault (see :class:`EvidenceFileDamaged`)."""

    def __init__(self, file_id: int, original_name: str) -> None:
        super().__init__(
            f"Evidence file {file_id} is missing from the vault folder. Restore it from a backup; "
            "'clinic doctor' lists every missing file."
        )
        self.file_id = file_id
        self.original_name = original_name


def _named(error: VaultError, row: EvidenceFile) -> VaultError:
    if isinstance(error, VaultFileMissing):
        return EvidenceFileMissing(row.id, row.original_name)
    if isinstance(error, VaultIntegrityError):
        return EvidenceFileDamaged(row.id, row.original_name, str(error))
    return error


def add_evidence(
    *, store: Store, case_id: CaseId, evidence: EvidenceDraft, today: date
) -> Result[EvidenceId]:
    problems = validate_evidence(evidence, today=today)
    if problems:
        return rejected(problems)
    with store.unit_of_work() as session:
        if session.get(Case, case_id) is None:
            raise NotFound(Thing.CASE, case_id)
        values = asdict(evidence)
        values["language"] = evidence.language.lower()
        last = session.scalar(
            select(func.max(EvidenceItem.exhibit_order)).where(EvidenceItem.case_id == case_id)
        )
        row = EvidenceItem(case_id=case_id, exhibit_order=(last or 0) + 1, **values)
        session.add(row)
        session.flush()
        record_created(
            session,
            actor=store.actor,
            entity=Entity.EVIDENCE,
            entity_id=row.id,
            values={**values, "case_id": case_id},
        )
        return Result(
            EvidenceId(row.id),
            changes=Changes.of((Entity.EVIDENCE, row.id), (Entity.CASE, case_id)),
        )


def attach_file(
    *,
    store: Store,
    evidence_id: EvidenceId,
    source: BinaryIO,
    original_name: str,
    media_type: str | None = None,
) -> Result[EvidenceFileView]:
    """Encrypt ``source`` into the vault and link it to the evidence item.

    The blob is written first; if the database transaction then fails, the orphan blob is
    removed, so neither a dangling row nor a stray file is left behind.
    """
    with store.unit_of_work() as session:
        item = session.get(EvidenceItem, evidence_id)
        if item is None:
            raise NotFound(Thing.EVIDENCE, evidence_id)
    blob = store.vault.put_stream(source)
    try:
        with store.unit_of_work() as session:
            name = Path(original_name).name or "file"
            kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
            row = EvidenceFile(
                evidence_id=evidence_id,
                vault_name=blob.name,
                file_key=blob.key,
                original_name=name,
                media_type=kind,
                size=blob.size,
                sha256=blob.sha256,
            )
            session.add(row)
            session.flush()
            record_created(
                session,
                actor=store.actor,
                entity=Entity.EVIDENCE_FILE,
                entity_id=row.id,
                values={
                    "evidence_id": evidence_id,
                    "original_name": name,
                    "size": blob.size,
                    "sha256": blob.sha256,
                },
            )
            view = file_view(row)
            case_id = session.get_one(EvidenceItem, evidence_id).case_id
    except BaseException:
        store.vault.delete(blob.name)
        raise
    return Result(view, changes=Changes.of((Entity.EVIDENCE, evidence_id), (Entity.CASE, case_id)))


def attach_path(*, store: Store, evidence_id: EvidenceId, path: Path) -> Result[EvidenceFileView]:
    with path.open("rb") as source:
        return attach_file(
            store=store, evidence_id=evidence_id, source=source, original_name=path.name
        )


def read_evidence_file(*, store: Store, file_id: EvidenceFileId) -> bytes:
    """The decrypted content, in memory only (previews, packet building)."""
    with store.unit_of_work() as session:
        row = session.get(EvidenceFile, file_id)
        if row is None:
            raise NotFound(Thing.FILE, file_id)
    try:
        return store.vault.read_bytes(row.vault_name, row.file_key, expected_sha256=row.sha256)
    except VaultError as exc:
        raise _named(exc, row) from None


def export_evidence_file(
    *, store: Store, file_id: EvidenceFileId, destination: Path
) -> Result[Path]:
    """Write a plaintext copy where the user chose; audited, never overwrites. The copy and its
    audit entry agree (:mod:`clinic.services.export_file`): no entry, no file."""
    with store.unit_of_work() as session:
        row = session.get(EvidenceFile, file_id)
        if row is None:
            raise NotFound(Thing.FILE, file_id)

    def write(handle: BinaryIO) -> None:
        try:
            source = store.vault.path_of(row.vault_name).open("rb")
        except FileNotFoundError:
            raise VaultFileMissing("no such file in the vault") from None
        with source:
            for chunk in Vault.decrypt_from(source, row.file_key, expected_sha256=row.sha256):
                handle.write(chunk)

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.EVIDENCE_FILE,
            entity_id=row.id,
            changes={"exported_to": [None, str(destination)]},
        )

    try:
        write_export(store, destination, write, audit=audit)
    except VaultError as exc:
        raise _named(exc, row) from None
    return Result(destination)
