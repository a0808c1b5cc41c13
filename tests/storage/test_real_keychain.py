"""The store against a real Secret Service (gnome-keyring in a private D-Bus session).

`make test` runs pytest inside tools/with-keyring-session.sh, which starts one; elsewhere
these tests skip.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.errors import KeyNotFound
from clinic.storage.keys import KeySource
from clinic.storage.store import create_store, open_store

pytestmark = [
    pytest.mark.keychain,
    pytest.mark.skipif(
        os.environ.get("CLINIC_REAL_KEYCHAIN") != "1",
        reason="no Secret Service session (run through tools/with-keyring-session.sh)",
    ),
]


@contextlib.contextmanager
def secret_service_backend() -> Iterator[None]:
    """The Secret Service as keyring's backend inside; the backend before it afterwards, so the
    tests after these still see the one their conftest chose."""
    before = keyring.get_keyring()
    keyring.set_keyring(keyring.core.load_keyring("keyring.backends.SecretService.Keyring"))
    try:
        yield
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def secret_service() -> Iterator[None]:
    with secret_service_backend():
        yield


def test_the_backend_is_the_secret_service_inside_and_given_back_after() -> None:
    before = keyring.get_keyring()
    with secret_service_backend():
        assert type(keyring.get_keyring()).__module__ == "keyring.backends.SecretService"
    assert keyring.get_keyring() is before


def test_real_keychain_keeps_the_key_and_a_lost_entry_fails_closed(
    tmp_path: Path, secret_service: None
) -> None:
    assert keys.keychain_available()
    data_dir = DataDir(tmp_path / "data")
    store = create_store(data_dir, passphrase=None, actor="t")
    store_id = store.meta.store_id
    store.lock()
    assert store.meta.key_source is KeySource.KEYCHAIN
    assert not data_dir.wrapped_key.exists()
    open_store(data_dir, actor="t").lock()
    keys.remove_from_keychain(store_id)
    with pytest.raises(KeyNotFound):
        open_store(data_dir, actor="t")
