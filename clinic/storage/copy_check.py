"""Is this database the current copy? Its last audit entry against the heads kept outside it.

The chain head is kept in the data folder, this computer's state file and (for a keychain
store) the keychain (:mod:`clinic.storage.anchors`). Opening compares the database with them and
records a missing one; :func:`verify_audit_trail` checks the chain and the heads on demand.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic.storage import anchors
from clinic.storage.audit_log import AuditReport, append_entry, read_head, verify_entries
from clinic.storage.datadir import DataDir
from clinic.storage.keys import KeySource
from clinic.storage.models import AuditEntry
from clinic.storage.store_files import StoreMeta
from clinic.storage.store_handle import Store


def read_store_anchors(datadir: DataDir, meta: StoreMeta) -> list[anchors.Anchor]:
    return anchors.read_anchors(
        datadir, meta.store_id, keychain=meta.key_source is KeySource.KEYCHAIN
    )


def compare_with_database(connection: Any, outside: list[anchors.Anchor]) -> anchors.CopyCheck:
    last = connection.execute(select(func.max(AuditEntry.seq))).scalar() or 0
    wanted = sorted({a.seq for a in outside if a.seq is not None and 0 < a.seq <= last})
    hashes: dict[int, str] = {}
    if wanted:
        rows = connection.execute(
            select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.seq.in_(wanted))
        )
        hashes = {int(r[0]): str(r[1]) for r in rows}
    return anchors.compare(outside, int(last), hashes)


def record_missing_anchors(store: Store) -> None:
    """A missing anchor while the database has entries is a warning that is recorded (an
    audit entry naming the places), not "fine"; then every anchor is brought up to date."""
    check = store.copy_check
    if check is None:
        return
    if check.missing:
        with store.unit_of_work() as session:
            append_entry(
                session,
                actor=store.actor,
                action="anchor_missing",
                entity="store",
                entity_id=None,
                changes={
                    "places": sorted(a.place for a in check.missing),
                    "unreadable": sorted(a.place for a in check.missing if a.seq is not None),
                    "last_entry": check.last_entry,
                },
            )
    elif check.last_entry > 0:
        with Session(store.engine) as reader:
            store.advance_anchors(read_head(reader))  # a head left behind by a crash


def verify_audit_trail(store: Store) -> AuditReport:
    """The hash chain, and its last entry against every head kept outside the database.

    The heads are read first and the whole chain afterwards in one statement: a writer
    commits before it moves a head, and heads never move back, so a check running beside a
    writer can only find the heads behind the database, which is fine, never ahead of it."""
    outside = read_store_anchors(store.datadir, store.meta)
    with store.unit_of_work() as session:
        count, breaks, hashes = verify_entries(session)
    last = max(hashes, default=0)
    check = anchors.compare(outside, last, hashes)
    problems = []
    if check.behind:
        problems.append(
            f"the database ends at entry {last} but entry {check.newest_anchor} was recorded "
            f"earlier ({', '.join(a.place for a in check.behind)}): an older copy of the "
            f"database may have been put back; {check.missing_changes} entries are missing"
        )
    for anchor in check.diverged:
        problems.append(
            f"entry {anchor.seq} differs from the one recorded outside the database "
            f"({anchor.place}): another copy was changed separately"
        )
    at_open = store.copy_check
    recorded = at_open.missing if at_open is not None else ()
    for anchor in check.missing or recorded:
        state = "unreadable" if anchor.seq == anchors.UNREADABLE else "missing"
        if anchor.seq == anchors.FOREIGN:
            state = "another store's"
        problems.append(
            f"the chain head kept outside the database ({anchor.place}) was {state} while the "
            "database has entries (recorded in the audit trail as anchor_missing)"
        )
    return AuditReport(
        entries=count, breaks=breaks, head_problem="; ".join(problems) if problems else None
    )
