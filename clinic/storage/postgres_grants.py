"""Grants and row-level security of the office database (see :mod:`clinic.storage.postgres_server`
for the rules): what each group may do with each table, the volunteers' row conditions, the
function a staff login sets its own password with, and (re)installing the triggers that
announce committed changes (:mod:`clinic.storage.postgres_notify`).
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, text

from clinic.storage.models import Base
from clinic.storage.postgres_notify import install_change_notifications
from clinic.storage.postgres_roles import STAFF_ROLES, RoleNames, quoted

# Tables only an admin writes (everyone reads them).
ADMIN_WRITES = frozenset({"staff", "setting"})
READ_ONLY = frozenset({"alembic_version", "office_login"})
APPEND_ONLY = frozenset({"audit_entry"})
# Evidence ciphertext: useless without the file's key, which sits in evidence_file under
# row-level security; staff add and remove blobs, never change one.
BLOBS = frozenset({"office_blob", "office_blob_chunk"})


def _tables() -> list[str]:
    names = [table.name for table in Base.metadata.sorted_tables]
    return [*names, "alembic_version", "office_login", *sorted(BLOBS)]


def _link(table: Table | None, name: str) -> str | None:  # noqa: PLR0911 - one rule per kind
    """The volunteer's row condition for a table, by how it belongs to a case or a client."""
    if name == "asylum_case":
        return "paralegal_id IN (SELECT staff_id FROM office_login WHERE login = session_user)"
    if name == "client":
        return "id IN (SELECT client_id FROM asylum_case)"
    if name == "audit_entry":
        return "actor = session_user"
    if table is None:
        return None
    columns = set(table.columns.keys())
    if "case_id" in columns and "client_id" in columns:
        return (
            "(case_id IN (SELECT id FROM asylum_case)) OR "
            "(case_id IS NULL AND client_id IN (SELECT id FROM client))"
        )
    if "case_id" in columns:
        return "case_id IN (SELECT id FROM asylum_case)"
    if "client_id" in columns:
        return "client_id IN (SELECT id FROM client)"
    if "evidence_id" in columns:
        return "evidence_id IN (SELECT id FROM evidence_item)"
    return None


def _own_password_function(connection: Connection, roles: RoleNames) -> None:
    """``clinic_set_own_password(verifier)``: a staff login replaces its first password with
    its own (a SCRAM verifier computed on the laptop) and the 7-day limit ends. It can change
    no other role: it alters ``session_user`` only, and only a member of the staff group."""
    staff = roles.staff.replace("'", "''")
    connection.execute(
        text(
            "CREATE OR REPLACE FUNCTION clinic_set_own_password(verifier text) RETURNS void "
            "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$ "
            "BEGIN "
            "IF verifier IS NULL OR verifier !~ '^SCRAM-SHA-256[$]' THEN "
            "RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is required'; END IF; "
            f"IF NOT pg_has_role(session_user, '{staff}', 'MEMBER') THEN "
            "RAISE EXCEPTION 'only a staff login may set its own password'; END IF; "
            "EXECUTE format('ALTER ROLE %I PASSWORD %L VALID UNTIL %L', session_user, verifier, "
            "'infinity'); "
            "END $fn$"
        )
    )
    connection.execute(text("REVOKE ALL ON FUNCTION clinic_set_own_password(text) FROM PUBLIC"))
    connection.execute(
        text(f"GRANT EXECUTE ON FUNCTION clinic_set_own_password(text) TO {quoted(roles.staff)}")
    )


def apply_grants_and_policies(connection: Connection, roles: RoleNames) -> None:
    """Every table's grants and row-level policies, from scratch (idempotent)."""
    staff = quoted(roles.staff)
    _own_password_function(connection, roles)
    everyone = ", ".join(["PUBLIC", staff, *(quoted(roles.group(r)) for r in STAFF_ROLES)])
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {staff}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {staff}"))
    connection.execute(
        text(
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {staff}"
        )
    )
    for name in _tables():
        connection.execute(text(f"REVOKE ALL ON {quoted(name)} FROM {everyone}"))
        if _grant(connection, roles, name):
            _row_policies(connection, roles, name)
    # Every committed change announced to the other windows (LISTEN/NOTIFY), on every table
    # the migrations made (so a table added later is covered by the next 'server init').
    install_change_notifications(connection)


def _grant(connection: Connection, roles: RoleNames, name: str) -> bool:
    """The table's grants; True when its rows need row-level policies."""
    staff, admin, table = quoted(roles.staff), quoted(roles.admin), quoted(name)
    if name in READ_ONLY:
        connection.execute(text(f"GRANT SELECT ON {table} TO {staff}"))
        return False
    if name in BLOBS:
        connection.execute(text(f"GRANT SELECT, INSERT, DELETE ON {table} TO {staff}"))
        return False
    if name in APPEND_ONLY:
        connection.execute(text(f"GRANT SELECT, INSERT ON {table} TO {staff}"))
    elif name in ADMIN_WRITES:
        connection.execute(text(f"GRANT SELECT ON {table} TO {staff}"))
        connection.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {admin}"))
        return False  # no case data: no row-level policy needed
    else:
        connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {staff}"))
    return True


def _row_policies(connection: Connection, roles: RoleNames, name: str) -> None:
    """Row-level security on: case workers see every row, volunteers the rows of their cases."""
    quoted_name = quoted(name)
    connection.execute(text(f"ALTER TABLE {quoted_name} ENABLE ROW LEVEL SECURITY"))
    existing = connection.execute(
        text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": name}
    ).scalars()
    for policy in list(existing):
        connection.execute(text(f"DROP POLICY {quoted(policy)} ON {quoted_name}"))
    workers = ", ".join(quoted(r) for r in roles.case_workers)
    connection.execute(
        text(f"CREATE POLICY all_rows ON {quoted_name} TO {workers} USING (true) WITH CHECK (true)")
    )
    condition = _link(Base.metadata.tables.get(name), name)
    if condition is None:
        return  # unknown to this module: volunteers see none of it
    if name in APPEND_ONLY:
        connection.execute(
            text(
                f"CREATE POLICY volunteer_reads ON {quoted_name} FOR SELECT "
                f"TO {quoted(roles.volunteer)} USING ({condition})"
            )
        )
        connection.execute(
            text(
                f"CREATE POLICY volunteer_appends ON {quoted_name} FOR INSERT "
                f"TO {quoted(roles.volunteer)} WITH CHECK (true)"
            )
        )
        return
    connection.execute(
        text(
            f"CREATE POLICY volunteer_assigned ON {quoted_name} TO {quoted(roles.volunteer)} "
            f"USING ({condition}) WITH CHECK ({condition})"
        )
    )
