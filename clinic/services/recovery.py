"""The recovery kit and unlocking with the recovery key."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from clinic.domain.enums import AuditAction
from clinic.domain.i18n import N_
from clinic.reports.recovery_kit import RecoveryKitData, render_recovery_kit
from clinic.services.auditing import record
from clinic.services.export_file import save_export
from clinic.services.lifecycle import check_new_passphrase
from clinic.services.results import Entity
from clinic.services.settings import get_settings
from clinic.storage.datadir import DataDir
from clinic.storage.errors import KeyNotFound
from clinic.storage.store import Store, open_store

_HEX_KEY = re.compile(r"^[0-9a-f]{64}$")


def parse_recovery_key(text: str) -> bytearray:
    """The key from what the user typed: hex digits, spaces and dashes allowed, any case."""
    compact = re.sub(r"[\s\-]", "", text).lower()
    if not _HEX_KEY.match(compact):
        raise KeyNotFound(
            N_(
                "A recovery key is 64 characters, digits 0-9 and letters A-F, as printed on the "
                "recovery kit. Check for a missing group or an O typed for a zero."
            )
        )
    return bytearray(bytes.fromhex(compact))


def recovery_kit_pdf(*, store: Store, now: datetime | None = None) -> bytes:
    settings = get_settings(store=store)
    return render_recovery_kit(
        RecoveryKitData(
            clinic_name=settings.clinic_name,
            store_id=store.meta.store_id,
            key_hex=store.key_hex_for_recovery_kit(),
            created_at=now or datetime.now(UTC),
        )
    )


def save_recovery_kit(*, store: Store, destination: Path) -> Path:
    """Write the kit where the user chose (never over an existing file); audited."""

    def audit(session: Session) -> None:
        record(
            session,
            actor=store.actor,
            action=AuditAction.EXPORT,
            entity=Entity.STORE,
            entity_id=None,
            changes={"recovery_kit_saved_to": [None, str(destination)]},
        )

    save_export(store, destination, recovery_kit_pdf(store=store), audit=audit, overwrite=False)
    return destination


def unlock_with_recovery_key(*, data_dir: DataDir, recovery_key: str, actor: str) -> Store:
    return open_store(data_dir, key=parse_recovery_key(recovery_key), actor=actor)


def keep_key_with_passphrase(*, store: Store, passphrase: str) -> None:
    check_new_passphrase(passphrase)
    store.wrap_with_passphrase(passphrase)


def keep_key_in_keychain(*, store: Store) -> None:
    store.move_key_to_keychain()
