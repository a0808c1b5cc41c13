"""The evidence vault's stream format: its header, each chunk's nonce and AAD, and reading it.

The AES-256-GCM calls on each chunk are ``clinic.storage.crypto``'s (:func:`encrypt_stream`,
:func:`decrypt_stream`, the one module that uses ``cryptography``); here is the framing around
them, which uses no cipher. Backups and case bundles carry vault blobs as they are.

Stream format (version 1), all integers big-endian::

    header (21 bytes)
        magic         4 bytes   b"CLV1"
        version       1 byte    0x01
        chunk_size    4 bytes   plaintext bytes per chunk, 1 .. 1 MiB (writer uses 1 MiB)
        nonce_prefix 12 bytes   random per file
    chunks, one or more, back to back
        AES-256-GCM(key, nonce_i, plaintext_i, aad_i) = ciphertext_i || 16-byte tag

Every chunk except the last holds exactly ``chunk_size`` plaintext bytes; the last holds
0 .. ``chunk_size`` bytes (an empty file is one empty final chunk, i.e. only a 16-byte tag).
``nonce_i`` = ``nonce_prefix[0:4] || (nonce_prefix[4:12] XOR i)``; ``aad_i`` = ``header ||
i (8 bytes) || last (1 byte)``. Binding the header authenticates the version, chunk size and
nonce prefix; the index detects reordering and dropped chunks; the last flag detects truncation
at a chunk boundary and anything appended. A reader raises :class:`StreamDamaged` at the first
chunk that fails, before yielding its plaintext. Memory use is a few chunks whatever the size.
"""

from __future__ import annotations

import struct
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

MAGIC = b"CLV1"
STREAM_VERSION = 1
CHUNK_SIZE = 1024 * 1024
MAX_CHUNK_SIZE = CHUNK_SIZE
HEADER_STRUCT = struct.Struct(">4sBI12s")
HEADER_SIZE = HEADER_STRUCT.size  # 21
_CHUNK_AAD_SUFFIX = struct.Struct(">QB")
# Every this many bytes the writer's ``writeback`` is called (to start the kernel writing).
WRITEBACK_BYTES = 16 * CHUNK_SIZE


def new_header(nonce_prefix: bytes) -> bytes:
    """The header a writer puts first: this version, ``CHUNK_SIZE`` and the file's nonce prefix."""
    return HEADER_STRUCT.pack(MAGIC, STREAM_VERSION, CHUNK_SIZE, nonce_prefix)


class StreamDamaged(Exception):
    """A stream failed verification: tampered, truncated, reordered, or a wrong key or digest."""


class Readable(Protocol):
    """Anything with ``read(size) -> bytes``: an open file, a ZIP member, a wrapper."""

    def read(self, size: int = -1, /) -> bytes: ...


def chunk_nonce(prefix: bytes, index: int) -> bytes:
    """``nonce_i``: the prefix's first 4 bytes, then its last 8 XOR the chunk index."""
    counter = int.from_bytes(prefix[4:], "big") ^ index
    return prefix[:4] + counter.to_bytes(8, "big")


def chunk_aad(header: bytes, index: int, last: bool) -> bytes:
    """``aad_i``: the header, the chunk index and the last flag."""
    return header + _CHUNK_AAD_SUFFIX.pack(index, 1 if last else 0)


def read_exact(source: Readable, size: int) -> bytes:
    """Read up to ``size`` bytes; fewer only at end of stream (handles short reads)."""
    first = source.read(size)
    if len(first) == size or not first:
        return bytes(first)
    buffer = bytearray(first)
    while len(buffer) < size:
        more = source.read(size - len(buffer))
        if not more:
            break
        buffer += more
    return bytes(buffer)


@dataclass
class HashingBeside:
    """Feeds a hash on a second thread (started at the first chunk of a multi-chunk file)."""

    hasher: Any
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)
    _pending: Future[None] | None = field(default=None, init=False)

    def __enter__(self) -> HashingBeside:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)

    def update(self, data: bytes, *, beside: bool) -> None:
        if not beside:
            self.hasher.update(data)
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clinic-vault-hash")
        self._pending = self._pool.submit(self.hasher.update, data)

    def wait(self) -> None:
        if self._pending is not None:
            self._pending.result()
            self._pending = None


def read_header(handle: Readable) -> tuple[bytes, int, bytes]:
    """The raw header, its chunk size and nonce prefix, after basic checks."""
    header = read_exact(handle, HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        raise StreamDamaged("vault file is truncated")
    magic, version, chunk_size, prefix = HEADER_STRUCT.unpack(header)
    if magic != MAGIC:
        raise StreamDamaged("not a vault file")
    if version != STREAM_VERSION:
        raise StreamDamaged("unsupported vault file version")
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise StreamDamaged("vault file has an invalid chunk size")
    return header, int(chunk_size), bytes(prefix)
