"""Alembic environment: always runs on a connection the store hands in (already keyed)."""

from __future__ import annotations

from alembic import context

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
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
