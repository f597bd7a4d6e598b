"""The one redaction rule: what a Stripe secret looks like, and what a PIN looks like in text.

Plain Python, so the journal (which refuses or masks keys) and the log (which masks keys and
PINs) share the same rule.
"""

from __future__ import annotations

import re

# Stripe secret and restricted keys. Publishable keys (pk_) are not secrets.
SECRET_KEY = re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z*]*")
# A PIN written next to its name: pin=1234, "pin": "1234", new_pin: 1234, again='1234'.
PIN = re.compile(r"""(?ix)
    (\b(?:[a-z_]*pin|again)\b['"]?\s*[=:]\s*['"]?)   # the name and its separator
    \d{3,}                                           # the digits
""")

KEY_MASK = "[redacted key]"
PIN_MASK = "[redacted PIN]"


def looks_like_secret(text: str) -> bool:
    return SECRET_KEY.search(text) is not None


def redact_keys(text: str) -> str:
    return SECRET_KEY.sub(KEY_MASK, text)


def redact(text: str) -> str:
    """Keys and PINs masked: for anything written where a person may read it later."""
    return PIN.sub(lambda m: m.group(1) + PIN_MASK, redact_keys(text))
