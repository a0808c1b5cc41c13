"""A laptop's connection to the office server: the address saved in ``office.json`` (no
password, ever), and the password kept in the keychain or in a passphrase-wrapped file (the
same scrypt + AES-GCM wrapping as a laptop store's key file)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clinic.domain.i18n import N_
from clinic.storage import keys
from clinic.storage.datadir import write_private_file
from clinic.storage.errors import KeychainUnavailable
from clinic.storage.postgres import OfficeError, OfficeTarget, parse_target

SETTINGS_FILE = "office.json"
WRAPPED_FILE = "office-password.json"
_KEYCHAIN_PREFIX = "office-password:"


@dataclass(frozen=True)
class OfficeSettings:
    address: str  # OfficeTarget.display(): no password
    user: str
    password_in: str  # "keychain" or "file"

    def target(self) -> OfficeTarget:
        return parse_target(self.address, user=self.user)


def _identity(target: OfficeTarget) -> str:
    return f"{target.user}@{target.host}:{target.port}/{target.database}"


def save_settings(folder: Path, target: OfficeTarget, password_in: str) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    document = {
        "format": 1,
        "address": target.display(),
        "user": target.user,
        "password_in": password_in,
    }
    path = folder / SETTINGS_FILE
    write_private_file(path, json.dumps(document, indent=2).encode())
    return path


def load_settings(folder: Path) -> OfficeSettings | None:
    try:
        data: Any = json.loads((folder / SETTINGS_FILE).read_text())
        return OfficeSettings(
            address=str(data["address"]),
            user=str(data["user"]),
            password_in=str(data["password_in"]),
        )
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise OfficeError(
            N_("The office connection settings in {path} are damaged; run 'clinic connect' again."),
            path=folder / SETTINGS_FILE,
        ) from exc


def keep_in_keychain(target: OfficeTarget, password: str) -> None:
    """The password in this computer's keychain (Secret Service, macOS Keychain, Windows)."""
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    if not keys.keychain_available():
        raise KeychainUnavailable(
            N_("This computer has no usable keychain; use --password-file to keep the password.")
        )
    try:
        keyring.set_password(keys.KEYCHAIN_SERVICE, _KEYCHAIN_PREFIX + _identity(target), password)
    except KeyringError as exc:
        raise KeychainUnavailable(
            N_("The keychain refused to keep the password ({error})."), error=type(exc).__name__
        ) from None


def password_from_keychain(target: OfficeTarget) -> str | None:
    import keyring  # noqa: PLC0415
    from keyring.errors import KeyringError  # noqa: PLC0415

    try:
        found = keyring.get_password(keys.KEYCHAIN_SERVICE, _KEYCHAIN_PREFIX + _identity(target))
    except KeyringError:
        return None
    return None if found is None else str(found)


def keep_in_file(folder: Path, target: OfficeTarget, password: str, passphrase: str) -> Path:
    """The password wrapped by ``passphrase`` (scrypt + AES-GCM), bound to this connection."""
    raw = keys.wrap_key(bytearray(password.encode()), passphrase, _identity(target))
    path = folder / WRAPPED_FILE
    write_private_file(path, raw)
    return path


def password_from_file(folder: Path, target: OfficeTarget, passphrase: str) -> str:
    raw = (folder / WRAPPED_FILE).read_bytes()
    unwrapped = keys.unwrap_key(raw, passphrase, _identity(target), any_length=True)
    try:
        return bytes(unwrapped).decode()
    finally:
        keys.wipe(unwrapped)
