"""The audit trail's hash chain: each entry's hash covers its content and the previous hash.

Changing, deleting or re-ordering any entry breaks every later hash. Putting back an older
copy of the whole database is caught by comparing with the chain head kept outside it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainHead:
    """The last entry of an audit chain: its sequence number and hash (0 and GENESIS when
    empty). Plain data: backups' manifests and the start-up code read it without SQLAlchemy."""

    seq: int
    hash: str


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str  # ISO 8601 UTC timestamp
    actor: str
    action: str
    entity: str
    entity_id: int | None
    changes: dict[str, Any]  # field -> [before, after]
    prev_hash: str


# One encoder, made once: json.dumps with these options would build a new one per entry.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical(record: AuditRecord) -> bytes:
    body = {
        "seq": record.seq,
        "at": record.at,
        "actor": record.actor,
        "action": record.action,
        "entity": record.entity,
        "entity_id": record.entity_id,
        "changes": record.changes,
        "prev": record.prev_hash,
    }
    return _CANONICAL.encode(body).encode()


def entry_hash(record: AuditRecord) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(records: Iterable[tuple[AuditRecord, str]]) -> list[ChainBreak]:
    """Check (record, stored_hash) pairs in sequence order (a list, or a stream read row by
    row); return every break found."""
    breaks: list[ChainBreak] = []
    expected_prev = GENESIS
    expected_seq = 1
    for record, stored in records:
        if record.seq != expected_seq:
            breaks.append(ChainBreak(record.seq, f"expected entry {expected_seq}: entries missing"))
        if record.prev_hash != expected_prev:
            breaks.append(ChainBreak(record.seq, "link to the previous entry does not match"))
        if entry_hash(record) != stored:
            breaks.append(ChainBreak(record.seq, "entry content was changed after it was written"))
        expected_prev = stored
        expected_seq = record.seq + 1
    return breaks
