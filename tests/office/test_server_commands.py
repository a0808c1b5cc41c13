"""`clinic server init/add-staff/disable-staff/status` and `clinic connect`, run as the
administrator and a staff member would: the real command in a subprocess, against the real
server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.office.pg_cluster import SUPERUSER, Cluster, create_database, drop_database

DATABASE = "cli_office"
pytestmark = pytest.mark.slow


def clinic(
    cluster: Cluster, config: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLINIC_", "PG"))}
    env["CLINIC_CONFIG_DIR"] = str(config)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    flags = ["--passphrase-stdin"] if stdin is not None else []
    return subprocess.run(
        [sys.executable, "-m", "clinic", *flags, *args],
        input=stdin or "",
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def admin_url(cluster: Cluster, database: str = DATABASE) -> str:
    return f"postgresql://{SUPERUSER}@localhost:{cluster.port}/{database}"


@pytest.fixture(scope="module")
def server(pg_cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    drop_database(pg_cluster, DATABASE)
    create_database(pg_cluster, DATABASE)
    yield tmp_path_factory.mktemp("office-config")
    drop_database(pg_cluster, DATABASE)


def admin(
    cluster: Cluster, config: Path, *args: str, database: str = DATABASE
) -> subprocess.CompletedProcess[str]:
    sub, rest = args[0], args[1:]
    return clinic(
        cluster,
        config,
        "server",
        sub,
        "--url",
        admin_url(cluster, database),
        "--ca",
        str(cluster.ca_file),
        *rest,
        stdin=cluster.superuser_password + "\n",
    )


def test_the_administrators_day(pg_cluster: Cluster, server: Path) -> None:
    made = admin(pg_cluster, server, "init")
    assert made.returncode == 0, made.stderr
    assert f"set up in {DATABASE}" in made.stdout
    again = admin(pg_cluster, server, "init")
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout

    added = admin(pg_cluster, server, "add-staff", "maria.lopez", "--role", "paralegal")
    assert added.returncode == 0, added.stderr
    first = re.search(r"shown once; give it to the person in private\): (\S+)", added.stdout)
    assert first is not None
    assert "expires on" in added.stdout

    status = admin(pg_cluster, server, "status")
    assert "TLS: on" in status.stdout
    assert "maria.lopez: paralegal, can log in, first password until" in status.stdout
    assert "WARNING: tables without row-level security" not in status.stdout
    assert "encrypted" in status.stdout  # said either way: encrypted, NOT encrypted, or unknown

    # The person connects from their laptop: a first password must be replaced at once.
    laptop = server / "laptop"
    address = ["--url", f"postgresql://localhost:{pg_cluster.port}/{DATABASE}"]
    mine = ["--user", "maria.lopez", "--ca", str(pg_cluster.ca_file), "--password-file"]
    kept_first = clinic(
        pg_cluster, laptop, "connect", *address, *mine, stdin=f"{first.group(1)}\nphrase\n"
    )
    assert kept_first.returncode != 0
    assert "--new-password" in kept_first.stderr
    assert not (laptop / "office.json").exists()
    own = "a sentence of her own"
    connected = clinic(
        pg_cluster,
        laptop,
        "connect",
        *address,
        *mine,
        "--new-password",
        stdin=f"{first.group(1)}\n{own}\nmy laptop passphrase\n",
    )
    assert connected.returncode == 0, connected.stderr
    settings = json.loads((laptop / "office.json").read_text())
    assert settings["user"] == "maria.lopez" and "sslmode=verify-full" in settings["address"]
    for saved in laptop.iterdir():  # the password is kept wrapped, never in plain
        assert first.group(1) not in saved.read_text() and own not in saved.read_text()
        assert saved.stat().st_mode & 0o777 == 0o600
    with psycopg.connect(
        pg_cluster.conninfo(DATABASE, user="maria.lopez", password=own)
    ) as connection:
        left = connection.execute(
            "SELECT rolvaliduntil = 'infinity' FROM pg_roles WHERE rolname = session_user"
        ).fetchone()
        assert left == (True,)  # her own password has no 7-day limit
        with pytest.raises(psycopg.errors.RaiseException, match="SCRAM"):
            connection.execute("SELECT clinic_set_own_password('plain text')")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.conninfo(DATABASE, user="maria.lopez", password=first.group(1)))

    wrong = clinic(
        pg_cluster,
        server / "other",
        "connect",
        "--url",
        f"postgresql://localhost:{pg_cluster.port}/{DATABASE}",
        "--user",
        "maria.lopez",
        "--ca",
        str(pg_cluster.ca_file),
        "--password-file",
        stdin="not her password\nx\n",
    )
    assert wrong.returncode == 3
    assert "did not accept the user name 'maria.lopez' with that password" in wrong.stderr
    assert not (server / "other" / "office.json").exists()

    disabled = admin(pg_cluster, server, "disable-staff", "maria.lopez")
    assert disabled.returncode == 0, disabled.stderr
    with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
        psycopg.connect(pg_cluster.conninfo(DATABASE, user="maria.lopez", password=own))
    with psycopg.connect(pg_cluster.conninfo(DATABASE)) as connection:
        actions = connection.execute(
            "SELECT action, actor FROM audit_entry WHERE entity = 'staff' ORDER BY seq"
        ).fetchall()
    assert actions == [("create", SUPERUSER), ("update", SUPERUSER)]


def test_init_refuses_a_database_that_holds_something_else(
    pg_cluster: Cluster, server: Path
) -> None:
    drop_database(pg_cluster, "not_clinics")
    create_database(pg_cluster, "not_clinics")
    try:
        with psycopg.connect(pg_cluster.conninfo("not_clinics")) as connection:
            connection.execute("CREATE TABLE invoices (id int)")
        refused = admin(pg_cluster, server, "init", database="not_clinics")
        assert refused.returncode != 0
        assert "not Clinic's" in refused.stderr
        with psycopg.connect(pg_cluster.conninfo("not_clinics")) as connection:
            tables = connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        assert tables == [("invoices",)]
    finally:
        drop_database(pg_cluster, "not_clinics")


def test_a_staff_login_cannot_set_up_the_server(pg_cluster: Cluster, server: Path) -> None:
    with psycopg.connect(pg_cluster.conninfo(), autocommit=True) as connection:
        connection.execute("DROP ROLE IF EXISTS plain_login")
        connection.execute("CREATE ROLE plain_login LOGIN PASSWORD 'plain password 1'")
    result = clinic(
        pg_cluster,
        server,
        "server",
        "init",
        "--url",
        f"postgresql://plain_login@localhost:{pg_cluster.port}/postgres",
        "--ca",
        str(pg_cluster.ca_file),
        stdin="plain password 1\n",
    )
    assert result.returncode != 0
    assert "superuser" in result.stderr
