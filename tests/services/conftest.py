"""Shared fixtures for service tests: a real encrypted store in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clinic.services import lifecycle
from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.postgres import open_office_store
from clinic.storage.store import Store
from tests.office import pg_cluster

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "laptop_only(reason): a service of the laptop store alone (its files, keys or backups); "
        "not run on the office (PostgreSQL) engine, for the reason given",
    )


# Which engines the ``store`` fixture runs each test on: "laptop" (SQLCipher) and/or "office"
# (PostgreSQL). `make test` runs the laptop half; `make test-office` the office half (the whole
# suite again on a real server), which .ci/run runs after `make test`.
ENGINES = [e for e in os.environ.get("CLINIC_TEST_ENGINES", "laptop").split(",") if e]


@pytest.fixture(params=ENGINES)
def engine_kind(request: pytest.FixtureRequest) -> str:
    """Each service test that uses ``store`` runs on each engine in ``CLINIC_TEST_ENGINES``:
    the laptop's SQLCipher store and an office PostgreSQL database (docs/office.md)."""
    kind = str(request.param)
    marker = request.node.get_closest_marker("laptop_only")
    if kind == "office" and marker is not None:
        pytest.skip(f"laptop store only: {marker.args[0] if marker.args else ''}")
    return kind


@pytest.fixture
def store(
    engine_kind: str, data_dir: DataDir, fast_scrypt: None, passphrase: str
) -> Iterator[Store]:
    if engine_kind == "office":
        yield from office_store()
        return
    opened = lifecycle.init_store(data_dir=data_dir, passphrase=passphrase, actor="tester")
    yield opened
    opened.lock()


def office_store() -> Iterator[Store]:
    """A fresh office database on the session's PostgreSQL server, opened as the login
    ``tester`` (an admin), through the same ``open_office_store`` as the app."""
    try:
        cluster = pg_cluster.shared_cluster()
    except pg_cluster.ServerMissing as exc:
        if pg_cluster.missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    template = pg_cluster.office_template(cluster)
    database = pg_cluster.new_office_database(template)
    opened = open_office_store(
        pg_cluster.tester_target(cluster, database), template.tester_password
    )
    try:
        yield opened  # type: ignore[misc]  # the same interface services use
    finally:
        opened.lock()
        pg_cluster.drop_database(cluster, database)


@pytest.fixture
def today() -> date:
    return date(2026, 11, 28)
