"""Office mode on PostgreSQL (issue 21): the parts only the server needs. Nothing on SQLite.

- Trigram indexes (``pg_trgm``, GIN) on ``client.search_key``, ``client.a_number`` and
  ``family_member.a_number``: the Cases search finds a fragment anywhere in a name or an
  A-number (``LIKE '%frag%'``), which a B-tree cannot serve. They are not in the models (SQLite
  has no such index); ``clinic.storage.migrate.include_object`` keeps them out of the drift
  comparison by name, and only them.
- The audit trail on the server: a BEFORE INSERT trigger writes each entry's number, time,
  "who" (the session's login role, never what the client sent), previous hash and hash, under
  a transaction-scoped advisory lock, so entries are chained one at a time in commit order and
  a client can neither forge nor reorder them. The hash is the same SHA-256 of the same
  canonical JSON as ``clinic.domain.audit_chain`` (keys sorted by code point, no spaces, UTF-8),
  so ``verify-audit`` checks a server's chain with the same code as a laptop's.
- ``office_login``: which staff row each PostgreSQL login role is (written by 'clinic server
  add-staff'); the volunteers' row-level security policies read it ("my cases" are the cases
  whose paralegal is my staff row). Not in the models either (laptops have no logins).
- ``office_blob`` and ``office_blob_chunk``: evidence files' ciphertext (the laptop vault's
  AES-256-GCM format, one row per ~1 MiB), so one ``pg_dump`` holds everything
  (``clinic.storage.postgres_vault``). Not in the models either.
- UPDATE, DELETE and TRUNCATE of ``audit_entry`` raise "the audit trail is append-only" for
  everyone, the table's owner included (the grants of 'clinic server init' refuse them to
  staff before that); only the database superuser, the server's administrator outside the app,
  could drop the trigger.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 07:10:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# (index name, table, column): kept in step with clinic.storage.migrate.POSTGRES_ONLY.
TRIGRAM_INDEXES = (
    ("ix_client_search_key_trgm", "client", "search_key"),
    ("ix_client_a_number_trgm", "client", "a_number"),
    ("ix_family_member_a_number_trgm", "family_member", "a_number"),
)

CANONICAL_JSON = r"""
CREATE FUNCTION clinic_canonical_json(j jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, public
AS $fn$
BEGIN
    CASE jsonb_typeof(j)
    WHEN 'object' THEN
        RETURN '{' || coalesce((
            SELECT string_agg(to_json(k)::text || ':' || clinic_canonical_json(v), ','
                              ORDER BY k COLLATE "C")
            FROM jsonb_each(j) AS e(k, v)), '') || '}';
    WHEN 'array' THEN
        RETURN '[' || coalesce((
            SELECT string_agg(clinic_canonical_json(v), ',' ORDER BY i)
            FROM jsonb_array_elements(j) WITH ORDINALITY AS a(v, i)), '') || ']';
    ELSE
        RETURN j::text;
    END CASE;
END
$fn$
"""

AUDIT_CHAIN = r"""
CREATE FUNCTION clinic_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
AS $fn$
DECLARE
    last_seq integer;
    last_hash text;
    stamp timestamp;
BEGIN
    -- One writer of the chain at a time, until this transaction ends.
    PERFORM pg_advisory_xact_lock(hashtext('clinic.audit_entry.chain'));
    SELECT seq, hash INTO last_seq, last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
    stamp := clock_timestamp() AT TIME ZONE 'UTC';
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
    NEW.at := stamp;
    NEW.at_text := to_char(stamp, 'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00';
    NEW.actor := session_user;
    NEW.hash := encode(sha256(convert_to(clinic_canonical_json(jsonb_build_object(
        'seq', NEW.seq,
        'at', NEW.at_text,
        'actor', NEW.actor,
        'action', NEW.action,
        'entity', NEW.entity,
        'entity_id', NEW.entity_id,
        'changes', NEW.changes::jsonb,
        'prev', NEW.prev_hash
    )), 'UTF8')), 'hex');
    RETURN NEW;
END
$fn$
"""

APPEND_ONLY = r"""
CREATE FUNCTION clinic_audit_append_only() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'insufficient_privilege';
END
$fn$
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")
    op.execute(
        "CREATE TABLE office_login ("
        " login varchar(63) NOT NULL CONSTRAINT pk_office_login PRIMARY KEY,"
        " staff_id integer CONSTRAINT fk_office_login_staff_id_staff"
        " REFERENCES staff (id) ON DELETE SET NULL)"
    )
    op.execute(
        "CREATE TABLE office_blob ("
        " name varchar(32) NOT NULL CONSTRAINT pk_office_blob PRIMARY KEY,"
        " created_at timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))"
    )
    op.execute(
        "CREATE TABLE office_blob_chunk ("
        " name varchar(32) NOT NULL CONSTRAINT fk_office_blob_chunk_name_office_blob"
        " REFERENCES office_blob (name) ON DELETE CASCADE,"
        " idx integer NOT NULL,"
        " data bytea NOT NULL,"
        " CONSTRAINT pk_office_blob_chunk PRIMARY KEY (name, idx))"
    )
    # Ciphertext does not compress: store it out of line as it is.
    op.execute("ALTER TABLE office_blob_chunk ALTER COLUMN data SET STORAGE EXTERNAL")
    op.execute(CANONICAL_JSON)
    op.execute(AUDIT_CHAIN)
    op.execute(APPEND_ONLY)
    op.execute(
        "CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION clinic_audit_chain()"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry "
        "FOR EACH ROW EXECUTE FUNCTION clinic_audit_append_only()"
    )
    op.execute(
        "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
        "FOR EACH STATEMENT EXECUTE FUNCTION clinic_audit_append_only()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER audit_entry_no_truncate ON audit_entry")
    op.execute("DROP TRIGGER audit_entry_no_change ON audit_entry")
    op.execute("DROP TRIGGER audit_entry_chain ON audit_entry")
    op.execute("DROP FUNCTION clinic_audit_append_only()")
    op.execute("DROP FUNCTION clinic_audit_chain()")
    op.execute("DROP FUNCTION clinic_canonical_json(jsonb)")
    op.execute("DROP TABLE office_blob_chunk")
    op.execute("DROP TABLE office_blob")
    op.execute("DROP TABLE office_login")
    for name, _table, _column in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX {name}")
