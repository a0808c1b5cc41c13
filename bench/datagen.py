"""Benchmark fixture: synthetic bulk data written straight through the storage models.

This is *not* the demo generator (``clinic.services.demo``): that one calls the services a
user's actions call, ~38 actions per client; even through the services' bulk path
(``clinic.services.bulk``: a transaction per 500 clients, deadlines and audit entries batched)
it costs ~0.09 s of CPU per client, ~2.4 hours for 100,000 (bench/notes.md, sixth pass), far
too slow for the benchmark's fixture. Here rows are built as
plain dicts and inserted with SQLAlchemy's bulk ``insert`` in batched transactions: staff,
clients (names in several scripts, with their folded ``search_key``), addresses, cases of both
claim types in every stage, hearings past and future, case facts, manual deadlines, the rules'
deadlines (computed by the app's own recompute-all, past ones mostly done) and a
valid hash-chained audit trail (one "create" entry per client and case).

Everything is invented and reproducible from ``seed``; no real person's data is involved.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update

from clinic.domain.audit_chain import GENESIS, AuditRecord, entry_hash
from clinic.domain.enums import (
    CaseFactKind,
    ClaimType,
    DeadlineOrigin,
    DeadlineStatus,
    ForumKind,
    HearingKind,
    StaffRole,
    Stage,
)
from clinic.domain.names import search_key
from clinic.services.deadline_refresh import refresh_all_cases
from clinic.services.settings_schema import ClinicSettings
from clinic.storage.models import (
    AuditEntry,
    Case,
    CaseFact,
    Client,
    ClientAddress,
    Deadline,
    Hearing,
    Staff,
)
from clinic.storage.store import Store

BATCH = 5_000

FAMILY = (
    "García", "Núñez", "Hernández", "López", "Martínez", "Pérez", "Rodríguez", "González",
    "Nguyễn", "Trần", "Lê", "Phạm", "Ivanov", "Алексеев", "Смирнова", "Коваленко",
    "王", "李", "張", "Haile", "Tesfaye", "Gebremariam", "Okafor", "Mensah", "Diallo",
    "Çelik", "Yılmaz", "Öztürk", "Ahmadi", "Hosseini", "Karimi", "Rahimi", "Mohammed",
    "Ali", "Hassan", "Abdi", "Mukamana", "Uwimana", "Castillo", "Ramírez", "Flores",
    "Santos", "Ortiz", "Chávez", "Morales", "Gutiérrez", "Jiménez", "Vásquez", "Cruz",
    "Reyes", "Mendoza", "Aguilar", "Domínguez", "Sánchez", "Torres", "Romero", "Álvarez",
)  # fmt: skip
GIVEN = (
    "José", "María", "Ana", "Juan", "Luis", "Carmen", "Sofía", "Ángel", "Dolores", "Jesús",
    "Minh", "Thảo", "Hùng", "Алексей", "Ольга", "Дмитрий", "小明", "伟", "Abebe", "Selam",
    "Chinedu", "Ama", "Fatoumata", "Mamadou", "Ayşe", "Mehmet", "Zahra", "Reza", "Amina",
    "Omar", "Yusuf", "Grace", "Jean-Pierre", "Marie-Claire", "Élodie", "François", "Noé",
    "Irène", "Kofi", "Esperanza", "Guadalupe", "Rosa", "Pedro", "Miguel", "Daniela",
)  # fmt: skip
CITIES = ("New York", "Newark", "Houston", "Los Angeles", "Chicago", "Miami", "Boston")
MANUAL_TITLES = ("Send client the hearing notice", "Collect country conditions", "Call the witness")
# One case in OVERDUE_ONE_IN keeps its past deadlines open (overdue on the Today page); every
# other case has them done, as a clinic that keeps up with its work would.
OVERDUE_ONE_IN = 500


@dataclass
class BulkCounts:
    clients: int = 0
    cases: int = 0
    hearings: int = 0
    deadlines: int = 0
    facts: int = 0
    audit_entries: int = 0


class _Chain:
    """A valid hash chain for the fixture's audit entries (same hashing as the app)."""

    def __init__(self) -> None:
        self.seq = 0
        self.prev = GENESIS
        self.now = datetime(2026, 1, 1, tzinfo=UTC)

    def entry(self, entity: str, entity_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        self.now += timedelta(seconds=7)
        record = AuditRecord(
            seq=self.seq,
            at=self.now.isoformat(timespec="microseconds"),
            actor="bench",
            action="create",
            entity=entity,
            entity_id=entity_id,
            changes=changes,
            prev_hash=self.prev,
        )
        digest = entry_hash(record)
        row = {
            "seq": self.seq,
            "at": self.now,
            "at_text": record.at,
            "actor": "bench",
            "action": "create",
            "entity": entity,
            "entity_id": entity_id,
            "changes": changes,
            "prev_hash": self.prev,
            "hash": digest,
        }
        self.prev = digest
        return row


def _stage_for(rng: random.Random, claim: ClaimType) -> Stage:
    if claim is ClaimType.AFFIRMATIVE:
        stages = (Stage.INTAKE, Stage.PREPARING, Stage.FILED, Stage.INTERVIEW, Stage.DECISION)
    else:
        stages = (Stage.INTAKE, Stage.PREPARING, Stage.FILED, Stage.HEARINGS, Stage.APPEAL)
    return Stage.CLOSED if rng.random() < 0.3 else rng.choice(stages)


def fill_bulk(store: Store, *, clients: int, today: date, seed: int = 1) -> BulkCounts:
    """Fill an empty, open store with ``clients`` clients (one case each) and their records."""
    rng = random.Random(seed)
    counts = BulkCounts()
    chain = _Chain()
    used_a_numbers: set[str] = set()
    with store.unit_of_work() as session:
        staff = [
            {"id": i, "name": f"Staff Member {i}", "role": role, "email": f"s{i}@clinic.example"}
            for i, role in enumerate(
                (StaffRole.ATTORNEY, StaffRole.ATTORNEY, StaffRole.PARALEGAL, StaffRole.PARALEGAL),
                start=1,
            )
        ]
        session.execute(insert(Staff), staff)
    next_ids = {"hearing": 1, "deadline": 1, "fact": 1, "address": 1}
    for start in range(1, clients + 1, BATCH):
        rows: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("client", "address", "case", "hearing", "fact", "deadline", "audit")
        }
        for cid in range(start, min(start + BATCH, clients + 1)):
            _one_client(
                rng, cid, today=today, rows=rows, ids=next_ids, used=used_a_numbers, chain=chain
            )
        with store.unit_of_work() as session:
            for model, key in (
                (Client, "client"),
                (ClientAddress, "address"),
                (Case, "case"),
                (Hearing, "hearing"),
                (CaseFact, "fact"),
                (Deadline, "deadline"),
                (AuditEntry, "audit"),
            ):
                if rows[key]:
                    session.execute(insert(model), rows[key])
        counts.clients += len(rows["client"])
        counts.cases += len(rows["case"])
        counts.hearings += len(rows["hearing"])
        counts.deadlines += len(rows["deadline"])
        counts.facts += len(rows["fact"])
        counts.audit_entries += len(rows["audit"])
    counts.deadlines += _rule_deadlines(store, today)
    return counts


def _rule_deadlines(store: Store, today: date) -> int:
    """Every case's rule deadlines as the app computes them (the same service a settings change
    uses), then past ones settled: done, except in one case of ``OVERDUE_ONE_IN``."""
    act_by = func.coalesce(Deadline.safe_due_on, Deadline.due_on)
    with store.unit_of_work() as session:
        refresh_all_cases(session, settings=ClinicSettings(), actor="bench")
        session.execute(
            update(Deadline)
            .where(
                Deadline.origin == DeadlineOrigin.RULE,
                Deadline.status == DeadlineStatus.OPEN,
                act_by < today,
                Deadline.case_id % OVERDUE_ONE_IN != 0,
            )
            .values(status=DeadlineStatus.DONE, completed_on=act_by)
        )
        return int(
            session.scalar(
                select(func.count(Deadline.id)).where(Deadline.origin == DeadlineOrigin.RULE)
            )
            or 0
        )


def _a_number(rng: random.Random, used: set[str]) -> str:
    while True:
        value = f"{rng.randint(10_000_000, 249_999_999):09d}"
        if value not in used:
            used.add(value)
            return value


def _one_client(
    rng: random.Random,
    cid: int,
    *,
    today: date,
    rows: dict[str, list[dict[str, Any]]],
    ids: dict[str, int],
    used: set[str],
    chain: _Chain,
) -> None:
    family = rng.choice(FAMILY)
    if rng.random() < 0.3:
        family = f"{family} {rng.choice(FAMILY)}"
    given = rng.choice(GIVEN)
    aliases = [f"{rng.choice(GIVEN)} {family}"] if rng.random() < 0.15 else []
    a_number = _a_number(rng, used) if rng.random() < 0.9 else None
    arrival = today - timedelta(days=rng.randint(30, 3650))
    rows["client"].append(
        {
            "id": cid,
            "family_name": family,
            "given_name": given,
            "other_names": aliases,
            "a_number": a_number,
            "date_of_birth": date(1960, 1, 1) + timedelta(days=rng.randint(0, 16000)),
            "last_arrival_on": arrival,
            "unaccompanied_child": rng.random() < 0.05,
            "search_key": search_key(family, given, *aliases),
        }
    )
    for n in range(rng.choice((1, 1, 1, 2, 3))):
        rows["address"].append(
            {
                "id": ids["address"],
                "client_id": cid,
                "line1": f"{rng.randint(1, 999)} Main St",
                "city": rng.choice(CITIES),
                "moved_in_on": arrival + timedelta(days=60 * n) if n else None,
            }
        )
        ids["address"] += 1
    claim = rng.choice((ClaimType.AFFIRMATIVE, ClaimType.DEFENSIVE))
    stage = _stage_for(rng, claim)
    opened = arrival + timedelta(days=rng.randint(1, 300))
    filed = opened + timedelta(days=rng.randint(10, 200)) if stage is not Stage.INTAKE else None
    forum = (
        ForumKind.ASYLUM_OFFICE if claim is ClaimType.AFFIRMATIVE else ForumKind.IMMIGRATION_COURT
    )
    receipt = f"ZLA{opened.year % 100:02d}{rng.randint(0, 99_999_999):08d}" if filed else ""
    rows["case"].append(
        {
            "id": cid,
            "client_id": cid,
            "claim_type": claim,
            "relief": ["asylum", "withholding", "cat"],
            "grounds": ["political_opinion"],
            "forum_kind": forum,
            "forum_name": "Court" if forum is ForumKind.IMMIGRATION_COURT else "Asylum Office",
            "paralegal_id": rng.choice((3, 4, None)),
            "attorney_id": rng.choice((1, 2)),
            "opened_on": opened,
            "filed_on": filed,
            "receipt_number": receipt,
            "detained": rng.random() < 0.1,
            "stage": stage,
            "closed_on": today - timedelta(days=rng.randint(1, 900))
            if stage is Stage.CLOSED
            else None,
        }
    )
    kind = HearingKind.ASYLUM_INTERVIEW if claim is ClaimType.AFFIRMATIVE else None
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        rows["hearing"].append(
            {
                "id": ids["hearing"],
                "case_id": cid,
                "kind": kind or rng.choice((HearingKind.MASTER_CALENDAR, HearingKind.INDIVIDUAL)),
                "on": today + timedelta(days=rng.randint(-700, 400)),
                "location": "Courtroom 3",
            }
        )
        ids["hearing"] += 1
    if stage in (Stage.DECISION, Stage.APPEAL, Stage.CLOSED) and rng.random() < 0.5:
        rows["fact"].append(
            {
                "id": ids["fact"],
                "case_id": cid,
                "kind": CaseFactKind.DECISION,
                "on": today - timedelta(days=rng.randint(1, 400)),
            }
        )
        ids["fact"] += 1
    if rng.random() < 0.3:
        rows["fact"].append(
            {
                "id": ids["fact"],
                "case_id": cid,
                "kind": CaseFactKind.EAD_EXPIRES,
                "on": today + timedelta(days=rng.randint(-100, 600)),
            }
        )
        ids["fact"] += 1
    for _ in range(rng.choice((0, 1, 1, 2))):  # the rules' deadlines are computed after
        due = today + timedelta(days=rng.randint(-900, 300))
        status = DeadlineStatus.OPEN if due >= today else DeadlineStatus.DONE
        title = rng.choice(MANUAL_TITLES)
        rows["deadline"].append(
            {
                "id": ids["deadline"],
                "case_id": cid,
                "kind": "deadline",
                "title": title,
                "due_on": due,
                "origin": DeadlineOrigin.MANUAL,
                "status": status,
                "completed_on": due if status is DeadlineStatus.DONE else None,
            }
        )
        ids["deadline"] += 1
    rows["audit"].append(chain.entry("client", cid, {"family_name": [None, family]}))
    rows["audit"].append(chain.entry("case", cid, {"claim_type": [None, claim.value]}))
