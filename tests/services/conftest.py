"""Shared fixtures for service tests: a real encrypted store in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clinic.services import lifecycle
from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.store import Store

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrapping the key with the production scrypt cost takes ~0.5 s per store; tests need none."""
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return lifecycle.resolve_data_dir(tmp_path / "data")


@pytest.fixture
def store(data_dir: DataDir, fast_scrypt: None, passphrase: str) -> Iterator[Store]:
    opened = lifecycle.init_store(data_dir=data_dir, passphrase=passphrase, actor="tester")
    yield opened
    opened.lock()


@pytest.fixture
def today() -> date:
    return date(2026, 11, 28)
