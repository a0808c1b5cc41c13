"""What this computer remembers about its stores, outside their data folders.

One per-user state file (``platformdirs.user_state_dir("Clinic")/stores.json``, or
``$CLINIC_STATE_DIR``), owner-only, holds for each store id: the folder it was last opened in,
its key source, and its audit chain head (entry number and hash). It holds no client data and
no key. It answers two questions a data folder cannot answer about itself:

- the folder is empty or gone: did a store live there? (then it is not a first run);
- the folder's database ends before the head recorded here: an older copy was put back.

Heads only move forward (:func:`advance_head`), except on purpose after an audited restore or
acceptance (:func:`set_head`). Writers take an exclusive lock on ``stores.json.lock`` (POSIX),
read, change and replace the file atomically, so two processes saving at once never move a
head backwards.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import platformdirs

from clinic.domain.audit_chain import ChainHead
from clinic.storage import keys
from clinic.storage.datadir import APP_NAME, DataDir, make_private_dir, write_private_file
from clinic.storage.errors import KeychainUnavailable

ENV_STATE_DIR = "CLINIC_STATE_DIR"
STATE_FORMAT = 1


_isolated: list[Path] = []  # innermost last: see isolated_state()


@contextlib.contextmanager
def isolated_state(folder: Path) -> Iterator[Path]:
    """Keep the heads of stores made inside this block in ``folder`` instead of the user's
    state file (the self-test's throwaway stores must neither read nor change the real one)."""
    _isolated.append(folder)
    try:
        yield folder
    finally:
        _isolated.pop()


def state_dir() -> Path:
    if _isolated:
        return _isolated[-1]
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def state_file() -> Path:
    return state_dir() / "stores.json"


@dataclass(frozen=True)
class KnownStore:
    store_id: str
    folder: str
    key_source: str
    seq: int  # -1: no head recorded yet
    hash: str


def _read(path: Path) -> dict[str, Any]:
    try:
        data: Any = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {"unreadable": True}
    stores = data.get("stores") if isinstance(data, dict) else None
    return stores if isinstance(stores, dict) else {"unreadable": True}


def _known(store_id: str, record: Any) -> KnownStore | None:
    if not isinstance(record, dict):
        return None
    try:
        return KnownStore(
            store_id=store_id,
            folder=str(record["folder"]),
            key_source=str(record.get("key_source", "")),
            seq=int(record.get("seq", -1)),
            hash=str(record.get("hash", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def known_store(store_id: str) -> KnownStore | None:
    return _known(store_id, _read(state_file()).get(store_id))


def known_in_folder(folder: Path) -> KnownStore | None:
    """The store this computer last opened in ``folder``, if any."""
    wanted = str(Path(folder).absolute())
    for store_id, record in _read(state_file()).items():
        known = _known(store_id, record)
        if known is not None and known.folder == wanted:
            return known
    return None


@contextlib.contextmanager
def _locked() -> Iterator[dict[str, Any]]:
    """The state file's records, locked for change; written back (atomically) on success."""
    folder = state_dir()
    make_private_dir(folder)
    path = state_file()
    lock_fd = os.open(folder / "stores.json.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock(lock_fd)
        stores = _read(path)
        stores.pop("unreadable", None)
        before = json.dumps(stores, sort_keys=True)
        yield stores
        if json.dumps(stores, sort_keys=True) != before:
            document = {"format": STATE_FORMAT, "stores": stores}
            write_private_file(path, json.dumps(document, indent=2, sort_keys=True).encode())
    finally:
        os.close(lock_fd)  # closing releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:  # Windows: the atomic replace still keeps the file whole
        return
    fcntl.flock(fd, fcntl.LOCK_EX)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def remember_store(store_id: str, folder: Path, key_source: str) -> None:
    """Record that ``store_id`` lives in ``folder`` (created, opened or restored there)."""
    with _locked() as stores:
        record = stores.get(store_id)
        if not isinstance(record, dict):
            record = {"seq": -1, "hash": ""}
        record["folder"] = str(Path(folder).absolute())
        record["key_source"] = key_source
        stores[store_id] = record


def forget_store(store_id: str) -> None:
    with _locked() as stores:
        stores.pop(store_id, None)


# --- the chain head kept in several places, compared with the database at every open -------

FOLDER = "folder"  # audit-head.json in the data folder (travels with a copied folder)
STATE = "state"  # this computer's per-user state file
KEYCHAIN = "keychain"  # beside the key in the OS keychain (keychain stores only)

MISSING = None
UNREADABLE = -1
FOREIGN = -2


@dataclass(frozen=True)
class Anchor:
    """One place that remembers the chain head: ``seq`` is None when it holds nothing, -1 when
    it cannot be read, -2 when it names another store."""

    place: str
    seq: int | None
    hash: str

    @property
    def usable(self) -> bool:
        return self.seq is not None and self.seq >= 0


def load_external_head(path: Path, store_id: str) -> ChainHead | None:
    """:func:`clinic.storage.audit_log.load_external_head`, which loads SQLAlchemy: imported on
    first use, so that deciding which window to show first needs no database code."""
    from clinic.storage import audit_log  # noqa: PLC0415

    return audit_log.load_external_head(path, store_id)


def save_external_head(path: Path, head: ChainHead, store_id: str) -> None:
    from clinic.storage import audit_log  # noqa: PLC0415

    audit_log.save_external_head(path, head, store_id)


def _head(seq: int, entry_hash: str) -> ChainHead:
    return ChainHead(seq, entry_hash)


def read_anchors(datadir: DataDir, store_id: str, keychain: bool) -> list[Anchor]:
    """Every anchor of ``store_id``. Read *before* the database (see :func:`compare`)."""
    found = []
    head = load_external_head(datadir.audit_head, store_id)
    found.append(Anchor(FOLDER, None, "") if head is None else Anchor(FOLDER, head.seq, head.hash))
    records = _read(state_file())
    if records.get("unreadable"):
        found.append(Anchor(STATE, UNREADABLE, ""))
    else:
        known = _known(store_id, records.get(store_id))
        if known is None or known.seq < 0:
            found.append(Anchor(STATE, None, ""))
        else:
            found.append(Anchor(STATE, known.seq, known.hash))
    if keychain:
        try:
            kept = keys.load_head_from_keychain(store_id)
        except KeychainUnavailable:
            kept = (UNREADABLE, "")
        found.append(Anchor(KEYCHAIN, None, "") if kept is None else Anchor(KEYCHAIN, *kept))
    return found


@dataclass(frozen=True)
class CopyCheck:
    """The database's last entry against every anchor."""

    last_entry: int
    behind: tuple[Anchor, ...] = ()  # an anchor names a later entry: an older copy
    diverged: tuple[Anchor, ...] = ()  # the entry an anchor names differs: another history
    missing: tuple[Anchor, ...] = ()  # no (readable) anchor although the database has entries

    @property
    def older_copy(self) -> bool:
        return bool(self.behind or self.diverged)

    @property
    def newest_anchor(self) -> int:
        return max((a.seq for a in self.behind + self.diverged if a.seq is not None), default=0)

    @property
    def missing_changes(self) -> int:
        return max(0, self.newest_anchor - self.last_entry)


def compare(read: list[Anchor], last_entry: int, hashes: dict[int, str]) -> CopyCheck:
    """Compare anchors read earlier with the database read afterwards. Heads are written only
    after their commit and only move forward, so anchors read first can never be ahead of a
    database read later unless an older copy was put back: a concurrent writer is never
    reported (``hashes``: the database's entry hash at each usable anchor's entry number)."""
    behind, diverged, missing = [], [], []
    for anchor in read:
        if not anchor.usable:
            if last_entry > 0:
                missing.append(anchor)
            continue
        assert anchor.seq is not None
        if anchor.seq > last_entry:
            behind.append(anchor)
        elif anchor.seq > 0 and hashes.get(anchor.seq) != anchor.hash:
            diverged.append(anchor)
    return CopyCheck(last_entry, tuple(behind), tuple(diverged), tuple(missing))


def advance_all(
    datadir: DataDir, store_id: str, keychain: bool, seq: int, entry_hash: str
) -> list[str]:
    """Move every anchor forward to ``seq`` (never back); returns the places that failed."""
    failed = []
    with _locked() as stores:
        record = stores.get(store_id)
        if not isinstance(record, dict):
            record = {"folder": str(Path(datadir.root).absolute()), "key_source": ""}
        if int(record.get("seq", -1)) < seq:
            record.update(seq=seq, hash=entry_hash, at=_now())
            stores[store_id] = record
        current = load_external_head(datadir.audit_head, store_id)
        if current is None or current.seq < seq:
            try:
                save_external_head(datadir.audit_head, _head(seq, entry_hash), store_id)
            except OSError:
                failed.append(FOLDER)
        if keychain:
            try:
                kept = keys.load_head_from_keychain(store_id)
                if kept is None or kept[0] < seq:
                    keys.save_head_in_keychain(store_id, seq, entry_hash)
            except KeychainUnavailable:
                failed.append(KEYCHAIN)
    return failed


def set_all(datadir: DataDir, store_id: str, key_source: str, seq: int, entry_hash: str) -> None:
    """Move every anchor to ``seq``, backwards too: only for an audited restore or acceptance."""
    with _locked() as stores:
        stores[store_id] = {
            "folder": str(Path(datadir.root).absolute()),
            "key_source": key_source,
            "seq": seq,
            "hash": entry_hash,
            "at": _now(),
        }
        save_external_head(datadir.audit_head, _head(seq, entry_hash), store_id)
        if key_source == keys.KeySource.KEYCHAIN.value:
            # No keychain here (restored with the recovery key): the next open records it.
            with contextlib.suppress(KeychainUnavailable):
                keys.save_head_in_keychain(store_id, seq, entry_hash)
