"""Known answers for the one crypto module (issue 19 § 4), as KeePassXC keeps for its primitives.

Published vectors pin the primitives (AES-256-GCM from the GCM specification's test cases,
HKDF-SHA256 from RFC 5869, scrypt from RFC 7914); files written by the code before the module
existed pin the formats built on them (a key file, a case bundle's sealed document, a vault blob),
so a change that would leave existing stores, backups or bundles unreadable fails here.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable

import pytest

from clinic.storage import crypto, keys, stream_format, untrusted_header
from clinic.storage.errors import WrongPassphrase

# --------------------------------------------------------------------------- AES-256-GCM
# McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 13, 14 and 16
# (the AES-256 ones; also in NIST's gcmEncryptExtIV256 set).
GCM_CASES = [
    (  # 13: zero key, no plaintext, no AAD
        "00" * 32,
        "00" * 12,
        "",
        "",
        "530f8afbc74536b9a963b4f1c4cb738b",
    ),
    (  # 14: zero key, one zero block
        "00" * 32,
        "00" * 12,
        "00" * 16,
        "",
        "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919",
    ),
    (  # 16: with associated data
        "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
        "cafebabefacedbaddecaf888",
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
        "feedfacedeadbeeffeedfacedeadbeefabaddad2",
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
        "76fc6ece0f4e1768cddf8853bb2d551b",
    ),
]


@pytest.mark.parametrize(("key", "nonce", "plain", "aad", "sealed"), GCM_CASES)
def test_aes_gcm_known_answers(key: str, nonce: str, plain: str, aad: str, sealed: str) -> None:
    k, n, a = bytes.fromhex(key), bytes.fromhex(nonce), bytes.fromhex(aad) or None
    assert crypto.seal(k, n, bytes.fromhex(plain), a).hex() == sealed
    assert crypto.open_sealed(k, n, bytes.fromhex(sealed), a).hex() == plain


def test_aes_gcm_refuses_a_changed_byte_key_or_aad() -> None:
    key, nonce = bytes.fromhex(GCM_CASES[2][0]), bytes.fromhex(GCM_CASES[2][1])
    sealed, aad = bytes.fromhex(GCM_CASES[2][4]), bytes.fromhex(GCM_CASES[2][3])
    flipped = bytes([sealed[0] ^ 1]) + sealed[1:]
    with pytest.raises(crypto.AuthenticationFailed):
        crypto.open_sealed(key, nonce, flipped, aad)
    with pytest.raises(crypto.AuthenticationFailed):
        crypto.open_sealed(bytes(32), nonce, sealed, aad)
    with pytest.raises(crypto.AuthenticationFailed):
        crypto.open_sealed(key, nonce, sealed, aad + b"x")


# --------------------------------------------------------------------------------- HKDF
IKM = bytes.fromhex("0b" * 22)


def test_hkdf_rfc5869_case_1() -> None:
    okm = crypto.hkdf_sha256(
        IKM,
        bytes.fromhex("f0f1f2f3f4f5f6f7f8f9"),
        salt=bytes.fromhex("000102030405060708090a0b0c"),
        length=42,
    )
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
    )


def test_hkdf_rfc5869_case_3_no_salt_no_info() -> None:
    """No salt, as the database key's sub-keys are derived (backup manifest MAC)."""
    assert crypto.hkdf_sha256(IKM, b"", length=42).hex() == (
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
    )


# ------------------------------------------------------------------------------- scrypt
# RFC 7914 § 12, the first 32 bytes (what the app derives) of vectors 2 and 3.
@pytest.mark.parametrize(
    ("passphrase", "salt", "n", "r", "p", "prefix"),
    [
        ("password", b"NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"),
        ("pleaseletmein", b"SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"),
    ],
)  # fmt: skip
def test_scrypt_rfc7914(passphrase: str, salt: bytes, n: int, r: int, p: int, prefix: str) -> None:
    assert crypto.derive_kek(passphrase, salt, n, r, p).hex() == prefix


@pytest.mark.parametrize(
    ("n", "r", "p"),
    [(2**21, 8, 1), (2**10 + 1, 8, 1), (2**9, 8, 1), (2**17, 64, 1), (2**17, 8, 32),
     (2**20, 8, 2), (True, 8, 1), (2**17.0, 8, 1)],
)  # fmt: skip
def test_scrypt_cost_outside_the_bounds_is_refused_before_any_work(
    n: object, r: int, p: int
) -> None:
    with pytest.raises(ValueError, match="scrypt"):
        untrusted_header.check_scrypt_cost(n, r, p)
    with pytest.raises(ValueError, match="scrypt"):
        crypto.derive_kek("x", b"s" * 16, n, r, p)  # type: ignore[arg-type]


# ------------------------------------------------------------- formats written before § 4
OLD_KEY_FILE = b"""{
  "format": 1,
  "kdf": {"name": "scrypt", "n": 1024, "r": 8, "p": 1, "salt": "/xpDFodsGQeC563ZR5P+cQ=="},
  "cipher": {
    "name": "AES-256-GCM",
    "nonce": "1vqW7EFM+8tLNOzr",
    "sealed_key": "nKwHNYQU41ieFVB5UQYd5cw1nE1Qm+GkE8+bhZnj2Kcmj9up8vgHyXXN9U8y4kdN"
  },
  "store_id": "store-0001"
}"""


def test_a_key_file_written_before_the_crypto_module_still_opens() -> None:
    key = keys.unwrap_key(OLD_KEY_FILE, "correct horse battery", "store-0001")
    assert key == bytearray(range(32))
    with pytest.raises(WrongPassphrase):
        keys.unwrap_key(OLD_KEY_FILE, "wrong horse battery", "store-0001")
    with pytest.raises(WrongPassphrase):  # the store id is bound as associated data
        keys.unwrap_key(OLD_KEY_FILE, "correct horse battery", "store-0002")


def test_a_new_key_file_has_the_same_shape(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    raw = keys.wrap_key(bytearray(range(32)), "correct horse battery", "store-0001")
    new, old = json.loads(raw), json.loads(OLD_KEY_FILE)
    assert new.keys() == old.keys() and new["kdf"].keys() == old["kdf"].keys()
    assert new["cipher"].keys() == old["cipher"].keys()
    assert keys.unwrap_key(raw, "correct horse battery", "store-0001") == bytearray(range(32))


OLD_BUNDLE_HEADER = (
    b'{\n "kind": "clinic-case-bundle",\n "version": 1,\n "kdf": {\n  "name": "scrypt",\n'
    b'  "n": 1024,\n  "r": 8,\n  "p": 1,\n  "salt": "qbDy/jzNcPJGE0oODWiUHg=="\n },\n'
    b' "cipher": {\n  "name": "AES-256-GCM",\n  "nonce": "LIv2mPdWBZ644Ksi"\n },\n "files": 0\n}'
)
OLD_BUNDLE_DOCUMENT = bytes.fromhex(
    "799398e886018c0c743afd6f63a1b9b790123a93f4360a37edd56fa9b3f3962f"
    "4fa975d698cbac8859a8aa1350549cb7"
)


def test_a_case_bundle_document_sealed_before_the_crypto_module_still_opens() -> None:
    info = untrusted_header.untrusted_json(OLD_BUNDLE_HEADER)
    params = crypto.PassphraseParams.from_header(info["kdf"], info["cipher"])
    body = crypto.open_with_passphrase(
        params, "a bundle passphrase", OLD_BUNDLE_DOCUMENT, OLD_BUNDLE_HEADER
    )
    assert body == b'{"format": "clinic-case-export"}'
    with pytest.raises(crypto.AuthenticationFailed):  # the header is the associated data
        crypto.open_with_passphrase(
            params, "a bundle passphrase", OLD_BUNDLE_DOCUMENT, OLD_BUNDLE_HEADER + b" "
        )


@pytest.mark.parametrize(
    ("kdf", "cipher", "reason"),
    [
        ({"name": "pbkdf2"}, {}, "unknown key derivation"),
        ({"name": "scrypt", "n": 1024, "r": 8, "p": 1, "salt": "AAAA"}, {}, "salt of 3 bytes"),
        ({"name": "scrypt", "n": 1024, "r": 8, "p": 1, "salt": "A" * 24}, {"name": "AES-128-GCM"}, "unknown cipher"),
        ({"name": "scrypt", "n": 1024, "r": 8, "p": 1, "salt": "A" * 24}, {"name": "AES-256-GCM", "nonce": "AAAA"}, "nonce of 3 bytes"),
        ({"name": "scrypt", "n": 1024, "r": 8, "p": 1, "salt": "not base64!"}, {}, "[Ii]ncorrect padding|[Nn]on-base64|[Oo]nly base64"),
    ],
)  # fmt: skip
def test_hostile_headers_are_refused(kdf: object, cipher: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        crypto.PassphraseParams.from_header(kdf, cipher)


# ------------------------------------------------------------------------ stream format
# A vault blob of b"Clinic vault known answer" written by the vault before § 4.
OLD_BLOB_KEY = bytes.fromhex("e7dd7534d3c80ddccc00e544a49192f46e66e190f9d969ac185d9b4afeaf16d9")
OLD_BLOB_SHA256 = "9887739d63929ec040fb80f9f780ecf46594695c55760d8da0bf2c2929554927"
OLD_BLOB = bytes.fromhex(
    "434c563101001000009fc91c17042a20922b89467cf561f2f0873e298be2ad30a2314c4b355166360b20"
    "380e2619f2415adeef377f658dba96807f4a8ccb"
)


def test_a_vault_blob_written_before_the_crypto_module_still_decrypts() -> None:
    chunks = crypto.decrypt_stream(io.BytesIO(OLD_BLOB), OLD_BLOB_KEY, OLD_BLOB_SHA256)
    assert b"".join(chunks) == b"Clinic vault known answer"


def test_the_stream_is_the_documented_format() -> None:
    """Rebuild a two-chunk stream from the format's description with the AES-GCM primitive."""
    key = bytes(range(32))
    plain = bytes(range(256)) * (stream_format.CHUNK_SIZE // 256) + b"tail"
    out = io.BytesIO()
    size, digest = crypto.encrypt_stream(io.BytesIO(plain), out, key)
    written = out.getvalue()
    header = written[: stream_format.HEADER_SIZE]
    assert header[:9] == b"CLV1\x01" + stream_format.CHUNK_SIZE.to_bytes(4, "big")
    prefix = header[9:]
    expected = header
    for index, part in enumerate(
        [plain[: stream_format.CHUNK_SIZE], plain[stream_format.CHUNK_SIZE :]]
    ):
        counter = int.from_bytes(prefix[4:], "big") ^ index
        nonce = prefix[:4] + counter.to_bytes(8, "big")
        aad = header + index.to_bytes(8, "big") + bytes([index == 1])
        expected += crypto.seal(key, nonce, part, aad)
    assert written == expected
    assert size == len(plain)
    assert digest == hashlib.sha256(plain).hexdigest()


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:-1],  # cut short
        lambda b: b + b"x",  # appended
        lambda b: b[:30] + bytes([b[30] ^ 1]) + b[31:],  # a ciphertext byte
        lambda b: b"CLV2" + b[4:],  # magic
        lambda b: b[:4] + b"\x02" + b[5:],  # version
    ],
)
def test_a_damaged_stream_raises_before_yielding(damage: Callable[[bytes], bytes]) -> None:
    damaged = damage(OLD_BLOB)
    with pytest.raises(stream_format.StreamDamaged):
        list(crypto.decrypt_stream(io.BytesIO(damaged), OLD_BLOB_KEY, None))


def test_a_wrong_digest_is_refused_after_the_last_chunk() -> None:
    with pytest.raises(stream_format.StreamDamaged, match="checksum"):
        list(crypto.decrypt_stream(io.BytesIO(OLD_BLOB), OLD_BLOB_KEY, "0" * 64))
