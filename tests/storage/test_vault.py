"""The encrypted evidence vault: round trips, tamper detection, atomicity, permissions."""

from __future__ import annotations

import hashlib
import io
import os
import re
import stat
import sys
import tracemalloc
from pathlib import Path

import pytest

from clinic.storage.vault import (
    CHUNK_SIZE,
    HEADER_SIZE,
    KEY_SIZE,
    MAGIC,
    TAG_SIZE,
    StoredBlob,
    Vault,
    VaultError,
    VaultFileMissing,
    VaultIntegrityError,
)

MIB = 1024 * 1024
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault(tmp_path / "vault")


def n_chunks(size: int) -> int:
    return max(1, -(-size // CHUNK_SIZE))


def chunk_offset(index: int) -> int:
    return HEADER_SIZE + index * (CHUNK_SIZE + TAG_SIZE)


def all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def flip(path: Path, offset: int) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x01]))


class GeneratedStream(io.RawIOBase):
    """A readable stream producing ``total`` pseudo-random bytes on the fly."""

    def __init__(self, total: int, *, max_read: int | None = None) -> None:
        self.remaining = total
        self.max_read = max_read
        self.sha = hashlib.sha256()
        self.counter = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            raise AssertionError("the vault must never read the whole source")
        if self.max_read is not None:
            size = min(size, self.max_read)
        size = min(size, self.remaining)
        block = hashlib.sha256(self.counter.to_bytes(8, "big")).digest()
        self.counter += 1
        data = (block * (size // len(block) + 1))[:size]
        self.remaining -= size
        self.sha.update(data)
        return data


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    "size",
    [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * MIB + 12345],
)
def test_round_trip(vault: Vault, size: int) -> None:
    data = os.urandom(size)
    blob = vault.put_bytes(data)

    assert blob.size == size
    assert blob.sha256 == hashlib.sha256(data).hexdigest()
    assert len(blob.key) == KEY_SIZE
    assert re.fullmatch(r"[0-9a-f]{32}", blob.name)
    assert vault.read_bytes(blob.name, blob.key, expected_sha256=blob.sha256) == data

    chunks = list(vault.open_stream(blob.name, blob.key))
    assert b"".join(chunks) == data
    assert len(chunks) == n_chunks(size)
    assert all(len(c) == CHUNK_SIZE for c in chunks[:-1])

    raw = vault.path_of(blob.name).read_bytes()
    assert raw.startswith(MAGIC + b"\x01")
    assert int.from_bytes(raw[5:9], "big") == CHUNK_SIZE
    assert len(raw) == HEADER_SIZE + size + TAG_SIZE * n_chunks(size)


def test_put_file_and_short_reads_produce_the_same_layout(vault: Vault, tmp_path: Path) -> None:
    data = os.urandom(2 * MIB + 7)
    source = tmp_path / "Asylum declaration - Jane Doe.pdf"
    source.write_bytes(data)

    from_file = vault.put_file(source)
    # A stream that hands out at most 1000 bytes per read must still give full chunks.
    trickle = GeneratedStream(2 * MIB + 7, max_read=1000)
    from_trickle = vault.put_stream(trickle)  # type: ignore[arg-type]

    assert vault.read_bytes(from_file.name, from_file.key) == data
    assert from_trickle.sha256 == trickle.sha.hexdigest()
    assert vault.path_of(from_trickle.name).stat().st_size == HEADER_SIZE + 2 * MIB + 7 + 3 * 16
    assert "jane" not in from_file.name.lower()
    assert "declaration" not in from_file.name.lower()


def test_same_content_gets_fresh_name_key_and_ciphertext(vault: Vault) -> None:
    data = b"identical content" * 100
    a = vault.put_bytes(data)
    b = vault.put_bytes(data)
    assert a.name != b.name
    assert a.key != b.key
    assert a.sha256 == b.sha256
    assert vault.path_of(a.name).read_bytes() != vault.path_of(b.name).read_bytes()


def test_ciphertext_contains_no_plaintext(vault: Vault, tmp_path: Path) -> None:
    marker = b"PASSPORT-NO-X1234567-TORTURE-SCARS"
    data = (marker + os.urandom(100)) * 50_000  # about 6.7 MiB, several chunks
    blob = vault.put_bytes(data)

    files = all_files(tmp_path / "vault")
    assert files == [vault.path_of(blob.name)]  # nothing else, no leftover temp file
    raw = files[0].read_bytes()
    assert marker not in raw
    assert marker[:12] not in raw


def test_blob_repr_does_not_show_the_key(vault: Vault) -> None:
    blob = vault.put_bytes(b"x")
    assert blob.key.hex() not in repr(blob)
    assert repr(blob.key) not in repr(blob)


# ------------------------------------------------------------------ integrity


def test_wrong_key_is_an_integrity_error(vault: Vault) -> None:
    blob = vault.put_bytes(b"secret statement")
    wrong = os.urandom(KEY_SIZE)
    with pytest.raises(VaultIntegrityError) as excinfo:
        vault.read_bytes(blob.name, wrong)
    message = str(excinfo.value)
    for key in (wrong, blob.key):
        assert key.hex() not in message
        assert repr(key) not in message


def test_key_of_wrong_length_is_rejected(vault: Vault) -> None:
    blob = vault.put_bytes(b"data")
    with pytest.raises(VaultError):
        vault.read_bytes(blob.name, blob.key[:16])


def test_swapping_keys_between_blobs_fails(vault: Vault) -> None:
    a = vault.put_bytes(b"a" * 100)
    b = vault.put_bytes(b"b" * 100)
    with pytest.raises(VaultIntegrityError):
        vault.read_bytes(a.name, b.key)


def test_flipping_any_byte_of_a_small_file_is_detected(vault: Vault) -> None:
    blob = vault.put_bytes(b"z")
    path = vault.path_of(blob.name)
    original = path.read_bytes()
    assert len(original) == HEADER_SIZE + 1 + TAG_SIZE
    for offset in range(len(original)):
        flip(path, offset)
        with pytest.raises(VaultIntegrityError):
            vault.read_bytes(blob.name, blob.key)
        path.write_bytes(original)
    assert vault.read_bytes(blob.name, blob.key) == b"z"


def test_flipping_one_byte_anywhere_in_a_multi_chunk_file_is_detected(vault: Vault) -> None:
    data = os.urandom(2 * CHUNK_SIZE + 500)
    blob = vault.put_bytes(data)
    path = vault.path_of(blob.name)
    original = path.read_bytes()
    size = len(original)
    offsets = set(range(HEADER_SIZE))  # every header byte
    for i in range(3):  # around every chunk start, and each chunk's tag
        start = chunk_offset(i)
        offsets.update({start, start + 1})
    offsets.update(
        {
            chunk_offset(1) - 1,  # last tag byte of chunk 0
            chunk_offset(1) - TAG_SIZE - 1,  # last ciphertext byte of chunk 0
            chunk_offset(2) - 1,
            size - TAG_SIZE - 1,
            size - 1,
        }
    )
    offsets.update(int.from_bytes(os.urandom(4), "big") % size for _ in range(10))
    for offset in sorted(offsets):
        flip(path, offset)
        with pytest.raises(VaultIntegrityError):
            vault.read_bytes(blob.name, blob.key)
        path.write_bytes(original)
    assert vault.read_bytes(blob.name, blob.key) == data


def test_stream_raises_at_the_damaged_chunk_after_yielding_good_ones(vault: Vault) -> None:
    data = os.urandom(3 * CHUNK_SIZE)
    blob = vault.put_bytes(data)
    flip(vault.path_of(blob.name), chunk_offset(1) + 100)

    stream = vault.open_stream(blob.name, blob.key)
    assert next(stream) == data[:CHUNK_SIZE]
    with pytest.raises(VaultIntegrityError, match="chunk 1"):
        next(stream)


@pytest.mark.parametrize("size", [2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 10, 3 * CHUNK_SIZE])
def test_truncation_at_every_chunk_boundary_is_detected(vault: Vault, size: int) -> None:
    blob = vault.put_bytes(os.urandom(size))
    path = vault.path_of(blob.name)
    original = path.read_bytes()
    cuts = [0, 4, HEADER_SIZE - 1, len(original) - 1, len(original) - TAG_SIZE]
    cuts += [chunk_offset(i) for i in range(n_chunks(size))]  # header only, then whole chunks
    for cut in cuts:
        path.write_bytes(original[:cut])
        with pytest.raises(VaultIntegrityError):
            vault.read_bytes(blob.name, blob.key)


@pytest.mark.parametrize("size", [0, 10, CHUNK_SIZE, 2 * CHUNK_SIZE])
def test_appending_is_detected(vault: Vault, size: int) -> None:
    blob = vault.put_bytes(os.urandom(size))
    path = vault.path_of(blob.name)
    original = path.read_bytes()
    last_chunk = original[chunk_offset(n_chunks(size) - 1) :]
    for extra in (b"\x00", os.urandom(TAG_SIZE), last_chunk, original[HEADER_SIZE:]):
        path.write_bytes(original + extra)
        with pytest.raises(VaultIntegrityError):
            vault.read_bytes(blob.name, blob.key)


def test_swapping_two_chunks_is_detected(vault: Vault) -> None:
    data = os.urandom(3 * CHUNK_SIZE)  # three full chunks of identical length
    blob = vault.put_bytes(data)
    path = vault.path_of(blob.name)
    raw = path.read_bytes()
    c = [raw[chunk_offset(i) : chunk_offset(i + 1)] for i in range(3)]
    assert b"".join(c) == raw[HEADER_SIZE:]

    for order in ([1, 0, 2], [0, 2, 1], [2, 1, 0]):
        path.write_bytes(raw[:HEADER_SIZE] + b"".join(c[i] for i in order))
        with pytest.raises(VaultIntegrityError):
            vault.read_bytes(blob.name, blob.key)
    # Dropping a middle chunk is caught too.
    path.write_bytes(raw[:HEADER_SIZE] + c[0] + c[2])
    with pytest.raises(VaultIntegrityError):
        vault.read_bytes(blob.name, blob.key)


@pytest.mark.parametrize("fake_chunk_size", [1, 4096, CHUNK_SIZE - 1])
def test_rewritten_chunk_size_is_detected(vault: Vault, fake_chunk_size: int) -> None:
    # A short single-chunk file frames identically under any chunk size, so only the
    # header being authenticated catches this edit.
    blob = vault.put_bytes(b"short")
    path = vault.path_of(blob.name)
    raw = bytearray(path.read_bytes())
    raw[5:9] = fake_chunk_size.to_bytes(4, "big")
    path.write_bytes(bytes(raw))
    with pytest.raises(VaultIntegrityError):
        vault.read_bytes(blob.name, blob.key)


def test_header_from_another_file_is_detected(vault: Vault) -> None:
    a = vault.put_bytes(b"first file")
    b = vault.put_bytes(b"other file")
    raw_a = vault.path_of(a.name).read_bytes()
    raw_b = vault.path_of(b.name).read_bytes()
    vault.path_of(a.name).write_bytes(raw_b[:HEADER_SIZE] + raw_a[HEADER_SIZE:])
    with pytest.raises(VaultIntegrityError):
        vault.read_bytes(a.name, a.key)


def test_expected_sha256_mismatch_is_an_integrity_error(vault: Vault) -> None:
    data = os.urandom(CHUNK_SIZE + 5)
    blob = vault.put_bytes(data)
    other = hashlib.sha256(b"something else").hexdigest()

    with pytest.raises(VaultIntegrityError):
        vault.read_bytes(blob.name, blob.key, expected_sha256=other)

    # Streaming yields verified chunks, then fails at the end.
    received: list[bytes] = []
    with pytest.raises(VaultIntegrityError, match="checksum"):
        for chunk in vault.open_stream(blob.name, blob.key, expected_sha256=other):
            received.append(chunk)
    assert b"".join(received) == data

    assert vault.read_bytes(blob.name, blob.key, expected_sha256=blob.sha256.upper()) == data


# ---------------------------------------------------------------------- export


def test_export_writes_the_plaintext_and_nothing_else(vault: Vault, tmp_path: Path) -> None:
    data = os.urandom(CHUNK_SIZE + 3)
    blob = vault.put_bytes(data)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    destination = out_dir / "declaration.pdf"

    vault.export_to(blob.name, blob.key, destination, expected_sha256=blob.sha256)

    assert destination.read_bytes() == data
    assert list(out_dir.iterdir()) == [destination]


def test_export_refuses_to_overwrite(vault: Vault, tmp_path: Path) -> None:
    blob = vault.put_bytes(b"new content")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    destination = out_dir / "existing.pdf"
    destination.write_bytes(b"precious original")

    with pytest.raises(FileExistsError):
        vault.export_to(blob.name, blob.key, destination)

    assert destination.read_bytes() == b"precious original"
    assert list(out_dir.iterdir()) == [destination]


@POSIX_ONLY
def test_export_refuses_to_overwrite_a_symlink(vault: Vault, tmp_path: Path) -> None:
    blob = vault.put_bytes(b"new content")
    target = tmp_path / "target"
    target.write_bytes(b"keep")
    destination = tmp_path / "link"
    destination.symlink_to(target)
    with pytest.raises(FileExistsError):
        vault.export_to(blob.name, blob.key, destination)
    assert target.read_bytes() == b"keep"


def test_failed_export_leaves_no_file(vault: Vault, tmp_path: Path) -> None:
    blob = vault.put_bytes(os.urandom(3 * CHUNK_SIZE))
    flip(vault.path_of(blob.name), chunk_offset(2) + 10)  # fails after two chunks were written
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    destination = out_dir / "photo.jpg"

    with pytest.raises(VaultIntegrityError):
        vault.export_to(blob.name, blob.key, destination)

    assert list(out_dir.iterdir()) == []


def test_export_with_wrong_checksum_leaves_no_file(vault: Vault, tmp_path: Path) -> None:
    blob = vault.put_bytes(b"scan")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(VaultIntegrityError):
        vault.export_to(blob.name, blob.key, out_dir / "scan.png", expected_sha256="00" * 32)
    assert list(out_dir.iterdir()) == []


def test_export_of_missing_blob_creates_nothing(vault: Vault, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(VaultFileMissing):
        vault.export_to("ab" * 16, os.urandom(KEY_SIZE), out_dir / "x.pdf")
    assert list(out_dir.iterdir()) == []


# ------------------------------------------------------------------ atomicity


class ExplodingStream(io.RawIOBase):
    def __init__(self, good_bytes: int) -> None:
        self.good_bytes = good_bytes

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.good_bytes <= 0:
            raise OSError("scanner disconnected")
        n = min(size, self.good_bytes)
        self.good_bytes -= n
        return b"\xab" * n


def test_failed_put_leaves_no_temp_file(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="scanner disconnected"):
        vault.put_stream(ExplodingStream(2 * CHUNK_SIZE + 10))  # type: ignore[arg-type]
    assert all_files(tmp_path / "vault") == []
    assert vault.names() == set()


# ---------------------------------------------------------------- permissions


@POSIX_ONLY
def test_permissions_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        root = tmp_path / "data" / "vault"
        vault = Vault(root)
        blob = vault.put_bytes(b"photo")
    finally:
        os.umask(old_umask)
    path = vault.path_of(blob.name)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.parent.parent == root
    assert path.parent.name == blob.name[:2]


@POSIX_ONLY
def test_exported_file_is_owner_only(vault: Vault, tmp_path: Path) -> None:
    blob = vault.put_bytes(b"photo")
    destination = tmp_path / "photo.jpg"
    vault.export_to(blob.name, blob.key, destination)
    assert stat.S_IMODE(destination.stat().st_mode) == 0o600


# ---------------------------------------------------------------- bookkeeping


def test_names_exists_and_delete(vault: Vault, tmp_path: Path) -> None:
    blobs = [vault.put_bytes(bytes([i]) * 10) for i in range(3)]
    root = tmp_path / "vault"
    # Unrelated entries are not reported as blobs.
    (root / ".tmp-0123456789abcdef0123456789abcdef").write_bytes(b"partial")
    (root / "README").write_text("not a blob")
    (root / "zz").mkdir()
    (root / "zz" / ("0" * 32)).write_bytes(b"wrong shard")
    (root / "ab").mkdir(exist_ok=True)
    (root / "ab" / ("cd" * 16)).write_bytes(b"name does not match its shard")

    assert vault.names() == {b.name for b in blobs}
    assert all(vault.exists(b.name) for b in blobs)

    vault.delete(blobs[0].name)
    assert not vault.exists(blobs[0].name)
    assert vault.names() == {blobs[1].name, blobs[2].name}
    assert vault.read_bytes(blobs[1].name, blobs[1].key) == b"\x01" * 10

    with pytest.raises(VaultFileMissing):
        vault.delete(blobs[0].name)
    with pytest.raises(VaultFileMissing):
        vault.read_bytes(blobs[0].name, blobs[0].key)
    with pytest.raises(VaultFileMissing):
        vault.open_stream(blobs[0].name, blobs[0].key)  # checked before iteration


def test_empty_vault_has_no_names(vault: Vault) -> None:
    assert vault.names() == set()
    assert not vault.exists("00" * 16)


def test_path_of_is_inside_the_vault(vault: Vault, tmp_path: Path) -> None:
    blob: StoredBlob = vault.put_bytes(b"x")
    path = vault.path_of(blob.name)
    assert path == tmp_path / "vault" / blob.name[:2] / blob.name
    assert path.is_file()


@pytest.mark.parametrize(
    "name",
    [
        "../x",
        "..",
        "",
        ".",
        "/etc/passwd",
        "ab/../../x",
        "..\\..\\x",
        "0" * 31,
        "0" * 33,
        "A" * 32,
        "g" * 32,
        "0" * 31 + "/",
        "0" * 32 + "\n",
        "0" * 16 + "\x00" + "0" * 15,
        ".tmp-" + "0" * 27,
    ],
)
def test_names_that_are_not_vault_names_are_rejected(vault: Vault, name: str) -> None:
    key = os.urandom(KEY_SIZE)
    with pytest.raises(VaultError):
        vault.path_of(name)
    with pytest.raises(VaultError):
        vault.exists(name)
    with pytest.raises(VaultError):
        vault.delete(name)
    with pytest.raises(VaultError):
        vault.read_bytes(name, key)
    with pytest.raises(VaultError):
        vault.open_stream(name, key)
    with pytest.raises(VaultError):
        vault.export_to(name, key, vault.root.parent / "out.bin")


# --------------------------------------------------------------------- memory


def test_streaming_64_mib_keeps_memory_bounded(vault: Vault) -> None:
    total = 64 * MIB
    source = GeneratedStream(total)

    tracemalloc.start()
    try:
        blob = vault.put_stream(source)  # type: ignore[arg-type]
        _, put_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()

        reread = hashlib.sha256()
        count = 0
        for chunk in vault.open_stream(blob.name, blob.key, expected_sha256=blob.sha256):
            reread.update(chunk)
            count += len(chunk)
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert blob.size == total
    assert blob.sha256 == source.sha.hexdigest()
    assert count == total
    assert reread.hexdigest() == blob.sha256
    assert put_peak < 16 * MIB, put_peak
    assert read_peak < 16 * MIB, read_peak


def test_a_blob_is_checked_from_any_file_object_without_a_copy(vault: Vault) -> None:
    data = os.urandom(2 * CHUNK_SIZE + 123)
    blob = vault.put_bytes(data)
    raw = vault.path_of(blob.name).read_bytes()
    reads: list[int] = []

    class Member(io.BytesIO):  # e.g. a ZIP member: only read() is used
        def read(self, size: int | None = -1, /) -> bytes:
            chunk = super().read(size)
            reads.append(len(chunk))
            return chunk

    assert Vault.check_from(Member(raw), blob.key, expected_sha256=blob.sha256) == len(data)
    assert max(reads) <= CHUNK_SIZE + TAG_SIZE  # streamed, never the whole blob at once
    assert b"".join(Vault.decrypt_from(io.BytesIO(raw), blob.key)) == data

    damaged = bytearray(raw)
    damaged[chunk_offset(1) + 10] ^= 0x01
    with pytest.raises(VaultIntegrityError, match="chunk 1"):
        Vault.check_from(io.BytesIO(bytes(damaged)), blob.key)
    with pytest.raises(VaultIntegrityError):
        Vault.check_from(io.BytesIO(raw[:-1]), blob.key)
    with pytest.raises(VaultIntegrityError, match="checksum"):
        Vault.check_from(io.BytesIO(raw), blob.key, expected_sha256="0" * 64)
    with pytest.raises(VaultIntegrityError):
        Vault.check_from(io.BytesIO(raw), os.urandom(KEY_SIZE))
    with pytest.raises(VaultError, match="32 bytes"):
        Vault.check_from(io.BytesIO(raw), b"short")
