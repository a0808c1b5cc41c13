"""A hearing's confirmed time zone (issue 15, problem 5).

Hearings keep the zone they were stored with. Those whose zone differs from their court's (the
table in resources/courts/courts.toml) are listed for staff to review; ``timezone_confirmed``
holds the zone a staff member confirmed as right, so the hearing leaves the list until its zone
changes. Existing rows get an empty value: nothing is confirmed, nothing is changed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 04:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "hearing",
        sa.Column("timezone_confirmed", sa.String(length=64), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("hearing") as batch:
        batch.drop_column("timezone_confirmed")
