"""Moving cases to another Clinic store: exporting them as a passphrase-protected case bundle.

This module is where callers (the window, the command line) find the whole feature: the export
here, the import (:mod:`clinic.services.exports.bundle_import`) and the container's names and
errors (:mod:`clinic.services.exports.bundle_format`, which describes the file).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

import clinic
from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.services.auditing import record
from clinic.services.errors import NotFound, Thing
from clinic.services.export_file import save_export, write_export
from clinic.services.exports.bundle_format import (
    FILES,
    HEADER,
    MIN_PASSPHRASE_LENGTH,
    SUFFIX,
    BundleError,
    DamagedBundle,
    WrongBundlePassphrase,
    needs_passphrase,
    seal,
    write_bundle,
)
from clinic.services.exports.bundle_import import (
    DuplicateClient,
    ImportSummary,
    InvalidRecords,
    import_cases,
)
from clinic.services.exports.case_background import encode_background
from clinic.services.exports.case_document import FORMAT, VERSION, encode_case, encode_client
from clinic.services.results import Entity, Result
from clinic.storage import keys
from clinic.storage.models import Case, Client, EvidenceItem
from clinic.storage.store import Store
from clinic.storage.vault import VaultError

__all__ = [
    "HEADER",
    "MIN_PASSPHRASE_LENGTH",
    "SUFFIX",
    "BundleError",
    "BundleSummary",
    "DamagedBundle",
    "DuplicateClient",
    "ImportSummary",
    "InvalidRecords",
    "WrongBundlePassphrase",
    "export_cases",
    "import_cases",
    "needs_passphrase",
]


@dataclass(frozen=True)
class BundleSummary:
    clients: int
    cases: int
    files: int
    encrypted: bool


def _load_cases(session: Session, case_ids: Sequence[int] | None) -> list[Case]:
    query = (
        select(Case)
        .order_by(Case.client_id, Case.id)
        .options(
            selectinload(Case.client).selectinload(Client.family),
            selectinload(Case.client).selectinload(Client.addresses),
            selectinload(Case.facts),
            selectinload(Case.stage_events),
            selectinload(Case.hearings),
            selectinload(Case.deadlines),
            selectinload(Case.evidence).selectinload(EvidenceItem.files),
        )
    )
    if case_ids is not None:
        query = query.where(Case.id.in_(case_ids))
    rows = list(session.scalars(query))
    missing = set(case_ids or ()) - {row.id for row in rows}
    if missing:
        raise NotFound(Thing.CASE, min(missing))
    return rows


@dataclass(frozen=True)
class _Blob:
    member: str
    vault_name: str
    key: bytes
    sha256: str
    file_id: int


def _document(
    session: Session, cases: list[Case], with_files: bool, now: datetime
) -> tuple[dict[str, Any], list[_Blob]]:
    blobs: list[_Blob] = []
    refs: dict[int, dict[str, Any]] = {}
    if with_files:
        for case in cases:
            for item in case.evidence:
                for f in item.files:
                    member = f"{FILES}{len(blobs) + 1:06d}.blob"
                    blobs.append(_Blob(member, f.vault_name, f.file_key, f.sha256, f.id))
                    refs[f.id] = {"member": member, "key": base64.b64encode(f.file_key).decode()}
    by_client: dict[int, dict[str, Any]] = {}
    for case in cases:
        entry = by_client.setdefault(
            case.client_id,
            {
                **encode_client(session, case.client),
                **encode_background(session, case.client),
                "cases": [],
            },
        )
        entry["cases"].append(encode_case(session, case, refs))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.astimezone(UTC).isoformat(),
        "app_version": clinic.__version__,
        "with_files": with_files,
        "clients": list(by_client.values()),
    }
    return document, blobs


def _check_blobs(store: Store, blobs: list[_Blob]) -> None:
    for blob in blobs:
        try:
            store.vault.check(blob.vault_name, blob.key, expected_sha256=blob.sha256)
        except VaultError:
            raise BundleError(
                f"Evidence file {blob.file_id} is missing or damaged, so the export was not "
                "made. Run 'clinic doctor', restore the file from a backup, then export again."
            ) from None


def _audit_export(
    session: Session,
    actor: str,
    *,
    cases: list[Case],
    destination: Path,
    encrypted: bool,
    with_files: bool,
) -> None:
    for case in cases:
        record(
            session,
            actor=actor,
            action=AuditAction.EXPORT,
            entity=Entity.CASE,
            entity_id=case.id,
            changes={
                "case_export_saved_to": [None, str(destination)],
                "encrypted": [None, encrypted],
                "files": [None, with_files],
            },
        )


def _refuse_options(passphrase: str | None, with_files: bool) -> None:
    """Files in a plain export, or a weak passphrase: a :class:`BundleError`."""
    if passphrase is None and with_files:
        raise BundleError(
            "Evidence files travel only in an encrypted export: drop --plaintext, or drop "
            "--with-files."
        )
    if passphrase is not None and keys.passphrase_problem(passphrase):
        if len(passphrase) < keys.MIN_PASSPHRASE_LENGTH:  # keys.passphrase_problem's reasons
            raise BundleError(
                N_(
                    "That passphrase is too weak. Use at least {minimum} characters; a few "
                    "unrelated words work well."
                ),
                minimum=keys.MIN_PASSPHRASE_LENGTH,
            )
        raise BundleError(
            N_(
                "That passphrase is too weak. Use more different characters; repeated letters "
                "are easy to guess."
            )
        )


def export_cases(
    *,
    store: Store,
    destination: Path,
    case_ids: Sequence[int] | None,
    passphrase: str | None,
    with_files: bool = False,
    overwrite: bool = False,
    now: datetime | None = None,
) -> Result[BundleSummary]:
    """Write the cases (``None``: every case) where the user chose, audited.

    With a passphrase: an encrypted bundle (evidence files too when ``with_files``). Without
    one: the plain JSON document, which the caller must have warned about; files cannot travel
    in a plain export. Raises :class:`BundleError` for a weak passphrase or that combination.
    """
    _refuse_options(passphrase, with_files)
    with store.unit_of_work() as session:
        cases = _load_cases(session, case_ids)
        document, blobs = _document(session, cases, with_files, now or datetime.now(UTC))
    _check_blobs(store, blobs)  # a damaged file must not travel: checked before anything is written
    body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    summary = BundleSummary(
        clients=len(document["clients"]),
        cases=len(cases),
        files=len(blobs),
        encrypted=passphrase is not None,
    )

    def audit(session: Session) -> None:
        _audit_export(
            session,
            store.actor,
            cases=cases,
            destination=destination,
            encrypted=summary.encrypted,
            with_files=with_files,
        )

    if passphrase is None:
        save_export(store, destination, body, audit=audit, overwrite=overwrite)
    else:
        header, sealed = seal(body, passphrase, len(blobs))
        write_export(
            store,
            destination,
            lambda handle: write_bundle(
                handle,
                header=header,
                sealed=sealed,
                members=[(b.member, store.vault.path_of(b.vault_name)) for b in blobs],
            ),
            audit=audit,
            overwrite=overwrite,
        )
    return Result(summary)
