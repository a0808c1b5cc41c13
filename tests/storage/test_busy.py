"""A save that meets the write lock held elsewhere (e.g. every case's deadlines being recalculated
after a rule change) fails with a message that says what to do, and stores nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clinic.domain.drafts import ClientDraft
from clinic.services import clients, lifecycle, search
from clinic.storage import engine, keys
from clinic.storage.errors import StoreBusy
from clinic.storage.store import Store


@pytest.fixture
def impatient_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**12)
    pragmas = tuple(
        "PRAGMA busy_timeout = 50" if p.startswith("PRAGMA busy_timeout") else p
        for p in engine._PRAGMAS_AFTER_KEY
    )
    monkeypatch.setattr(engine, "_PRAGMAS_AFTER_KEY", pragmas)
    store = lifecycle.init_store(
        data_dir=lifecycle.resolve_data_dir(tmp_path / "data"),
        passphrase="correct horse battery staple",
        actor="tester",
    )
    yield store
    store.lock()


def test_a_save_during_a_long_write_elsewhere_says_wait_and_stores_nothing(
    impatient_store: Store,
) -> None:
    holder = impatient_store.engine.raw_connection()
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        with pytest.raises(StoreBusy) as raised:
            clients.intake_client(
                store=impatient_store,
                client=ClientDraft(family_name="Núñez", given_name="Ana"),
                today=date(2026, 11, 28),
            )
        assert "Wait a moment and save again" in str(raised.value)
        assert "espere un momento" in raised.value.message_in("es").casefold()
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert search.search_clients(store=impatient_store, text="Núñez") == []
