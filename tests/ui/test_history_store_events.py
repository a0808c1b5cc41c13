"""Issue 16 § 2: the whole-store events of the audit trail read in words in every case's history.

An older copy accepted as current (and how many recorded changes were lost), a restore from a
backup (made when), and a last-save record found missing at opening concern every case: each
case's Notes & history shows them, in English and Spanish, never as "accept_older_copy store".
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from clinic.domain.ids import CaseId
from clinic.services import backup, history, lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage.datadir import DataDir
from clinic.ui.case_view.history_words import trail_text
from clinic.ui.translations import Translations

PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 2)


@pytest.fixture
def trail(tmp_path: Path) -> list[history.TrailEntry]:
    """One case's trail after an accepted older copy, a missing head and a restore."""
    data = DataDir(tmp_path / "data")
    store = lifecycle.init_store(data_dir=data, passphrase=PASSPHRASE, actor="t")
    fill_demo_data(store=store, clients=1, seed=3, today=TODAY)
    store.lock()
    shutil.copytree(data.root, tmp_path / "copy")
    store = lifecycle.unlock_store(data_dir=data, passphrase=PASSPHRASE, actor="t")
    fill_demo_data(store=store, clients=1, seed=9, today=TODAY)
    store.lock()
    shutil.rmtree(data.root)
    shutil.copytree(tmp_path / "copy", data.root)
    store = lifecycle.unlock_store(data_dir=data, passphrase=PASSPHRASE, actor="t")
    assert store.read_only
    lifecycle.accept_older_copy(store=store, passphrase=PASSPHRASE, reason="test")
    store.lock()
    data.root.joinpath("audit-head.json").unlink()
    store = lifecycle.unlock_store(data_dir=data, passphrase=PASSPHRASE, actor="t")
    (tmp_path / "backups").mkdir()
    made = backup.make_backup(store=store, folder=tmp_path / "backups", now=datetime.now())
    store.lock()
    backup.restore_over_current(
        backup=made.path, data_dir=data, passphrase=PASSPHRASE, keychain=False, now=datetime.now()
    )
    store = lifecycle.unlock_store(data_dir=data, passphrase=PASSPHRASE, actor="t")
    try:
        with store.engine.connect() as connection:
            case_id = connection.execute(text("SELECT min(id) FROM asylum_case")).scalar()
        return history.case_trail(store=store, case_id=CaseId(int(case_id)))
    finally:
        store.lock()


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translations = Translations(qapp)
    translations.apply("es")
    yield
    translations.remove()
    QLocale.setDefault(before)


def _store_lines(trail: list[history.TrailEntry]) -> dict[str, str]:
    return {e.action: trail_text(e) for e in trail if e.entity == "store"}


def test_every_case_history_words_the_store_events(qapp, trail) -> None:  # type: ignore[no-untyped-def]
    english = Translations(qapp)
    english.apply("en")
    try:
        lines = _store_lines(trail)
    finally:
        english.remove()
    assert set(lines) == {"accept_older_copy", "anchor_missing", "restore_from_backup"}, lines
    accepted = next(e for e in trail if e.action == "accept_older_copy")
    lost = next(c.after for c in accepted.changes if c.field == "entries_missing")
    assert lines["accept_older_copy"] == (
        f"accepted an older copy of the records as current (recorded changes lost: {lost})"
    )
    assert lines["restore_from_backup"].startswith("restored the records from the backup made ")
    assert "missing when the records were opened" in lines["anchor_missing"]
    summaries = {e.action: e.summary for e in trail if e.entity == "store"}
    assert f"{lost} entries made after it were lost" in summaries["accept_older_copy"]


def test_the_store_events_in_spanish(trail, spanish) -> None:  # type: ignore[no-untyped-def]
    lines = _store_lines(trail)
    assert lines["accept_older_copy"].startswith("Copia anterior de los registros aceptada"), lines
    assert lines["restore_from_backup"].startswith("Registros restaurados"), lines
    assert "Faltaba" in lines["anchor_missing"], lines
    for line in lines.values():
        assert "_" not in line and "store" not in line
