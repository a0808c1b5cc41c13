"""The office database's roles and the SQL quoting every setup statement uses.

For a database ``D`` (names are per database, as roles are cluster-wide): ``clinic_D_owner``
owns it, ``clinic_D_staff`` may connect, and one group per staff role (``_admin``,
``_attorney``, ``_paralegal``, ``_volunteer``) holds the staff members' login roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from clinic.domain.i18n import N_
from clinic.storage.postgres import OfficeError

STAFF_ROLES = ("admin", "attorney", "paralegal", "volunteer")


@dataclass(frozen=True)
class RoleNames:
    owner: str
    staff: str
    admin: str
    attorney: str
    paralegal: str
    volunteer: str

    def group(self, role: str) -> str:
        return str(getattr(self, role))

    @property
    def case_workers(self) -> tuple[str, str, str]:
        return (self.admin, self.attorney, self.paralegal)


def role_names(database: str) -> RoleNames:
    """The group roles of the office database ``database`` (at most 63 bytes each)."""
    slug = re.sub(r"[^a-z0-9]+", "_", database.lower()).strip("_")[:40] or "db"
    prefix = f"clinic_{slug}"
    return RoleNames(
        owner=f"{prefix}_owner",
        staff=f"{prefix}_staff",
        admin=f"{prefix}_admin",
        attorney=f"{prefix}_attorney",
        paralegal=f"{prefix}_paralegal",
        volunteer=f"{prefix}_volunteer",
    )


def quoted(identifier: str) -> str:
    """A quoted SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def literal(value: str) -> str:
    """A quoted SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def require_superuser(connection: Connection) -> None:
    """Refuse a connection that is not the server administrator's (a superuser)."""
    is_super = connection.execute(
        text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    ).scalar()
    if not is_super:
        raise OfficeError(
            N_(
                "Setting up the office database and its staff needs the server "
                "administrator's PostgreSQL account (a superuser), not a staff login. Give "
                "that account in the --url."
            )
        )
