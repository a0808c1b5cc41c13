"""Staff logins on the office database: adding one (a first password valid for 7 days),
disabling one, and a staff member replacing the first password with their own.
"""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, text

from clinic.domain.i18n import N_
from clinic.storage.postgres import OfficeError, OfficeTarget, connect_once, read_store_id
from clinic.storage.postgres_roles import (
    STAFF_ROLES,
    RoleNames,
    quoted,
    require_superuser,
    role_names,
)

FIRST_PASSWORD_DAYS = 7
_LOGIN = re.compile(r"^[a-z][a-z0-9_.-]{1,62}$")


def _new_password() -> str:
    """A first password: 4 groups of 5 letters and digits (about 100 bits), easy to read out."""
    alphabet = "".join(c for c in string.ascii_lowercase + string.digits if c not in "0o1l")
    groups = ["".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4)]
    return "-".join(groups)


def _verifier(connection: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier, computed here by libpq: the password itself never reaches
    the server (nor its statement log)."""
    raw = connection.connection.dbapi_connection
    assert raw is not None
    encrypted = raw.pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return bytes(encrypted).decode()


def _create_login(
    connection: Connection, login: str, verifier: str, until: datetime, group: str
) -> None:
    """CREATE ROLE with literals composed by psycopg (no SQLAlchemy bind parsing of the
    verifier's text)."""
    from psycopg import sql  # noqa: PLC0415

    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} VALID UNTIL {} IN ROLE {}").format(
        sql.Identifier(login),
        sql.Literal(verifier),
        sql.Literal(until.isoformat()),
        sql.Identifier(group),
    )
    raw: Any = connection.connection.dbapi_connection  # a psycopg connection
    with raw.cursor() as cursor:
        cursor.execute(statement)


@dataclass(frozen=True)
class NewStaff:
    login: str
    role: str
    first_password: str
    valid_until: datetime


def add_staff(
    target: OfficeTarget,
    password: str | None,
    *,
    login: str,
    role: str,
    full_name: str | None = None,
    now: datetime | None = None,
    existing: bool = False,
) -> NewStaff:
    """A PostgreSQL login for one staff member, with a generated first password that is valid
    for 7 days, in the group of ``role``; attorneys, paralegals and volunteers also get a staff
    row (cases are assigned to it), or with ``existing`` are linked to the one staff row of that
    name and role that no login has yet (one that came with 'clinic server import-store')."""
    if existing and role == "admin":
        raise OfficeError(
            N_("An admin login has no staff row, so --existing does not apply to it.")
        )
    if role not in STAFF_ROLES:
        raise OfficeError(
            N_("Unknown role '{role}': use attorney, paralegal, volunteer or admin."), role=role
        )
    if not _LOGIN.match(login):
        raise OfficeError(
            N_(
                "'{login}' cannot be a login name: use 2 to 63 lower-case letters, digits, '.', "
                "'-' or '_', starting with a letter (for example maria.lopez)."
            ),
            login=login,
        )
    roles = role_names(target.database)
    first = _new_password()
    until = (now or datetime.now(UTC)) + timedelta(days=FIRST_PASSWORD_DAYS)
    engine = connect_once(target, password)
    try:
        with engine.begin() as connection:
            require_superuser(connection)
            if read_store_id(engine) is None:
                raise OfficeError(
                    N_("This database is not set up for Clinic yet: run 'clinic server init'.")
                )
            _create_staff(
                connection,
                roles,
                login=login,
                role=role,
                name=full_name or login,
                first=first,
                until=until,
                existing=existing,
            )
    finally:
        engine.dispose()
    return NewStaff(login=login, role=role, first_password=first, valid_until=until)


def _create_staff(
    connection: Connection,
    roles: RoleNames,
    *,
    login: str,
    role: str,
    name: str,
    first: str,
    until: datetime,
    existing: bool = False,
) -> None:
    """The login role, its staff row (not for an admin; with ``existing``, the unlinked row of
    that name and role), its office_login row and the audit entry, in the administrator's
    transaction."""
    taken = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}
    ).scalar()
    if taken:
        raise OfficeError(
            N_("There is already a login named '{login}' on this server."), login=login
        )
    verifier = _verifier(connection, login, first)
    _create_login(connection, login, verifier, until, roles.group(role))
    # PostgreSQL 16+: altering a role (its own password, above) needs ADMIN OPTION on it.
    connection.execute(text(f"GRANT {quoted(login)} TO {quoted(roles.owner)} WITH ADMIN OPTION"))
    staff_id = None
    if existing:
        staff_id = _unlinked_staff_row(connection, name, role)
    elif role != "admin":
        staff_id = connection.execute(
            text(
                "INSERT INTO staff (name, role, email, active) "
                "VALUES (:name, :role, '', true) RETURNING id"
            ),
            {"name": name, "role": role},
        ).scalar()
    connection.execute(
        text("INSERT INTO office_login (login, staff_id) VALUES (:login, :staff)"),
        {"login": login, "staff": staff_id},
    )
    connection.execute(
        text(
            "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, "
            "entity_id, changes, prev_hash, hash) VALUES (0, now(), '', '', 'create', "
            "'staff', :id, CAST(:changes AS json), '', '')"
        ),
        {"id": staff_id, "changes": _json(_created(login, role, existing=existing))},
    )


def _created(login: str, role: str, *, existing: bool) -> dict[str, Any]:
    changes: dict[str, Any] = {"login": [None, login], "role": [None, role]}
    if existing:
        changes["existing_staff_row"] = [None, True]
    return changes


def _unlinked_staff_row(connection: Connection, name: str, role: str) -> int:
    """The one active staff row named ``name`` with ``role`` that no login is linked to."""
    rows = connection.execute(
        text(
            "SELECT id FROM staff WHERE name = :name AND role = :role AND active "
            "AND id NOT IN (SELECT staff_id FROM office_login WHERE staff_id IS NOT NULL)"
        ),
        {"name": name, "role": role},
    ).all()
    if len(rows) != 1:
        raise OfficeError(
            N_(
                "There is no single staff member named '{name}' with the role {role} that has "
                "no login yet ({n} found). Give the name exactly as the staff list shows it "
                "(--full-name), or leave out --existing to add a new staff member."
            ),
            name=name,
            role=role,
            n=len(rows),
        )
    return int(rows[0][0])


def _json(value: Any) -> str:
    import json  # noqa: PLC0415

    return json.dumps(value, sort_keys=True)


def disable_staff(target: OfficeTarget, password: str | None, *, login: str) -> int:
    """The login can no longer sign in, its open sessions end, its staff row is inactive.
    Returns how many sessions were ended."""
    engine = connect_once(target, password)
    try:
        with engine.begin() as connection:
            require_superuser(connection)
            known = connection.execute(
                text("SELECT staff_id FROM office_login WHERE login = :l"), {"l": login}
            ).first()
            if known is None:
                raise OfficeError(
                    N_("No staff login named '{login}' in this office database."), login=login
                )
            connection.execute(text(f"ALTER ROLE {quoted(login)} NOLOGIN"))
            if known[0] is not None:
                connection.execute(
                    text("UPDATE staff SET active = false WHERE id = :id"), {"id": known[0]}
                )
            connection.execute(
                text(
                    "INSERT INTO audit_entry (seq, at, at_text, actor, action, entity, "
                    "entity_id, changes, prev_hash, hash) VALUES (0, now(), '', '', 'update', "
                    "'staff', :id, CAST(:changes AS json), '', '')"
                ),
                {
                    "id": known[0],
                    "changes": _json({"login": [login, login], "active": [True, False]}),
                },
            )
            ended = connection.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE usename = :l AND pid <> pg_backend_pid()"
                ),
                {"l": login},
            ).scalar()
    finally:
        engine.dispose()
    return int(ended or 0)


def first_password_until(engine: Engine) -> datetime | None:
    """When this login's password stops working (a first password), or ``None``."""
    with engine.connect() as connection:
        until = connection.execute(
            text(
                "SELECT NULLIF(rolvaliduntil, 'infinity') FROM pg_roles "
                "WHERE rolname = session_user"
            )
        ).scalar()
    if not isinstance(until, datetime) or until.year >= 9999:
        return None
    return until if until.tzinfo else until.replace(tzinfo=UTC)


def set_own_password(engine: Engine, login: str, new_password: str) -> None:
    """Replace this login's password with ``new_password`` (its verifier computed here)."""
    with engine.begin() as connection:
        verifier = _verifier(connection, login, new_password)
        connection.execute(text("SELECT clinic_set_own_password(:v)"), {"v": verifier})


MIN_PASSWORD_LENGTH = 12


def password_problem(new_password: str, *, old: str) -> str | None:
    """Why ``new_password`` cannot be a staff member's own password, or ``None``."""
    if new_password == old:
        return N_("Choose a password of your own, not the first password you were given.")
    if len(new_password) < MIN_PASSWORD_LENGTH or len(set(new_password)) < 5:
        return N_(
            "Choose a password of at least 12 characters, not one repeated letter "
            "(a short sentence is easy to remember)."
        )
    return None
