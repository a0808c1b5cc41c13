"""Finding a backup's key: the open store's own, the recovery key, the passphrase that unwraps the
backup's key.json, or this computer's keychain; checked against the backup's key check before
anything is restored. Words for what to enter when none is at hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from clinic.storage import keys
from clinic.storage.backup_format import (
    Manifest,
    check_key,
    read_manifest,
    read_wrapped_key,
)
from clinic.storage.errors import CannotUnlock, KeychainUnavailable, WrongPassphrase
from clinic.storage.keys import KeySource
from clinic.storage.store import Store


class BackupKeyNeeded(CannotUnlock):
    """The backup's key is not on this computer: ask for its passphrase or recovery key."""


class WrongBackupPassphrase(WrongPassphrase):
    def __init__(self) -> None:
        CannotUnlock.__init__(
            self,
            "That passphrase does not open this backup. It needs the passphrase the store had "
            "when the backup was made; if that is lost, use the recovery key from the printed "
            "recovery kit. Nothing was changed.",
        )


def key_for(
    path: Path,
    store: Store | None,
    passphrase: str | None,
    recovery_key_hex: str | None,
    *,
    keychain: bool,
) -> bytearray:
    """The backup's database key, checked against the backup's key check."""
    manifest = read_manifest(path)
    if store is not None and store.meta.store_id == manifest.store_id and not store.locked:
        key = store.key_copy()
    elif recovery_key_hex is not None:
        key = parse_recovery_key(recovery_key_hex)
    elif passphrase is not None:
        wrapped = read_wrapped_key(path)
        if wrapped is None:
            raise BackupKeyNeeded(
                "This backup's store has no passphrase; open it with the recovery key from the "
                "printed recovery kit. Nothing was changed."
            )
        try:
            key = keys.unwrap_key(wrapped, passphrase, manifest.store_id)
        except WrongPassphrase:
            raise WrongBackupPassphrase() from None
    else:
        found = from_keychain(manifest) if keychain else None
        if found is None:
            raise BackupKeyNeeded(_ask_for_key(manifest))
        key = found
    try:
        check_key(manifest, key)
    except BaseException:
        keys.wipe(key)
        raise
    return key


def _ask_for_key(manifest: Manifest) -> str:
    how = (
        "its passphrase or the recovery key"
        if manifest.key_source is KeySource.PASSPHRASE
        else "the recovery key from its printed recovery kit"
    )
    return (
        f"This backup is of store {manifest.store_id}, whose key this computer does not have. "
        f"Enter {how}. Nothing was changed."
    )


def parse_recovery_key(text: str) -> bytearray:
    cleaned = re.sub(r"[\s\-:]", "", text)
    try:
        key = bytearray.fromhex(cleaned)
    except ValueError:
        key = bytearray()
    if len(key) != keys.KEY_BYTES:
        raise BackupKeyNeeded(
            "A recovery key is 64 letters and digits (0-9, a-f); check it against the printed "
            "recovery kit. Nothing was changed."
        )
    return key


def from_keychain(manifest: Manifest) -> bytearray | None:
    try:
        return keys.load_from_keychain(manifest.store_id)
    except KeychainUnavailable:
        return None


def save_to_keychain(manifest: Manifest, key: bytearray) -> bool:
    """Keep a keychain store's key in this computer's keychain; False if that is not possible."""
    if manifest.key_source is not KeySource.KEYCHAIN:
        return False
    try:
        if from_keychain(manifest) != key:
            keys.store_in_keychain(key, manifest.store_id)
    except KeychainUnavailable:
        return False
    return True
