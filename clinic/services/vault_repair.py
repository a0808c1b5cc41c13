"""Orphan evidence blobs: encrypted vault files no record refers to (issue 16 § 6).

A crash between writing a blob and committing its record, or between deleting a record and its
blob, leaves an encrypted file in ``vault/`` that nothing points to. It holds no readable data
without its key (which was never committed, or is gone with its record), but it takes space and
travels in backups. ``clinic doctor`` reports how many there are (``files orphaned``); ``clinic
doctor --repair`` removes those older than an hour (a younger one may belong to a file being
added right now by another window) and records how many in the audit trail.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

from sqlalchemy import select

from clinic.domain.enums import AuditAction
from clinic.services.auditing import record
from clinic.services.results import Entity
from clinic.storage.models import EvidenceFile
from clinic.storage.store import Store
from clinic.storage.vault import VaultError

MIN_AGE_SECONDS = 3600


@dataclass(frozen=True)
class Sweep:
    removed: int
    too_recent: int  # orphans younger than MIN_AGE_SECONDS, left for now


def orphan_names(store: Store) -> set[str]:
    """Blobs in the vault that no evidence file record names."""
    with store.unit_of_work() as session:
        referenced = set(session.scalars(select(EvidenceFile.vault_name)))
    return store.vault.names() - referenced


def sweep_orphans(store: Store, *, min_age: float = MIN_AGE_SECONDS) -> Sweep:
    """Remove orphan blobs older than ``min_age`` seconds; audited when any is removed."""
    now = time.time()
    removed = recent = 0
    for name in sorted(orphan_names(store)):
        path = store.vault.path_of(name)
        try:
            age = now - path.stat().st_mtime
        except FileNotFoundError:
            continue
        if age < min_age:
            recent += 1
            continue
        with store.unit_of_work() as session:  # checked again inside: never a blob just claimed
            claimed = session.scalar(select(EvidenceFile.id).where(EvidenceFile.vault_name == name))
        if claimed is not None:
            continue
        with contextlib.suppress(VaultError):
            store.vault.delete(name)
            removed += 1
    if removed:
        with store.unit_of_work() as session:
            record(
                session,
                actor=store.actor,
                action=AuditAction.DELETE,
                entity=Entity.STORE,
                entity_id=None,
                changes={"orphan_vault_files_removed": [None, removed]},
            )
    return Sweep(removed, recent)
