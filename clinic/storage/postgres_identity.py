"""Who is signed in to the office database: the login (the server's ``session_user``), its
staff group and, when the login is linked to a staff row, that person's name. Read from the
server, never from anything the laptop saved, so the window names whom the server knows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from clinic.storage.postgres_roles import STAFF_ROLES, role_names


@dataclass(frozen=True)
class StaffIdentity:
    login: str
    role: str | None  # "admin", "attorney", "paralegal", "volunteer"; None: no staff group
    name: str | None  # the linked staff row's name (an admin may have none)


def who_signed_in(engine: Engine, database: str) -> StaffIdentity:
    roles = role_names(database)
    with engine.connect() as connection:
        login = str(connection.execute(text("SELECT session_user")).scalar())
        role = None
        for candidate in STAFF_ROLES:  # admin first: an admin's rights are the widest
            member = connection.execute(
                text(
                    "SELECT pg_has_role(session_user, oid, 'MEMBER') FROM pg_roles "
                    "WHERE rolname = :group"
                ),
                {"group": roles.group(candidate)},
            ).scalar()
            if member:
                role = candidate
                break
        name = connection.execute(
            text(
                "SELECT s.name FROM office_login o JOIN staff s ON s.id = o.staff_id "
                "WHERE o.login = session_user"
            )
        ).scalar()
    return StaffIdentity(login=login, role=role, name=None if name is None else str(name))


def staff_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    """The staff names of office logins (an audit entry's "who" is the login), for the words
    people read ("Maria Lopez changed…"); empty on a laptop store (its "who" is already the
    name typed in Settings) and for logins with no staff row."""
    wanted = sorted(set(logins))
    if not wanted or session.get_bind().dialect.name != "postgresql":
        return {}
    rows = session.execute(
        text(
            "SELECT o.login, s.name FROM office_login o JOIN staff s ON s.id = o.staff_id "
            "WHERE o.login = ANY(:logins)"
        ),
        {"logins": wanted},
    )
    return {str(login): str(name) for login, name in rows if name}
