"""One simulated staff member for the office load benchmark (measurement 13, bench/office_load.py).

Reads its connection from standard input (one JSON line: an office login, or a laptop store and
its passphrase), then runs a scripted day until ``--seconds`` have passed: search, open a case,
edit it (the judge's name, from the version read when it was opened), add a note, schedule a
hearing, attach a 1 MB file, print the checklist — each through the app's own services, with
about ``--think`` seconds of think time between operations. Prints one JSON document: each
operation's latencies, the writes the services acknowledged (to be looked for afterwards),
the conflicts met and any other error.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import sys
import time
import traceback
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from clinic.domain.drafts import CaseDraft, EvidenceDraft, HearingDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, HearingKind
from clinic.domain.ids import CaseId
from clinic.services import cases, checklists, evidence, lifecycle, notes, schedule, search
from clinic.services.errors import EditConflict
from clinic.storage.errors import ChangedMeanwhile

TODAY = date(2026, 11, 28)
OPERATIONS = ("search", "open_case", "edit", "note", "hearing", "attach_1mb", "checklist_pdf")


def _open(connection: dict[str, Any]) -> Any:
    if connection["mode"] == "laptop":
        data_dir = lifecycle.resolve_data_dir(Path(connection["data_dir"]))
        return lifecycle.unlock_store(
            data_dir=data_dir, passphrase=connection["passphrase"], actor=connection["actor"]
        )
    from clinic.storage.postgres import OfficeTarget, open_office_store  # noqa: PLC0415

    target = OfficeTarget(
        host=connection["host"],
        port=int(connection["port"]),
        database=connection["database"],
        user=connection["user"],
        sslmode="verify-full",
        ca_file=Path(connection["ca_file"]),
    )
    return open_office_store(target, connection["password"])


def _draft(view: Any, judge: str) -> CaseDraft:
    return CaseDraft(
        claim_type=view.claim_type,
        relief=view.relief,
        grounds=view.grounds,
        psg_definition=view.psg_definition,
        forum_kind=view.forum_kind,
        forum_name=view.forum_name,
        judge=judge,
        paralegal_id=view.paralegal.id if view.paralegal else None,
        attorney_id=view.attorney.id if view.attorney else None,
        opened_on=view.opened_on,
        filed_on=view.filed_on,
        receipt_number=view.receipt_number,
        detained=view.detained,
        agency_hold=view.agency_hold,
    )


class Day:
    def __init__(self, store: Any, name: str, rng: random.Random, pool: int) -> None:
        self.store, self.name, self.rng = store, name, rng
        rows = search.list_cases(store=store, today=TODAY, limit=pool)
        self.case_ids = [CaseId(r.id) for r in rows]
        self.fragments = sorted({r.client_name.split(",")[0][:4].lower() for r in rows})
        self.times: dict[str, list[float]] = {op: [] for op in OPERATIONS}
        self.acknowledged: list[dict[str, Any]] = []
        self.conflicts = 0
        self.changed_meanwhile = 0
        self.errors: list[str] = []
        self.opened: Any = None
        self.counter = 0
        self.warm: set[str] = set()

    def _timed(self, op: str, work: Any) -> Any:
        started = time.perf_counter()
        result = work()
        if op in self.warm:  # the first of each is a warm-up (imports, fonts): not counted
            self.times[op].append((time.perf_counter() - started) * 1000)
        self.warm.add(op)
        return result

    def step(self, op: str) -> None:
        getattr(self, op)()

    def search(self) -> None:
        text = self.rng.choice(self.fragments)
        self._timed(
            "search", lambda: search.list_cases(store=self.store, today=TODAY, text=text, limit=200)
        )

    def open_case(self) -> None:
        case_id = self.rng.choice(self.case_ids)
        self.opened = self._timed(
            "open_case", lambda: cases.get_case(store=self.store, case_id=case_id)
        )

    def _case(self) -> Any:
        if self.opened is None:
            self.open_case()
        return self.opened

    def edit(self) -> None:
        view = self._case()
        self.counter += 1
        judge = f"IJ {self.name} {self.counter}"
        try:
            self._timed(
                "edit",
                lambda: cases.update_case(
                    store=self.store,
                    case_id=view.id,
                    case=_draft(view, judge),
                    today=TODAY,
                    expected_version=view.version,
                ).unwrap(),
            )
        except EditConflict:
            self.conflicts += 1  # what the window shows side by side; the user reopens it
            self.opened = None
            return
        except ChangedMeanwhile:
            self.changed_meanwhile += 1  # saved at the same moment: the window says save again
            self.opened = None
            return
        self.acknowledged.append({"kind": "edit", "case_id": int(view.id), "judge": judge})
        self.opened = None  # its version moved on: the next edit reopens the case

    def note(self) -> None:
        view = self._case()
        self.counter += 1
        body = f"Load note {self.name} {self.counter}: llamó la clienta."
        note_id = self._timed(
            "note",
            lambda: notes.add_note(
                store=self.store, client_id=view.client.id, case_id=view.id, body=body
            ).unwrap(),
        )
        self.acknowledged.append({"kind": "note", "id": int(note_id), "body": body})

    def hearing(self) -> None:
        view = self._case()
        affirmative = view.claim_type is ClaimType.AFFIRMATIVE
        draft = HearingDraft(
            kind=HearingKind.ASYLUM_INTERVIEW if affirmative else HearingKind.MASTER_CALENDAR,
            on=TODAY + timedelta(days=self.rng.randint(30, 300)),
            at=clock_time(9, 0),
            location="Load test court",
        )
        hearing_id = self._timed(
            "hearing",
            lambda: schedule.schedule_hearing(
                store=self.store, case_id=view.id, hearing=draft
            ).unwrap(),
        )
        self.acknowledged.append({"kind": "hearing", "id": int(hearing_id)})

    def attach_1mb(self) -> None:
        view = self._case()
        data = self.rng.randbytes(1024 * 1024)

        def attach() -> Any:
            item = evidence.add_evidence(
                store=self.store,
                case_id=view.id,
                evidence=EvidenceDraft(title="Load scan", category=EvidenceCategory.CORROBORATION),
                today=TODAY,
            ).unwrap()
            return evidence.attach_file(
                store=self.store,
                evidence_id=item,
                source=io.BytesIO(data),
                original_name="scan.pdf",
            ).unwrap()

        view_file = self._timed("attach_1mb", attach)
        self.acknowledged.append(
            {"kind": "file", "id": int(view_file.id), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def checklist_pdf(self) -> None:
        view = self._case()
        pdf = self._timed(
            "checklist_pdf",
            lambda: checklists.checklist_pdf(store=self.store, case_id=view.id, today=TODAY),
        )
        assert pdf.startswith(b"%PDF")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pool", type=int, default=300, help="cases the staff member works on")
    args = parser.parse_args(argv)
    connection = json.loads(sys.stdin.readline())
    store = _open(connection)
    rng = random.Random(args.seed)
    day = Day(store, connection.get("user") or connection["actor"], rng, args.pool)
    deadline = time.monotonic() + args.seconds
    script = list(OPERATIONS)
    try:
        while time.monotonic() < deadline:
            for op in script:
                if time.monotonic() >= deadline:
                    break
                try:
                    day.step(op)
                except Exception as exc:
                    day.errors.append(f"{op}: {type(exc).__name__}: {exc}"[:300])
                    traceback.print_exc(file=sys.stderr)
                    day.opened = None
                time.sleep(rng.uniform(0.5, 1.5) * args.think)
    finally:
        with contextlib.suppress(Exception):
            store.lock()
    json.dump(
        {
            "times_ms": day.times,
            "acknowledged": day.acknowledged,
            "conflicts": day.conflicts,
            "changed_meanwhile": day.changed_meanwhile,
            "errors": day.errors,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
