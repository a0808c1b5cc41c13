"""The case bundle's container: a ``.cliniccase`` file as bytes, without what is inside it.

A bundle is a ZIP archive with members STORED (ciphertext does not compress):

    bundle.json          not secret: format, version, the scrypt parameters and salt, the
                         AES-GCM nonce, and how many evidence files follow
    export.json.enc      the case export document (JSON, see docs/export-format.md) encrypted
                         with AES-256-GCM under scrypt(passphrase); bundle.json is the
                         associated data, so changing either is detected
    files/NNNNNN.blob    with --with-files only: each evidence file exactly as the vault stores
                         it (chunked AES-256-GCM under the file's own key); the keys and
                         SHA-256 digests are inside the encrypted document

A plain JSON export (only when the user insists) is the document alone, with no files. The
sealing itself is :mod:`clinic.storage.crypto`'s; what the document holds is
:mod:`clinic.services.exports.case_document`'s; exporting and importing cases are
:mod:`clinic.services.exports.case_bundle` and :mod:`clinic.services.exports.bundle_import`.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from clinic.domain.i18n import N_
from clinic.services.exports.case_document import FORMAT, VERSION
from clinic.storage import crypto, keys, untrusted_header
from clinic.storage.errors import StoreError

# The container's own version (bundle.json): the members and their encryption. The document
# inside has its own (``VERSION``); a newer document in an unchanged container is refused with
# "made by a newer version", after the passphrase, not as a damaged header.
BUNDLE_VERSION = 1

SUFFIX = ".cliniccase"
HEADER, DOCUMENT, FILES = "bundle.json", "export.json.enc", "files/"
BUNDLE_KIND = "clinic-case-bundle"
MAX_DOCUMENT = 512 * 1024 * 1024
MIN_PASSPHRASE_LENGTH = keys.MIN_PASSPHRASE_LENGTH
_BUFFER = 1024 * 1024


class BundleError(StoreError):
    exit_code = 1


class DamagedBundle(BundleError):
    exit_code = 4

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(  # a marked detail is worded too (StoreError.message_in)
            N_(
                "{name} is not a complete Clinic case export ({detail}), so nothing was "
                "imported. Copy it again from the computer it was made on."
            ),
            name=name,
            detail=detail,
        )


class WrongBundlePassphrase(BundleError):
    exit_code = 3

    def __init__(self) -> None:
        super().__init__(
            N_(
                "That passphrase does not open this case export (or the file was changed). "
                "Check the passphrase with whoever made the file; nothing was imported."
            )
        )


def seal(document: bytes, passphrase: str, files: int) -> tuple[bytes, bytes]:
    """``(header, sealed document)``: the document encrypted under the passphrase, the header
    (its associated data) saying how."""
    params = keys.new_passphrase_params()
    header = json.dumps(
        {
            "kind": BUNDLE_KIND,
            "version": BUNDLE_VERSION,
            "kdf": params.kdf_header(),
            "cipher": params.cipher_header(),
            "files": files,
        },
        indent=1,
    ).encode()
    return header, crypto.seal_with_passphrase(params, passphrase, document, header)


def write_bundle(
    handle: BinaryIO, *, header: bytes, sealed: bytes, members: Sequence[tuple[str, Path]]
) -> None:
    """The ZIP container: header, sealed document, and each ``(member name, vault blob path)``
    copied as it is (the blobs are already encrypted under their own keys)."""
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(HEADER, header)
        archive.writestr(DOCUMENT, sealed)
        for member, path in members:
            with (
                path.open("rb") as source,
                archive.open(member, "w", force_zip64=True) as target,
            ):
                while chunk := source.read(_BUFFER):
                    target.write(chunk)


def needs_passphrase(source: Path) -> bool:
    """True for an encrypted bundle, False for a plain JSON export (raises for anything else)."""
    head = _head(source)
    if head.startswith(b"PK"):
        return True
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    raise DamagedBundle(source.name, N_("it is neither a case bundle nor a case export JSON file"))


def _head(source: Path) -> bytes:
    try:
        with source.open("rb") as handle:
            return handle.read(64)
    except FileNotFoundError:
        raise BundleError(N_("There is no file {path}."), path=source) from None


def open_document(source: Path, passphrase: str | None) -> dict[str, Any]:
    if not needs_passphrase(source):
        return parse_document(source.name, source.read_bytes())
    if passphrase is None:
        raise WrongBundlePassphrase()
    try:
        with zipfile.ZipFile(source) as archive:
            header = _small(archive, HEADER)
            sealed = _small(archive, DOCUMENT)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, OSError) as exc:
        raise DamagedBundle(
            source.name, f"it is cut short or changed: {type(exc).__name__}"
        ) from None
    try:  # the header is untrusted: its scrypt cost and sizes are checked before any work
        info: Any = untrusted_header.untrusted_json(header)
        if not isinstance(info, dict) or info.get("kind") != BUNDLE_KIND:
            raise ValueError("not a case bundle header")
        version = info.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError("no format version")
        if version > BUNDLE_VERSION:
            raise ValueError("made by a newer Clinic")
        params = crypto.PassphraseParams.from_header(info.get("kdf"), info.get("cipher"))
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedBundle(source.name, f"its header is unreadable: {exc}") from None
    try:
        body = crypto.open_with_passphrase(params, passphrase, sealed, header)
    except crypto.AuthenticationFailed:
        raise WrongBundlePassphrase() from None
    return parse_document(source.name, body)


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    limit = untrusted_header.MAX_HEADER_BYTES if name == HEADER else MAX_DOCUMENT
    if archive.getinfo(name).file_size > limit:
        raise ValueError(f"{name} is too large")
    return archive.read(name)


def parse_document(name: str, body: bytes) -> dict[str, Any]:
    try:
        document: Any = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise DamagedBundle(name, N_("its JSON is cut short or not UTF-8")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DamagedBundle(name, N_("it is not a Clinic case export"))
    version = document.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BundleError(
            N_(
                "{name} was made by a newer version of Clinic (format version {version}); "
                "install that version to import it. Nothing was imported."
            ),
            name=name,
            version=version,
        )
    if not isinstance(document.get("clients"), list):
        raise DamagedBundle(name, N_("it lists no clients"))
    return document


class ChunkReader:
    """``read(size)`` over the verified plaintext chunks of a bundled file."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            size = len(self._buffer)
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out
