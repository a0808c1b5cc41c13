"""An unlocked store: the handle services get, with its unit of work and its key.

Opening and creating one (the fail-closed decisions) is :mod:`clinic.storage.store`; whether the
database is the current copy is :mod:`clinic.storage.copy_check`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from clinic.domain.audit_chain import ChainHead
from clinic.domain.i18n import N_
from clinic.storage import anchors, crypto, keys
from clinic.storage.audit_log import AUDITED, append_entry, read_head
from clinic.storage.datadir import DataDir, write_private_file
from clinic.storage.engine import connect_raw, create_store_engine, store_error_for
from clinic.storage.errors import CannotUnlock, OlderCopy, ReadOnlyStore
from clinic.storage.keys import KeySource
from clinic.storage.store_files import StoreMeta
from clinic.storage.unit_of_work import EngineHolder, unit_of_work
from clinic.storage.vault import Vault

_log = logging.getLogger(__name__)


class Store(EngineHolder):
    """An unlocked store. Hand it to services; call :meth:`lock` to drop the key."""

    def __init__(self, datadir: DataDir, meta: StoreMeta, key: bytearray, actor: str) -> None:
        self.datadir = datadir
        self.meta = meta
        self.actor = actor
        self._key = key
        self._engine: Engine | None = create_store_engine(datadir.database, key)
        self.vault = Vault(datadir.vault)
        # Set when opening migrated the schema: what the user should be told, once.
        self.upgrade_note: str | None = None
        self.upgrade_copy: Path | None = None  # the copy it names (to word it in a language)
        # The database's last entry against the heads kept outside it, as found at opening.
        self.copy_check: anchors.CopyCheck | None = None
        # An older copy (behind an anchor) opens read-only until restored or accepted.
        self.read_only = False
        event.listen(self._engine, "connect", self._query_only_when_read_only)

    def _query_only_when_read_only(self, dbapi_connection: Any, _record: Any) -> None:
        if self.read_only:
            dbapi_connection.execute("PRAGMA query_only = ON")

    def older_copy_error(self) -> OlderCopy:
        check = self.copy_check
        assert check is not None
        if check.behind:
            return OlderCopy(
                N_(
                    "This is an older copy of the records: they end at audit entry {last}, but "
                    "entry {newest} was saved before (recorded {places}), so changes made after "
                    "this copy are missing (entries missing: {missing}). It is open read-only: "
                    "nothing can be saved. Restore the right backup (clinic restore), or accept "
                    "this copy as current (clinic accept-copy), which is recorded in the audit "
                    "trail."
                ),
                last=check.last_entry,
                newest=check.newest_anchor,
                places=", ".join(_place_words(a.place) for a in check.behind),
                missing=check.missing_changes,
            )
        return OlderCopy(
            N_(
                "These records differ from the ones this computer saw last (audit entry "
                "{newest}, recorded {places}): another copy of the store was changed separately, "
                "or an older copy was put back and changed. It is open read-only: nothing can "
                "be saved. Restore the right backup (clinic restore), or accept this copy as "
                "current (clinic accept-copy), which is recorded in the audit trail."
            ),
            newest=check.newest_anchor,
            places=", ".join(_place_words(a.place) for a in check.diverged),
        )

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error, keep the chain head."""
        with unit_of_work(
            self.engine,
            quiet_rollback=_ALREADY_ROLLED_BACK,
            before_commit=self._refuse_if_read_only,
            explain=self._explain,
        ) as session:
            yield session
            audited = bool(session.info.get(AUDITED))
        if audited:
            self._save_head()

    def _refuse_if_read_only(self, session: Session) -> None:
        audited = bool(session.info.get(AUDITED))
        if self.read_only and (audited or session.new or session.dirty or session.deleted):
            raise self.older_copy_error()

    def _explain(self, error: BaseException) -> BaseException | None:
        """The database's refusal in the store's words; an older copy says so."""
        if isinstance(error, DBAPIError):
            explained = None if error.orig is None else store_error_for(error.orig)
            if isinstance(explained, ReadOnlyStore) and self.read_only:
                return self.older_copy_error()
            return explained
        if isinstance(error, ReadOnlyStore) and self.read_only:
            return self.older_copy_error()
        return None

    def _save_head(self) -> None:
        """Copy the chain head outside the database, after the commit.

        The change is committed by now, so a failure here must not be reported as "nothing was
        saved" (the user would enter it again). A head left one commit behind is what a crash
        between commit and this write leaves too; :func:`audit_log.verify` accepts it (only a
        head *ahead* of the database means an older copy was put back), and the next save
        writes the head again.
        """
        with Session(self.engine) as reader:
            head = read_head(reader)
        self.advance_anchors(head)

    def advance_anchors(self, head: ChainHead) -> None:
        try:
            failed = anchors.advance_all(
                self.datadir,
                self.meta.store_id,
                self.meta.key_source is KeySource.KEYCHAIN,
                head.seq,
                head.hash,
            )
        except OSError as exc:
            failed = [f"{anchors.STATE} ({errno.errorcode.get(exc.errno or 0, 'error')})"]
        if failed:
            _log.warning(
                "The audit chain head (entry %d) could not be kept in: %s; the next save "
                "writes it again.",
                head.seq,
                ", ".join(failed),
            )

    def accept_as_current(self, *, reason: str) -> int:
        """Accept an older copy as current: an audit entry records what was lost, then every
        anchor is moved to it (backwards, on purpose). The caller has asked for the passphrase
        or keychain again. Returns the new entry's number."""
        check = self.copy_check
        if check is None or not check.older_copy:
            raise OlderCopy(N_("This copy is not behind any record kept outside it."))
        self.read_only = False
        self.engine.dispose()  # no connection stays query-only
        try:
            with self.unit_of_work() as session:
                append_entry(
                    session,
                    actor=self.actor,
                    action="accept_older_copy",
                    entity="store",
                    entity_id=None,
                    changes={
                        "last_entry_of_copy": check.last_entry,
                        "newest_entry_seen": check.newest_anchor,
                        "entries_missing": check.missing_changes,
                        "behind": {a.place: a.seq for a in check.behind},
                        "diverged": {a.place: a.seq for a in check.diverged},
                        "reason": reason,
                    },
                )
                session.info[AUDITED] = False  # anchors are set below, backwards on purpose
            with Session(self.engine) as reader:
                head = read_head(reader)
            anchors.set_all(
                self.datadir, self.meta.store_id, self.meta.key_source.value, head.seq, head.hash
            )
        except BaseException:
            self.read_only = True
            self.engine.dispose()
            raise
        self.copy_check = anchors.CopyCheck(last_entry=head.seq)
        return head.seq

    def raw_connection(self) -> Any:
        """A fresh keyed DB-API connection (integrity checks, backups); caller closes it."""
        if self._engine is None:
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return connect_raw(self.datadir.database, self._key)

    def key_hex_for_recovery_kit(self) -> str:
        """Only for printing the recovery kit the user asked for."""
        return bytes(self._unlocked_key()).hex()

    def key_copy(self) -> bytearray:
        """A copy of the key for opening a copy of this database (backups); wipe it after use
        with :func:`keys.wipe`."""
        return bytearray(self._unlocked_key())

    def derive_key(self, info: bytes) -> bytes:
        """A 32-byte key for one purpose (``info``), derived from the database key by
        HKDF-SHA256; it reveals nothing about the database key."""
        return derive_subkey(self._unlocked_key(), info)

    def _unlocked_key(self) -> bytearray:
        # A locked store's key is all zeros: never hand that out as if it were the key.
        if self._engine is None or not any(self._key):
            raise CannotUnlock(N_("The store is locked; unlock it again."))
        return self._key

    def lock(self) -> None:
        """Close every connection and overwrite the key held in memory."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        keys.wipe(self._key)

    def wrap_with_passphrase(self, passphrase: str) -> None:
        """Change (or set) the passphrase: re-wraps the key; the database is not re-encrypted."""
        write_private_file(
            self.datadir.wrapped_key, keys.wrap_key(self._key, passphrase, self.meta.store_id)
        )
        if self.meta.key_source is not KeySource.PASSPHRASE:
            self.meta = StoreMeta(
                store_id=self.meta.store_id,
                key_source=KeySource.PASSPHRASE,
                key_check=self.meta.key_check,
                created_at=self.meta.created_at,
            )
            write_private_file(self.datadir.meta, self.meta.to_json())

    def move_key_to_keychain(self) -> None:
        """Keep the key in this computer's keychain from now on (e.g. after a recovery)."""
        keys.store_in_keychain(self._key, self.meta.store_id)
        self.meta = StoreMeta(
            store_id=self.meta.store_id,
            key_source=KeySource.KEYCHAIN,
            key_check=self.meta.key_check,
            created_at=self.meta.created_at,
        )
        write_private_file(self.datadir.meta, self.meta.to_json())
        self.datadir.wrapped_key.unlink(missing_ok=True)


def derive_subkey(key: bytearray, info: bytes) -> bytes:
    """HKDF-SHA256 (no salt) of ``key`` for the purpose ``info``: see :meth:`Store.derive_key`."""
    return crypto.hkdf_sha256(bytes(key), info)


# SQLITE_FULL has already rolled back; a second ROLLBACK fails with "no transaction is active".
_ALREADY_ROLLED_BACK = (OperationalError, sqlcipher3.OperationalError)


_PLACES = {
    anchors.FOLDER: N_("in audit-head.json in the data folder"),
    anchors.STATE: N_("in this computer's state file"),
    anchors.KEYCHAIN: N_("in this computer's keychain"),
}


def _place_words(place: str) -> str:
    return _PLACES.get(place, place)


def count_rows(store: Store, model: type[Any]) -> int:
    with store.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)
