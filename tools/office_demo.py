"""``make office-demo``: Clinic in office mode against a local PostgreSQL server, with demo data.

Starts a throwaway PostgreSQL cluster (the tests' own: Debian's server programs, ``initdb`` in a
temporary folder, TLS with a private CA, SCRAM-SHA-256; as root the server runs as an
unprivileged user), sets up one office database with ``clinic server init``'s code, fills it
with ``clinic demo``'s synthetic clinic through the services, gives four of the demo's staff
members a login (an administrator, an attorney, a paralegal and the volunteer, linked to the
demo's staff rows as ``clinic server add-staff --existing`` links them), connects a throwaway
configuration folder to it as ``clinic connect --password-file`` does, and opens the window
signed in as the chosen one (``--as``). Closing the window stops the server and removes
everything: the cluster, its certificates, the configuration folder.

The passwords are generated for this run and printed, so another login can be tried from a
terminal (``clinic --help``); the window asks only for the demo passphrase that protects the
chosen login's password in the configuration folder, as a laptop keeps it with
``clinic connect --password-file``.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from clinic.services import language, office
from clinic.services.demo.builder import fill_demo_data
from clinic.storage import postgres_server, postgres_settings
from clinic.storage.postgres import OfficeTarget, open_office_store
from tests.office import pg_cluster

PASSPHRASE = "demo passphrase only"  # noqa: S105 - printed for the demo, as tools/demo.sh does
DATABASE = "clinic_demo"
ROLES = ("admin", "attorney", "paralegal", "volunteer")


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: str
    name: str
    password: str


def _target(cluster: pg_cluster.Cluster, user: str) -> OfficeTarget:
    return OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=DATABASE,
        user=user,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )


def _superuser_sql(cluster: pg_cluster.Cluster, statement: str, *params: object) -> list[tuple]:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(cluster.conninfo(DATABASE), autocommit=True) as connection:
        cursor = connection.execute(statement.encode(), params or None)
        return list(cursor.fetchall()) if cursor.description else []


def _staff_name(cluster: pg_cluster.Cluster, role: str) -> str:
    """The demo's first staff member with ``role`` (the demo adds two attorneys, one to three
    paralegals and one volunteer)."""
    rows = _superuser_sql(
        cluster, "SELECT name FROM staff WHERE role = %s AND active ORDER BY id LIMIT 1", role
    )
    if not rows:
        raise SystemExit(f"the demo data has no {role} among its staff")
    return str(rows[0][0])


def _login(cluster: pg_cluster.Cluster, role: str) -> DemoLogin:
    """A login for ``role``, linked to the demo's staff row (an admin has none), with a password
    that does not expire: a demo should not start with the first-password screen."""
    name = "Office Administrator" if role == "admin" else _staff_name(cluster, role)
    login = f"demo.{role}"
    postgres_server.add_staff(
        pg_cluster.superuser_target(cluster, DATABASE),
        cluster.superuser_password,
        login=login,
        role=role,
        full_name=name,
        existing=role != "admin",
    )
    password = secrets.token_urlsafe(15)
    _superuser_sql(
        cluster,
        f"ALTER ROLE \"{login}\" PASSWORD '{password}' VALID UNTIL 'infinity'",
    )
    return DemoLogin(login=login, role=role, name=name, password=password)


def _build(cluster: pg_cluster.Cluster, clients: int, language: str) -> list[DemoLogin]:
    pg_cluster.create_database(cluster, DATABASE)
    office.init_server(
        target=pg_cluster.superuser_target(cluster, DATABASE), password=cluster.superuser_password
    )
    admin = _login(cluster, "admin")
    store = open_office_store(_target(cluster, admin.login), admin.password)
    try:
        print(f"Filling the office database with {clients} demo clients…", flush=True)
        fill_demo_data(store=store, clients=clients, today=date.today(), language=language)
    finally:
        store.lock()
    return [admin, *(_login(cluster, role) for role in ROLES[1:])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as", dest="role", choices=ROLES, default="paralegal")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--language", choices=("en", "es"), default="en")
    args = parser.parse_args(argv)
    try:
        cluster = pg_cluster.start_cluster()
    except pg_cluster.ServerMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    config = Path(tempfile.mkdtemp(prefix="clinic-office-demo-"))
    try:
        logins = _build(cluster, args.clients, args.language)
        chosen = next(item for item in logins if item.role == args.role)
        target = _target(cluster, chosen.login)
        postgres_settings.save_settings(config, target, "file")
        postgres_settings.keep_in_file(config, target, chosen.password, PASSPHRASE)
        os.environ[language.ENV_CONFIG_DIR] = str(config)
        language.save_preference(language.LANGUAGE_KEY, args.language)
        print(f"\nOffice server: {target.display()} (stopped when the window closes)")
        print(f"CA certificate: {cluster.ca_file}")
        for item in logins:
            print(f"  {item.role:<10} {item.login:<16} {item.password}  ({item.name})")
        print(
            f"\nThe window signs in as {chosen.login}; its passphrase: {PASSPHRASE}\n", flush=True
        )
        return subprocess.run([sys.executable, "-m", "clinic"], check=False).returncode
    finally:
        cluster.stop()
        shutil.rmtree(config, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
