"""PIN hashes: salted and slow (scrypt), compared in constant time.

A 4-digit PIN has only 10,000 values, so the hash cannot keep a stolen database safe on its
own; what it does is make each guess cost time and memory, and the salt makes every stored
hash different even for the same PIN. The lockout policy does the rest at the till.

Slow on purpose (tens of milliseconds): call these on a worker thread, never the UI's.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
_MAXMEM = 64 * 1024 * 1024  # scrypt needs 128 * r * n = 16 MiB here


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=_MAXMEM, dklen=KEY_BYTES)


def hash_pin(pin: str) -> str:
    """'scrypt$n$r$p$salt$hash' with a fresh random salt (the parameters travel with it)."""
    salt = os.urandom(SALT_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(_derive(pin, salt, N, R, P))}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches; an unreadable stored hash never matches."""
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        if scheme != SCHEME:
            return False
        n_, r_, p_ = int(n), int(r), int(p)
        if not (2 <= n_ <= 2**20 and 1 <= r_ <= 32 and 1 <= p_ <= 16):
            return False
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
    except ValueError:
        return False
    actual = _derive(pin, salt_bytes, n_, r_, p_)
    return hmac.compare_digest(actual, expected_bytes)
