"""Row versions (issue 21, working together): every editable table gets ``version``, an integer
(NOT NULL, 1 for the rows already there and for every new row), which every ORM UPDATE raises
by one (``version_id_col``, clinic/storage/models/base.py ``Versioned``). A save started from an
older version is refused with what changed since (clinic/services/versions.py); an UPDATE that
finds the row's version moved on under it raises ``StaleDataError``, never overwrites.

Tables: the people (staff, client, client_address, family_member, entry, lawful_status,
adverse_party), the case's (asylum_case, hearing, deadline, case_fact, checklist_item_state,
note), evidence (evidence_item, evidence_file) and the I-589's lists (background_address,
background_school, background_job, background_relative). Not versioned: rows never edited in
place (audit_entry, stage_event), the settings (key and value, written whole by
administrators) and the office database's own tables.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 23:05:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = (
    "staff",
    "client",
    "client_address",
    "family_member",
    "entry",
    "lawful_status",
    "adverse_party",
    "asylum_case",
    "hearing",
    "deadline",
    "case_fact",
    "checklist_item_state",
    "note",
    "evidence_item",
    "evidence_file",
    "background_address",
    "background_school",
    "background_job",
    "background_relative",
)


def upgrade() -> None:
    # ADD COLUMN with a constant default: no table copy on SQLite, no rewrite on PostgreSQL
    # (11+); the rows already there read 1.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
