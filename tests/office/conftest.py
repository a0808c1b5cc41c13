"""Office mode's tests run against a real PostgreSQL server started for the test session."""

from __future__ import annotations

import pytest

from tests.office.pg_cluster import (
    Cluster,
    ServerMissing,
    missing_server_is_a_failure,
    shared_cluster,
)


@pytest.fixture(scope="session")
def pg_cluster() -> Cluster:
    """The session's throwaway cluster (TLS, SCRAM); a missing server fails in CI."""
    try:
        return shared_cluster()
    except ServerMissing as exc:
        if missing_server_is_a_failure():
            pytest.fail(str(exc))
        pytest.skip(str(exc))
