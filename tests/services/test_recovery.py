"""The recovery kit opens the store when the passphrase or the keychain is lost."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.services import lifecycle, recovery, settings
from clinic.storage.datadir import DataDir
from clinic.storage.errors import KeyNotFound, WrongPassphrase
from clinic.storage.keys import KeySource
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store, open_store
from tests.conftest import require_tool

# Office mode has none of this yet (docs/office.md, "Not built yet"): an office database has no key of its own; a lost password is reset by the administrator.
pytestmark = pytest.mark.laptop_only("the recovery kit and key of a laptop store")


def kit_key(store: Store) -> str:
    return store.key_hex_for_recovery_kit()


def test_kit_holds_the_clinic_store_id_and_key(store: Store, tmp_path: Path) -> None:
    settings.update_settings(
        store=store, settings=settings.ClinicSettings(clinic_name="Clínica Frontera")
    )
    destination = tmp_path / "kit.pdf"
    recovery.save_recovery_kit(store=store, destination=destination)
    content = destination.read_bytes()
    assert content.startswith(b"%PDF")
    assert destination.stat().st_mode & 0o777 == 0o600
    text = subprocess.run(
        [require_tool("pdftotext", "poppler-utils"), str(destination), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Clínica Frontera" in text
    assert store.meta.store_id in text
    printed = "".join(text.split("Recovery key", 1)[1].split()[:8]).lower()
    assert printed == kit_key(store)
    with store.unit_of_work() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.action == "export" and last.entity == "store"


def test_kit_is_never_written_over_an_existing_file(store: Store, tmp_path: Path) -> None:
    destination = tmp_path / "kit.pdf"
    destination.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        recovery.save_recovery_kit(store=store, destination=destination)
    assert destination.read_bytes() == b"keep me"


def test_forgotten_passphrase_recovered_with_the_key(store: Store, data_dir: DataDir) -> None:
    key = kit_key(store)
    store.lock()
    typed = " ".join(key[i : i + 8] for i in range(0, 64, 8)).upper()  # as printed
    reopened = recovery.unlock_with_recovery_key(data_dir=data_dir, recovery_key=typed, actor="t")
    recovery.keep_key_with_passphrase(store=reopened, passphrase="a completely new phrase")
    reopened.lock()
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, passphrase="correct horse battery staple", actor="t")
    open_store(data_dir, passphrase="a completely new phrase", actor="t").lock()


def test_recovery_key_moves_the_key_into_a_new_keychain(
    store: Store, data_dir: DataDir, memory_keyring
) -> None:  # type: ignore[no-untyped-def]
    key = kit_key(store)
    store.lock()
    reopened = recovery.unlock_with_recovery_key(data_dir=data_dir, recovery_key=key, actor="t")
    recovery.keep_key_in_keychain(store=reopened)
    reopened.lock()
    assert not data_dir.wrapped_key.exists()
    assert list(memory_keyring.secrets.values()) == [key]
    again = lifecycle.unlock_store(data_dir=data_dir, passphrase=None, actor="t")
    assert again.meta.key_source is KeySource.KEYCHAIN
    again.lock()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("0" * 64, "does not belong"), ("12345", "64 characters"), ("g" * 64, "64 characters")],
)
def test_wrong_or_mistyped_recovery_key_is_refused(
    store: Store, data_dir: DataDir, typed: str, message: str
) -> None:
    store.lock()
    with pytest.raises(KeyNotFound, match=message):
        recovery.unlock_with_recovery_key(data_dir=data_dir, recovery_key=typed, actor="t")
