"""The audit trail's hash chain: any change, deletion or reordering is found, at the right entry."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from clinic.domain.audit_chain import (
    GENESIS,
    AuditRecord,
    ChainBreak,
    canonical,
    entry_hash,
    verify_chain,
)

Chain = list[tuple[AuditRecord, str]]


def build_chain(count: int = 5) -> Chain:
    chain: Chain = []
    prev = GENESIS
    for seq in range(1, count + 1):
        record = AuditRecord(
            seq=seq,
            at=f"2026-11-28T10:00:{seq:02d}.000000+00:00",
            actor="paralegal",
            action="update",
            entity="client",
            entity_id=7,
            changes={"phone": [f"555-000{seq - 1}", f"555-000{seq}"], "note": "José Núñez"},
            prev_hash=prev,
        )
        digest = entry_hash(record)
        chain.append((record, digest))
        prev = digest
    return chain


def seqs(breaks: list[ChainBreak]) -> list[int]:
    return [b.seq for b in breaks]


def test_intact_chain_has_no_breaks() -> None:
    assert verify_chain(build_chain()) == []


def test_empty_chain_has_no_breaks() -> None:
    assert verify_chain([]) == []


def test_first_entry_links_to_genesis() -> None:
    first, _ = build_chain(1)[0]
    assert first.prev_hash == GENESIS == "0" * 64


@pytest.mark.parametrize(
    "changes",
    [
        {"changes": {"phone": ["555-0001", "555-9999"], "note": "José Núñez"}},
        {"actor": "someone else"},
        {"action": "delete"},
        {"entity": "case"},
        {"entity_id": 8},
        {"at": "2026-11-28T11:00:00.000000+00:00"},
    ],
)
def test_edited_content_is_detected_at_that_entry(changes: dict[str, Any]) -> None:
    chain = build_chain()
    record, stored = chain[2]
    chain[2] = (replace(record, **changes), stored)
    breaks = verify_chain(chain)
    assert seqs(breaks) == [3]
    assert "changed" in breaks[0].reason


def test_edited_and_rehashed_entry_breaks_the_next_link() -> None:
    """A forger who recomputes the edited entry's hash still breaks the following entry."""
    chain = build_chain()
    record, _ = chain[2]
    forged = replace(record, changes={"phone": ["555-0002", "555-6666"]})
    chain[2] = (forged, entry_hash(forged))
    breaks = verify_chain(chain)
    assert seqs(breaks) == [4]
    assert "link" in breaks[0].reason


def test_deleted_entry_is_detected_at_the_next_entry() -> None:
    chain = build_chain()
    del chain[2]  # entry 3
    breaks = verify_chain(chain)
    assert seqs(breaks) == [4, 4]
    reasons = " / ".join(b.reason for b in breaks)
    assert "expected entry 3" in reasons
    assert "link" in reasons


def test_deleted_first_entry_is_detected() -> None:
    chain = build_chain()
    del chain[0]
    breaks = verify_chain(chain)
    assert seqs(breaks) == [2, 2]
    assert "expected entry 1" in breaks[0].reason


def test_deleted_last_entry_is_invisible_to_the_chain_alone() -> None:
    """Why the head is also kept outside the database: truncation leaves a valid chain."""
    assert verify_chain(build_chain()[:-1]) == []


def test_reordered_entries_are_detected() -> None:
    chain = build_chain()
    chain[2], chain[3] = chain[3], chain[2]  # order is now 1, 2, 4, 3, 5
    breaks = verify_chain(chain)
    assert breaks[0].seq == 4
    assert set(seqs(breaks)) == {3, 4, 5}
    assert all(b.seq != 1 and b.seq != 2 for b in breaks)
    assert not any("changed" in b.reason for b in breaks)  # every entry's own hash is intact


def test_altered_prev_link_is_detected_at_that_entry() -> None:
    chain = build_chain()
    record, stored = chain[2]
    chain[2] = (replace(record, prev_hash="f" * 64), stored)
    breaks = verify_chain(chain)
    assert seqs(breaks) == [3, 3]
    reasons = " / ".join(b.reason for b in breaks)
    assert "link" in reasons
    assert "changed" in reasons  # prev is part of what was hashed


def test_altered_prev_link_with_rehash_is_still_detected() -> None:
    chain = build_chain()
    record, _ = chain[2]
    forged = replace(record, prev_hash="f" * 64)
    chain[2] = (forged, entry_hash(forged))
    breaks = verify_chain(chain)
    assert seqs(breaks) == [3, 4]
    assert all("link" in b.reason for b in breaks)


def test_replaced_stored_hash_is_detected() -> None:
    chain = build_chain()
    record, _ = chain[1]
    chain[1] = (record, "a" * 64)
    breaks = verify_chain(chain)
    assert seqs(breaks) == [2, 3]
    assert "changed" in breaks[0].reason
    assert "link" in breaks[1].reason


@pytest.mark.parametrize(
    "changes",
    [
        {"seq": 2},
        {"at": "2026-11-28T10:00:01.000001+00:00"},
        {"actor": "Paralegal"},
        {"action": "create"},
        {"entity": "client_address"},
        {"entity_id": None},
        {"changes": {}},
        {"changes": {"phone": ["555-0000", "555-0001"], "note": "Jose Nunez"}},
        {"prev_hash": "1" * 64},
    ],
)
def test_every_field_is_covered_by_the_hash(changes: dict[str, Any]) -> None:
    record, digest = build_chain(1)[0]
    assert entry_hash(replace(record, **changes)) != digest


def test_hash_is_independent_of_key_order_and_keeps_unicode() -> None:
    record, digest = build_chain(1)[0]
    reordered = replace(record, changes={"note": "José Núñez", "phone": ["555-0000", "555-0001"]})
    assert entry_hash(reordered) == digest
    assert "José Núñez".encode() in canonical(record)
    assert len(digest) == 64
    assert int(digest, 16) >= 0
