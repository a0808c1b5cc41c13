"""Writing and checking the hash-chained audit trail.

Entries are appended inside the same transaction as the change they describe, so an audit
entry exists exactly when its change was committed. The chain head (sequence and hash) is also
written to ``audit-head.json`` after each commit, outside the database: an older copy of the
database put back in place (a replay, which SQLCipher's page HMAC cannot see) then shows as a
head that is ahead of the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from clinic.domain.audit_chain import (
    GENESIS,
    AuditRecord,
    ChainBreak,
    ChainHead,
    entry_hash,
    verify_chain,
)
from clinic.storage.datadir import write_private_file
from clinic.storage.models import AuditEntry

AUDITED = "clinic.audited"
BATCH = "clinic.audit_batch"  # session.info: an AuditBatch collecting this session's entries


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return "<binary>"  # file keys are never copied into the audit trail
    return str(value)  # dates, times, enums


def jsonable(value: Any) -> Any:
    """``value`` as the audit trail stores it (dates and enums as text, tuples as lists)."""
    return _jsonable(value)


def append_entry(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, Any],
) -> AuditEntry:
    batch = session.info.get(BATCH)
    if isinstance(batch, AuditBatch):
        return batch.append(
            session,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes=changes,
        )
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    now = datetime.now(UTC)
    record = AuditRecord(
        seq=seq,
        at=now.isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes={k: _jsonable(v) for k, v in changes.items()},
        prev_hash=prev,
    )
    entry = AuditEntry(
        seq=seq,
        at=now,
        at_text=record.at,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=record.changes,
        prev_hash=prev,
        hash=entry_hash(record),
    )
    session.add(entry)
    session.info[AUDITED] = True  # the unit of work saves the head outside after commit
    return entry


class AuditBatch:
    """A bulk write's audit entries: chained in memory on from the head, read once at the first
    entry (inside the transaction, as :func:`append_entry` reads it), and inserted together by
    :meth:`write` (one executemany) before the transaction commits. The entries, their order and
    their hashes are the ones :func:`append_entry` would have written one by one."""

    def __init__(self) -> None:
        self.head: ChainHead | None = None
        self.rows: list[dict[str, Any]] = []
        self.written = 0

    def append(
        self,
        session: Session,
        *,
        actor: str,
        action: str,
        entity: str,
        entity_id: int | None,
        changes: dict[str, Any],
    ) -> AuditEntry:
        if self.head is None:
            self.head = read_head(session)
        now = datetime.now(UTC)
        record = AuditRecord(
            seq=self.head.seq + 1,
            at=now.isoformat(timespec="microseconds"),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            changes={k: _jsonable(v) for k, v in changes.items()},
            prev_hash=self.head.hash,
        )
        digest = entry_hash(record)
        row: dict[str, Any] = {
            "seq": record.seq,
            "at": now,
            "at_text": record.at,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "changes": record.changes,
            "prev_hash": record.prev_hash,
            "hash": digest,
        }
        self.rows.append(row)
        self.head = ChainHead(record.seq, digest)
        session.info[AUDITED] = True  # the unit of work saves the head outside after commit
        return AuditEntry(**row)

    def write(self, session: Session) -> None:
        """Insert the entries collected so far (the caller's transaction commits them)."""
        if self.rows:
            session.execute(insert(AuditEntry), self.rows)
            self.written += len(self.rows)
            self.rows = []


def _record_of(entry: AuditEntry) -> AuditRecord:
    return AuditRecord(
        seq=entry.seq,
        at=entry.at_text,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        changes=dict(entry.changes),
        prev_hash=entry.prev_hash,
    )


def read_head(session: Session) -> ChainHead:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return ChainHead(last[0], last[1]) if last else ChainHead(0, GENESIS)


def save_external_head(path: Path, head: ChainHead, store_id: str | None = None) -> None:
    document: dict[str, Any] = {"seq": head.seq, "hash": head.hash}
    if store_id is not None:
        document["store_id"] = store_id
    write_private_file(path, json.dumps(document).encode())


def load_external_head(path: Path, store_id: str | None = None) -> ChainHead | None:
    """The head in ``audit-head.json``; ``ChainHead(-1, "unreadable")`` when damaged, and
    ``ChainHead(-2, "foreign")`` when it names another store than ``store_id``."""
    try:
        data = json.loads(path.read_text())
        head = ChainHead(int(data["seq"]), str(data["hash"]))
        named = data.get("store_id")
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        return ChainHead(-1, "unreadable")
    if store_id is not None and named is not None and named != store_id:
        return ChainHead(-2, "foreign")
    return head


@dataclass(frozen=True)
class AuditReport:
    entries: int
    breaks: tuple[ChainBreak, ...]
    head_problem: str | None

    @property
    def ok(self) -> bool:
        return not self.breaks and self.head_problem is None


def verify_entries(session: Session) -> tuple[int, tuple[ChainBreak, ...], dict[int, str]]:
    """The chain read in one statement (one snapshot): its length, its breaks, and each
    entry's hash by number (to compare with the heads kept outside, read *before* this)."""
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    pairs = [(_record_of(entry), entry.hash) for entry in entries]
    return len(entries), tuple(verify_chain(pairs)), {e.seq: e.hash for e in entries}


def verify(session: Session, head_file: Path) -> AuditReport:
    """The chain and ``audit-head.json`` alone (read first, then the database)."""
    external = load_external_head(head_file)
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    pairs = [(_record_of(entry), entry.hash) for entry in entries]
    breaks = verify_chain(pairs)
    problem = None
    by_seq = {entry.seq: entry.hash for entry in entries}
    last_seq = entries[-1].seq if entries else 0
    if external is not None:
        if external.seq < 0:
            problem = "the chain head kept outside the database is unreadable"
        elif external.seq > last_seq:
            problem = (
                f"the database ends at entry {last_seq} but entry {external.seq} was written "
                "earlier: an older copy of the database may have been put back"
            )
        elif external.seq > 0 and by_seq.get(external.seq) != external.hash:
            problem = f"entry {external.seq} differs from the one recorded outside the database"
    return AuditReport(entries=len(entries), breaks=tuple(breaks), head_problem=problem)
