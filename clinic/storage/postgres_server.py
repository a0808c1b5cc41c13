"""Setting up the office database: roles, grants, row-level security, staff logins, status.

Run with the server administrator's connection (a PostgreSQL superuser: the server's
administrator, outside the app). Everything here is idempotent: ``init_server`` on a database it
set up before brings the schema to head and re-applies grants and policies.

Roles, for a database ``D`` (names are per database, as roles are cluster-wide):

- ``clinic_D_owner`` (no login) owns the database and every table; migrations run as it.
- ``clinic_D_staff`` (no login): CONNECT to the database, USAGE of the schema; member of none.
- ``clinic_D_admin``, ``_attorney``, ``_paralegal``, ``_volunteer`` (no login), each a member
  of ``_staff``; each staff member's own login role is a member of exactly one of these.

Grants: staff read and write the case tables; ``audit_entry`` only SELECT and INSERT (the
server's trigger writes the chain; UPDATE/DELETE/TRUNCATE are refused by grants and by a
trigger that also stops the owner); ``staff`` and ``setting`` are written only by admins;
``alembic_version`` and ``office_login`` are read-only.

Row-level security: admins, attorneys and paralegals see every row; a volunteer sees (and can
change) only the cases whose paralegal is their own staff row (``office_login``), the rows
belonging to those cases, the clients of those cases and the clients' own rows, and the audit
entries they wrote. A table this module does not know gets RLS with no volunteer policy:
volunteers see nothing of it until a policy is written.
The pieces: :mod:`clinic.storage.postgres_roles` (role names, quoting),
:mod:`clinic.storage.postgres_grants` (grants and row-level security),
:mod:`clinic.storage.postgres_staff` (logins and passwords) and
:mod:`clinic.storage.postgres_status` (``clinic server status``); their public names are
importable from here as before.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, text

from clinic.domain.i18n import N_
from clinic.storage import migrate
from clinic.storage.postgres import (
    DATABASE_MARK,
    OfficeError,
    OfficeTarget,
    connect_once,
    create_office_engine,
    read_store_id,
)
from clinic.storage.postgres_grants import (
    ADMIN_WRITES,
    APPEND_ONLY,
    BLOBS,
    READ_ONLY,
    apply_grants_and_policies,
)
from clinic.storage.postgres_roles import (
    STAFF_ROLES,
    RoleNames,
    literal,
    quoted,
    require_superuser,
    role_names,
)
from clinic.storage.postgres_staff import (
    FIRST_PASSWORD_DAYS,
    MIN_PASSWORD_LENGTH,
    NewStaff,
    add_staff,
    disable_staff,
    first_password_until,
    password_problem,
    set_own_password,
)
from clinic.storage.postgres_status import (
    DiskEncryption,
    ServerStatus,
    StaffLogin,
    disk_encryption,
    server_status,
)

__all__ = [
    "ADMIN_WRITES",
    "APPEND_ONLY",
    "BLOBS",
    "FIRST_PASSWORD_DAYS",
    "MIN_PASSWORD_LENGTH",
    "READ_ONLY",
    "STAFF_ROLES",
    "DiskEncryption",
    "InitReport",
    "NewStaff",
    "RoleNames",
    "ServerStatus",
    "StaffLogin",
    "add_staff",
    "disable_staff",
    "disk_encryption",
    "first_password_until",
    "init_server",
    "password_problem",
    "role_names",
    "server_status",
    "set_own_password",
]


@dataclass(frozen=True)
class InitReport:
    store_id: str
    roles: RoleNames
    created: bool  # False: an existing Clinic database was brought up to date


def _foreign_objects(connection: Connection) -> int:
    """Relations, and extensions other than plpgsql, in a database that is not Clinic's."""
    relations = connection.execute(
        text(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
            "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%' "
            "AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
        )
    ).scalar()
    extensions = connection.execute(
        text("SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'")
    ).scalar()
    return int(relations or 0) + int(extensions or 0)


@contextlib.contextmanager
def _engine_as(target: OfficeTarget, password: str | None, role: str | None) -> Iterator[Engine]:
    """An engine for the administrator's login, acting as ``role`` (SET ROLE at connect)."""
    engine = create_office_engine(target, password, pool_size=1, max_overflow=0)
    if role is not None:
        from sqlalchemy import event  # noqa: PLC0415

        @event.listens_for(engine, "connect")
        def _set_role(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f"SET ROLE {quoted(role)}")
            dbapi_connection.commit()

    try:
        yield engine
    finally:
        engine.dispose()


def _ensure_role(connection: Connection, name: str, *, member_of: str | None = None) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).scalar()
    if not exists:
        connection.execute(text(f"CREATE ROLE {quoted(name)} NOLOGIN"))
    if member_of is not None:
        connection.execute(text(f"GRANT {quoted(member_of)} TO {quoted(name)}"))


def init_server(
    target: OfficeTarget, password: str | None, *, first_settings: dict[str, Any] | None = None
) -> InitReport:
    """Create (or bring up to date) the office database's schema, roles, grants and policies.
    ``first_settings``: the settings a new database starts with (key → value), written in the
    transaction that names it; an existing database's are left alone.

    Refuses a database that holds anything that is not Clinic's."""
    roles = role_names(target.database)
    admin_engine = connect_once(target, password)
    try:
        with admin_engine.begin() as connection:
            require_superuser(connection)
        store_id = read_store_id(admin_engine)
        created = store_id is None
        with admin_engine.begin() as connection:
            if created and _foreign_objects(connection):
                raise OfficeError(
                    N_(
                        "The database '{database}' already holds tables or other things that "
                        "are not Clinic's, so Clinic will not set it up there. Create an empty "
                        "database for Clinic (createdb) and give that one."
                    ),
                    database=target.database,
                )
            _ensure_role(connection, roles.owner)
            # Only for clinic_set_own_password below (a staff member's own password, nothing else).
            connection.execute(text(f"ALTER ROLE {quoted(roles.owner)} CREATEROLE"))
            _ensure_role(connection, roles.staff)
            for role in STAFF_ROLES:
                _ensure_role(connection, roles.group(role), member_of=roles.staff)
            db = quoted(target.database)
            connection.execute(text(f"ALTER DATABASE {db} OWNER TO {quoted(roles.owner)}"))
            connection.execute(text(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC"))
            connection.execute(
                text(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {quoted(roles.staff)}")
            )
            connection.execute(text(f"ALTER SCHEMA public OWNER TO {quoted(roles.owner)}"))
            connection.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    finally:
        admin_engine.dispose()
    with _engine_as(target, password, roles.owner) as owner:
        migrate.upgrade(owner)
        with owner.begin() as connection:
            apply_grants_and_policies(connection, roles)
            if created:
                from clinic.storage.models import Setting  # noqa: PLC0415

                for key, value in (first_settings or {}).items():
                    connection.execute(insert(Setting).values(key=key, value=value, version=1))
                store_id = uuid.uuid4().hex
                connection.execute(
                    text(
                        f"COMMENT ON DATABASE {quoted(target.database)} IS {literal(DATABASE_MARK + store_id)}"
                    )
                )
    assert store_id is not None
    return InitReport(store_id=store_id, roles=roles, created=created)
