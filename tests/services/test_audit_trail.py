"""The audit trail as the services write it: every change recorded, tampering and replays found."""

from __future__ import annotations

import io
import itertools
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import select

from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    DeadlineDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
    StaffDraft,
)
from clinic.domain.enums import (
    ClaimType,
    DeadlineStatus,
    EvidenceCategory,
    HearingKind,
    Relationship,
    StaffRole,
    Stage,
)
from clinic.domain.ids import CaseId, ClientId, DeadlineId, EvidenceFileId, EvidenceId, HearingId
from clinic.services import cases, clients, evidence, lifecycle, notes, schedule, settings, staff
from clinic.storage.datadir import DataDir
from clinic.storage.models import AuditEntry, Client
from clinic.storage.store import Store, count_rows, export_encrypted_copy

OPENED = date(2026, 1, 5)
CLIENT = ClientDraft("Núñez García", "José María", a_number="A-123-456-789")
CASE = CaseDraft(ClaimType.AFFIRMATIVE, opened_on=OPENED)


@dataclass(frozen=True)
class Ctx:
    store: Store
    today: date
    folder: Path
    client: ClientId
    case: CaseId
    hearing: HearingId
    deadline: DeadlineId
    evidence: EvidenceId
    file: EvidenceFileId


@pytest.fixture
def ctx(store: Store, today: date, tmp_path: Path) -> Ctx:
    """A client with an affirmative case at 'filed', an interview, a deadline and a document."""
    client = clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    case = cases.open_case(store=store, client_id=client, case=CASE, today=today).unwrap()
    for stage in (Stage.PREPARING, Stage.FILED):
        cases.change_stage(store=store, case_id=case, stage=stage, on=OPENED).unwrap()
    hearing = schedule.schedule_hearing(
        store=store,
        case_id=case,
        hearing=HearingDraft(HearingKind.ASYLUM_INTERVIEW, date(2026, 12, 1)),
    ).unwrap()
    deadline = schedule.record_deadline(
        store=store, case_id=case, deadline=DeadlineDraft("filing", "File I-589", date(2027, 1, 1))
    ).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case,
        evidence=EvidenceDraft("Passport", EvidenceCategory.IDENTITY),
        today=today,
    ).unwrap()
    attached = evidence.attach_file(
        store=store,
        evidence_id=item,
        source=io.BytesIO(b"%PDF-1.4 passport"),
        original_name="passport.pdf",
    ).unwrap()
    return Ctx(store, today, tmp_path, client, case, hearing, deadline, item, attached.id)


def entries(store: Store) -> list[AuditEntry]:
    with store.unit_of_work() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def rows(store: Store) -> list[tuple[Any, ...]]:
    """The audit trail as plain values, for before/after comparisons."""
    return [
        (e.seq, e.at_text, e.actor, e.action, e.entity, e.entity_id, e.changes, e.prev_hash, e.hash)
        for e in entries(store)
    ]


# Each action returns the id of the entity its audit entry must name.
@dataclass(frozen=True)
class Action:
    name: str
    run: Callable[[Ctx], int | None]
    action: str
    entity: str
    changes: dict[str, Any]


def _export(c: Ctx) -> int:
    evidence.export_evidence_file(
        store=c.store, file_id=c.file, destination=c.folder / "passport-copy.pdf"
    ).unwrap()
    return c.file


ACTIONS = [
    Action(
        "intake_client",
        lambda c: clients.intake_client(
            store=c.store, client=ClientDraft("Okafor", "Chidi"), today=c.today
        ).unwrap(),
        "create",
        "client",
        {"family_name": [None, "Okafor"], "given_name": [None, "Chidi"]},
    ),
    Action(
        "update_client",
        lambda c: clients.update_client(
            store=c.store,
            client_id=c.client,
            client=replace(CLIENT, phone="+1 555 123 4567"),
            today=c.today,
        ).unwrap(),
        "update",
        "client",
        {"phone": ["", "+1 555 123 4567"]},
    ),
    Action(
        "add_family_member",
        lambda c: clients.add_family_member(
            store=c.store,
            client_id=c.client,
            member=FamilyMemberDraft("Núñez", "Ana", Relationship.CHILD),
            today=c.today,
        ).unwrap(),
        "create",
        "family_member",
        {"family_name": [None, "Núñez"], "relationship": [None, "child"]},
    ),
    Action(
        "record_move",
        lambda c: clients.record_move(
            store=c.store,
            client_id=c.client,
            address=AddressDraft("2 New Ave", "Houston", "TX"),
            today=c.today,
        ).unwrap(),
        "create",
        "client_address",
        {"line1": [None, "2 New Ave"], "city": [None, "Houston"]},
    ),
    Action(
        "add_staff",
        lambda c: staff.add_staff(
            store=c.store, staff=StaffDraft("Ana Pérez", StaffRole.PARALEGAL)
        ).unwrap(),
        "create",
        "staff",
        {"name": [None, "Ana Pérez"], "role": [None, "paralegal"]},
    ),
    Action(
        "open_case",
        lambda c: cases.open_case(
            store=c.store, client_id=c.client, case=CaseDraft(ClaimType.DEFENSIVE), today=c.today
        ).unwrap(),
        "create",
        "case",
        {
            "claim_type": [None, "defensive"],
            "forum_kind": [None, "immigration_court"],
            "stage": [None, "intake"],
        },
    ),
    Action(
        "update_case",
        lambda c: cases.update_case(
            store=c.store,
            case_id=c.case,
            case=replace(CASE, forum_name="Houston Asylum Office"),
            today=c.today,
        ).unwrap(),
        "update",
        "case",
        {"forum_name": ["", "Houston Asylum Office"]},
    ),
    Action(
        "schedule_hearing",
        lambda c: schedule.schedule_hearing(
            store=c.store,
            case_id=c.case,
            hearing=HearingDraft(HearingKind.BIOMETRICS, date(2026, 12, 15)),
        ).unwrap(),
        "create",
        "hearing",
        {"kind": [None, "biometrics"], "on": [None, "2026-12-15"]},
    ),
    Action(
        "record_hearing_outcome",
        lambda c: schedule.record_hearing_outcome(
            store=c.store, hearing_id=c.hearing, outcome="Held"
        ).unwrap(),
        "update",
        "hearing",
        {"outcome": ["", "Held"]},
    ),
    Action(
        "record_deadline",
        lambda c: schedule.record_deadline(
            store=c.store,
            case_id=c.case,
            deadline=DeadlineDraft("filing", "File brief", date(2027, 2, 1)),
        ).unwrap(),
        "create",
        "deadline",
        {"title": [None, "File brief"], "due_on": [None, "2027-02-01"]},
    ),
    Action(
        "close_deadline",
        lambda c: schedule.close_deadline(
            store=c.store,
            deadline_id=c.deadline,
            status=DeadlineStatus.WAIVED,
            on=c.today,
            reason="Excused",
        ).unwrap(),
        "update",
        "deadline",
        {"status": ["open", "waived"], "status_reason": ["", "Excused"]},
    ),
    Action(
        "add_evidence",
        lambda c: evidence.add_evidence(
            store=c.store,
            case_id=c.case,
            evidence=EvidenceDraft("Medical report", EvidenceCategory.MEDICAL),
            today=c.today,
        ).unwrap(),
        "create",
        "evidence",
        {"title": [None, "Medical report"], "category": [None, "medical"]},
    ),
    Action(
        "attach_file",
        lambda c: (
            evidence.attach_file(
                store=c.store,
                evidence_id=c.evidence,
                source=io.BytesIO(b"hello"),
                original_name="back.pdf",
            )
            .unwrap()
            .id
        ),
        "create",
        "evidence_file",
        {"original_name": [None, "back.pdf"], "size": [None, 5]},
    ),
    Action("export_evidence_file", _export, "export", "evidence_file", {}),
    Action(
        "add_note",
        lambda c: notes.add_note(
            store=c.store, client_id=c.client, case_id=c.case, body=" Called the client "
        ).unwrap(),
        "create",
        "note",
        {"body": [None, "Called the client"]},
    ),
    Action(
        "change_stage",
        lambda c: cases.change_stage(
            store=c.store, case_id=c.case, stage=Stage.INTERVIEW, on=c.today
        ).unwrap(),
        "stage",
        "case",
        {"stage": ["filed", "interview"]},
    ),
    Action(
        "refer_to_court",
        lambda c: cases.refer_to_court(
            store=c.store, case_id=c.case, on=c.today, court="Houston"
        ).unwrap(),
        "refer",
        "case",
        {
            "claim_type": ["affirmative", "defensive"],
            "forum_name": ["", "Houston"],
            "stage": ["filed", "hearings"],
        },
    ),
    Action(
        "update_settings",
        lambda c: (
            settings.update_settings(
                store=c.store, settings=settings.ClinicSettings(clinic_name="Houston Clinic")
            ).unwrap()
            and None
        ),
        "update",
        "settings",
        {"clinic_name": ["", "Houston Clinic"]},
    ),
]


@pytest.mark.parametrize("act", ACTIONS, ids=[a.name for a in ACTIONS])
def test_every_write_appends_one_audit_entry(ctx: Ctx, act: Action) -> None:
    before = entries(ctx.store)
    entity_id = act.run(ctx)
    after = entries(ctx.store)
    added = after[len(before) :]
    # A write that moves the dates rules count from may also recompute the case's deadlines,
    # which is audited on its own as "deadlines_recomputed" (a referral does: court rules
    # replace the asylum office's). Every other write is exactly one entry.
    recomputed = [
        e for e in added if e.action == "update" and set(e.changes) == {"deadlines_recomputed"}
    ]
    written = [e for e in added if e not in recomputed]
    assert len(written) == 1, [(e.action, e.entity, sorted(e.changes)) for e in added]
    assert len(recomputed) <= 1
    last = written[0]
    assert added[0].seq == before[-1].seq + 1
    assert added[0].prev_hash == before[-1].hash
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(added))
    assert (last.actor, last.action, last.entity, last.entity_id) == (
        "tester",
        act.action,
        act.entity,
        entity_id,
    )
    for field, change in act.changes.items():
        assert last.changes[field] == change, field
    if act.name == "export_evidence_file":
        assert last.changes == {"exported_to": [None, str(ctx.folder / "passport-copy.pdf")]}


def _head_params() -> list[Any]:
    return [pytest.param(act, id=act.name) for act in ACTIONS]


@pytest.mark.laptop_only(
    "the chain head kept outside the database (audit-head.json, keychain) is a laptop's defence against an older copy put back; the office server is the one copy"
)
@pytest.mark.parametrize("act", _head_params())
def test_head_outside_the_database_follows_every_write(ctx: Ctx, act: Action) -> None:
    act.run(ctx)
    last = entries(ctx.store)[-1]
    head = json.loads(ctx.store.datadir.audit_head.read_text())
    assert head == {"seq": last.seq, "hash": last.hash, "store_id": ctx.store.meta.store_id}


def test_verify_audit_is_ok_after_a_series_of_actions(ctx: Ctx) -> None:
    for act in ACTIONS:
        act.run(ctx)
    report = lifecycle.verify_audit(store=ctx.store)
    assert report.ok
    assert report.breaks == ()
    assert report.head_problem is None
    all_entries = entries(ctx.store)
    assert report.entries == len(all_entries) == count_rows(ctx.store, AuditEntry)
    assert [e.seq for e in all_entries] == list(range(1, len(all_entries) + 1))


def test_rejected_actions_write_no_audit_entry(ctx: Ctx) -> None:
    before = rows(ctx.store)
    assert not clients.intake_client(
        store=ctx.store, client=ClientDraft("", ""), today=ctx.today
    ).ok
    assert not clients.intake_client(
        store=ctx.store, client=replace(CLIENT, given_name="Dup"), today=ctx.today
    ).ok
    assert not cases.change_stage(
        store=ctx.store, case_id=ctx.case, stage=Stage.APPEAL, on=ctx.today
    ).ok
    assert not schedule.close_deadline(
        store=ctx.store, deadline_id=ctx.deadline, status=DeadlineStatus.WAIVED, on=ctx.today
    ).ok
    assert not notes.add_note(store=ctx.store, client_id=ctx.client, body="  ").ok
    assert rows(ctx.store) == before


@pytest.mark.laptop_only(
    "reopens the data folder as another actor; on the server the actor is the login role (tests/office/test_security.py: a forged who is overwritten)"
)
def test_actor_is_whoever_unlocked_the_store(
    store: Store, data_dir: DataDir, passphrase: str, today: date
) -> None:
    clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    store.lock()
    other = lifecycle.unlock_store(
        data_dir=data_dir, passphrase=passphrase, actor="maria.paralegal"
    )
    try:
        clients.intake_client(
            store=other, client=ClientDraft("Okafor", "Chidi"), today=today
        ).unwrap()
        assert [e.actor for e in entries(other)] == ["tester", "maria.paralegal"]
        assert lifecycle.verify_audit(store=other).ok
    finally:
        other.lock()


# --- tampering -------------------------------------------------------------------------------

# Editing a laptop's SQLCipher file behind the app's back, and the heads kept outside it; on the
# office server no clinic role can edit the audit table at all (tests/office/test_security.py).
LAPTOP_MECHANICS = pytest.mark.laptop_only(
    "tampering with the SQLCipher file and the chain heads kept outside a laptop's database"
)


@pytest.fixture
def four_entries(store: Store, today: date) -> Store:
    """seq 1 client created, 2 phone changed, 3 case opened, 4 stage changed."""
    client = clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    clients.update_client(
        store=store, client_id=client, client=replace(CLIENT, phone="+1 555 123 4567"), today=today
    ).unwrap()
    case = cases.open_case(store=store, client_id=client, case=CASE, today=today).unwrap()
    cases.change_stage(store=store, case_id=case, stage=Stage.PREPARING, on=today).unwrap()
    assert [e.entity for e in entries(store)] == ["client", "client", "case", "case"]
    return store


@pytest.mark.laptop_only(
    "SQLite's triggers through a raw SQLCipher connection; the server's grants and trigger: tests/office/test_security.py"
)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2",
        "UPDATE audit_entry SET changes = '{}'",
        "DELETE FROM audit_entry WHERE seq = 4",
        "DELETE FROM audit_entry",
    ],
)
def test_triggers_make_the_audit_table_append_only(four_entries: Store, statement: str) -> None:
    store = four_entries
    before = rows(store)
    connection = store.raw_connection()
    try:
        with pytest.raises(sqlcipher3.dbapi2.DatabaseError, match="append-only"):
            connection.execute(statement)
    finally:
        connection.close()
    assert rows(store) == before
    assert lifecycle.verify_audit(store=store).ok


def tamper(store: Store, trigger: str, *statements: str) -> None:
    connection = store.raw_connection()
    try:
        connection.execute(f"DROP TRIGGER {trigger}")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("trigger", "statements", "break_seqs", "head_problem"),
    [
        pytest.param(
            "audit_entry_no_update",
            ["UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2"],
            [2],
            False,
            id="actor-edited",
        ),
        pytest.param(
            "audit_entry_no_update",
            [
                "UPDATE audit_entry SET changes = json_set(changes, '$.phone[1]', '+1 555 000 0000') WHERE seq = 2"
            ],
            [2],
            False,
            id="changes-edited",
        ),
        pytest.param(
            "audit_entry_no_update",
            ["UPDATE audit_entry SET entity_id = 99 WHERE seq = 3"],
            [3],
            False,
            id="entity-id-edited",
        ),
        pytest.param(
            "audit_entry_no_update",
            ["UPDATE audit_entry SET at_text = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 1"],
            [1],
            False,
            id="timestamp-edited",
        ),
        pytest.param(
            "audit_entry_no_update",
            [
                "UPDATE audit_entry SET prev_hash = (SELECT hash FROM audit_entry WHERE seq = 1) WHERE seq = 3"
            ],
            [3, 3],
            False,
            id="prev-link-altered",
        ),
        pytest.param(
            "audit_entry_no_delete",
            ["DELETE FROM audit_entry WHERE seq = 2"],
            [3, 3],
            False,  # the chain break shows it; the last entry still matches the head outside
            id="middle-entry-deleted",
        ),
        pytest.param(
            "audit_entry_no_update",
            [
                "UPDATE audit_entry SET seq = 100 WHERE seq = 2",
                "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
                "UPDATE audit_entry SET seq = 3 WHERE seq = 100",
            ],
            [2, 2, 3, 3, 4],
            False,
            id="entries-reordered",
        ),
        pytest.param(
            "audit_entry_no_delete",
            ["DELETE FROM audit_entry WHERE seq = 4"],
            [],
            True,
            id="last-entry-deleted",
        ),
    ],
)
@LAPTOP_MECHANICS
def test_tampering_is_detected(
    four_entries: Store,
    trigger: str,
    statements: list[str],
    break_seqs: list[int],
    head_problem: bool,
) -> None:
    store = four_entries
    assert lifecycle.verify_audit(store=store).ok
    tamper(store, trigger, *statements)
    report = lifecycle.verify_audit(store=store)
    assert not report.ok
    assert [b.seq for b in report.breaks] == break_seqs
    assert (report.head_problem is not None) is head_problem


@LAPTOP_MECHANICS
def test_last_entry_deleted_names_the_missing_entry(four_entries: Store) -> None:
    tamper(four_entries, "audit_entry_no_delete", "DELETE FROM audit_entry WHERE seq = 4")
    report = lifecycle.verify_audit(store=four_entries)
    assert report.entries == 3
    assert report.head_problem is not None
    assert "entry 4" in report.head_problem


@LAPTOP_MECHANICS
def test_unreadable_head_file_is_reported(four_entries: Store) -> None:
    four_entries.datadir.audit_head.write_text("not json")
    report = lifecycle.verify_audit(store=four_entries)
    assert report.breaks == ()
    assert report.head_problem is not None
    assert "unreadable" in report.head_problem


# --- replaying an older copy of the database -------------------------------------------------


def put_back(store: Store, data_dir: DataDir, copy: Path, passphrase: str) -> Store:
    """Lock, replace clinic.db with ``copy`` (dropping -wal/-shm) and unlock again."""
    store.lock()
    for sidecar in data_dir.sidecars():
        sidecar.unlink(missing_ok=True)
    shutil.copyfile(copy, data_dir.database)
    return lifecycle.unlock_store(data_dir=data_dir, passphrase=passphrase, actor="tester")


@LAPTOP_MECHANICS
def test_reopening_the_same_database_is_not_a_false_alarm(
    store: Store, data_dir: DataDir, passphrase: str, today: date
) -> None:
    clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    store.lock()
    reopened = lifecycle.unlock_store(data_dir=data_dir, passphrase=passphrase, actor="tester")
    try:
        assert lifecycle.verify_audit(store=reopened).ok
    finally:
        reopened.lock()


@LAPTOP_MECHANICS
def test_older_copy_put_back_is_detected_by_the_external_head(
    store: Store, data_dir: DataDir, passphrase: str, today: date, tmp_path: Path
) -> None:
    client = clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    cases.open_case(store=store, client_id=client, case=CASE, today=today).unwrap()
    copy = tmp_path / "older.db"
    export_encrypted_copy(store, copy)
    # later work that the older copy does not have
    clients.intake_client(store=store, client=ClientDraft("Okafor", "Chidi"), today=today).unwrap()
    clients.update_client(
        store=store, client_id=client, client=replace(CLIENT, phone="+1 555 123 4567"), today=today
    ).unwrap()
    assert lifecycle.verify_audit(store=store).ok

    reopened = put_back(store, data_dir, copy, passphrase)
    try:
        assert count_rows(reopened, Client) == 1  # really the older database
        report = lifecycle.verify_audit(store=reopened)
        assert report.entries == 2
        assert report.breaks == ()  # the older chain is internally consistent...
        assert report.head_problem is not None  # ...but shorter than the one recorded outside
        assert "older copy" in report.head_problem
        assert not report.ok
    finally:
        reopened.lock()


@LAPTOP_MECHANICS
def test_older_copy_from_before_an_attachment_is_detected(
    store: Store, data_dir: DataDir, passphrase: str, today: date, tmp_path: Path
) -> None:
    client = clients.intake_client(store=store, client=CLIENT, today=today).unwrap()
    case = cases.open_case(store=store, client_id=client, case=CASE, today=today).unwrap()
    item = evidence.add_evidence(
        store=store,
        case_id=case,
        evidence=EvidenceDraft("Passport", EvidenceCategory.IDENTITY),
        today=today,
    ).unwrap()
    copy = tmp_path / "older.db"
    export_encrypted_copy(store, copy)
    evidence.attach_file(
        store=store, evidence_id=item, source=io.BytesIO(b"scan"), original_name="p.pdf"
    ).unwrap()

    reopened = put_back(store, data_dir, copy, passphrase)
    try:
        assert lifecycle.verify_audit(store=reopened).head_problem is not None
    finally:
        reopened.lock()
