"""Backups in office mode (issue 21): ``clinic server backup`` and ``clinic server restore``.

A backup of the office database is the same encrypted, verified file a laptop makes
(:mod:`clinic.storage.postgres_backup`), its key wrapped by a passphrase the server
administrator chooses (the laptop's passphrase rules). So one file restores two ways:

- ``clinic restore FILE --data-dir FOLDER``: a laptop store holding the whole clinic (the
  backup's passphrase opens it), e.g. to read the records while the server is down;
- ``clinic server restore --url … --from FILE``: into an **empty** office database (right after
  ``clinic server init``): the file is restored into a private folder beside it, then moved in
  by ``import-store``'s code (all or nothing, the audit trail checked link by link, a second run
  changes nothing), and the folder is removed. Staff logins are the server's, not records: they
  are added again with ``clinic server add-staff LOGIN --role ROLE --existing``.
"""

from __future__ import annotations

import secrets
import shutil
from datetime import datetime
from pathlib import Path

from clinic.services import lifecycle
from clinic.services.backup_keys import key_for
from clinic.storage import keys, migrate
from clinic.storage.backup import restore_backup
from clinic.storage.datadir import DataDir
from clinic.storage.postgres import OfficeTarget
from clinic.storage.postgres_backup import (
    OfficeBackupFailed,
    OfficeBackupReport,
    write_office_backup,
)
from clinic.storage.postgres_import import ImportReport, import_store
from clinic.storage.store_files import read_meta
from clinic.storage.store_handle import Store

__all__ = ["OfficeBackupFailed", "OfficeBackupReport", "back_up_office", "restore_into_office"]


def back_up_office(
    *,
    target: OfficeTarget,
    password: str | None,
    destination: Path,
    passphrase: str,
    now: datetime | None = None,
) -> OfficeBackupReport:
    """The office database at ``target`` (the server administrator's login) into a new backup
    file at ``destination``, never over an existing file; ``passphrase`` protects its key."""
    lifecycle.check_new_passphrase(passphrase)
    return write_office_backup(target, password, destination, passphrase=passphrase, now=now)


def restore_into_office(
    *, target: OfficeTarget, password: str | None, backup: Path, passphrase: str
) -> ImportReport:
    """The backup file restored into a private folder beside it (every member checked against
    its manifest there), then moved into the empty office database at ``target`` by
    ``import-store``'s code (the trail checked link by link); the folder is removed afterwards.
    This computer's chain heads are neither read nor written: the folder is a stage of the
    restore, not a store anyone works in."""
    staging = DataDir(Path(backup).absolute().parent / f".clinic-restore-{secrets.token_hex(6)}")
    key = key_for(backup, None, passphrase, None, keychain=False)
    store: Store | None = None
    try:
        restore_backup(backup, staging, key)
        store = Store(staging, read_meta(staging), bytearray(key), lifecycle.default_actor())
        if migrate.pending(store.engine):
            migrate.upgrade(store.engine)  # a backup made by an older Clinic
        return import_store(store, target, password)
    finally:
        keys.wipe(key)
        if store is not None:
            store.lock()
        shutil.rmtree(staging.root, ignore_errors=True)
