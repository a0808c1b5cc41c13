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

from clinic.storage.datadir import APP_NAME, make_private_dir, write_private_file

ENV_STATE_DIR = "CLINIC_STATE_DIR"
STATE_FORMAT = 1


def state_dir() -> Path:
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


def state_unreadable() -> bool:
    return bool(_read(state_file()).get("unreadable"))


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


def advance_head(store_id: str, folder: Path, seq: int, entry_hash: str) -> None:
    """Record a newer chain head; an older one than recorded is ignored (never moved back)."""
    with _locked() as stores:
        record = stores.get(store_id)
        if not isinstance(record, dict):
            record = {"folder": str(Path(folder).absolute()), "key_source": ""}
        if int(record.get("seq", -1)) >= seq:
            return
        record.update(seq=seq, hash=entry_hash, at=_now())
        stores[store_id] = record


def set_head(store_id: str, folder: Path, key_source: str, seq: int, entry_hash: str) -> None:
    """Move the head to ``seq`` even backwards: only after an audited restore or acceptance."""
    with _locked() as stores:
        stores[store_id] = {
            "folder": str(Path(folder).absolute()),
            "key_source": key_source,
            "seq": seq,
            "hash": entry_hash,
            "at": _now(),
        }
