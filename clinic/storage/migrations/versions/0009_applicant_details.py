"""The applicant's I-589 details that intake does not ask (issue 23; clinic/domain/applicant.py):
middle name, U.S. Social Security number, USCIS online account number, marital status, city and
country of birth, nationality at birth, race/ethnic/tribal group, religion, the date the
applicant left their country, the last passport or travel document (country, numbers, expiry)
and whether they are fluent in English.

Existing rows: every text empty and every date, the marital status and the English answer not
recorded (NULL): nothing is guessed, and the I-589 leaves those questions for the preparer.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_MARITAL = ("single", "married", "divorced", "widowed")
_TEXTS = (
    ("middle_name", 200),
    ("ssn", 9),
    ("uscis_account", 12),
    ("birth_city", 100),
    ("birth_country", 2),
    ("nationality_at_birth", 2),
    ("ethnic_group", 100),
    ("religion", 100),
    ("passport_country", 2),
    ("passport_number", 40),
    ("travel_document_number", 40),
)
_DATES = ("left_country_on", "passport_expires_on")


def upgrade() -> None:
    for name, length in _TEXTS:
        op.add_column(
            "client",
            sa.Column(name, sa.String(length=length), nullable=False, server_default=""),
        )
    op.add_column(
        "client",
        sa.Column(
            "marital_status",
            sa.Enum(*_MARITAL, name="maritalstatus", native_enum=False, length=40),
            nullable=True,
        ),
    )
    for name in _DATES:
        op.add_column("client", sa.Column(name, sa.Date(), nullable=True))
    op.add_column("client", sa.Column("fluent_in_english", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch:
        batch.drop_column("fluent_in_english")
        for name in reversed(_DATES):
            batch.drop_column(name)
        batch.drop_column("marital_status")
        for name, _length in reversed(_TEXTS):
            batch.drop_column(name)
