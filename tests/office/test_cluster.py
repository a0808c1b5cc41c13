"""The throwaway server itself is what office mode requires: TLS on, SCRAM, no plain TCP."""

from __future__ import annotations

import os

import psycopg
import pytest

from tests.office.pg_cluster import Cluster


def test_server_speaks_tls_and_scram_only(pg_cluster: Cluster) -> None:
    with psycopg.connect(pg_cluster.conninfo()) as connection:
        assert connection.pgconn.ssl_in_use
        method = connection.execute("SHOW password_encryption").fetchone()
        assert method == ("scram-sha-256",)
        stored = connection.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = current_user"
        ).fetchone()
        assert stored is not None and str(stored[0]).startswith("SCRAM-SHA-256$")
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(pg_cluster.conninfo(sslmode="disable"))


def test_server_runs_as_an_unprivileged_user(pg_cluster: Cluster) -> None:
    pid = int((pg_cluster.data / "postmaster.pid").read_text().split()[0])
    owner = os.stat(f"/proc/{pid}").st_uid
    assert owner != 0
    if os.geteuid() == 0:
        assert pg_cluster.run_as is not None
