"""Issue 16 § 5: a bad row already in a store never crashes ``clinic cases`` or the case table.

Rows written before import-case was validated (or by hand) may hold an A-number with letters or
a claim type or stage Clinic does not know. They are shown marked, and ``doctor`` reports them
(by record and field, never by value) and fails.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from clinic import cli
from clinic.services import lifecycle, search
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.datadir import DataDir

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def damaged(tmp_path: Path) -> Iterator[Path]:
    previous = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=3, seed=4, today=date(2026, 11, 2))
        with store.engine.begin() as connection:
            first, second = connection.execute(
                text("SELECT id, client_id FROM asylum_case ORDER BY id LIMIT 2")
            ).fetchall()
            connection.execute(
                text("UPDATE client SET a_number = '12AB' WHERE id = :id"), {"id": first[1]}
            )
            connection.execute(
                text("UPDATE asylum_case SET claim_type = 'bogus' WHERE id = :id"),
                {"id": first[0]},
            )
            connection.execute(
                text("UPDATE asylum_case SET stage = 'nonsense' WHERE id = :id"),
                {"id": second[0]},
            )
    finally:
        store.lock()
        keys.SCRYPT_N = previous
    yield data


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(f"{PASSPHRASE}\n")
    try:
        capsys.readouterr()
        code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    finally:
        sys.stdin = old
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_cases_lists_bad_rows_marked(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, listed = run(capsys, damaged, "cases")
    assert code == 0, listed
    assert "12AB (not valid)" in listed, listed
    assert "bogus (not valid)" in listed and "nonsense (not valid)" in listed, listed
    code, raw = run(capsys, damaged, "cases", "--json")
    assert code == 0, raw
    rows = json.loads(raw)
    assert len(rows) == 3
    marked = [r for r in rows if r.get("not_valid")]
    assert sorted(f for r in marked for f in r["not_valid"]) == ["a_number", "claim_type", "stage"]


def test_doctor_reports_bad_rows_by_record_not_value(
    damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = run(capsys, damaged, "doctor")
    assert code == 4, report
    line = next(x for x in report.splitlines() if x.startswith("invalid records:"))
    assert "a_number" in line and "claim_type" in line and "stage" in line, line
    assert "12AB" not in report and "bogus" not in report, report


def test_case_table_shows_bad_rows_marked(damaged: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from clinic.ui.case_table_model import CaseTableModel, Column  # noqa: PLC0415

    keys.SCRYPT_N = 2**12
    store = lifecycle.unlock_store(data_dir=DataDir(damaged), passphrase=PASSPHRASE, actor="t")
    try:
        model = CaseTableModel()
        model.reset(
            lambda offset, limit: search.list_cases(
                store=store, today=date(2026, 11, 2), offset=offset, limit=limit
            )
        )
        model.fetchMore()
        shown = [
            [model.data(model.index(row, column)) for column in Column]
            for row in range(model.rowCount())
        ]
    finally:
        store.lock()
    flat = " | ".join(str(cell) for row in shown for cell in row)
    assert "12AB" in flat and flat.count("not valid") >= 3, flat
