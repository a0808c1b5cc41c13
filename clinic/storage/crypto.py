"""Every use of the ``cryptography`` library: the app's one crypto module (issue 19 § 4).

What is here, and nothing else in the app calls a cipher or a key derivation itself:

* AES-256-GCM seal/open of a small message (:func:`seal`, :func:`open_sealed`).
* Passphrase sealing: scrypt(passphrase) as the AES-256-GCM key, with the scrypt cost taken
  from untrusted headers only within bounds (:class:`PassphraseParams`,
  :func:`seal_with_passphrase`, :func:`open_with_passphrase`). Key files and case bundles use it;
  the bounds and the header's base64 and JSON are ``clinic.storage.untrusted_header``'s.
* HKDF-SHA256 sub-keys of the database key (:func:`hkdf_sha256`).
* The chunked AES-256-GCM stream format of the evidence vault, which backups and case bundles
  carry as is (:func:`encrypt_stream`, :func:`decrypt_stream`); the format, described there,
  and its framing (header, nonces, AAD, reading) are ``clinic.storage.stream_format``'s.
* The office server's private CA and TLS server certificate (:func:`issue_server_tls`); the
  files and the advice around them are ``clinic.storage.postgres_tls``'s.

The on-disk formats built on these (key.json, bundle.json, vault blobs) are described where they
are written; tests/storage/test_crypto.py checks the primitives against published vectors.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import secrets
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from clinic.storage import stream_format
from clinic.storage.stream_format import (
    CHUNK_SIZE,
    WRITEBACK_BYTES,
    Readable,
    StreamDamaged,
    read_exact,
)
from clinic.storage.untrusted_header import SALT_BYTES, SCRYPT_MAXMEM, b64, check_scrypt_cost, unb64

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

NEW_SALT_BYTES = 16


def derive_kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt(passphrase) (RFC 7914), 32 bytes, with a cost checked by :func:`check_scrypt_cost`."""
    check_scrypt_cost(n, r, p)
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=32
    )


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


def encrypt_stream(
    source: Readable,
    out: BinaryIO,
    key: bytes,
    *,
    writeback: Callable[[], None] | None = None,
) -> tuple[int, str]:
    """Write ``source`` encrypted to ``out`` in the stream format; ``(size, sha256 hex)`` of the
    plaintext. A big file is hashed on a second thread while each chunk is encrypted."""
    header = stream_format.new_header(secrets.token_bytes(NONCE_BYTES))
    prefix = header[-NONCE_BYTES:]
    aead = AESGCM(key)
    hasher = hashlib.sha256()
    size = 0
    out.write(header)
    index = 0
    every = WRITEBACK_BYTES // CHUNK_SIZE
    current = read_exact(source, CHUNK_SIZE)
    with stream_format.HashingBeside(hasher) as hashing:
        while True:
            if len(current) < CHUNK_SIZE:
                following = b""
                last = True
            else:
                following = read_exact(source, CHUNK_SIZE)
                last = not following
            hashing.update(current, beside=index > 0 or not last)
            size += len(current)
            out.write(
                aead.encrypt(
                    stream_format.chunk_nonce(prefix, index),
                    current,
                    stream_format.chunk_aad(header, index, last),
                )
            )
            hashing.wait()
            if writeback is not None and index % every == every - 1:
                writeback()
            if last:
                return size, hasher.hexdigest()
            current = following
            index += 1


def decrypt_stream(
    handle: Readable, key: bytes, expected_sha256: str | None
) -> Generator[bytes, None, None]:
    """Yield the verified plaintext chunks of a stream; :class:`StreamDamaged` at the first
    chunk that fails and, after the last, if ``expected_sha256`` is given and differs."""
    aead = AESGCM(key)
    hasher = hashlib.sha256()
    header, chunk_size, prefix = stream_format.read_header(handle)
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
            plaintext = aead.decrypt(
                stream_format.chunk_nonce(prefix, index),
                current,
                stream_format.chunk_aad(header, index, last),
            )
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
    ca = _ca_certificate(ca_key, ca_subject, ca_ski, start, ca_not_after)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server_not_after = min(start + dt.timedelta(days=server_days), ca_not_after)
    server = (
        _server_builder(dns_names, ip_addresses, server_key)
        .issuer_name(ca_subject)
        .not_valid_before(start)
        .not_valid_after(server_not_after)
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


def _ca_certificate(
    key: ec.EllipticCurvePrivateKey,
    subject: x509.Name,
    ski: x509.SubjectKeyIdentifier,
    start: dt.datetime,
    not_after: dt.datetime,
) -> x509.Certificate:
    """The self-signed CA: CA:TRUE with pathlen 0, keyCertSign and cRLSign."""
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signing=True, ca=True), critical=True)
        .add_extension(ski, critical=False)
        .sign(key, hashes.SHA256())
    )


def _server_builder(
    dns_names: list[str],
    ip_addresses: list[ipaddress.IPv4Address | ipaddress.IPv6Address],
    key: ec.EllipticCurvePrivateKey,
) -> x509.CertificateBuilder:
    """The server certificate's subject (its first name or address), key and extensions: not a
    CA, serverAuth only, every name and address as a subject alternative name."""
    first = dns_names[0] if dns_names else str(ip_addresses[0])
    names: list[x509.GeneralName] = [x509.DNSName(name) for name in dns_names]
    names += [x509.IPAddress(address) for address in ip_addresses]
    return (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, first)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signing=True, ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
