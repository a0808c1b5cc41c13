"""Indexes for recomputing only what a settings change can touch (issue 20 § 2).

- ``deadline(rule_id, case_id)``: the cases holding a rule's deadlines (its amount changed);
- ``deadline(due_on, anchor_on, case_id)``: deadlines counted forward from their anchor whose
  window crosses a closure day (anchor <= day <= due), from the entries around the day;
- ``deadline(anchor_on, safe_due_on, due_on, rule_id, case_id)``: deadlines counted back from
  their anchor (a filing before a hearing: safe date or due <= day <= anchor), and those without
  an anchor date.

Without them finding those cases read the whole (wide) deadline table: ~1 s of a change that
should take less at 100,000 cases (bench/results.md, measurement 11).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 07:05:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deadline_rule_case", "deadline", ["rule_id", "case_id"])
    op.create_index("ix_deadline_window_forward", "deadline", ["due_on", "anchor_on", "case_id"])
    op.create_index(
        "ix_deadline_window_back",
        "deadline",
        ["anchor_on", "safe_due_on", "due_on", "rule_id", "case_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_deadline_window_back", table_name="deadline")
    op.drop_index("ix_deadline_window_forward", table_name="deadline")
    op.drop_index("ix_deadline_rule_case", table_name="deadline")
