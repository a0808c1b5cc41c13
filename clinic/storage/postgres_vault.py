"""Evidence files in the office database: the same per-file AES-256-GCM blobs as a laptop's
vault, their ciphertext kept in ``office_blob_chunk`` rows of about 1 MiB (so one ``pg_dump``
holds everything), streamed both ways.

Writing encrypts with the laptop vault's own code into a private temporary folder (ciphertext
only, owner-only, removed at once) and copies it into the database one chunk at a time, in a
transaction of its own, before the evidence row that names it is written (as on a laptop: a
blob no row names is an orphan the repair sweep removes). Reading streams the chunks back one
row at a time and decrypts them with the same code; neither side ever holds a whole file.

Where the keys are: each file's key is in its ``evidence_file`` row, in the same database,
readable by the staff whose row-level security lets them read that row, by the database owner
and by the server's superuser, and present in every dump: see docs/office.md.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Engine, text

from clinic.storage.vault import StoredBlob, Vault, VaultError, VaultFileMissing

_NAME_RE = re.compile(r"[0-9a-f]{32}")
COPY_CHUNK = 1024 * 1024 + 64  # one stored row: about one encrypted chunk


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise VaultError("not a valid vault file name")
    return name


class _BlobReader(io.RawIOBase):
    """A read-only stream of a blob's ciphertext, one row fetched at a time."""

    def __init__(self, engine: Engine, name: str) -> None:
        super().__init__()
        self._engine = engine
        self._name = name
        self._index = 0
        self._buffer = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def _fetch(self) -> None:
        with self._engine.connect() as connection:
            row = connection.execute(
                text("SELECT data FROM office_blob_chunk WHERE name = :n AND idx = :i"),
                {"n": self._name, "i": self._index},
            ).first()
        if row is None:
            self._done = True
            return
        self._index += 1
        self._buffer += bytes(row[0])

    def read(self, size: int = -1, /) -> bytes:
        if size is None or size < 0:
            parts = [self._buffer]
            self._buffer = b""
            while not self._done:
                self._fetch()
                parts.append(self._buffer)
                self._buffer = b""
            return b"".join(parts)
        while len(self._buffer) < size and not self._done:
            self._fetch()
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def readinto(self, target: Any) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)


class _BlobStat:
    def __init__(self, created: datetime) -> None:
        self.st_mtime = created.replace(tzinfo=UTC).timestamp()


class BlobPath:
    """What ``path_of`` gives in office mode: a blob that can be opened and stat'ed like the
    file it is on a laptop."""

    def __init__(self, vault: OfficeVault, name: str) -> None:
        self._vault = vault
        self.name = name

    def open(self, mode: str = "rb") -> BinaryIO:
        if mode != "rb":
            raise VaultError("office blobs are written only through put_stream")
        if not self._vault.exists(self.name):
            raise FileNotFoundError(self.name)
        return io.BufferedReader(_BlobReader(self._vault.engine, self.name), COPY_CHUNK)

    def is_file(self) -> bool:
        return self._vault.exists(self.name)

    def stat(self) -> _BlobStat:
        with self._vault.engine.connect() as connection:
            created = connection.execute(
                text("SELECT created_at FROM office_blob WHERE name = :n"), {"n": self.name}
            ).scalar()
        if created is None:
            raise FileNotFoundError(self.name)
        return _BlobStat(created)


class OfficeVault:
    """The vault interface services use, over the office database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def put_stream(self, source: BinaryIO) -> StoredBlob:
        scratch = Path(tempfile.mkdtemp(prefix="clinic-blob-"))
        try:
            local = Vault(scratch / "vault")
            blob = local.put_stream(source)
            name = secrets.token_hex(16)
            with local.path_of(blob.name).open("rb") as ciphertext, self.engine.begin() as tx:
                tx.execute(text("INSERT INTO office_blob (name) VALUES (:n)"), {"n": name})
                index = 0
                while True:
                    data = ciphertext.read(COPY_CHUNK)
                    if not data:
                        break
                    tx.execute(
                        text("INSERT INTO office_blob_chunk (name, idx, data) VALUES (:n, :i, :d)"),
                        {"n": name, "i": index, "d": data},
                    )
                    index += 1
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return StoredBlob(name=name, key=blob.key, size=blob.size, sha256=blob.sha256)

    def put_file(self, path: Path) -> StoredBlob:
        with Path(path).open("rb") as source:
            return self.put_stream(source)

    def put_bytes(self, data: bytes) -> StoredBlob:
        return self.put_stream(io.BytesIO(data))

    def path_of(self, name: str) -> BlobPath:
        return BlobPath(self, _check_name(name))

    def exists(self, name: str) -> bool:
        with self.engine.connect() as connection:
            return (
                connection.execute(
                    text("SELECT 1 FROM office_blob WHERE name = :n"), {"n": _check_name(name)}
                ).first()
                is not None
            )

    def names(self) -> set[str]:
        with self.engine.connect() as connection:
            return {
                str(n) for n in connection.execute(text("SELECT name FROM office_blob")).scalars()
            }

    def delete(self, name: str) -> None:
        with self.engine.begin() as tx:
            gone = tx.execute(
                text("DELETE FROM office_blob WHERE name = :n"), {"n": _check_name(name)}
            ).rowcount
        if not gone:
            raise VaultFileMissing("no such file in the vault")

    def open_stream(
        self, name: str, key: bytes, *, expected_sha256: str | None = None
    ) -> Iterator[bytes]:
        handle = self.path_of(name)
        if not handle.is_file():
            raise VaultFileMissing("no such file in the vault")
        return self._decrypting(handle, key, expected_sha256)

    @staticmethod
    def _decrypting(handle: BlobPath, key: bytes, expected_sha256: str | None) -> Iterator[bytes]:
        with handle.open("rb") as source:
            yield from Vault.decrypt_from(source, key, expected_sha256=expected_sha256)

    def check(self, name: str, key: bytes, *, expected_sha256: str | None = None) -> int:
        return sum(len(c) for c in self.open_stream(name, key, expected_sha256=expected_sha256))

    def read_bytes(self, name: str, key: bytes, *, expected_sha256: str | None = None) -> bytes:
        return b"".join(self.open_stream(name, key, expected_sha256=expected_sha256))

    def export_to(
        self, name: str, key: bytes, destination: Path, *, expected_sha256: str | None = None
    ) -> None:
        """Decrypt to ``destination`` (never overwritten) through a temporary file beside it."""
        destination = Path(destination)
        chunks = self.open_stream(name, key, expected_sha256=expected_sha256)
        if destination.exists() or destination.is_symlink():
            raise FileExistsError(destination)
        part = destination.with_name(f".{destination.name}.{secrets.token_hex(8)}.part")
        try:
            with part.open("xb") as out:
                part.chmod(0o600)
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.link(part, destination)  # fails if it exists meanwhile: never overwrites
        finally:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
