"""Issue 16 § 5: ``import-case`` runs every record through intake's validation.

The review's attack: a case export edited by hand (an A-number with letters, an empty family
name, a birth date in the future, an unknown time zone, an unknown language) was imported
whole, and the bad A-number then crashed ``clinic cases`` with a traceback. Now the whole file is
refused with every reason, and nothing is written.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from clinic import cli
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.services.exports import case_bundle
from clinic.storage import keys
from clinic.storage.datadir import DataDir
from clinic.storage.models import Case, Client
from clinic.storage.store import count_rows

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    previous = keys.SCRYPT_N
    keys.SCRYPT_N = 2**12  # module scope: the autouse fixture has not run yet
    base = tmp_path_factory.mktemp("validation")
    store = lifecycle.init_store(data_dir=DataDir(base / "src"), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=2, seed=11, today=date(2026, 11, 2))
        out = base / "all.json"
        case_bundle.export_cases(
            store=store, destination=out, case_ids=None, passphrase=None
        ).unwrap()
    finally:
        store.lock()
        keys.SCRYPT_N = previous
    yield json.loads(out.read_text("utf-8"))


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(f"{PASSPHRASE}\n{PASSPHRASE}\n")
    try:
        capsys.readouterr()
        code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    finally:
        sys.stdin = old
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _target(tmp_path: Path) -> Path:
    data = tmp_path / "target"
    lifecycle.init_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t").lock()
    return data


def _counts(data: Path) -> tuple[int, int]:
    store = lifecycle.unlock_store(data_dir=DataDir(data), passphrase=PASSPHRASE, actor="t")
    try:
        return count_rows(store, Client), count_rows(store, Case)
    finally:
        store.lock()


def test_hand_edited_export_is_refused_whole_with_every_reason(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(json.dumps(exported))
    first, second = document["clients"][0], document["clients"][1]
    first["client"]["a_number"] = "12AB"
    first["client"]["date_of_birth"] = "2090-01-01"
    second["client"]["family_name"] = "  "
    case = first["cases"][0]
    if case.get("hearings"):
        case["hearings"][0]["timezone"] = "Mars/Olympus_Mons"
    if case.get("evidence"):
        case["evidence"][0]["language"] = "zz-not-a-language"
    bad = tmp_path / "edited.json"
    bad.write_text(json.dumps(document), "utf-8")
    data = _target(tmp_path)
    code, text = run(capsys, data, "import-case", str(bad), "--as-new-client")
    assert code == 4, text
    assert "nothing was imported" in text, text
    assert "client 1: A-number" in text or "client 1: An A-number" in text or "letter O" in text
    assert "client 2" in text and "required" in text, text
    assert "future" in text, text
    if case.get("hearings"):
        assert "time-zone" in text, text
    if case.get("evidence"):
        assert "language code" in text, text
    assert _counts(data) == (0, 0)
    code, text = run(capsys, data, "cases")
    assert code == 0, text


def test_a_valid_eight_digit_a_number_is_stored_in_intakes_form(
    exported: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(json.dumps(exported))
    document["clients"] = document["clients"][:1]
    document["clients"][0]["client"]["a_number"] = "A12345678"
    good = tmp_path / "eight.json"
    good.write_text(json.dumps(document), "utf-8")
    data = _target(tmp_path)
    code, text = run(capsys, data, "import-case", str(good), "--as-new-client")
    assert code == 0, text
    code, text = run(capsys, data, "cases")
    assert code == 0, text
    assert "A-012-345-678" in text, text
