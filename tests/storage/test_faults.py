"""Faults on the worst days: a full disk, a read-only data folder, a flipped byte in a database
page or in a vault file, a tampered audit row, and an older database put back (replay).

The disk-full and (for root) read-only tests mount their own small tmpfs; they skip, saying
why, when not root or when mounting is not possible here.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from sqlalchemy import event, select

from clinic import cli
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft, FamilyMemberDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, Relationship
from clinic.domain.ids import ClientId, EvidenceFileId, EvidenceId
from clinic.services import cases, clients, evidence, lifecycle
from clinic.services.evidence import EvidenceFileDamaged
from clinic.storage.datadir import DataDir
from clinic.storage.errors import DamagedStore, DiskFull, ReadOnlyStore
from clinic.storage.models import (
    AuditEntry,
    Base,
    Client,
    ClientAddress,
    EvidenceFile,
    EvidenceItem,
    FamilyMember,
)
from clinic.storage.store import Store, count_rows, open_store
from clinic.storage.vault import StoredBlob, VaultIntegrityError
from tests.conftest import missing, require_root

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 28)
PAGE_SIZE = 4096


# --------------------------------------------------------------------------------- helpers


def new_store(root: Path) -> Store:
    return lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(root), passphrase=PASSPHRASE, actor="tester"
    )


def reopen(data_dir: DataDir) -> Store:
    return open_store(data_dir, passphrase=PASSPHRASE, actor="tester")


def intake(store: Store, number: int, notes: str = "") -> ClientId:
    return clients.intake_client(
        store=store,
        client=ClientDraft(family_name="Faulttest", given_name=f"Person {number}", notes=notes),
        today=TODAY,
        family=[FamilyMemberDraft("Faulttest", f"Child {number}", Relationship.CHILD)],
    ).unwrap()


def evidence_item(store: Store) -> EvidenceId:
    client_id = intake(store, 0)
    case_id = cases.open_case(
        store=store,
        client_id=client_id,
        case=CaseDraft(claim_type=ClaimType.AFFIRMATIVE, opened_on=TODAY),
        today=TODAY,
    ).unwrap()
    return evidence.add_evidence(
        store=store,
        case_id=case_id,
        evidence=EvidenceDraft("Passport", EvidenceCategory.IDENTITY),
        today=TODAY,
    ).unwrap()


def attach(store: Store, item: EvidenceId, content: bytes, name: str = "scan.pdf") -> int:
    return (
        evidence.attach_file(
            store=store, evidence_id=item, source=io.BytesIO(content), original_name=name
        )
        .unwrap()
        .id
    )


def counts(store: Store) -> dict[str, int]:
    models = (Client, FamilyMember, ClientAddress, EvidenceItem, EvidenceFile, AuditEntry)
    return {model.__name__: count_rows(store, model) for model in models}


def audit_rows(store: Store) -> list[tuple[int, str]]:
    with store.unit_of_work() as session:
        return [tuple(r) for r in session.execute(select(AuditEntry.seq, AuditEntry.hash))]  # type: ignore[misc]


def integrity(store: Store) -> tuple[list[tuple[str]], list[tuple[str]]]:
    connection = store.raw_connection()
    try:
        plain = connection.execute("PRAGMA integrity_check").fetchall()
        cipher = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    finally:
        connection.close()
    return plain, cipher


def fingerprint(root: Path) -> dict[str, tuple[str, int]]:
    """Every file's content hash and modification time."""
    return {
        str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def flip_byte(path: Path, offset: int) -> None:
    with path.open("r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x20]))


def run_cli(argv: list[str], passphrase: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(passphrase + "\n"))
    out = io.StringIO()
    code = cli.run(cli.parse(argv), out)
    return code, out.getvalue()


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (root only), unmounted afterwards."""
    require_root("to mount a small tmpfs (CI runs the fault tests as root)")
    where.mkdir()
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where))
    if mounted.returncode != 0:
        missing(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        if _run("umount", str(where)).returncode != 0:
            _run("umount", "-l", str(where))


# ------------------------------------------------------------------------------- disk full


def test_a_full_disk_saves_nothing_partial_and_the_store_survives(tmp_path: Path) -> None:
    with small_tmpfs(tmp_path / "small", "3m") as mount:
        store = new_store(mount / "data")
        data_dir = store.datadir
        try:
            item = evidence_item(store)
            attach(store, item, b"a small file that fits")
            filler = mount / "filler"
            filler.write_bytes(bytes(max(0, shutil.disk_usage(mount).free - 256 * 1024)))

            # Fill the rest with clients until a save fails.
            saved = 0
            with pytest.raises(DiskFull) as raised:
                for number in range(1, 10_000):
                    before, head = counts(store), data_dir.audit_head.read_bytes()
                    chain = audit_rows(store)
                    intake(store, number, notes=os.urandom(2000).hex())
                    saved += 1
            assert saved > 0
            assert "disk is full" in str(raised.value) and "nothing was saved" in str(raised.value)
            assert counts(store) == before  # the failed intake left no client, family or audit row
            assert audit_rows(store) == chain
            assert data_dir.audit_head.read_bytes() == head

            # A file bigger than the space left: refused, and nothing of it stays in the vault.
            vault_before = sorted(p.name for p in data_dir.vault.rglob("*"))
            with pytest.raises(DiskFull, match="disk is full"):
                attach(store, item, os.urandom(1024 * 1024))
            assert sorted(p.name for p in data_dir.vault.rglob("*")) == vault_before
            assert counts(store) == before
            assert audit_rows(store) == chain
        finally:
            store.lock()

        # Still full: the store opens, reads back intact, and still refuses to save.
        store = reopen(data_dir)
        try:
            assert integrity(store) == ([("ok",)], [])
            assert counts(store) == before
            assert lifecycle.verify_audit(store=store).ok
            with pytest.raises(DiskFull):
                intake(store, 99_999, notes=os.urandom(2000).hex())
            assert counts(store) == before
        finally:
            store.lock()

        # Space freed: everything works again.
        filler.unlink()
        store = reopen(data_dir)
        try:
            intake(store, 100_000)
            attach(store, item, os.urandom(200 * 1024))
            assert integrity(store) == ([("ok",)], [])
            assert lifecycle.verify_audit(store=store).ok
            assert lifecycle.doctor(store=store).ok
            assert counts(store)["Client"] == before["Client"] + 1
        finally:
            store.lock()


def test_a_file_whose_row_does_not_fit_is_removed_from_the_vault_again(tmp_path: Path) -> None:
    """A real SQLITE_FULL without root: the database may not grow (``max_page_count``) while
    the vault still has room, so the encrypted file is written and then the row fails."""
    store = new_store(tmp_path / "data")
    try:
        item = evidence_item(store)
        before, chain, names = counts(store), audit_rows(store), store.vault.names()
        written = []
        put_stream = store.vault.put_stream

        def spy(source: BinaryIO) -> StoredBlob:
            blob = put_stream(source)
            written.append(blob.name)
            return blob

        store.vault.put_stream = spy  # type: ignore[method-assign]
        store.engine.dispose()  # new connections, each capped at the current size

        @event.listens_for(store.engine, "connect")
        def cap(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        with pytest.raises(DiskFull, match="nothing was saved"):
            attach(store, item, b"fits in the vault", "x" * 6000 + ".pdf")  # needs new pages
        assert len(written) == 1 and not store.vault.exists(written[0])
        assert store.vault.names() == names
        assert not [p for p in store.vault.root.iterdir() if p.name.startswith(".tmp-")]
        assert counts(store) == before and audit_rows(store) == chain
    finally:
        store.lock()


def test_a_head_that_cannot_be_written_after_a_commit_does_not_undo_the_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change is committed before the head is copied outside: reporting "nothing was saved"
    then would be false (and the user would enter it twice). The head lags by one commit, as
    after a crash at that moment, and the next save writes it again."""
    store = new_store(tmp_path / "data")
    try:
        intake(store, 1)
        head = store.datadir.audit_head.read_bytes()

        def no_space(*_args: object, **_kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("clinic.storage.anchors.save_external_head", no_space)
        client_id = intake(store, 2)  # saved, and says so
        assert store.datadir.audit_head.read_bytes() == head
        assert lifecycle.verify_audit(store=store).ok  # behind is allowed, ahead never
        monkeypatch.undo()
        intake(store, 3)
        report = lifecycle.verify_audit(store=store)
        assert report.ok and store.datadir.audit_head.read_bytes() != head
        assert clients.get_client(store=store, client_id=client_id).given_name == "Person 2"
    finally:
        store.lock()


# ---------------------------------------------------------------------- read-only folder


@contextlib.contextmanager
def read_only(root: Path, mount: Path | None) -> Iterator[None]:
    """Make the store's folder read-only: a read-only remount for root (who ignores permission
    bits), permission bits otherwise."""
    if mount is not None:
        remounted = _run("mount", "-o", "remount,ro", str(mount))
        if remounted.returncode != 0:
            missing(f"cannot remount the tmpfs read-only: {remounted.stderr.strip()}")
        try:
            yield
        finally:
            _run("mount", "-o", "remount,rw", str(mount))
        return
    paths = sorted(root.rglob("*"), reverse=True)
    modes = {p: p.stat().st_mode & 0o777 for p in [root, *paths]}
    for path in paths:
        path.chmod(0o500 if path.is_dir() else 0o400)
    root.chmod(0o500)
    try:
        yield
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_a_read_only_data_folder_is_reported_clearly_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with contextlib.ExitStack() as stack:
        mount = None
        if os.geteuid() == 0:
            mount = stack.enter_context(small_tmpfs(tmp_path / "small", "4m"))
            root = mount / "data"
        else:
            root = tmp_path / "data"
        store = new_store(root)
        intake(store, 1)
        store.lock()
        before = fingerprint(root)
        stack.enter_context(read_only(root, mount))

        with pytest.raises(ReadOnlyStore) as raised:
            reopen(store.datadir)
        assert "read-only" in str(raised.value) and str(root) in str(raised.value)
        assert "Nothing was changed" in str(raised.value)

        code, _ = run_cli(
            ["--data-dir", str(root), "--passphrase-stdin", "doctor"], PASSPHRASE, monkeypatch
        )
        assert code == ReadOnlyStore.exit_code
        assert fingerprint(root) == before
        assert not any(p.name.endswith(("-wal", "-shm")) for p in root.iterdir())


# ------------------------------------------------------------------ flipped database byte


def test_a_flipped_byte_in_a_database_page_is_reported_never_read_as_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "data")
    names = {f"Person {n}" for n in range(1, 121)}
    for number in range(1, 121):
        intake(store, number, notes="n" * 400)
    data_dir = store.datadir
    store.lock()  # closing the last connection checkpoints: every page is in clinic.db
    assert not Path(f"{data_dir.database}-wal").exists()
    pages = data_dir.database.stat().st_size // PAGE_SIZE
    assert pages > 20
    page = pages // 2 + 1  # 1-based, as SQLite counts them
    flip_byte(data_dir.database, (page - 1) * PAGE_SIZE + PAGE_SIZE // 2)
    damaged = sha(data_dir.database)

    store = reopen(data_dir)  # page 1 and the schema are fine: it opens
    try:
        unreadable = set()
        for mapper in Base.registry.mappers:
            model = mapper.class_
            try:
                with store.unit_of_work() as session:
                    rows = session.scalars(select(model)).all()
            except DamagedStore as exc:
                assert "damaged" in str(exc) and "clinic doctor" in str(exc)
                unreadable.add(model.__table__.name)
                continue
            if model is Client:  # what is read back is what was written, never garbage
                assert {row.given_name for row in rows} == names
        assert unreadable, "a damaged page was read without an error"

        report = lifecycle.doctor(store=store)
        assert not report.ok
        assert f"HMAC verification failed for page {page}" in report.cipher_integrity
        assert {entry.split(":")[0] for entry in report.damaged_records} == unreadable
    finally:
        store.lock()

    code, out = run_cli(
        ["--data-dir", str(data_dir.root), "--passphrase-stdin", "doctor"], PASSPHRASE, monkeypatch
    )
    assert code == DamagedStore.exit_code
    assert f"page {page}" in out and "PROBLEMS FOUND" in out
    assert f"damaged records: {sorted(unreadable)[0]}" in out
    assert sha(data_dir.database) == damaged  # reported, never overwritten or "repaired"


# --------------------------------------------------------------------- flipped vault byte


def test_a_flipped_byte_in_a_vault_file_names_the_file_and_is_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "data")
    try:
        item = evidence_item(store)
        good = attach(store, item, b"intact " * 500, "letter.pdf")
        bad = attach(store, item, os.urandom(300_000), "statement.pdf")
        with store.unit_of_work() as session:
            blob = store.vault.path_of(session.get_one(EvidenceFile, bad).vault_name)
        flip_byte(blob, blob.stat().st_size // 2)
        damaged = sha(blob)

        with pytest.raises(VaultIntegrityError) as raised:
            evidence.read_evidence_file(store=store, file_id=EvidenceFileId(bad))
        assert isinstance(raised.value, EvidenceFileDamaged)
        assert f"Evidence file {bad} is damaged" in str(raised.value)
        assert raised.value.file_id == bad and raised.value.original_name == "statement.pdf"
        assert evidence.read_evidence_file(store=store, file_id=EvidenceFileId(good))

        exports = tmp_path / "exports"
        exports.mkdir()
        with pytest.raises(EvidenceFileDamaged):
            evidence.export_evidence_file(
                store=store, file_id=EvidenceFileId(bad), destination=exports / "statement.pdf"
            )
        assert list(exports.iterdir()) == []  # no plaintext part of it was left behind

        report = lifecycle.doctor(store=store)
        assert report.files_damaged == (bad,)
        assert not report.ok
    finally:
        store.lock()
    code, out = run_cli(
        ["--data-dir", str(tmp_path / "data"), "--passphrase-stdin", "doctor"],
        PASSPHRASE,
        monkeypatch,
    )
    assert code == DamagedStore.exit_code and f"files damaged: {bad}\n" in out
    assert sha(blob) == damaged


# -------------------------------------------------------------------- tampered audit row


def tamper(store: Store, sql: str) -> None:
    connection = store.raw_connection()
    try:
        connection.execute("DROP TRIGGER audit_entry_no_update")
        connection.execute(sql)
    finally:
        connection.close()


def test_a_tampered_audit_row_fails_verify_audit_naming_the_first_bad_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "data")
    for number in range(1, 6):
        intake(store, number)
    assert lifecycle.verify_audit(store=store).ok
    tamper(store, "UPDATE audit_entry SET actor = 'someone else' WHERE seq = 4")
    store.lock()
    argv = ["--data-dir", str(tmp_path / "data"), "--passphrase-stdin", "verify-audit"]
    code, out = run_cli(argv, PASSPHRASE, monkeypatch)
    assert code != 0
    assert "The first bad entry is entry 4." in out
    assert "entry 4: entry content was changed after it was written" in out
    assert "The audit trail was altered" in out


def test_a_rewritten_chain_is_caught_by_the_head_kept_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "data")
    for number in range(1, 4):
        intake(store, number)
    last = audit_rows(store)[-1][0]
    tamper(store, f"UPDATE audit_entry SET hash = 'f' || substr(hash, 2) WHERE seq = {last}")
    store.lock()
    code, out = run_cli(
        ["--data-dir", str(tmp_path / "data"), "--passphrase-stdin", "verify-audit"],
        PASSPHRASE,
        monkeypatch,
    )
    assert code != 0 and f"entry {last} differs from the one recorded outside" in out, out


# ------------------------------------------------------------------------- replay / rollback


def test_an_older_database_put_back_is_reported_as_older_than_the_last_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "data")
    data_dir = store.datadir
    intake(store, 1)
    store.lock()
    shutil.copytree(data_dir.root, tmp_path / "copy")  # the whole folder, as a thief might

    store = reopen(data_dir)
    intake(store, 2)
    intake(store, 3)
    store.lock()
    shutil.copy2(tmp_path / "copy" / "clinic.db", data_dir.database)  # the old database back

    store = reopen(data_dir)  # SQLCipher itself sees nothing wrong: every page is authentic
    try:
        assert integrity(store) == ([("ok",)], [])
        report = lifecycle.verify_audit(store=store)
        assert not report.ok and report.breaks == ()
        assert report.head_problem is not None
        assert "older copy of the database" in report.head_problem
    finally:
        store.lock()
    code, out = run_cli(
        ["--data-dir", str(data_dir.root), "--passphrase-stdin", "verify-audit"],
        PASSPHRASE,
        monkeypatch,
    )
    assert code != 0 and "older copy of the database may have been put back" in out
