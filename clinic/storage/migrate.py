"""Schema migrations at start-up: compare, take a safety copy, upgrade, fail closed on unknowns."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from clinic.storage.errors import StoreError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NewerSchema(StoreError):
    exit_code = 4


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def pending(engine: Engine) -> bool:
    """True when the database is behind head; raises if it is ahead (written by a newer app)."""
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
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
