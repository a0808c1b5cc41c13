"""Issue 16 § 5: ``key.json`` and a ``.cliniccase`` header are untrusted input.

A damaged header is reported as a damaged file (exit 4, a message naming the file) or, when it
is still well formed, as a passphrase that does not open it (exit 3): never a traceback, never a
scrypt cost taken from the file that stalls for minutes or asks for gigabytes.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinic import cli
from clinic.services import lifecycle
from clinic.services.demo import fill_demo_data
from clinic.services.exports import case_bundle
from clinic.storage import keys, untrusted_header
from clinic.storage.datadir import DataDir
from clinic.storage.errors import DamagedStore

PASSPHRASE = "correct horse battery staple"
BUNDLE_PASSPHRASE = "lantern orbit cactus pillow"
FAST_N = 2**12
# Every outcome a damaged header may have: opened (the change did not matter), the passphrase
# does not open it (a well-formed header with other parameters), or a damaged file.
CLEAN = {0, 3, 4}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A passphrase store with a few cases, and an encrypted case bundle made from it."""
    previous = keys.SCRYPT_N
    keys.SCRYPT_N = FAST_N  # module scope: the autouse fixture has not run yet
    base = tmp_path_factory.mktemp("hostile")
    store = lifecycle.init_store(data_dir=DataDir(base / "data"), passphrase=PASSPHRASE, actor="t")
    try:
        fill_demo_data(store=store, clients=1, seed=5, today=date(2026, 11, 2))
        bundle = base / "one.cliniccase"
        case_bundle.export_cases(
            store=store, destination=bundle, case_ids=None, passphrase=BUNDLE_PASSPHRASE
        ).unwrap()
    finally:
        store.lock()
        keys.SCRYPT_N = previous
    yield base / "data", bundle


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    old = sys.stdin
    sys.stdin = io.StringIO(f"{PASSPHRASE}\n{BUNDLE_PASSPHRASE}\n")
    try:
        capsys.readouterr()
        code = cli.run(cli.parse(["--data-dir", str(data), "--passphrase-stdin", *args]))
    finally:
        sys.stdin = old
    captured = capsys.readouterr()
    return code, captured.out + captured.err


# ---------------------------------------------------------------------- named attacks

HOSTILE_KDF: dict[str, dict[str, Any]] = {
    # 2**30 * 128 * 8 bytes: 1 TiB of scrypt memory (hashlib refused it with a bare ValueError)
    "huge-n": {"n": 2**30},
    # p multiplies the time, not the memory: 2**20 passes of a 2 MiB scrypt is hours of CPU
    "huge-p": {"n": 2**14, "p": 2**20},
    "huge-r": {"r": 2**24},
    "n-not-power-of-two": {"n": 3 * 2**12},
    "n-zero": {"n": 0},
    "negative-r": {"r": -8},
    "n-as-text": {"n": "131072"},
    "n-float": {"n": 1e300},
    "n-bool": {"n": True},
    "empty-salt": {"salt": ""},
    "salt-of-a-megabyte": {"salt": base64.b64encode(b"s" * 2**20).decode()},
    "salt-not-base64": {"salt": "***"},
}
HOSTILE_CIPHER: dict[str, dict[str, Any]] = {
    "empty-nonce": {"nonce": ""},
    "short-nonce": {"nonce": base64.b64encode(b"n" * 4).decode()},
    "long-nonce": {"nonce": base64.b64encode(b"n" * 4096).decode()},
    "nonce-as-list": {"nonce": [1, 2, 3]},
}


def _key_json(data: Path, kdf: dict[str, Any], cipher: dict[str, Any]) -> None:
    document = json.loads((data / "key.json").read_bytes())
    document["kdf"].update(kdf)
    document["cipher"].update(cipher)
    (data / "key.json").write_text(json.dumps(document))


def _bundle_header(bundle: Path, target: Path, header: bytes) -> None:
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            out.writestr(info, header if info.filename == case_bundle.HEADER else source.read(info))


def _header_with(bundle: Path, kdf: dict[str, Any], cipher: dict[str, Any]) -> bytes:
    with zipfile.ZipFile(bundle) as archive:
        info = json.loads(archive.read(case_bundle.HEADER))
    info["kdf"].update(kdf)
    info["cipher"].update(cipher)
    return json.dumps(info).encode()


ATTACKS = [(name, kdf, {}) for name, kdf in HOSTILE_KDF.items()] + [
    (name, {}, cipher) for name, cipher in HOSTILE_CIPHER.items()
]


@pytest.mark.parametrize(("name", "kdf", "cipher"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_hostile_key_file_is_a_damaged_file_at_once(
    template: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    kdf: dict[str, Any],
    cipher: dict[str, Any],
) -> None:
    data = tmp_path / "data"
    shutil.copytree(template[0], data)
    _key_json(data, kdf, cipher)
    started = time.monotonic()
    code, text = run(capsys, data, "cases")
    assert code == 4, text
    assert "key.json" in text and "damaged" in text, text
    assert time.monotonic() - started < 5, name


@pytest.mark.parametrize(("name", "kdf", "cipher"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_hostile_bundle_header_is_a_damaged_file_at_once(
    template: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    kdf: dict[str, Any],
    cipher: dict[str, Any],
) -> None:
    data = tmp_path / "data"
    shutil.copytree(template[0], data)
    bundle = tmp_path / "hostile.cliniccase"
    _bundle_header(template[1], bundle, _header_with(template[1], kdf, cipher))
    started = time.monotonic()
    code, text = run(capsys, data, "import-case", str(bundle), "--as-new-client")
    assert code == 4, text
    assert "hostile.cliniccase" in text and "not a complete Clinic case export" in text, text
    assert time.monotonic() - started < 5, name


def test_a_costly_but_legal_looking_key_file_never_stalls(template: tuple[Path, Path]) -> None:
    """The stall itself, in a child process that is killed after 20 s (hours before the fix)."""
    raw = json.loads((template[0] / "key.json").read_bytes())
    raw["kdf"].update({"n": 2**14, "r": 8, "p": 2**20})
    script = (
        "import sys; from clinic.storage import keys\n"
        "from clinic.storage.errors import DamagedStore\n"
        "try:\n"
        "    keys.unwrap_key(sys.stdin.buffer.read(), 'x' * 12, 'id')\n"
        "except DamagedStore:\n"
        "    print('damaged')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(raw).encode(),
        capture_output=True,
        timeout=20,
        check=False,
    )
    assert done.stdout.strip() == b"damaged", done.stderr


def test_deeply_nested_key_file_is_damaged_not_a_recursion_error() -> None:
    with pytest.raises(DamagedStore, match=r"key\.json"):
        keys.unwrap_key(b"[" * 200_000 + b"]" * 200_000, "x" * 12, "id")


def test_the_bounds_accept_what_clinic_writes() -> None:
    untrusted_header.check_scrypt_cost(keys.SCRYPT_N, keys.SCRYPT_R, keys.SCRYPT_P)
    untrusted_header.check_scrypt_cost(2**17, 8, 1)
    untrusted_header.check_scrypt_cost(FAST_N, 8, 1)  # what the test suites write


# ---------------------------------------------------------------------- Hypothesis

_COMMON = ["kdf", "cipher", "kdf.name", "kdf.n", "kdf.r", "kdf.p", "kdf.salt", "cipher.name"]
FIELDS = {
    "key": ["format", "store_id", *_COMMON, "cipher.nonce", "cipher.sealed_key"],
    "bundle": ["kind", "version", "files", *_COMMON, "cipher.nonce"],
}
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([0, -1, 1, 2**12, 2**14, 2**31, 2**63, 2**64 + 1, 10**30])
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.binary(max_size=64).map(lambda b: base64.b64encode(b).decode()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@st.composite
def mutations(draw: st.DrawFn, kind: str) -> tuple[str, Any]:
    how = draw(st.sampled_from(["field", "delete", "bytes", "truncate", "nest"]))
    if how in ("field", "delete"):
        path = draw(st.sampled_from(FIELDS[kind]))
        return how, (path, draw(JSON_VALUES) if how == "field" else None)
    if how == "bytes":
        return how, (draw(st.integers(0, 10_000)), draw(st.binary(min_size=1, max_size=8)))
    if how == "truncate":
        return how, draw(st.integers(0, 10_000))
    return how, draw(st.integers(1, 100_000))


def _mutate(raw: bytes, mutation: tuple[str, Any]) -> bytes:
    how, what = mutation
    if how in ("field", "delete"):
        path, value = what
        document = json.loads(raw)
        *parents, leaf = path.split(".")
        node = document
        for part in parents:
            node = node[part]
        if how == "delete":
            node.pop(leaf, None)
        else:
            node[leaf] = value
        return json.dumps(document).encode()
    if how == "bytes":
        at, data = what
        at %= len(raw)
        return raw[:at] + data + raw[at + len(data) :]
    if how == "truncate":
        return raw[: what % len(raw)]
    return b"[" * what + raw + b"]" * what


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _clean(code: int, text: str, name: str) -> None:
    assert code in CLEAN, text
    assert "Traceback" not in text, text
    if code == 4:
        assert name in text, text
    if code != 0:
        assert text.strip(), "a refusal always says why"


@FUZZ
@given(mutation=mutations("key"))
def test_mutated_key_file_always_ends_cleanly(
    template: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    mutation: tuple[str, Any],
) -> None:
    data = tmp_path_factory.mktemp("k") / "data"
    shutil.copytree(template[0], data)
    (data / "key.json").write_bytes(_mutate((data / "key.json").read_bytes(), mutation))
    started = time.monotonic()
    code, text = run(capsys, data, "cases")
    _clean(code, text, "key.json")
    assert time.monotonic() - started < 10


@FUZZ
@given(mutation=mutations("bundle"))
def test_mutated_bundle_header_always_ends_cleanly(
    template: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    mutation: tuple[str, Any],
) -> None:
    folder = tmp_path_factory.mktemp("b")
    data = folder / "data"
    shutil.copytree(template[0], data)
    with zipfile.ZipFile(template[1]) as archive:
        header = archive.read(case_bundle.HEADER)
    bundle = folder / "mutated.cliniccase"
    _bundle_header(template[1], bundle, _mutate(header, mutation))
    started = time.monotonic()
    code, text = run(capsys, data, "import-case", str(bundle), "--as-new-client")
    _clean(code, text, "mutated.cliniccase")
    assert time.monotonic() - started < 10
