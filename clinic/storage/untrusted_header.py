"""Reading the header of a key file or case bundle (key.json, bundle.json), which is untrusted
input: its size and nesting, its base64 fields and its scrypt cost are taken only within bounds
(issue 16 § 5). No cipher and no key derivation here: those are ``clinic.storage.crypto``'s,
which checks every scrypt cost with :func:`check_scrypt_cost` before deriving a key.
"""

from __future__ import annotations

import base64
import json
from typing import Any

# The scrypt cost a header may ask for, and the size of a header. Memory is 128·n·r bytes, time
# grows with n·r·p; the limits allow four times today's cost (n=2**17, r=8, p=1), so a future
# increase still opens here, and refuse anything that would take minutes or more memory than
# ``SCRYPT_MAXMEM``.
SCRYPT_MAXMEM = 256 * 1024 * 1024
MIN_SCRYPT_N, MAX_SCRYPT_N = 2**10, 2**20
MAX_SCRYPT_R, MAX_SCRYPT_P = 32, 16
MAX_SCRYPT_WORK = 4 * 2**17 * 8  # n·r·p
SALT_BYTES = (16, 64)
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
