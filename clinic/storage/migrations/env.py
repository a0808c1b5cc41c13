"""Alembic environment: always runs on a connection the store hands in (a keyed SQLCipher
connection, or an office PostgreSQL connection as the database owner)."""

from __future__ import annotations

from alembic import context

from clinic.storage.migrate import include_object
from clinic.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Clinic migrations run through 'clinic' itself (clinic.storage.migrate), which keys the "
        "encrypted database first; the alembic command line cannot open it."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode copies the table there (PostgreSQL alters).
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
