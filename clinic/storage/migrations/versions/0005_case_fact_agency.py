"""A case fact's agency and the earlier fact it belongs to (issue 18 § 2, FOIA requests).

A FOIA request is recorded as facts: its sending (or receipt) names the agency; its receipt,
the agency's written extension and each response name the request they belong to
(``about_id``, the id of the fact that started it). Existing rows get no agency and no request:
each earlier FOIA receipt stays a request of its own, each earlier response an answer of its own.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 05:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "case_fact",
        sa.Column("agency", sa.String(length=40), nullable=False, server_default=""),
    )
    op.add_column("case_fact", sa.Column("about_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_fact") as batch:
        batch.drop_column("about_id")
        batch.drop_column("agency")
