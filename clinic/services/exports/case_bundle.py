"""Moving cases to another Clinic store: the passphrase-protected case bundle, and its import.

A bundle (``.cliniccase``) is a ZIP archive with members STORED (ciphertext does not compress):

    bundle.json          not secret: format, version, the scrypt parameters and salt, the
                         AES-GCM nonce, and how many evidence files follow
    export.json.enc      the case export document (JSON, see docs/export-format.md) encrypted
                         with AES-256-GCM under scrypt(passphrase); bundle.json is the
                         associated data, so changing either is detected
    files/NNNNNN.blob    with --with-files only: each evidence file exactly as the vault stores
                         it (chunked AES-256-GCM under the file's own key); the keys and
                         SHA-256 digests are inside the encrypted document

A plain JSON export (only when the user insists) is the document alone, with no files.
Importing adds everything as new rows in one transaction, recomputes rule deadlines with the
rules in force in the receiving store, re-encrypts each file into its vault under a new key,
and is audited; on any failure nothing is kept.
"""

from __future__ import annotations

import base64
import contextlib
import json
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

import clinic
from clinic.domain.conflicts import MatchReason, PartyKind
from clinic.domain.enums import AuditAction, StaffRole
from clinic.domain.ids import CaseId, ClientId
from clinic.services import clients as client_service
from clinic.services.auditing import record, record_created
from clinic.services.deadline_refresh import refresh_cases
from clinic.services.export_file import save_export, write_export
from clinic.services.exports import case_checks
from clinic.services.exports.case_document import (
    FORMAT,
    VERSION,
    DocumentError,
    encode_case,
    encode_client,
    link_facts,
    new_adverse_parties,
    new_case,
    new_checklist,
    new_client,
    new_notes,
)
from clinic.services.results import Changes, Entity, Result
from clinic.storage import crypto, keys
from clinic.storage.errors import StoreError
from clinic.storage.models import Case, Client, EvidenceFile, EvidenceItem, Staff
from clinic.storage.store import Store
from clinic.storage.vault import Vault, VaultError

SUFFIX = ".cliniccase"
HEADER, DOCUMENT, FILES = "bundle.json", "export.json.enc", "files/"
BUNDLE_KIND = "clinic-case-bundle"
MAX_DOCUMENT = 512 * 1024 * 1024
MIN_PASSPHRASE_LENGTH = keys.MIN_PASSPHRASE_LENGTH
_BUFFER = 1024 * 1024


class BundleError(StoreError):
    exit_code = 1


class DamagedBundle(BundleError):
    exit_code = 4

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(
            f"{name} is not a complete Clinic case export ({detail}), so nothing was imported. "
            "Copy it again from the computer it was made on."
        )


class InvalidRecords(BundleError):
    """Records intake would refuse (issue 16 § 5): the whole file is refused with the reasons."""

    exit_code = 4
    SHOWN = 20

    def __init__(self, name: str, reasons: Sequence[str]) -> None:
        listed = "\n".join(f"  - {reason}" for reason in reasons[: self.SHOWN])
        more = len(reasons) - self.SHOWN
        if more > 0:
            listed += f"\n  … and {more} more."
        super().__init__(
            f"{name} holds records that intake would not accept, so nothing was imported:\n"
            f"{listed}\nCorrect them in the store the file came from, then export and import "
            "again."
        )
        self.reasons = tuple(reasons)


class WrongBundlePassphrase(BundleError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this case export (or the file was changed). "
            "Check the passphrase with whoever made the file; nothing was imported."
        )


class DuplicateClient(BundleError):
    """The store already has a client who is likely the same person."""

    def __init__(self, client_ids: Sequence[int], reason: str) -> None:
        listed = ", ".join(str(i) for i in client_ids)
        super().__init__(
            f"This store already has a client who is likely the same person (client {listed}: "
            f"{reason}), so nothing was imported. Add the cases to that client with "
            "--merge-into CLIENT_ID, or, if it really is someone else, use --as-new-client."
        )
        self.client_ids = tuple(client_ids)
        self.reason = reason


@dataclass(frozen=True)
class BundleSummary:
    clients: int
    cases: int
    files: int
    encrypted: bool


@dataclass(frozen=True)
class ImportSummary:
    client_ids: tuple[ClientId, ...]
    case_ids: tuple[CaseId, ...]
    files: int
    files_not_included: int


# ------------------------------------------------------------------------------- export


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
        raise LookupError(f"case {min(missing)} does not exist")
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
            case.client_id, {**encode_client(session, case.client), "cases": []}
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


def _seal(document: bytes, passphrase: str, files: int) -> tuple[bytes, bytes]:
    params = keys.new_passphrase_params()
    header = json.dumps(
        {
            "kind": BUNDLE_KIND,
            "version": VERSION,
            "kdf": params.kdf_header(),
            "cipher": params.cipher_header(),
            "files": files,
        },
        indent=1,
    ).encode()
    return header, crypto.seal_with_passphrase(params, passphrase, document, header)


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
    if passphrase is None and with_files:
        raise BundleError(
            "Evidence files travel only in an encrypted export: drop --plaintext, or drop "
            "--with-files."
        )
    if passphrase is not None and (problem := keys.passphrase_problem(passphrase)):
        raise BundleError(f"That passphrase is too weak. {problem}")
    with store.unit_of_work() as session:
        cases = _load_cases(session, case_ids)
        document, blobs = _document(session, cases, with_files, now or datetime.now(UTC))
    for blob in blobs:  # a damaged file must not travel: check before anything is written
        try:
            store.vault.check(blob.vault_name, blob.key, expected_sha256=blob.sha256)
        except VaultError:
            raise BundleError(
                f"Evidence file {blob.file_id} is missing or damaged, so the export was not "
                "made. Run 'clinic doctor', restore the file from a backup, then export again."
            ) from None
    body = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    summary = BundleSummary(
        clients=len(document["clients"]),
        cases=len(cases),
        files=len(blobs),
        encrypted=passphrase is not None,
    )

    def audit(session: Session) -> None:
        for case in cases:
            record(
                session,
                actor=store.actor,
                action=AuditAction.EXPORT,
                entity=Entity.CASE,
                entity_id=case.id,
                changes={
                    "case_export_saved_to": [None, str(destination)],
                    "encrypted": [None, summary.encrypted],
                    "files": [None, with_files],
                },
            )

    if passphrase is None:
        save_export(store, destination, body, audit=audit, overwrite=overwrite)
    else:
        header, sealed = _seal(body, passphrase, len(blobs))
        write_export(
            store,
            destination,
            lambda handle: _write_zip(
                handle, header=header, sealed=sealed, blobs=blobs, vault=store.vault
            ),
            audit=audit,
            overwrite=overwrite,
        )
    return Result(summary)


def _write_zip(
    handle: BinaryIO, *, header: bytes, sealed: bytes, blobs: list[_Blob], vault: Vault
) -> None:
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(HEADER, header)
        archive.writestr(DOCUMENT, sealed)
        for blob in blobs:
            with (
                vault.path_of(blob.vault_name).open("rb") as source,
                archive.open(blob.member, "w", force_zip64=True) as target,
            ):
                while chunk := source.read(_BUFFER):
                    target.write(chunk)


# ------------------------------------------------------------------------------- reading


def needs_passphrase(source: Path) -> bool:
    """True for an encrypted bundle, False for a plain JSON export (raises for anything else)."""
    head = _head(source)
    if head.startswith(b"PK"):
        return True
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    raise DamagedBundle(source.name, "it is neither a case bundle nor a case export JSON file")


def _head(source: Path) -> bytes:
    try:
        with source.open("rb") as handle:
            return handle.read(64)
    except FileNotFoundError:
        raise BundleError(f"There is no file {source}.") from None


def _open_document(source: Path, passphrase: str | None) -> dict[str, Any]:
    if not needs_passphrase(source):
        return _parse_document(source.name, source.read_bytes())
    if passphrase is None:
        raise WrongBundlePassphrase()
    try:
        with zipfile.ZipFile(source) as archive:
            header = _small(archive, HEADER)
            sealed = _small(archive, DOCUMENT)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, OSError) as exc:
        raise DamagedBundle(
            source.name, f"it is cut short or changed: {type(exc).__name__}"
        ) from None
    try:  # the header is untrusted: its scrypt cost and sizes are checked before any work
        info: Any = crypto.untrusted_json(header)
        if not isinstance(info, dict) or info.get("kind") != BUNDLE_KIND:
            raise ValueError("not a case bundle header")
        version = info.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("no format version")
        if version > VERSION:
            raise ValueError("made by a newer Clinic")
        params = crypto.PassphraseParams.from_header(info.get("kdf"), info.get("cipher"))
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedBundle(source.name, f"its header is unreadable: {exc}") from None
    try:
        body = crypto.open_with_passphrase(params, passphrase, sealed, header)
    except crypto.AuthenticationFailed:
        raise WrongBundlePassphrase() from None
    return _parse_document(source.name, body)


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    limit = crypto.MAX_HEADER_BYTES if name == HEADER else MAX_DOCUMENT
    if archive.getinfo(name).file_size > limit:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


def _parse_document(name: str, body: bytes) -> dict[str, Any]:
    try:
        document: Any = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise DamagedBundle(name, "its JSON is cut short or not UTF-8") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DamagedBundle(name, "it is not a Clinic case export")
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BundleError(
            f"{name} was made by a newer version of Clinic (format version {version}); "
            "install that version to import it. Nothing was imported."
        )
    if not isinstance(document.get("clients"), list):
        raise DamagedBundle(name, "it lists no clients")
    return document


# ------------------------------------------------------------------------------- import


class _Stream:
    """``read(size)`` over the verified plaintext chunks of a bundled file."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            size = len(self._buffer)
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


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
                    blob = vault.put_stream(_Stream(chunks))  # type: ignore[arg-type]
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
    document = _open_document(source, passphrase)
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
            "--merge-into needs an export of one client's cases; this one has "
            f"{len(planned)} clients. Nothing was imported."
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
            record_created(
                session,
                actor=actor,
                entity=Entity.CLIENT,
                entity_id=client.id,
                values={"imported_from_case_export": True},
            )
            for row in [*item.adverse, *item.notes]:
                row.client_id = client.id
                session.add(row)
        client_ids.append(ClientId(client.id))
        for case, raw, checklist, notes in item.cases:
            for evidence in case.evidence:
                evidence.files = [f for f in evidence.files if id(f) in keep]
            case.client_id = client.id
            case.paralegal_id = _staff(session, raw.get("paralegal"), actor)
            case.attorney_id = _staff(session, raw.get("attorney"), actor)
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
            case_ids.append(CaseId(case.id))
    return ImportSummary(tuple(client_ids), tuple(case_ids), 0, 0)
