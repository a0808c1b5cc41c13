"""Deadline provenance (anchor, safe date, explanation, source, as-of, confidence, flags) and case facts.

Existing deadlines get empty provenance: they were entered by hand.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 17:12:18.533773
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "decision",
                "final_order",
                "bia_decision",
                "in_absentia_order",
                "vd_order",
                "vd_days",
                "nta_served",
                "ead_expires",
                "ij_denial",
                "asylum_granted",
                "aaf_notice",
                "exception_event_end",
                "ead_stopped_days",
                "opposing_filing_received",
                "judge_set_date",
                name="casefactkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_case_fact_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_fact")),
    )
    with op.batch_alter_table("case_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_fact_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("anchor_field", sa.String(length=40), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("anchor_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("safe_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("explanation", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("as_of", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("confidence", sa.String(length=20), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("flags", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(
            sa.Column("court_sets_date", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_column("court_sets_date")
        batch_op.drop_column("flags")
        batch_op.drop_column("confidence")
        batch_op.drop_column("as_of")
        batch_op.drop_column("source")
        batch_op.drop_column("explanation")
        batch_op.drop_column("safe_due_on")
        batch_op.drop_column("anchor_on")
        batch_op.drop_column("anchor_field")

    with op.batch_alter_table("case_fact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_fact_case_id"))

    op.drop_table("case_fact")
