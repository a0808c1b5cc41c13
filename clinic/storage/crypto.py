"""Every use of the ``cryptography`` library: the app's one crypto module (issue 19 § 4).

What is here, and nothing else in the app calls a cipher or a key derivation itself:

* AES-256-GCM seal/open of a small message (:func:`seal`, :func:`open_sealed`).
* Passphrase sealing: scrypt(passphrase) as the AES-256-GCM key, with the scrypt cost taken
  from untrusted headers only within bounds (:class:`PassphraseParams`,
  :func:`seal_with_passphrase`, :func:`open_with_passphrase`). Key files and case bundles use it.
* HKDF-SHA256 sub-keys of the database key (:func:`hkdf_sha256`).
* The chunked AES-256-GCM stream format of the evidence vault, which backups and case bundles
  carry as is (:func:`encrypt_stream`, :func:`decrypt_stream`).
* The office server's private CA and TLS server certificate (:func:`issue_server_tls`); the
  files and the advice around them are ``clinic.storage.postgres_tls``'s.

The on-disk formats built on these (key.json, bundle.json, vault blobs) are described where they
are written; tests/storage/test_crypto.py checks the primitives against published vectors.

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

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import secrets
import struct
from collections.abc import Callable, Generator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
CIPHER_NAME = "AES-256-GCM"


class AuthenticationFailed(Exception):
    """AES-GCM refused the data: a wrong key (or passphrase), or the data or its AAD changed."""


# --------------------------------------------------------------------------- AES-256-GCM


def new_key() -> bytes:
    """32 random bytes for AES-256-GCM."""
    return secrets.token_bytes(KEY_BYTES)


def seal(key: bytes, nonce: bytes, plaintext: bytes, aad: bytes | None) -> bytes:
    """AES-GCM ciphertext with its 16-byte tag appended. Never reuse a nonce under a key."""
    return AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, nonce: bytes, sealed: bytes, aad: bytes | None) -> bytes:
    """The plaintext of :func:`seal`; :class:`AuthenticationFailed` if anything differs."""
    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        raise AuthenticationFailed() from None


# --------------------------------------------------------------------------------- HKDF


def hkdf_sha256(key: bytes, info: bytes, *, salt: bytes | None = None, length: int = 32) -> bytes:
    """HKDF-SHA256 (RFC 5869) of ``key`` for the purpose ``info``."""
    return HKDF(hashes.SHA256(), length, salt=salt, info=info).derive(key)


# ---------------------------------------------------------------------- passphrase sealing

# A key file or case bundle header is untrusted input: its scrypt cost is taken only within
# these bounds (issue 16 § 5). Memory is 128·n·r bytes, time grows with n·r·p; the limits allow
# four times today's cost (n=2**17, r=8, p=1), so a future increase still opens here, and refuse
# anything that would take minutes or more memory than ``SCRYPT_MAXMEM``.
SCRYPT_MAXMEM = 256 * 1024 * 1024
MIN_SCRYPT_N, MAX_SCRYPT_N = 2**10, 2**20
MAX_SCRYPT_R, MAX_SCRYPT_P = 32, 16
MAX_SCRYPT_WORK = 4 * 2**17 * 8  # n·r·p
SALT_BYTES = (16, 64)
NEW_SALT_BYTES = 16
MAX_HEADER_BYTES = 64 * 1024


def check_scrypt_cost(n: object, r: object, p: object) -> tuple[int, int, int]:
    """``(n, r, p)`` when they are whole numbers within the bounds above; ValueError if not."""
    if (
        not isinstance(n, int)
        or not isinstance(r, int)
        or not isinstance(p, int)
        or any(isinstance(v, bool) for v in (n, r, p))
    ):
        raise ValueError("scrypt parameters must be whole numbers")
    if not MIN_SCRYPT_N <= n <= MAX_SCRYPT_N or n & (n - 1):
        raise ValueError(f"scrypt n={n} is not a power of two in the allowed range")
    if not 1 <= r <= MAX_SCRYPT_R or not 1 <= p <= MAX_SCRYPT_P:
        raise ValueError(f"scrypt r={r}, p={p} out of range")
    if n * r * p > MAX_SCRYPT_WORK or 128 * n * r > SCRYPT_MAXMEM // 2:
        raise ValueError(f"scrypt cost n={n}, r={r}, p={p} is too high")
    return n, r, p


def derive_kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt(passphrase) (RFC 7914), 32 bytes, with a cost checked by :func:`check_scrypt_cost`."""
    check_scrypt_cost(n, r, p)
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=32
    )


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    """Strict base64 of an untrusted value (ValueError if it is not base64 text)."""
    if not isinstance(text, str):
        raise ValueError("not text")
    return base64.b64decode(text, validate=True)


def untrusted_json(raw: bytes) -> Any:
    """A small header's JSON; ValueError for anything too long, too deep or not JSON."""
    if len(raw) > MAX_HEADER_BYTES:
        raise ValueError("header too long")
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("header nested too deeply") from None


@dataclass(frozen=True)
class PassphraseParams:
    """What a header records to open a passphrase-sealed message: scrypt cost, salt, nonce."""

    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes

    @classmethod
    def new(cls, n: int, r: int, p: int) -> PassphraseParams:
        """Fresh random salt and nonce for one sealing at the given cost."""
        n, r, p = check_scrypt_cost(n, r, p)
        return cls(n, r, p, secrets.token_bytes(NEW_SALT_BYTES), secrets.token_bytes(NONCE_BYTES))

    @classmethod
    def from_header(cls, kdf: Any, cipher: Any) -> PassphraseParams:
        """The checked parameters of untrusted ``kdf`` and ``cipher`` objects (ValueError if
        anything is missing, of the wrong kind, or outside the bounds)."""
        if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
            raise ValueError("unknown key derivation")
        n, r, p = check_scrypt_cost(kdf.get("n"), kdf.get("r"), kdf.get("p"))
        salt = unb64(kdf.get("salt"))
        if not SALT_BYTES[0] <= len(salt) <= SALT_BYTES[1]:
            raise ValueError(f"salt of {len(salt)} bytes")
        if not isinstance(cipher, dict) or cipher.get("name") != CIPHER_NAME:
            raise ValueError("unknown cipher")
        nonce = unb64(cipher.get("nonce"))
        if len(nonce) != NONCE_BYTES:
            raise ValueError(f"nonce of {len(nonce)} bytes")
        return cls(n, r, p, salt, nonce)

    def kdf_header(self) -> dict[str, Any]:
        return {"name": "scrypt", "n": self.n, "r": self.r, "p": self.p, "salt": b64(self.salt)}

    def cipher_header(self) -> dict[str, Any]:
        return {"name": CIPHER_NAME, "nonce": b64(self.nonce)}


def seal_with_passphrase(
    params: PassphraseParams, passphrase: str, plaintext: bytes, aad: bytes
) -> bytes:
    """AES-256-GCM under scrypt(passphrase): ciphertext and tag."""
    kek = derive_kek(passphrase, params.salt, params.n, params.r, params.p)
    return seal(kek, params.nonce, plaintext, aad)


def open_with_passphrase(
    params: PassphraseParams, passphrase: str, sealed: bytes, aad: bytes
) -> bytes:
    """The plaintext; :class:`AuthenticationFailed` for a wrong passphrase or altered data."""
    kek = derive_kek(passphrase, params.salt, params.n, params.r, params.p)
    return open_sealed(kek, params.nonce, sealed, aad)


# ------------------------------------------------------------------------ stream format

MAGIC = b"CLV1"
STREAM_VERSION = 1
CHUNK_SIZE = 1024 * 1024
MAX_CHUNK_SIZE = CHUNK_SIZE
_HEADER = struct.Struct(">4sBI12s")
HEADER_SIZE = _HEADER.size  # 21
_CHUNK_AAD_SUFFIX = struct.Struct(">QB")
# Every this many bytes the writer's ``writeback`` is called (to start the kernel writing).
WRITEBACK_BYTES = 16 * CHUNK_SIZE


class StreamDamaged(Exception):
    """A stream failed verification: tampered, truncated, reordered, or a wrong key or digest."""


class Readable(Protocol):
    """Anything with ``read(size) -> bytes``: an open file, a ZIP member, a wrapper."""

    def read(self, size: int = -1, /) -> bytes: ...


def _nonce(prefix: bytes, index: int) -> bytes:
    counter = int.from_bytes(prefix[4:], "big") ^ index
    return prefix[:4] + counter.to_bytes(8, "big")


def _aad(header: bytes, index: int, last: bool) -> bytes:
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


def encrypt_stream(
    source: Readable,
    out: BinaryIO,
    key: bytes,
    *,
    writeback: Callable[[], None] | None = None,
) -> tuple[int, str]:
    """Write ``source`` encrypted to ``out`` in the stream format; ``(size, sha256 hex)`` of the
    plaintext. A big file is hashed on a second thread while each chunk is encrypted."""
    header = _HEADER.pack(MAGIC, STREAM_VERSION, CHUNK_SIZE, secrets.token_bytes(NONCE_BYTES))
    prefix = header[-NONCE_BYTES:]
    aead = AESGCM(key)
    hasher = hashlib.sha256()
    size = 0
    out.write(header)
    index = 0
    every = WRITEBACK_BYTES // CHUNK_SIZE
    current = read_exact(source, CHUNK_SIZE)
    with _HashingBeside(hasher) as hashing:
        while True:
            if len(current) < CHUNK_SIZE:
                following = b""
                last = True
            else:
                following = read_exact(source, CHUNK_SIZE)
                last = not following
            hashing.update(current, beside=index > 0 or not last)
            size += len(current)
            out.write(aead.encrypt(_nonce(prefix, index), current, _aad(header, index, last)))
            hashing.wait()
            if writeback is not None and index % every == every - 1:
                writeback()
            if last:
                return size, hasher.hexdigest()
            current = following
            index += 1


@dataclass
class _HashingBeside:
    """Feeds a hash on a second thread (started at the first chunk of a multi-chunk file)."""

    hasher: Any
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)
    _pending: Future[None] | None = field(default=None, init=False)

    def __enter__(self) -> _HashingBeside:
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


def _read_header(handle: Readable) -> tuple[bytes, int, bytes]:
    """The raw header, its chunk size and nonce prefix, after basic checks."""
    header = read_exact(handle, HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        raise StreamDamaged("vault file is truncated")
    magic, version, chunk_size, prefix = _HEADER.unpack(header)
    if magic != MAGIC:
        raise StreamDamaged("not a vault file")
    if version != STREAM_VERSION:
        raise StreamDamaged("unsupported vault file version")
    if not 0 < chunk_size <= MAX_CHUNK_SIZE:
        raise StreamDamaged("vault file has an invalid chunk size")
    return header, int(chunk_size), bytes(prefix)


def decrypt_stream(
    handle: Readable, key: bytes, expected_sha256: str | None
) -> Generator[bytes, None, None]:
    """Yield the verified plaintext chunks of a stream; :class:`StreamDamaged` at the first
    chunk that fails and, after the last, if ``expected_sha256`` is given and differs."""
    aead = AESGCM(key)
    hasher = hashlib.sha256()
    header, chunk_size, prefix = _read_header(handle)
    block = chunk_size + TAG_BYTES
    index = 0
    current = read_exact(handle, block)
    if not current:
        raise StreamDamaged("vault file is truncated")
    while True:
        if len(current) < block:
            following = b""
            last = True
        else:
            following = read_exact(handle, block)
            last = not following
        if len(current) < TAG_BYTES:
            raise StreamDamaged(f"vault file is damaged at chunk {index}")
        try:
            plaintext = aead.decrypt(_nonce(prefix, index), current, _aad(header, index, last))
        except InvalidTag:
            raise StreamDamaged(
                f"vault file failed verification at chunk {index}"
                " (wrong key, or the file was modified)"
            ) from None
        hasher.update(plaintext)
        yield plaintext
        if last:
            break
        current = following
        index += 1
    if expected_sha256 is not None and hasher.hexdigest() != expected_sha256.lower():
        raise StreamDamaged("decrypted file does not match its recorded checksum")


# --------------------------------------------------------------------------- TLS certificates


@dataclass(frozen=True)
class ServerTls:
    """A private CA and a server certificate signed by it, as PEM (keys unencrypted PKCS#8)."""

    ca_certificate: bytes
    ca_key: bytes
    server_certificate: bytes
    server_key: bytes
    ca_not_after: dt.datetime
    server_not_after: dt.datetime


def _key_usage(*, signing: bool, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def issue_server_tls(
    *,
    ca_name: str,
    dns_names: list[str],
    ip_addresses: list[ipaddress.IPv4Address | ipaddress.IPv6Address],
    ca_days: int,
    server_days: int,
    now: dt.datetime | None = None,
) -> ServerTls:
    """ECDSA P-256 keys; the CA self-signed (CA:TRUE, pathlen 0, keyCertSign and cRLSign), the
    server certificate signed by it with every name and address as a subject alternative name
    and serverAuth as its only extended key usage. Both start 5 minutes back (clock skew)."""
    if not dns_names and not ip_addresses:
        raise ValueError("a server certificate needs at least one name or address")
    start = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(minutes=5)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, ca_name)])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_not_after = start + dt.timedelta(days=ca_days)
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_subject)
        .issuer_name(ca_subject)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(ca_not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signing=True, ca=True), critical=True)
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    server_key = ec.generate_private_key(ec.SECP256R1())
    first = dns_names[0] if dns_names else str(ip_addresses[0])
    names: list[x509.GeneralName] = [x509.DNSName(name) for name in dns_names]
    names += [x509.IPAddress(address) for address in ip_addresses]
    server_not_after = min(start + dt.timedelta(days=server_days), ca_not_after)
    server = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, first)]))
        .issuer_name(ca_subject)
        .public_key(server_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(server_not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True, ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(server_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return ServerTls(
        ca_certificate=ca.public_bytes(serialization.Encoding.PEM),
        ca_key=_pem_key(ca_key),
        server_certificate=server.public_bytes(serialization.Encoding.PEM),
        server_key=_pem_key(server_key),
        ca_not_after=ca_not_after,
        server_not_after=server_not_after,
    )
