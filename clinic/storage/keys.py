"""Database key custody: the OS keychain, or a passphrase-wrapped key file.

The key is 32 random bytes used as a raw SQLCipher key (no PBKDF2 per connection). It is held
in a ``bytearray`` so that locking can overwrite it; Python cannot promise that no other copy
exists, so we do not claim memory scrubbing. Nothing here ever writes the key in the clear.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clinic.domain.i18n import N_
from clinic.storage.errors import DamagedStore, KeychainUnavailable, WrongPassphrase

KEY_BYTES = 32
KEYCHAIN_SERVICE = "Clinic"
# scrypt cost: about 0.3-0.6 s and 128 MiB on a laptop, paid once per unlock, not per connection.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE_LENGTH = 10
# A key file or case bundle header is untrusted input: its scrypt cost is taken only within these
# bounds (issue 16 § 5). Memory is 128·n·r bytes, time grows with n·r·p; the limits allow four
# times today's cost, so a future increase still opens here, and refuse anything that would take
# minutes or more memory than ``SCRYPT_MAXMEM``.
SCRYPT_MAXMEM = 256 * 1024 * 1024
MIN_SCRYPT_N, MAX_SCRYPT_N = 2**10, 2**20
MAX_SCRYPT_R, MAX_SCRYPT_P = 32, 16
MAX_SCRYPT_WORK = 4 * 2**17 * 8  # n·r·p
SALT_BYTES = (16, 64)
NONCE_BYTES = 12
MAX_HEADER_BYTES = 64 * 1024


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


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text, validate=True)


def check_scrypt_cost(n: object, r: object, p: object) -> tuple[int, int, int]:
    """``(n, r, p)`` when they are whole numbers within the bounds above; ValueError if not."""
    if (
        not isinstance(n, int)
        or not isinstance(r, int)
        or not isinstance(p, int)
        or any(isinstance(v, bool) for v in (n, r, p))
    ):
        raise ValueError("scrypt parameters must be whole numbers")
    if not MIN_SCRYPT_N <= n <= MAX_SCRYPT_N or n & (n - 1):
        raise ValueError(f"scrypt n={n} is not a power of two in the allowed range")
    if not 1 <= r <= MAX_SCRYPT_R or not 1 <= p <= MAX_SCRYPT_P:
        raise ValueError(f"scrypt r={r}, p={p} out of range")
    if n * r * p > MAX_SCRYPT_WORK or 128 * n * r > SCRYPT_MAXMEM // 2:
        raise ValueError(f"scrypt cost n={n}, r={r}, p={p} is too high")
    return n, r, p


def scrypt_header(kdf: Any) -> tuple[int, int, int, bytes]:
    """The checked ``(n, r, p, salt)`` of an untrusted ``kdf`` object (ValueError if hostile)."""
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise ValueError("unknown key derivation")
    n, r, p = check_scrypt_cost(kdf.get("n"), kdf.get("r"), kdf.get("p"))
    salt = _unb64(kdf.get("salt"))
    if not SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]:
        raise ValueError(f"salt of {len(salt)} bytes")
    return n, r, p, salt


def nonce_of(cipher: Any, field: str = "nonce") -> bytes:
    """The checked AES-GCM nonce of an untrusted ``cipher`` object (ValueError if hostile)."""
    if not isinstance(cipher, dict) or cipher.get("name") != "AES-256-GCM":
        raise ValueError("unknown cipher")
    nonce = _unb64(cipher.get(field))
    if len(nonce) != NONCE_BYTES:
        raise ValueError(f"nonce of {len(nonce)} bytes")
    return nonce


def untrusted_json(raw: bytes) -> Any:
    """A small header's JSON; ValueError for anything too long, too deep or not JSON."""
    if len(raw) > MAX_HEADER_BYTES:
        raise ValueError("header too long")
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("header nested too deeply") from None


def derive_kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt(passphrase) with a cost already checked by :func:`check_scrypt_cost`."""
    check_scrypt_cost(n, r, p)
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=32
    )


def wrap_key(key: bytearray, passphrase: str, store_id: str) -> bytes:
    """The key file's bytes: the key encrypted with a passphrase-derived key (scrypt+AES-GCM)."""
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = derive_kek(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    sealed = AESGCM(kek).encrypt(nonce, bytes(key), _aad(store_id))
    document = {
        "format": 1,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(nonce), "sealed_key": _b64(sealed)},
        "store_id": store_id,
    }
    return json.dumps(document, indent=2).encode()


def _aad(store_id: str) -> bytes:
    return b"clinic-wrapped-key|" + store_id.encode()


@dataclass(frozen=True)
class _WrappedKey:
    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    sealed: bytes


def _parse_wrapped(raw: bytes) -> _WrappedKey:
    try:
        document: Any = untrusted_json(raw)
        kdf, cipher = document["kdf"], document["cipher"]
        n, r, p, salt = scrypt_header(kdf)
        nonce = nonce_of(cipher)
        sealed = _unb64(cipher["sealed_key"])
        if len(sealed) != KEY_BYTES + 16:  # the key and the GCM tag
            raise ValueError(f"sealed key of {len(sealed)} bytes")
        return _WrappedKey(n=n, r=r, p=p, salt=salt, nonce=nonce, sealed=sealed)
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
    document: Any = untrusted_json(raw)
    return str(document.get("store_id", ""))


def unwrap_key(raw: bytes, passphrase: str, store_id: str) -> bytearray:
    wrapped = _parse_wrapped(raw)
    kek = derive_kek(passphrase, wrapped.salt, wrapped.n, wrapped.r, wrapped.p)
    try:
        return bytearray(AESGCM(kek).decrypt(wrapped.nonce, wrapped.sealed, _aad(store_id)))
    except InvalidTag:
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
