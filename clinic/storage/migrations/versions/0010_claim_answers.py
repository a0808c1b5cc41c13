"""The I-589's Parts B and C (issue 23; clinic/domain/claim_answers.py): each yes/no question
(Part B 1.A, 1.B, 2, 3.A, 3.B, 4; Part C 1, 2.A, 2.B, 3, 4, 5, 6) and its explanation (Part C
2.A and 2.B share one, as on the form), on the client's row beside the applicant's other details.

Existing rows: every question not asked yet (NULL) and every explanation empty: nothing is
guessed, and the cross-checks list the questions still to ask.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 19:40:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_QUESTIONS = ("b1a", "b1b", "b2", "b3a", "b3b", "b4", "c1", "c2a", "c2b", "c3", "c4", "c5", "c6")
_EXPLANATIONS = ("b1a", "b1b", "b2", "b3a", "b3b", "b4", "c1", "c2", "c3", "c4", "c5", "c6")


def upgrade() -> None:
    for name in _QUESTIONS:
        op.add_column("client", sa.Column(f"part_{name}", sa.Boolean(), nullable=True))
    for name in _EXPLANATIONS:
        op.add_column(
            "client",
            sa.Column(f"part_{name}_explanation", sa.Text(), nullable=False, server_default=""),
        )


def downgrade() -> None:
    with op.batch_alter_table("client") as batch:
        for name in reversed(_EXPLANATIONS):
            batch.drop_column(f"part_{name}_explanation")
        for name in reversed(_QUESTIONS):
            batch.drop_column(f"part_{name}")
