"""Initial schema: clients, cases, hearings, evidence, deadlines, settings, audit trail.

Revision ID: 0001
Revises:
Create Date: 2026-11-28 16:36:08.127565
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("at_text", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_entity"), ["entity"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("other_names", sa.JSON(), nullable=False),
        sa.Column("a_number", sa.String(length=9), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column(
            "sex",
            sa.Enum(
                "female",
                "male",
                "nonbinary",
                "undisclosed",
                name="sex",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("nationalities", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("last_arrival_on", sa.Date(), nullable=True),
        sa.Column("last_arrival_place", sa.String(length=200), nullable=False),
        sa.Column(
            "last_arrival_manner",
            sa.Enum(
                "inspected",
                "paroled",
                "without_inspection",
                "unknown",
                name="arrivalmanner",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "detention",
            sa.Enum(
                "not_detained",
                "detained",
                "released",
                name="detentionstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("detention_facility", sa.String(length=200), nullable=False),
        sa.Column("unaccompanied_child", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
        sa.UniqueConstraint("a_number", name=op.f("uq_client_a_number")),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "attorney", "paralegal", "volunteer", name="staffrole", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
    )
    op.create_table(
        "adverse_party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_adverse_party_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adverse_party")),
    )
    with op.batch_alter_table("adverse_party", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_adverse_party_client_id"), ["client_id"], unique=False)

    op.create_table(
        "asylum_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "claim_type",
            sa.Enum("affirmative", "defensive", name="claimtype", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("relief", sa.JSON(), nullable=False),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("psg_definition", sa.Text(), nullable=False),
        sa.Column(
            "forum_kind",
            sa.Enum(
                "asylum_office", "immigration_court", name="forumkind", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("forum_name", sa.String(length=200), nullable=False),
        sa.Column("judge", sa.String(length=200), nullable=False),
        sa.Column("paralegal_id", sa.Integer(), nullable=True),
        sa.Column("attorney_id", sa.Integer(), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("receipt_number", sa.String(length=20), nullable=False),
        sa.Column("detained", sa.Boolean(), nullable=False),
        sa.Column("agency_hold", sa.Boolean(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "intake",
                "preparing",
                "filed",
                "interview",
                "hearings",
                "decision",
                "appeal",
                "closed",
                name="stage",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "granted",
                "withholding_granted",
                "cat_granted",
                "denied",
                "referred",
                "dismissed",
                "terminated",
                "withdrawn",
                "administratively_closed",
                "removal_ordered",
                "voluntary_departure",
                "transferred",
                name="outcome",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("referred_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attorney_id"],
            ["staff.id"],
            name=op.f("fk_asylum_case_attorney_id_staff"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_asylum_case_client_id_client"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["paralegal_id"],
            ["staff.id"],
            name=op.f("fk_asylum_case_paralegal_id_staff"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asylum_case")),
    )
    with op.batch_alter_table("asylum_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asylum_case_client_id"), ["client_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_asylum_case_receipt_number"), ["receipt_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_asylum_case_stage"), ["stage"], unique=False)

    op.create_table(
        "client_address",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=100), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("moved_in_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_client_address_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_address")),
    )
    with op.batch_alter_table("client_address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_client_address_client_id"), ["client_id"], unique=False
        )

    op.create_table(
        "family_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column(
            "relationship",
            sa.Enum(
                "spouse",
                "child",
                "parent",
                "sibling",
                "other",
                name="relationship",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("a_number", sa.String(length=9), nullable=True),
        sa.Column("in_us", sa.Boolean(), nullable=False),
        sa.Column("derivative", sa.Boolean(), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_family_member_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_member")),
    )
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_member_a_number"), ["a_number"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_member_client_id"), ["client_id"], unique=False)

    op.create_table(
        "checklist_item_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.String(length=60), nullable=False),
        sa.Column("item_id", sa.String(length=60), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "done",
                "not_applicable",
                "missing",
                name="checkliststate",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_checklist_item_state_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_item_state")),
        sa.UniqueConstraint(
            "case_id", "template_id", "item_id", name=op.f("uq_checklist_item_state_case_id")
        ),
    )
    with op.batch_alter_table("checklist_item_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_checklist_item_state_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "origin",
            sa.Enum(
                "rule",
                "judge_ordered",
                "manual",
                name="deadlineorigin",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("rule_id", sa.String(length=40), nullable=False),
        sa.Column(
            "status",
            sa.Enum("open", "done", "waived", name="deadlinestatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_deadline_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline")),
    )
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deadline_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_deadline_due_status", ["due_on", "status"], unique=False)

    op.create_table(
        "evidence_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "identity",
                "declaration",
                "corroboration",
                "medical",
                "expert",
                "country_conditions",
                "other",
                name="evidencecategory",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("language", sa.String(length=3), nullable=False),
        sa.Column(
            "translation",
            sa.Enum(
                "not_needed",
                "needed",
                "translated",
                name="translationstatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("obtained_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "requested",
                "received",
                "filed",
                name="evidencestatus",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("exhibit_order", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_evidence_item_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_item")),
    )
    with op.batch_alter_table("evidence_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_item_case_id"), ["case_id"], unique=False)

    op.create_table(
        "hearing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "master_calendar",
                "individual",
                "asylum_interview",
                "biometrics",
                "ice_check_in",
                name="hearingkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("at", sa.Time(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("judge", sa.String(length=200), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "in_person",
                "video",
                "telephonic",
                name="attendancemode",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_hearing_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing")),
    )
    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hearing_case_id"), ["case_id"], unique=False)
        batch_op.create_index("ix_hearing_on", ["on"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_note_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_note_client_id_client"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note")),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_client_id"), ["client_id"], unique=False)

    op.create_table(
        "stage_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column(
            "from_stage",
            sa.Enum(
                "intake",
                "preparing",
                "filed",
                "interview",
                "hearings",
                "decision",
                "appeal",
                "closed",
                name="stage",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_stage",
            sa.Enum(
                "intake",
                "preparing",
                "filed",
                "interview",
                "hearings",
                "decision",
                "appeal",
                "closed",
                name="stage",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "claim_type",
            sa.Enum("affirmative", "defensive", name="claimtype", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column(
            "outcome",
            sa.Enum(
                "granted",
                "withholding_granted",
                "cat_granted",
                "denied",
                "referred",
                "dismissed",
                "terminated",
                "withdrawn",
                "administratively_closed",
                "removal_ordered",
                "voluntary_departure",
                "transferred",
                name="outcome",
                native_enum=False,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("is_referral", sa.Boolean(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["asylum_case.id"],
            name=op.f("fk_stage_event_case_id_asylum_case"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stage_event")),
    )
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stage_event_case_id"), ["case_id"], unique=False)

    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("vault_name", sa.String(length=64), nullable=False),
        sa.Column("file_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_item.id"],
            name=op.f("fk_evidence_file_evidence_id_evidence_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_file")),
        sa.UniqueConstraint("vault_name", name=op.f("uq_evidence_file_vault_name")),
    )
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evidence_file_evidence_id"), ["evidence_id"], unique=False
        )

    # The audit trail is append-only inside the app; the hash chain catches edits made outside.
    # (SQLite's trigger syntax; on PostgreSQL revision 0006 installs the server's own.)
    if op.get_context().dialect.name != "sqlite":
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{verb.lower()} BEFORE {verb} ON audit_entry "
            "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_file_evidence_id"))

    op.drop_table("evidence_file")
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_event_case_id"))

    op.drop_table("stage_event")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_client_id"))
        batch_op.drop_index(batch_op.f("ix_note_case_id"))

    op.drop_table("note")
    with op.batch_alter_table("hearing", schema=None) as batch_op:
        batch_op.drop_index("ix_hearing_on")
        batch_op.drop_index(batch_op.f("ix_hearing_case_id"))

    op.drop_table("hearing")
    with op.batch_alter_table("evidence_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_item_case_id"))

    op.drop_table("evidence_item")
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_index("ix_deadline_due_status")
        batch_op.drop_index(batch_op.f("ix_deadline_case_id"))

    op.drop_table("deadline")
    with op.batch_alter_table("checklist_item_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_item_state_case_id"))

    op.drop_table("checklist_item_state")
    with op.batch_alter_table("family_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_member_client_id"))
        batch_op.drop_index(batch_op.f("ix_family_member_a_number"))

    op.drop_table("family_member")
    with op.batch_alter_table("client_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_address_client_id"))

    op.drop_table("client_address")
    with op.batch_alter_table("asylum_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_asylum_case_stage"))
        batch_op.drop_index(batch_op.f("ix_asylum_case_receipt_number"))
        batch_op.drop_index(batch_op.f("ix_asylum_case_client_id"))

    op.drop_table("asylum_case")
    with op.batch_alter_table("adverse_party", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adverse_party_client_id"))

    op.drop_table("adverse_party")
    op.drop_table("staff")
    op.drop_table("setting")
    op.drop_table("client")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_entity_id"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_entity"))

    op.drop_table("audit_entry")
