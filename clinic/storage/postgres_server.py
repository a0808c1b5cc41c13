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
"""

from __future__ import annotations

import contextlib
import re
import secrets
import string
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, text

from clinic.domain.i18n import N_
from clinic.storage import migrate
from clinic.storage.models import Base
from clinic.storage.postgres import (
    DATABASE_MARK,
    OfficeError,
    OfficeTarget,
    connect_once,
    create_office_engine,
    read_store_id,
)

FIRST_PASSWORD_DAYS = 7
STAFF_ROLES = ("admin", "attorney", "paralegal", "volunteer")
_LOGIN = re.compile(r"^[a-z][a-z0-9_.-]{1,62}$")
# Tables only an admin writes (everyone reads them).
ADMIN_WRITES = frozenset({"staff", "setting"})
READ_ONLY = frozenset({"alembic_version", "office_login"})
APPEND_ONLY = frozenset({"audit_entry"})
# Evidence ciphertext: useless without the file's key, which sits in evidence_file under
# row-level security; staff add and remove blobs, never change one.
BLOBS = frozenset({"office_blob", "office_blob_chunk"})


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


def _q(identifier: str) -> str:
    """A quoted SQL identifier."""
    return '"' + identifier.replace('"', '""') + '"'


def _lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@dataclass(frozen=True)
class InitReport:
    store_id: str
    roles: RoleNames
    created: bool  # False: an existing Clinic database was brought up to date


def _require_superuser(connection: Connection) -> None:
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
                cursor.execute(f"SET ROLE {_q(role)}")
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
        connection.execute(text(f"CREATE ROLE {_q(name)} NOLOGIN"))
    if member_of is not None:
        connection.execute(text(f"GRANT {_q(member_of)} TO {_q(name)}"))


def init_server(target: OfficeTarget, password: str | None) -> InitReport:
    """Create (or bring up to date) the office database's schema, roles, grants and policies.

    Refuses a database that holds anything that is not Clinic's."""
    roles = role_names(target.database)
    admin_engine = connect_once(target, password)
    try:
        with admin_engine.begin() as connection:
            _require_superuser(connection)
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
            connection.execute(text(f"ALTER ROLE {_q(roles.owner)} CREATEROLE"))
            _ensure_role(connection, roles.staff)
            for role in STAFF_ROLES:
                _ensure_role(connection, roles.group(role), member_of=roles.staff)
            db = _q(target.database)
            connection.execute(text(f"ALTER DATABASE {db} OWNER TO {_q(roles.owner)}"))
            connection.execute(text(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC"))
            connection.execute(
                text(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {_q(roles.staff)}")
            )
            connection.execute(text(f"ALTER SCHEMA public OWNER TO {_q(roles.owner)}"))
            connection.execute(text("REVOKE ALL ON SCHEMA public FROM PUBLIC"))
    finally:
        admin_engine.dispose()
    with _engine_as(target, password, roles.owner) as owner:
        migrate.upgrade(owner)
        with owner.begin() as connection:
            _apply_grants_and_policies(connection, roles)
            if created:
                store_id = uuid.uuid4().hex
                connection.execute(
                    text(
                        f"COMMENT ON DATABASE {_q(target.database)} IS {_lit(DATABASE_MARK + store_id)}"
                    )
                )
    assert store_id is not None
    return InitReport(store_id=store_id, roles=roles, created=created)


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
        text(f"GRANT EXECUTE ON FUNCTION clinic_set_own_password(text) TO {_q(roles.staff)}")
    )


def _apply_grants_and_policies(connection: Connection, roles: RoleNames) -> None:
    staff, admin = _q(roles.staff), _q(roles.admin)
    _own_password_function(connection, roles)
    everyone = ", ".join(["PUBLIC", staff, *(_q(roles.group(r)) for r in STAFF_ROLES)])
    connection.execute(text(f"GRANT USAGE ON SCHEMA public TO {staff}"))
    connection.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {staff}"))
    connection.execute(
        text(
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {staff}"
        )
    )
    for name in _tables():
        table = Base.metadata.tables.get(name)
        quoted = _q(name)
        connection.execute(text(f"REVOKE ALL ON {quoted} FROM {everyone}"))
        if name in READ_ONLY:
            connection.execute(text(f"GRANT SELECT ON {quoted} TO {staff}"))
            continue
        if name in BLOBS:
            connection.execute(text(f"GRANT SELECT, INSERT, DELETE ON {quoted} TO {staff}"))
            continue
        if name in APPEND_ONLY:
            connection.execute(text(f"GRANT SELECT, INSERT ON {quoted} TO {staff}"))
        elif name in ADMIN_WRITES:
            connection.execute(text(f"GRANT SELECT ON {quoted} TO {staff}"))
            connection.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {quoted} TO {admin}"))
            continue  # no case data: no row-level policy needed
        else:
            connection.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {quoted} TO {staff}"))
        connection.execute(text(f"ALTER TABLE {quoted} ENABLE ROW LEVEL SECURITY"))
        existing = connection.execute(
            text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": name}
        ).scalars()
        for policy in list(existing):
            connection.execute(text(f"DROP POLICY {_q(policy)} ON {quoted}"))
        workers = ", ".join(_q(r) for r in roles.case_workers)
        connection.execute(
            text(f"CREATE POLICY all_rows ON {quoted} TO {workers} USING (true) WITH CHECK (true)")
        )
        condition = _link(table, name)
        if condition is None:
            continue  # unknown to this module: volunteers see none of it
        if name in APPEND_ONLY:
            connection.execute(
                text(
                    f"CREATE POLICY volunteer_reads ON {quoted} FOR SELECT "
                    f"TO {_q(roles.volunteer)} USING ({condition})"
                )
            )
            connection.execute(
                text(
                    f"CREATE POLICY volunteer_appends ON {quoted} FOR INSERT "
                    f"TO {_q(roles.volunteer)} WITH CHECK (true)"
                )
            )
            continue
        connection.execute(
            text(
                f"CREATE POLICY volunteer_assigned ON {quoted} TO {_q(roles.volunteer)} "
                f"USING ({condition}) WITH CHECK ({condition})"
            )
        )


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
) -> NewStaff:
    """A PostgreSQL login for one staff member, with a generated first password that is valid
    for 7 days, in the group of ``role``; attorneys, paralegals and volunteers also get a staff
    row (cases are assigned to it)."""
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
            _require_superuser(connection)
            if read_store_id(engine) is None:
                raise OfficeError(
                    N_("This database is not set up for Clinic yet: run 'clinic server init'.")
                )
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
            connection.execute(text(f"GRANT {_q(login)} TO {_q(roles.owner)} WITH ADMIN OPTION"))
            staff_id = None
            if role != "admin":
                staff_id = connection.execute(
                    text(
                        "INSERT INTO staff (name, role, email, active) "
                        "VALUES (:name, :role, '', true) RETURNING id"
                    ),
                    {"name": full_name or login, "role": role},
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
                {"id": staff_id, "changes": _json({"login": [None, login], "role": [None, role]})},
            )
    finally:
        engine.dispose()
    return NewStaff(login=login, role=role, first_password=first, valid_until=until)


def _json(value: Any) -> str:
    import json  # noqa: PLC0415

    return json.dumps(value, sort_keys=True)


def disable_staff(target: OfficeTarget, password: str | None, *, login: str) -> int:
    """The login can no longer sign in, its open sessions end, its staff row is inactive.
    Returns how many sessions were ended."""
    engine = connect_once(target, password)
    try:
        with engine.begin() as connection:
            _require_superuser(connection)
            known = connection.execute(
                text("SELECT staff_id FROM office_login WHERE login = :l"), {"l": login}
            ).first()
            if known is None:
                raise OfficeError(
                    N_("No staff login named '{login}' in this office database."), login=login
                )
            connection.execute(text(f"ALTER ROLE {_q(login)} NOLOGIN"))
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


@dataclass(frozen=True)
class StaffLogin:
    login: str
    group: str
    can_login: bool
    valid_until: datetime | None


@dataclass(frozen=True)
class DiskEncryption:
    """Whether a folder is on an encrypted block device, as far as this computer can tell."""

    encrypted: bool | None  # None: cannot tell
    device: str | None
    how: str


@dataclass(frozen=True)
class ServerStatus:
    version: str
    database: str
    store_id: str | None
    revision: str | None
    head: str
    ssl: bool
    password_encryption: str
    data_directory: str | None
    disk: DiskEncryption
    staff: tuple[StaffLogin, ...]
    tables_without_rls: tuple[str, ...]


def server_status(target: OfficeTarget, password: str | None) -> ServerStatus:
    engine = connect_once(target, password)
    roles = role_names(target.database)
    try:
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar())
            ssl = str(connection.execute(text("SHOW ssl")).scalar()) == "on"
            scram = str(connection.execute(text("SHOW password_encryption")).scalar())
            data_dir: str | None
            try:
                data_dir = str(connection.execute(text("SHOW data_directory")).scalar())
            except Exception:
                connection.rollback()
                data_dir = None
            revision = migrate.current_revision(connection)
            groups = [roles.group(r) for r in STAFF_ROLES]
            rows = connection.execute(
                text(
                    "SELECT m.rolname, g.rolname, m.rolcanlogin, "
                    "NULLIF(m.rolvaliduntil, 'infinity') "
                    "FROM pg_roles m JOIN pg_auth_members a ON a.member = m.oid "
                    "JOIN pg_roles g ON g.oid = a.roleid WHERE g.rolname = ANY(:groups) "
                    "ORDER BY m.rolname"
                ),
                {"groups": groups},
            ).all()
            staff = tuple(
                StaffLogin(
                    login=str(r[0]),
                    group=str(r[1]).rsplit("_", 1)[-1],
                    can_login=bool(r[2]),
                    valid_until=r[3] if r[3] is None or r[3].year < 9999 else None,
                )
                for r in rows
            )
            no_rls = tuple(
                str(name)
                for name in connection.execute(
                    text(
                        "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                        "c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
                        "AND NOT c.relrowsecurity AND relname <> ALL(:exempt) ORDER BY relname"
                    ),
                    {"exempt": sorted(ADMIN_WRITES | READ_ONLY | BLOBS)},
                ).scalars()
            )
        store_id = read_store_id(engine)
    finally:
        engine.dispose()
    if data_dir is None:
        disk = DiskEncryption(None, None, "only the server administrator may see the data folder")
    elif not target.local:
        disk = DiskEncryption(
            None,
            None,
            "the server is another computer: run 'clinic server status' on the server itself",
        )
    else:
        disk = disk_encryption(Path(data_dir))
    return ServerStatus(
        version=version,
        database=target.database,
        store_id=store_id,
        revision=revision,
        head=migrate.head_revision(),
        ssl=ssl,
        password_encryption=scram,
        data_directory=data_dir,
        disk=disk,
        staff=staff,
        tables_without_rls=no_rls,
    )


def _mount_device(path: Path) -> tuple[str, str] | None:
    """(major:minor, source) of the filesystem holding ``path``, from /proc/self/mountinfo."""
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return None
    best: tuple[int, str, str] | None = None
    resolved = str(path.resolve())
    for line in lines:
        fields = line.split()
        if len(fields) < 10 or "-" not in fields:
            continue
        mount_point = fields[4].replace("\\040", " ")
        source = fields[fields.index("-") + 2]
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2], source)
    return None if best is None else (best[1], best[2])


def _crypt_in_stack(sys_block: Path, seen: set[str] | None = None) -> bool:
    """Whether this block device, or any device below it, is a dm-crypt mapping."""
    seen = set() if seen is None else seen
    if sys_block.name in seen:
        return False
    seen.add(sys_block.name)
    uuid_file = sys_block / "dm" / "uuid"
    with contextlib.suppress(OSError):
        if uuid_file.read_text().startswith("CRYPT-"):
            return True
    slaves = sys_block / "slaves"
    if slaves.is_dir():
        for below in slaves.iterdir():
            if _crypt_in_stack(Path("/sys/class/block") / below.name, seen):
                return True
    return False


def disk_encryption(path: Path, sys_root: Path = Path("/sys/dev/block")) -> DiskEncryption:
    """dm-crypt (LUKS) anywhere under the block device holding ``path``: encrypted. A block
    device without it: not encrypted. No block device (overlay, tmpfs, network): cannot tell."""
    found = _mount_device(path)
    if found is None:
        return DiskEncryption(None, None, "the folder's filesystem was not found in mountinfo")
    devno, source = found
    block = sys_root / devno
    if not block.exists():
        return DiskEncryption(
            None, source, f"{source} is not a block device here (a container or network disk)"
        )
    real = block.resolve()
    if _crypt_in_stack(real):
        return DiskEncryption(True, source, "dm-crypt")
    return DiskEncryption(False, source, "no dm-crypt layer under this device")


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
