"""What every command may say about the store, under --lang es: the note after an update
migrated the records, and verify-audit's lines on a broken chain (the Spanish review found
them English). English is unchanged (tests/storage read it)."""

from __future__ import annotations

import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clinic import cli
from clinic.cli import common
from clinic.domain.drafts import ClientDraft
from clinic.services import clients, language, lifecycle
from clinic.storage.public import UPGRADE_NOTE

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(language, "_override", {})  # --lang es ends with the test
    folder = tmp_path / "data"
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(folder), passphrase=PASSPHRASE, actor="tester"
    )
    for number in range(1, 4):
        clients.intake_client(
            store=store,
            client=ClientDraft(family_name=f"Pérez{number}", given_name="Ana"),
            today=date(2026, 12, 1),
        ).unwrap()
    store.lock()
    return folder


def run(data_dir: Path, monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()
    args = cli.parse(["--data-dir", str(data_dir), "--passphrase-stdin", *argv])
    return cli.run(args, out), out.getvalue()


def test_a_broken_audit_chain_is_described_in_spanish(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "verify-audit")
    assert code == 0 and "El registro de auditoría está intacto: 3 entradas." in shown
    store = lifecycle.unlock_store(
        data_dir=lifecycle.resolve_data_dir(data_dir), passphrase=PASSPHRASE, actor="tester"
    )
    connection = store.raw_connection()
    try:
        connection.execute("DROP TRIGGER audit_entry_no_update")
        connection.execute("DROP TRIGGER audit_entry_no_delete")
        connection.execute("UPDATE audit_entry SET actor = 'someone else' WHERE seq = 3")
        connection.execute("DELETE FROM audit_entry WHERE seq = 2")
    finally:
        connection.close()
    store.lock()
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "verify-audit")
    assert code != 0
    assert "entrada 3: se esperaba la entrada 2: faltan entradas" in shown
    assert "entrada 3: el enlace con la entrada anterior no coincide" in shown
    assert "entrada 3: el contenido de la entrada se cambió después de escribirse" in shown
    assert "expected" not in shown and "changed after" not in shown
    code, shown = run(data_dir, monkeypatch, "verify-audit")  # English as before
    assert "entry 3: expected entry 2: entries missing" in shown
    assert "entry 3: entry content was changed after it was written" in shown


def test_the_note_after_an_update_is_in_spanish(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Opening migrated the schema (as after installing a newer Clinic): the store says so
    once, naming the copy kept from before; the command line words it in its language."""
    copy = tmp_path / "pre-migration-1.db"
    unlock = lifecycle.unlock_store

    def migrated(**kwargs: Any) -> Any:
        store = unlock(**kwargs)
        store.upgrade_note = UPGRADE_NOTE.format(copy=copy)  # as storage/store.py sets them
        store.upgrade_copy = copy
        return store

    monkeypatch.setattr(common.lifecycle, "unlock_store", migrated)
    assert run(data_dir, monkeypatch, "--lang", "es", "cases")[0] == 0
    err = capsys.readouterr().err
    assert "clinic: Clinic se actualizó, así que los registros se pusieron al día." in err
    assert f"en {copy}." in err and "was updated" not in err
    assert run(data_dir, monkeypatch, "cases")[0] == 0
    assert "Clinic was updated, so the records were brought up to date." in capsys.readouterr().err


def test_a_file_that_is_no_backup_is_described_in_spanish(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a backup\n", encoding="utf-8")
    code, shown = run(data_dir, monkeypatch, "--lang", "es", "backup", "--verify", str(junk))
    assert code != 0
    assert "problema: no es una copia de seguridad de Clinic, o su manifiesto no se" in shown
    assert "manifest is unreadable" not in shown
    code, shown = run(data_dir, monkeypatch, "backup", "--verify", str(junk))
    assert "problem: it is not a Clinic backup, or its manifest is unreadable" in shown
