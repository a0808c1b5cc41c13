"""Encrypted file vault for evidence files (scans, photos, documents).

Every stored file ("blob") is encrypted with its own random 256-bit key. The vault
never writes a key anywhere: :meth:`Vault.put_stream` returns it in a
:class:`StoredBlob` and the caller keeps it in the (already encrypted) database.
Plaintext never touches the vault directory; the only plaintext write is
:meth:`Vault.export_to`, to a path the user chose.

Layout on disk::

    <root>/                      0700
        .tmp-<32 hex>            in-progress writes, removed on failure
        <aa>/                    0700, first two hex characters of the name
            <aa...32 hex chars>  0600, one encrypted blob

Blob names are random (``secrets.token_hex(16)``) and never derived from the
user's file name.

File format: the chunked AES-256-GCM stream of :mod:`clinic.storage.crypto` (header
``CLV1``, 1 MiB chunks, each bound to its index, the header and a final-chunk flag). Any
failure raises :class:`VaultIntegrityError`; a streaming reader raises at the first chunk that
fails, before yielding its plaintext. Memory use is bounded by a few chunks whatever the size.

Writes are atomic: a temporary file in the vault root is written, flushed and
fsynced, then ``os.replace``-d into its shard directory, and the directories are
fsynced. On any error the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import secrets
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from clinic.storage import crypto, stream_format
from clinic.storage.errors import DiskFull, StoreError
from clinic.storage.stream_format import CHUNK_SIZE, HEADER_SIZE, MAGIC, Readable, StreamDamaged

__all__ = [
    "CHUNK_SIZE",
    "FORMAT_VERSION",
    "HEADER_SIZE",
    "KEY_SIZE",
    "MAGIC",
    "TAG_SIZE",
    "Readable",
    "StoredBlob",
    "Vault",
    "VaultError",
    "VaultFileMissing",
    "VaultIntegrityError",
]

FORMAT_VERSION = stream_format.STREAM_VERSION
KEY_SIZE = crypto.KEY_BYTES
TAG_SIZE = crypto.TAG_BYTES

_NAME_RE = re.compile(r"[0-9a-f]{32}")
_SHARD_RE = re.compile(r"[0-9a-f]{2}")
_TMP_PREFIX = ".tmp-"

_DIR_MODE = 0o700
_FILE_MODE = 0o600
_NO_SPACE = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_OPEN_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


class VaultError(StoreError):
    """Base class for vault errors. Messages never contain key material."""


class VaultIntegrityError(VaultError):
    """The blob is tampered with, truncated, reordered, or the key or checksum is wrong."""


class VaultFileMissing(VaultError):
    """No blob with the given name exists in the vault."""


@dataclass(frozen=True)
class StoredBlob:
    """What the caller must keep (in the encrypted database) to read a blob back."""

    name: str
    key: bytes = field(repr=False)
    size: int
    sha256: str


class Vault:
    """A directory of individually encrypted, chunked AES-256-GCM blobs."""

    def __init__(self, root: Path) -> None:
        self._root = Path(root)
        if not self._root.is_dir():
            self._root.mkdir(mode=_DIR_MODE, parents=True, exist_ok=True)
            _chmod(self._root, _DIR_MODE)

    @property
    def root(self) -> Path:
        return self._root

    # ------------------------------------------------------------------ writing

    def put_stream(self, source: BinaryIO) -> StoredBlob:
        """Encrypt everything readable from ``source`` into a new blob.

        The source is read one chunk at a time; memory use does not grow with its size.
        A full disk raises :class:`DiskFull`; on any failure nothing is left in the vault.
        """
        key = crypto.new_key()
        name = self._new_name()
        final_path = self.path_of(name)
        tmp_path = self._root / f"{_TMP_PREFIX}{secrets.token_hex(16)}"
        try:
            fd = os.open(tmp_path, _OPEN_WRITE_FLAGS, _FILE_MODE)  # O_EXCL: ours alone
        except OSError as exc:
            _raise_if_full(exc)
            raise
        moved = False
        try:
            with os.fdopen(fd, "wb") as out:
                _chmod(tmp_path, _FILE_MODE)
                size, digest = crypto.encrypt_stream(
                    source, out, key, writeback=lambda: _start_writeback(out)
                )
                out.flush()
                os.fsync(out.fileno())
            self._ensure_shard(final_path.parent)
            os.replace(tmp_path, final_path)
            moved = True
            _fsync_dir(final_path.parent)
            _fsync_dir(self._root)  # the temp entry is gone; a new shard entry may exist
        except BaseException as exc:
            for leftover in (tmp_path, final_path) if moved else (tmp_path,):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                _raise_if_full(exc)
            raise
        return StoredBlob(name=name, key=key, size=size, sha256=digest)

    def put_file(self, path: Path) -> StoredBlob:
        with Path(path).open("rb") as source:
            return self.put_stream(source)

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self.put_stream(io.BytesIO(data))

    # ------------------------------------------------------------------ reading

    def open_stream(
        self, name: str, key: bytes, *, expected_sha256: str | None = None
    ) -> Iterator[bytes]:
        """Yield the decrypted chunks of a blob, each verified before it is yielded.

        Raises :class:`VaultIntegrityError` at the first chunk that fails to verify
        and, after the last chunk, if ``expected_sha256`` is given and differs.
        The name, key and existence are checked immediately, not on first iteration.
        """
        return self._chunks(name, key, expected_sha256)

    @staticmethod
    def decrypt_from(
        source: Readable, key: bytes, *, expected_sha256: str | None = None
    ) -> Iterator[bytes]:
        """Like :meth:`open_stream`, for a blob read from an open file object instead of the
        vault (e.g. a member of a backup archive): no copy of the blob is needed."""
        _check_key(key)
        return _verified(crypto.decrypt_stream(source, key, expected_sha256))

    @staticmethod
    def check_from(source: Readable, key: bytes, *, expected_sha256: str | None = None) -> int:
        """Decrypt and verify a whole blob read from ``source``, keeping no plaintext.

        Returns the plaintext size; raises :class:`VaultIntegrityError` as :meth:`open_stream`
        does. Reads ``source`` to its end.
        """
        size = 0
        for chunk in Vault.decrypt_from(source, key, expected_sha256=expected_sha256):
            size += len(chunk)
        return size

    def check(self, name: str, key: bytes, *, expected_sha256: str | None = None) -> int:
        """Decrypt and verify a whole stored blob, one chunk at a time, keeping no plaintext.

        Returns the plaintext size; raises :class:`VaultIntegrityError` or
        :class:`VaultFileMissing` as :meth:`open_stream` does.
        """
        size = 0
        for chunk in self.open_stream(name, key, expected_sha256=expected_sha256):
            size += len(chunk)
        return size

    def read_bytes(self, name: str, key: bytes, *, expected_sha256: str | None = None) -> bytes:
        return b"".join(self.open_stream(name, key, expected_sha256=expected_sha256))

    def export_to(
        self,
        name: str,
        key: bytes,
        destination: Path,
        *,
        expected_sha256: str | None = None,
    ) -> None:
        """Decrypt a blob to ``destination``, a path the user chose.

        Never overwrites: raises :class:`FileExistsError` if the destination exists.
        The plaintext is written to a temporary file next to the destination, fsynced,
        and only then moved into place; on any error the temporary file is removed, so
        a failed export (including a failed integrity check) leaves nothing behind.
        """
        destination = Path(destination)
        chunks = self._chunks(name, key, expected_sha256)
        if os.path.lexists(destination):
            raise _exists_error(destination)
        folder = destination.parent
        tmp_path = folder / f".{destination.name}.{secrets.token_hex(8)}.part"
        fd = os.open(tmp_path, _OPEN_WRITE_FLAGS, _FILE_MODE)  # O_EXCL: ours alone
        try:
            with os.fdopen(fd, "wb") as out, contextlib.closing(chunks):
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            _move_without_overwrite(tmp_path, destination)
            _fsync_dir(folder)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp_path.unlink(missing_ok=True)
            raise

    # ------------------------------------------------------------- bookkeeping

    def delete(self, name: str) -> None:
        path = self.path_of(name)
        try:
            path.unlink()
        except FileNotFoundError:
            raise VaultFileMissing("no such file in the vault") from None
        _fsync_dir(path.parent)

    def exists(self, name: str) -> bool:
        return self.path_of(name).is_file()

    def names(self) -> set[str]:
        """All blob names present. Temporary files and unrelated entries are ignored."""
        found: set[str] = set()
        try:
            shards = list(os.scandir(self._root))
        except FileNotFoundError:
            return found
        for shard in shards:
            if not (_SHARD_RE.fullmatch(shard.name) and shard.is_dir(follow_symlinks=False)):
                continue
            with os.scandir(shard.path) as entries:
                for entry in entries:
                    if (
                        _NAME_RE.fullmatch(entry.name)
                        and entry.name.startswith(shard.name)
                        and entry.is_file(follow_symlinks=False)
                    ):
                        found.add(entry.name)
        return found

    def path_of(self, name: str) -> Path:
        """The on-disk path of a blob. Rejects anything that is not a vault name."""
        if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
            raise VaultError("not a valid vault file name")
        return self._root / name[:2] / name

    # ----------------------------------------------------------------- helpers

    def _new_name(self) -> str:
        while True:
            name = secrets.token_hex(16)
            if not os.path.lexists(self.path_of(name)):
                return name

    def _chunks(
        self, name: str, key: bytes, expected_sha256: str | None
    ) -> Generator[bytes, None, None]:
        """Validate eagerly, then return the (lazy) decrypting generator."""
        path = self.path_of(name)
        if not path.is_file():
            raise VaultFileMissing("no such file in the vault")
        _check_key(key)
        return _decrypt_stream(path, key, expected_sha256)

    def _ensure_shard(self, shard: Path) -> None:
        if shard.is_dir():
            return
        try:
            shard.mkdir(mode=_DIR_MODE)
        except FileExistsError:
            return
        _chmod(shard, _DIR_MODE)


# ---------------------------------------------------------------------- format


def _verified(chunks: Iterator[bytes]) -> Generator[bytes, None, None]:
    """The stream's chunks, its failures raised as :class:`VaultIntegrityError`."""
    try:
        yield from chunks
    except StreamDamaged as exc:
        raise VaultIntegrityError(str(exc)) from None


def _start_writeback(out: BinaryIO) -> None:
    """Ask the kernel to start writing the file's dirty pages now (not waiting for them)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return
    out.flush()
    with contextlib.suppress(OSError):
        advise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _decrypt_stream(
    path: Path, key: bytes, expected_sha256: str | None
) -> Generator[bytes, None, None]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise VaultFileMissing("no such file in the vault") from None
    with handle:
        yield from _verified(crypto.decrypt_stream(handle, key, expected_sha256))


# ------------------------------------------------------------------ filesystem


def _raise_if_full(exc: OSError) -> None:
    if exc.errno in _NO_SPACE:
        raise DiskFull(
            "The disk is full, so the file was not added and nothing was saved. Free some space "
            "(or move the data folder), then add the file again."
        ) from None


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_SIZE:
        raise VaultError("file key must be 32 bytes")


def _chmod(path: Path, mode: int) -> None:
    if os.name != "nt":
        os.chmod(path, mode)


def _fsync_dir(path: Path) -> None:
    """Persist directory entries (renames, unlinks). Not possible on Windows."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exists_error(destination: Path) -> FileExistsError:
    return FileExistsError(errno.EEXIST, "destination already exists", str(destination))


def _move_without_overwrite(tmp_path: Path, destination: Path) -> None:
    """Move ``tmp_path`` to ``destination`` atomically, failing if the destination exists.

    ``os.replace`` would silently overwrite a file that appeared after the initial
    check, so where possible use an operation that refuses: a hard link on POSIX,
    ``os.rename`` on Windows. Filesystems without hard links (e.g. FAT-formatted USB
    sticks) fall back to re-checking and ``os.replace``.
    """
    if os.name == "nt":
        try:
            os.rename(tmp_path, destination)
        except FileExistsError:
            raise _exists_error(destination) from None
        return
    try:
        os.link(tmp_path, destination)
    except FileExistsError:
        raise _exists_error(destination) from None
    except OSError:
        if os.path.lexists(destination):
            raise _exists_error(destination) from None
        os.replace(tmp_path, destination)
        return
    tmp_path.unlink()
