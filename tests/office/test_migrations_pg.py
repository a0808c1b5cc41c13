"""The same Alembic migrations on PostgreSQL: empty database to head, no drift from the models."""

from __future__ import annotations

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from clinic.storage import migrate
from clinic.storage.models import Base
from tests.office.pg_cluster import Cluster, create_database, drop_database


@pytest.fixture
def empty_database(pg_cluster: Cluster):
    name = "migrations_empty"
    drop_database(pg_cluster, name)
    create_database(pg_cluster, name)
    engine = create_engine(
        "postgresql+psycopg://", creator=lambda: psycopg.connect(pg_cluster.conninfo(name))
    )
    yield engine
    engine.dispose()
    drop_database(pg_cluster, name)


def test_empty_database_migrates_to_head_with_no_drift(empty_database) -> None:
    assert migrate.pending(empty_database)
    migrate.upgrade(empty_database)
    assert not migrate.pending(empty_database)
    with empty_database.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        drift = compare_metadata(context, Base.metadata)
        # The office-only objects exist (they are left out of the comparison, not missing).
        indexes = set(
            connection.execute(
                text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")
            ).scalars()
        )
    assert drift == []
    assert {name for kind, name in migrate.POSTGRES_ONLY if kind == "index"} == indexes


def test_the_drift_filter_leaves_out_only_the_office_objects(empty_database) -> None:
    migrate.upgrade(empty_database)
    with empty_database.begin() as connection:
        connection.execute(text("CREATE INDEX ix_client_stray ON client (given_name)"))
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": migrate.include_object}
        )
        drift = compare_metadata(context, Base.metadata)
    assert [d[0] for d in drift] == ["remove_index"]
    assert drift[0][1].name == "ix_client_stray"


def test_downgrade_to_base_and_up_again(empty_database) -> None:
    migrate.upgrade(empty_database)
    config = migrate.alembic_config()
    with empty_database.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with empty_database.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        ).scalar()
    assert left == 1  # alembic_version alone
    migrate.upgrade(empty_database)
    assert not migrate.pending(empty_database)
