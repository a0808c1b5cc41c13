"""Entries into the United States, lawful status / TPS / parole, a family member's own I-589,
and the kind of proceeding (issue 18 § 2; the I-589 of issue 23 reads the same tables).

- ``entry``: every entry of the client or of a family member (date, place, manner, status as
  admitted, the date that status expires, the I-94 number): the I-589's list of entries.
- ``lawful_status``: periods of lawful status, TPS or parole (8 CFR 208.4(a)(5)(iv)), with the
  entry they began on when there was one.
- ``family_member.files_own_i589`` and ``own_i589_received_on``: a member who files an I-589 of
  their own has a one-year deadline of their own (withholding and CAT cannot be derivative).
- ``asylum_case.proceeding``: removal, asylum-only or withholding-only (8 CFR 1208.2(c)).

Existing rows: no entries or statuses; every family member a derivative-or-nothing as before
(``files_own_i589`` false); every case in removal proceedings, the only kind the app knew.
Each client's recorded last arrival stays on the client row and is not copied into ``entry``
(its status and expiry were never recorded, and a guessed row would print on the I-589).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_MANNERS = ("inspected", "paroled", "without_inspection", "unknown")
_STATUS_KINDS = ("nonimmigrant", "immigrant", "tps", "parole")
_PROCEEDINGS = ("removal", "asylum_only", "withholding_only")


def upgrade() -> None:
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("family_member_id", sa.Integer(), nullable=True),
        sa.Column("entered_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column(
            "manner",
            sa.Enum(*_MANNERS, name="arrivalmanner", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=60), nullable=False),
        sa.Column("status_expires_on", sa.Date(), nullable=True),
        sa.Column("i94_number", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_entry_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["family_member_id"],
            ["family_member.id"],
            name=op.f("fk_entry_family_member_id_family_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry")),
    )
    with op.batch_alter_table("entry") as batch:
        batch.create_index(batch.f("ix_entry_client_id"), ["client_id"], unique=False)
        batch.create_index(batch.f("ix_entry_family_member_id"), ["family_member_id"], unique=False)
    op.create_table(
        "lawful_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("family_member_id", sa.Integer(), nullable=True),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(*_STATUS_KINDS, name="statuskind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("detail", sa.String(length=100), nullable=False),
        sa.Column("from_on", sa.Date(), nullable=True),
        sa.Column("until_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_lawful_status_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["family_member_id"],
            ["family_member.id"],
            name=op.f("fk_lawful_status_family_member_id_family_member"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["entry.id"],
            name=op.f("fk_lawful_status_entry_id_entry"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lawful_status")),
    )
    with op.batch_alter_table("lawful_status") as batch:
        batch.create_index(batch.f("ix_lawful_status_client_id"), ["client_id"], unique=False)
        batch.create_index(
            batch.f("ix_lawful_status_family_member_id"), ["family_member_id"], unique=False
        )
    op.add_column(
        "family_member",
        sa.Column("files_own_i589", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.add_column("family_member", sa.Column("own_i589_received_on", sa.Date(), nullable=True))
    op.add_column(
        "asylum_case",
        sa.Column(
            "proceeding",
            sa.Enum(*_PROCEEDINGS, name="proceedingkind", native_enum=False, length=40),
            nullable=False,
            server_default="removal",
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("asylum_case") as batch:
        batch.drop_column("proceeding")
    with op.batch_alter_table("family_member") as batch:
        batch.drop_column("own_i589_received_on")
        batch.drop_column("files_own_i589")
    op.drop_table("lawful_status")
    op.drop_table("entry")
