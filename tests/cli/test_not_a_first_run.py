"""Issue 16 § 1: a first run is an empty or absent folder only.

When any file of a store (or this computer's record of a store in that folder) says a store
existed, an absent, empty, truncated or foreign database, ``store.json`` or ``key.json`` is
reported with a message naming the file, exit 3 or 4, and no byte in the folder changes; the
command line never lists an empty store and never writes a fresh schema.
"""

from __future__ import annotations

import hashlib
import io
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from clinic import cli
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.storage import keys
from clinic.storage.datadir import DataDir

PASSPHRASE = "correct horse battery staple"


def fingerprint(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: Path, *args: str
) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n" + PASSPHRASE + "\n"))
    capsys.readouterr()
    code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def make_store(root: Path, clients: int) -> Path:
    store = lifecycle.init_store(data_dir=DataDir(root), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=clients, seed=3, today=date(2026, 11, 2))
    finally:
        store.lock()
    return root


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    keys.SCRYPT_N = 2**12  # module scope: the autouse fixture has not run yet
    base = tmp_path_factory.mktemp("templates")
    return make_store(base / "ours", 3), make_store(base / "theirs", 2)


Damage = Callable[[Path, Path], None]


def absent(path: Path, _foreign: Path) -> None:
    path.unlink()


def empty(path: Path, _foreign: Path) -> None:
    path.write_bytes(b"")


def truncated(path: Path, _foreign: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 7])


def page_truncated(path: Path, _foreign: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: max(4096, (len(data) // 2) // 4096 * 4096)])


def foreign(path: Path, other: Path) -> None:
    shutil.copyfile(other, path)


DAMAGES = {
    "absent": absent,
    "empty": empty,
    "truncated": truncated,
    "foreign": foreign,
}

# (file, damage) -> (exit code, a word the message must hold)
EXPECTED = {
    ("clinic.db", "absent"): (4, "clinic.db"),
    ("clinic.db", "empty"): (4, "clinic.db"),
    ("clinic.db", "truncated"): (4, "clinic.db"),
    ("clinic.db", "page-truncated"): (4, "clinic.db"),
    ("clinic.db", "foreign"): (4, "clinic.db"),
    ("store.json", "absent"): (3, "store.json"),
    ("store.json", "empty"): (4, "store.json"),
    ("store.json", "truncated"): (4, "store.json"),
    ("store.json", "foreign"): (4, "store.json"),
    ("key.json", "absent"): (3, "key.json"),
    ("key.json", "empty"): (4, "key.json"),
    ("key.json", "truncated"): (4, "key.json"),
    ("key.json", "foreign"): (4, "key.json"),
}


@pytest.mark.parametrize(
    ("name", "damage"), sorted(EXPECTED), ids=["-".join(k) for k in sorted(EXPECTED)]
)
def test_damaged_store_file_is_reported_and_nothing_changes(
    templates: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    damage: str,
) -> None:
    ours, theirs = templates
    data = tmp_path / "data"
    shutil.copytree(ours, data)
    damaging = page_truncated if damage == "page-truncated" else DAMAGES[damage]
    damaging(data / name, theirs / name)
    before = fingerprint(data)
    code, said = EXPECTED[(name, damage)]
    for command in (["cases"], ["doctor"], ["verify-audit"], ["init"]):
        got, text = run(monkeypatch, capsys, data, *command)
        expected = 1 if command == ["init"] else code
        assert got == expected, (command, text)
        if command != ["init"]:
            assert said in text, (command, text)
            assert "restore" in text.lower() or "recovery" in text.lower(), text
        assert fingerprint(data) == before, command


@pytest.mark.parametrize(
    "kept",
    ["store.json", "key.json", "audit-head.json", "vault", "clinic.db-wal"],
)
def test_database_gone_with_any_store_file_left_is_never_a_first_run(
    templates: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kept: str,
) -> None:
    ours, _ = templates
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    source = ours / kept
    if kept == "clinic.db-wal":
        (data / kept).write_bytes(b"\x00" * 32)
    elif source.is_dir():
        shutil.copytree(source, data / kept)
    else:
        shutil.copyfile(source, data / kept)
    before = fingerprint(data)
    code, text = run(monkeypatch, capsys, data, "cases")
    assert code == 4, text
    assert "clinic.db" in text and "backup" in text.lower(), text
    code, text = run(monkeypatch, capsys, data, "init")
    assert code == 1 and "not empty" in text, text
    assert fingerprint(data) == before


def test_empty_database_is_not_given_a_fresh_schema(
    templates: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The review's reproduction: `: > clinic.db; clinic cases` listed nothing, exit 0."""
    ours, _ = templates
    data = tmp_path / "data"
    shutil.copytree(ours, data)
    (data / "clinic.db").write_bytes(b"")
    code, text = run(monkeypatch, capsys, data, "cases")
    assert code == 4, text
    assert "empty" in text and "backup" in text, text
    assert (data / "clinic.db").stat().st_size == 0


def test_folder_gone_while_the_keychain_holds_its_key(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    memory_keyring,  # type: ignore[no-untyped-def]
) -> None:
    data = tmp_path / "data"
    store = lifecycle.init_store(data_dir=DataDir(data), passphrase=None, actor="t")
    store_id = store.meta.store_id
    store.lock()
    assert keys.load_from_keychain(store_id) is not None
    shutil.rmtree(data)
    for command in (["cases"], ["init"]):
        code, text = run(monkeypatch, capsys, data, *command)
        assert code == 4, (command, text)
        assert "keychain" in text and "backup" in text and "--start-afresh" in text, text
        assert not data.exists()
    code, text = run(monkeypatch, capsys, data, "init", "--start-afresh")
    assert code == 0, text
    assert keys.load_from_keychain(store_id) is None  # the old store's key is gone
    code, text = run(monkeypatch, capsys, data, "cases")
    assert code == 0, text


def test_an_empty_folder_is_still_a_first_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    code, text = run(monkeypatch, capsys, data, "init")
    assert code == 0, text
    code, text = run(monkeypatch, capsys, data, "cases")
    assert code == 0, text
