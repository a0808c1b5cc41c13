"""The I-589's lists of Part A.III and its Parts D and E (issue 23; clinic/domain/background.py):

- ``background_address``: the last address before coming to the United States and the last
  one in the country of feared persecution (item 1), the residences of the past five years
  (item 2);
- ``background_school`` (item 3), ``background_job`` (item 4), ``background_relative`` (item 5:
  mother, father, siblings);
- ``asylum_case.i589_preparer_id`` (the clinic's staff member who prepared the form, Part E;
  a staff id, checked by the service: staff rows are never deleted),
  ``i589_interpreter_name`` and ``i589_interpreter_language`` (Part D).

Existing rows: no list rows, no preparer and no interpreter recorded: nothing is guessed.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 20:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_ADDRESS_KINDS = ("before_us", "feared_country", "residence")
_RELATIONS = ("mother", "father", "sibling")


def _client_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["client_id"], ["client.id"], name=op.f(f"fk_{table}_client_id_client"), ondelete="CASCADE"
    )


def _period() -> list[sa.Column[object]]:
    return [
        sa.Column("from_on", sa.Date(), nullable=True),
        sa.Column("to_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    ]


def _table(name: str, *columns: sa.Column[object], period: bool = True) -> None:
    tail = _period() if period else [sa.Column("created_at", sa.DateTime(), nullable=False)]
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        *columns,
        *tail,
        _client_fk(name),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name) as batch:
        batch.create_index(batch.f(f"ix_{name}_client_id"), ["client_id"], unique=False)


def upgrade() -> None:
    _table(
        "background_address",
        sa.Column(
            "kind",
            sa.Enum(*_ADDRESS_KINDS, name="addresskind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
    )
    _table(
        "background_school",
        sa.Column("school", sa.String(length=200), nullable=False),
        sa.Column("school_type", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
    )
    _table(
        "background_job",
        sa.Column("employer", sa.String(length=200), nullable=False),
        sa.Column("occupation", sa.String(length=200), nullable=False),
    )
    _table(
        "background_relative",
        sa.Column(
            "relation",
            sa.Enum(*_RELATIONS, name="relation", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("birthplace", sa.String(length=200), nullable=False),
        sa.Column("deceased", sa.Boolean(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        period=False,
    )
    # No foreign key: staff rows are never deleted (only made inactive), the service checks the
    # id, and a batch (which SQLite needs to add a constraint) would copy asylum_case, whose
    # copy's DROP TABLE would cascade to the case's deadlines.
    op.add_column("asylum_case", sa.Column("i589_preparer_id", sa.Integer(), nullable=True))
    op.add_column(
        "asylum_case",
        sa.Column("i589_interpreter_name", sa.String(200), nullable=False, server_default=""),
    )
    op.add_column(
        "asylum_case",
        sa.Column("i589_interpreter_language", sa.String(3), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("asylum_case") as batch:
        batch.drop_column("i589_interpreter_language")
        batch.drop_column("i589_interpreter_name")
        batch.drop_column("i589_preparer_id")
    for name in ("background_relative", "background_job", "background_school"):
        op.drop_table(name)
    op.drop_table("background_address")
