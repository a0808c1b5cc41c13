"""What ``clinic server status`` reports about the office database: the server's settings, the
schema's revision, the staff logins, tables without row-level security, and whether the data
folder is on an encrypted disk.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from clinic.storage import migrate
from clinic.storage.postgres import OfficeTarget, connect_once, read_store_id
from clinic.storage.postgres_grants import ADMIN_WRITES, BLOBS, READ_ONLY
from clinic.storage.postgres_roles import STAFF_ROLES, RoleNames, role_names


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
            staff = _staff_logins(connection, roles)
            no_rls = _tables_without_rls(connection)
        store_id = read_store_id(engine)
    finally:
        engine.dispose()
    return ServerStatus(
        version=version,
        database=target.database,
        store_id=store_id,
        revision=revision,
        head=migrate.head_revision(),
        ssl=ssl,
        password_encryption=scram,
        data_directory=data_dir,
        disk=_data_disk(target, data_dir),
        staff=staff,
        tables_without_rls=no_rls,
    )


def _staff_logins(connection: Connection, roles: RoleNames) -> tuple[StaffLogin, ...]:
    """Every login in a staff group, with its group and how long its password works."""
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
    return tuple(
        StaffLogin(
            login=str(r[0]),
            group=str(r[1]).rsplit("_", 1)[-1],
            can_login=bool(r[2]),
            valid_until=r[3] if r[3] is None or r[3].year < 9999 else None,
        )
        for r in rows
    )


def _tables_without_rls(connection: Connection) -> tuple[str, ...]:
    """Tables of the schema without row-level security, but those that need none."""
    return tuple(
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


def _data_disk(target: OfficeTarget, data_dir: str | None) -> DiskEncryption:
    if data_dir is None:
        return DiskEncryption(None, None, "only the server administrator may see the data folder")
    if not target.local:
        return DiskEncryption(
            None,
            None,
            "the server is another computer: run 'clinic server status' on the server itself",
        )
    return disk_encryption(Path(data_dir))


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
