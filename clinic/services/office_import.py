"""Moving a laptop store into the office database (``clinic server import-store``, issue 21).

The laptop store is unlocked as every command unlocks it (its passphrase, or this computer's
keychain) and opening it compares its last audit entry with the chain heads kept outside it.
An older copy (it opened read-only: a head kept outside names a later entry, or another one)
or a data folder whose own head (``audit-head.json``, which travels with the folder) is
missing is refused: nothing is moved. The heads kept by *this computer* (its state file, the
keychain) are missing when the folder was copied here from the laptop, which is how a server
administrator often works: opening records that in the trail (``anchor_missing``, moved with the
rest) and the report says so. Then :func:`clinic.storage.postgres_import.import_store` copies
it, all or nothing, checking the audit trail link by link (the same hash as ``clinic
verify-audit``) before any other table: a trail that does not verify moves nothing.
"""

from __future__ import annotations

from dataclasses import replace

from clinic.domain.i18n import N_
from clinic.services import lifecycle
from clinic.storage import anchors
from clinic.storage.datadir import DataDir
from clinic.storage.postgres import OfficeTarget
from clinic.storage.postgres_import import (
    AuditChainBroken,
    EvidenceUnreadable,
    ImportFailed,
    ImportRefused,
    ImportReport,
    import_store,
)

__all__ = [
    "AuditChainBroken",
    "EvidenceUnreadable",
    "ImportFailed",
    "ImportRefused",
    "ImportReport",
    "OfficeTarget",
    "import_laptop_store",
]


def import_laptop_store(
    *, target: OfficeTarget, password: str | None, data_dir: DataDir, passphrase: str | None
) -> ImportReport:
    """Unlock the laptop store in ``data_dir``, check it is the current copy, and move it into
    the office database at ``target`` (the server administrator's login); its audit trail is
    checked link by link as it is copied, before any other table."""
    store = lifecycle.unlock_store(
        data_dir=data_dir, passphrase=passphrase, actor=lifecycle.default_actor()
    )
    try:
        if store.read_only:
            raise ImportRefused(
                N_(
                    "The laptop store is an older copy (it opened read-only): moving it would "
                    "move records with changes missing. Restore the right backup or accept "
                    "this copy on the laptop first ('clinic accept-copy'); nothing was moved."
                )
            )
        missing = store.copy_check.missing if store.copy_check is not None else ()
        if any(anchor.place == anchors.FOLDER for anchor in missing):
            raise AuditChainBroken(
                N_(
                    "The chain head kept in the laptop store's data folder (audit-head.json) is "
                    "missing or unreadable, so whether this is the store's latest copy cannot be "
                    "told; nothing was moved into the office database. Open the store on its "
                    "laptop first (clinic verify-audit), or restore the right backup."
                )
            )
        moved = import_store(store, target, password)
        return replace(moved, heads_missing_here=tuple(sorted(a.place for a in missing)))
    finally:
        store.lock()
