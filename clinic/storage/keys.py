"""Database key custody: the OS keychain, or a passphrase-wrapped key file.

The key is 32 random bytes used as a raw SQLCipher key (no PBKDF2 per connection). It is held
in a ``bytearray`` so that locking can overwrite it; Python cannot promise that no other copy
exists, so we do not claim memory scrubbing. Nothing here ever writes the key in the clear.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from enum import StrEnum
from typing import Any

from clinic.domain.i18n import N_
from clinic.storage import crypto, untrusted_header
from clinic.storage.errors import DamagedStore, KeychainUnavailable, WrongPassphrase

KEY_BYTES = crypto.KEY_BYTES
KEYCHAIN_SERVICE = "Clinic"
# scrypt cost of a new key file or case bundle: about 0.3-0.6 s and 128 MiB on a laptop, paid
# once per unlock, not per connection. What an existing header may ask for is bounded in
# :mod:`clinic.storage.crypto`.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 10


class KeySource(StrEnum):
    KEYCHAIN = "keychain"
    PASSPHRASE = "passphrase"  # noqa: S105 - a label, not a secret


def new_key() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_BYTES))


def wipe(key: bytearray) -> None:
    for index in range(len(key)):
        key[index] = 0


def key_check(key: bytearray, store_id: str) -> str:
    """A value that proves a key belongs to a store without revealing the key.

    A wrong key and a damaged file both make SQLCipher say "file is not a database"; checking
    this first lets us tell the user which of the two happened.
    """
    return hmac.new(
        bytes(key), b"clinic-key-check|" + store_id.encode(), hashlib.sha256
    ).hexdigest()


def new_passphrase_params() -> crypto.PassphraseParams:
    """Fresh salt and nonce at today's scrypt cost, for a key file or a case bundle."""
    return crypto.PassphraseParams.new(SCRYPT_N, SCRYPT_R, SCRYPT_P)


def wrap_key(key: bytearray, passphrase: str, store_id: str) -> bytes:
    """The key file's bytes: the key encrypted with a passphrase-derived key (scrypt+AES-GCM)."""
    params = new_passphrase_params()
    sealed = crypto.seal_with_passphrase(params, passphrase, bytes(key), _aad(store_id))
    document = {
        "format": 1,
        "kdf": params.kdf_header(),
        "cipher": {**params.cipher_header(), "sealed_key": untrusted_header.b64(sealed)},
        "store_id": store_id,
    }
    return json.dumps(document, indent=2).encode()


def _aad(store_id: str) -> bytes:
    return b"clinic-wrapped-key|" + store_id.encode()


def _parse_wrapped(
    raw: bytes, *, any_length: bool = False
) -> tuple[crypto.PassphraseParams, bytes]:
    """``any_length``: a secret that is not a store key (an office password) may be of any
    length; a store key is exactly KEY_BYTES."""
    try:
        document: Any = untrusted_header.untrusted_json(raw)
        cipher = document["cipher"]
        params = crypto.PassphraseParams.from_header(document["kdf"], cipher)
        sealed = untrusted_header.unb64(cipher["sealed_key"])
        if any_length and len(sealed) <= crypto.TAG_BYTES:
            raise ValueError("nothing sealed")
        if not any_length and len(sealed) != KEY_BYTES + crypto.TAG_BYTES:  # key and GCM tag
            raise ValueError(f"sealed key of {len(sealed)} bytes")
        return params, sealed
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedStore(
            N_(
                "The key file (key.json) is damaged. Restore it from a backup, or open the store "
                "with the recovery key from the printed recovery kit."
            )
        ) from exc


def wrapped_store_id(raw: bytes) -> str:
    """The store id a key file names (checked against store.json before any passphrase)."""
    _parse_wrapped(raw)
    document: Any = untrusted_header.untrusted_json(raw)
    return str(document.get("store_id", ""))


def unwrap_key(
    raw: bytes, passphrase: str, store_id: str, *, any_length: bool = False
) -> bytearray:
    params, sealed = _parse_wrapped(raw, any_length=any_length)
    try:
        return bytearray(crypto.open_with_passphrase(params, passphrase, sealed, _aad(store_id)))
    except crypto.AuthenticationFailed:
        raise WrongPassphrase() from None


def passphrase_problem(passphrase: str) -> str | None:
    """A plain-words reason a new passphrase is too weak, or None."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return f"Use at least {MIN_PASSPHRASE_LENGTH} characters; a few unrelated words work well."
    if len(set(passphrase)) < 5:
        return "Use more different characters; repeated letters are easy to guess."
    return None


# --- OS keychain -----------------------------------------------------------------------------

_PLAINTEXT_BACKEND_MODULES = ("keyrings.alt", "keyring.backends.null", "keyring.backends.fail")


def _keychain_username(store_id: str) -> str:
    return f"database-key:{store_id}"


def _usable_keyring() -> Any:
    import keyring  # noqa: PLC0415 - imported lazily: backend discovery is slow and may touch D-Bus

    backend = keyring.get_keyring()
    module = type(backend).__module__
    if module.startswith(_PLAINTEXT_BACKEND_MODULES):
        raise KeychainUnavailable(
            N_("No working keychain was found on this computer. Use a passphrase instead.")
        )
    backends = getattr(backend, "backends", None)
    if backends is not None and not backends:
        raise KeychainUnavailable(
            N_("No working keychain was found on this computer. Use a passphrase instead.")
        )
    return keyring


def keychain_available() -> bool:
    try:
        _usable_keyring()
    except KeychainUnavailable:
        return False
    return True


def store_in_keychain(key: bytearray, store_id: str) -> None:
    keyring = _usable_keyring()
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        keyring.set_password(KEYCHAIN_SERVICE, _keychain_username(store_id), bytes(key).hex())
        stored = keyring.get_password(KEYCHAIN_SERVICE, _keychain_username(store_id))
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"The keychain refused to store the key ({type(exc).__name__}). Unlock the "
            "keychain and try again, or use a passphrase instead."
        ) from None
    if stored != bytes(key).hex():
        raise KeychainUnavailable(
            N_("The keychain did not keep the key. Use a passphrase instead.")
        )


def load_from_keychain(store_id: str) -> bytearray | None:
    """The key from the keychain, or None if the keychain has no entry for this store."""
    keyring = _usable_keyring()
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        text = keyring.get_password(KEYCHAIN_SERVICE, _keychain_username(store_id))
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"The keychain could not be read ({type(exc).__name__}). Unlock your keychain "
            "(log in to the desktop session) and try again."
        ) from None
    if text is None:
        return None
    try:
        key = bytearray(bytes.fromhex(text))
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def remove_from_keychain(store_id: str) -> None:
    keyring = _usable_keyring()
    from keyring.errors import KeyringError, PasswordDeleteError  # noqa: PLC0415

    try:
        keyring.delete_password(KEYCHAIN_SERVICE, _keychain_username(store_id))
    except PasswordDeleteError:
        return
    except KeyringError:
        raise KeychainUnavailable("The keychain could not be changed.") from None


# The audit chain head kept beside the key (an anchor outside the data folder; no secret).


def _head_username(store_id: str) -> str:
    return f"audit-head:{store_id}"


def save_head_in_keychain(store_id: str, seq: int, entry_hash: str) -> None:
    keyring = _usable_keyring()
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        keyring.set_password(KEYCHAIN_SERVICE, _head_username(store_id), f"{seq}:{entry_hash}")
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"The keychain refused to keep the audit head ({type(exc).__name__})."
        ) from None


def load_head_from_keychain(store_id: str) -> tuple[int, str] | None:
    """``(seq, hash)`` kept beside the key; None when there is none; (-1, "") if unreadable."""
    keyring = _usable_keyring()
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        text = keyring.get_password(KEYCHAIN_SERVICE, _head_username(store_id))
    except KeyringError as exc:
        raise KeychainUnavailable(
            f"The keychain could not be read ({type(exc).__name__})."
        ) from None
    if text is None:
        return None
    seq, _, entry_hash = text.partition(":")
    try:
        return int(seq), entry_hash
    except ValueError:
        return -1, ""


def remove_head_from_keychain(store_id: str) -> None:
    keyring = _usable_keyring()
    from keyring.errors import KeyringError, PasswordDeleteError  # noqa: PLC0415

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(KEYCHAIN_SERVICE, _head_username(store_id))
