"""A staff member's laptop connected to an office database on the tests' PostgreSQL server: a
fresh office database, the person's own login made by ``add_staff`` (a generated first
password, as the administrator gives it), and the connection saved in a configuration folder
as 'clinic connect' saves it (the address only; no password anywhere)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from clinic.services import office
from clinic.storage import postgres_server, postgres_settings
from clinic.storage.postgres import OfficeTarget
from tests.office import pg_cluster
from tests.office.pg_cluster import Cluster


@dataclass
class StaffLaptop:
    cluster: Cluster
    database: str
    login: str
    full_name: str
    role: str
    first_password: str
    config: Path  # the laptop's configuration folder (CLINIC_CONFIG_DIR)
    target: OfficeTarget

    def superuser_sql(self, statement: str) -> None:
        import psycopg  # noqa: PLC0415

        with psycopg.connect(self.cluster.conninfo(self.database), autocommit=True) as connection:
            connection.execute(statement.encode())


def office_database(cluster: Cluster) -> str:
    """A new database set up by 'clinic server init' (its own roles: a copy of the services'
    template would keep the template's role names)."""
    database = f"staff{secrets.token_hex(4)}"
    pg_cluster.create_database(cluster, database)
    office.init_server(
        target=pg_cluster.superuser_target(cluster, database), password=cluster.superuser_password
    )
    return database


def staff_laptop(
    cluster: Cluster,
    config: Path,
    *,
    database: str,
    role: str = "paralegal",
    full_name: str = "Maria Lopez",
    password_in: str = "keychain",
) -> StaffLaptop:
    login = f"maria{secrets.token_hex(3)}"  # logins are the whole cluster's
    made = postgres_server.add_staff(
        pg_cluster.superuser_target(cluster, database),
        cluster.superuser_password,
        login=login,
        role=role,
        full_name=full_name,
    )
    target = OfficeTarget(
        host="localhost",
        port=cluster.port,
        database=database,
        user=login,
        sslmode="verify-full",
        ca_file=cluster.ca_file,
    )
    postgres_settings.save_settings(config, target, password_in)
    return StaffLaptop(
        cluster=cluster,
        database=database,
        login=login,
        full_name=full_name,
        role=role,
        first_password=made.first_password,
        config=config,
        target=target,
    )
