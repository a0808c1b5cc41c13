"""The writer of the kill harness in ``test_crash_safety.py``: a helper script, not a test.

    python crash_writer.py DATA_DIR PROGRESS_FILE      (passphrase in CLINIC_CRASH_PASSPHRASE)

Importing Clinic takes over a second, which would dominate a hundred kills, so this process is a
small fork server: it imports everything once, says ``ready``, and for every ``go SEED`` line on
standard input forks one writer child, says ``forked PID``, waits for the child and says
``reaped PID killed SIGNAL`` (or ``reaped PID exit CODE``). The child is the process the test
kills: it opens the passphrase store itself (a fresh engine, no connection inherited), says
``writing PID`` and then writes through the real services, without pause, until it is killed.

After each acknowledged commit (the service call returned) the child appends one line to the
progress file and fsyncs it: ``KIND ID [DETAIL] HEAD`` where HEAD is the audit chain head kept
outside the database at that moment. The file holds only synthetic ids, revision numbers and
checksums of random bytes, never client data. Kinds:

    client ID HEAD            intake of a client with two family members and an address
    case ID HEAD              a case opened for that client (with its stage event)
    hearing ID HEAD           an asylum interview scheduled on that case
    evidence ID HEAD          an evidence item on that case
    file ID SHA256 HEAD       a small random file attached to that item (vault + row)
    revision ID N HEAD        the client's notes set to "revision N" (an update, not an insert)
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import sys
import traceback
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy.orm import configure_mappers

from clinic.domain.drafts import (
    AddressDraft,
    CaseDraft,
    ClientDraft,
    EvidenceDraft,
    FamilyMemberDraft,
    HearingDraft,
)
from clinic.domain.enums import ClaimType, EvidenceCategory, HearingKind, Relationship
from clinic.domain.ids import EvidenceId
from clinic.services import cases, clients, evidence, schedule
from clinic.storage import keys
from clinic.storage.audit_log import load_external_head
from clinic.storage.datadir import DataDir
from clinic.storage.store import Store, create_store, open_store

TODAY = date(2026, 11, 28)
FAST_SCRYPT_N = 2**12


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Progress:
    """The acknowledged commits, one fsynced line each."""

    def __init__(self, path: Path, store: Store) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        self._store = store

    def ack(self, *fields: object) -> None:
        head = load_external_head(self._store.datadir.audit_head)
        line = " ".join(map(str, (*fields, head.seq if head else 0))) + "\n"
        os.write(self._fd, line.encode("ascii"))
        os.fsync(self._fd)


def write_until_killed(data_dir: Path, progress_file: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = open_store(
        DataDir(data_dir), passphrase=os.environ["CLINIC_CRASH_PASSPHRASE"], actor="crash-writer"
    )
    progress = Progress(progress_file, store)
    say(f"writing {os.getpid()}")
    round_no = 0
    while True:
        round_no += 1
        tag = f"{seed} {round_no}"
        draft = ClientDraft(
            family_name="Crashtest",
            given_name=f"Writer {tag}",
            languages=("es",),
            notes="revision 0",
        )
        client_id = clients.intake_client(
            store=store,
            client=draft,
            today=TODAY,
            family=[
                FamilyMemberDraft("Crashtest", f"Child {tag}", Relationship.CHILD),
                FamilyMemberDraft("Crashtest", f"Spouse {tag}", Relationship.SPOUSE),
            ],
            address=AddressDraft(f"{round_no} Test Street", "Houston", "TX", "77002"),
        ).unwrap()
        progress.ack("client", client_id)
        case_id = cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(claim_type=ClaimType.AFFIRMATIVE, opened_on=TODAY),
            today=TODAY,
        ).unwrap()
        progress.ack("case", case_id)
        hearing_id = schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(
                HearingKind.ASYLUM_INTERVIEW, TODAY + timedelta(days=rng.randint(1, 200))
            ),
        ).unwrap()
        progress.ack("hearing", hearing_id)
        item_id = evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft(f"Exhibit {tag}", EvidenceCategory.IDENTITY),
            today=TODAY,
        ).unwrap()
        progress.ack("evidence", item_id)
        content = rng.randbytes(rng.randint(64, 6000))
        attached = evidence.attach_file(
            store=store,
            evidence_id=EvidenceId(item_id),
            source=io.BytesIO(content),
            original_name="scan.bin",
        ).unwrap()
        progress.ack("file", attached.id, hashlib.sha256(content).hexdigest())
        for revision in (1, 2):
            clients.update_client(
                store=store,
                client_id=client_id,
                client=replace(draft, notes=f"revision {revision}"),
                today=TODAY,
            ).unwrap()
            progress.ack("revision", client_id, revision)


def warm_up(scratch: Path) -> None:
    """One round of writes on a throw-away store, so that what Python and the libraries set up
    on first use is inherited by every child instead of being redone in each (the children
    then spend their time writing). Every connection is closed again before any fork."""
    store = create_store(DataDir(scratch), passphrase="warm-up only", actor="warm-up")
    try:
        draft = ClientDraft(family_name="Warmup", given_name="Only", notes="revision 0")
        client_id = clients.intake_client(
            store=store,
            client=draft,
            today=TODAY,
            family=[FamilyMemberDraft("Warmup", "Child", Relationship.CHILD)],
            address=AddressDraft("1 Test Street", "Houston", "TX", "77002"),
        ).unwrap()
        case_id = cases.open_case(
            store=store,
            client_id=client_id,
            case=CaseDraft(claim_type=ClaimType.AFFIRMATIVE, opened_on=TODAY),
            today=TODAY,
        ).unwrap()
        schedule.schedule_hearing(
            store=store,
            case_id=case_id,
            hearing=HearingDraft(HearingKind.ASYLUM_INTERVIEW, TODAY + timedelta(days=9)),
        ).unwrap()
        item_id = evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft("Exhibit", EvidenceCategory.IDENTITY),
            today=TODAY,
        ).unwrap()
        evidence.attach_file(
            store=store, evidence_id=EvidenceId(item_id), source=io.BytesIO(b"x"), original_name="a"
        ).unwrap()
        clients.update_client(
            store=store, client_id=client_id, client=replace(draft, notes="x"), today=TODAY
        ).unwrap()
    finally:
        store.lock()
    shutil.rmtree(scratch)


def serve(data_dir: Path, progress_file: Path) -> None:
    configure_mappers()
    warm_up(progress_file.with_name(f"warm-up-{os.getpid()}"))
    say("ready")
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] != "go":
            break
        seed = int(words[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                write_until_killed(data_dir, progress_file, seed)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
                code = 1
            os._exit(code)
        say(f"forked {pid}")
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            say(f"reaped {pid} killed {os.WTERMSIG(status)}")
        else:
            say(f"reaped {pid} exit {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    keys.SCRYPT_N = FAST_SCRYPT_N
    serve(Path(sys.argv[1]), Path(sys.argv[2]))
