"""Schema migrations at start-up: compare, take a safety copy, upgrade, fail closed on unknowns."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from clinic.storage.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic (about 0.2 s and 15 MB to import) is loaded only when a store is not at head: opening
# an up-to-date store reads ``alembic_version`` with one query and compares it with the newest
# revision found in the migration files' headers (see ``quick_head``).

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"^down_revision(?:\s*:[^=]+)?\s*=\s*(?:[\"']([^\"']+)[\"']|None)", re.MULTILINE
)


# What only an office database (PostgreSQL) has, made by revision 0007 and absent from the
# models (laptops have neither): the drift comparison (autogenerate) leaves exactly these out.
POSTGRES_ONLY = frozenset(
    {
        ("index", "ix_client_search_key_trgm"),
        ("index", "ix_client_a_number_trgm"),
        ("index", "ix_family_member_a_number_trgm"),
        ("table", "office_login"),
        ("table", "office_blob"),
        ("table", "office_blob_chunk"),
    }
)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic's filter for comparing a database with the models (see POSTGRES_ONLY)."""
    return not (reflected and compare_to is None and (type_, name) in POSTGRES_ONLY)


class NewerSchema(StoreError):
    exit_code = 4


@cache
def quick_head() -> str | None:
    """The head revision read from the migration files' ``revision``/``down_revision`` lines,
    without Alembic; ``None`` when that is not one clear linear answer (Alembic then decides)."""
    revisions: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            if script.name == "__init__.py":
                continue
            return None
        revisions[revision.group(1)] = down.group(1)
    heads = set(revisions) - {down for down in revisions.values() if down is not None}
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """What ``alembic_version`` says, read with plain SQL; ``None`` if that cannot be told."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no such table (a new store): Alembic decides
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - see the note at the top

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """What Alembic would say: ``None`` without an ``alembic_version`` table or row. One row
    (every store) is read with plain SQL; Alembic is imported only for anything else."""
    if connection.dialect.name == "sqlite":
        table = connection.execute(
            text(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                "AND name = 'alembic_version'"
            )
        ).scalar()
    else:  # an office database (PostgreSQL)
        table = connection.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    if not table:
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    if len(rows) <= 1:
        return str(rows[0][0]) if rows else None
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415

    return MigrationContext.configure(connection).get_current_revision()


def pending(engine: Engine) -> bool:
    """True when the database is behind head; raises if it is ahead (written by a newer app)."""
    head = quick_head()
    if head is not None and _stored_revision(engine) == head:
        return False  # the common case, decided without importing Alembic
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    scripts = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is None:
        return True
    if not _known(scripts, current):
        raise NewerSchema(
            "This store was written by a newer version of Clinic. Install the newer version; "
            "nothing was changed."
        )
    return current != scripts.get_current_head()


def _known(scripts: ScriptDirectory, revision: str) -> bool:
    return any(script.revision == revision for script in scripts.walk_revisions())


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command  # noqa: PLC0415

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
