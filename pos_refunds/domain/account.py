"""The Stripe account a till works for: which kind of key it holds, its Connect account id,
its Terminal locations, and what checking a key found.

A key is described by its kind and last four characters only, so the description can be shown,
logged or kept in a record without ever carrying the key itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reasons import KeyReason

LIVE_PREFIXES = ("sk_live_", "rk_live_")
KEY_PREFIXES = ("rk_live_", "rk_test_", "sk_live_", "sk_test_")
_KEY_BODY = re.compile(r"[A-Za-z0-9_]{8,}")
_ACCOUNT = re.compile(r"acct_[A-Za-z0-9]{6,}")

def is_live_key(key: str) -> bool:
    return key.startswith(LIVE_PREFIXES)


def key_problem(key: str) -> KeyReason | None:
    """Why `key` cannot be a key the till can use; None when its shape is right."""
    if not key:
        return KeyReason.EMPTY
    if key.startswith("pk_"):
        return KeyReason.PUBLISHABLE
    prefix = next((p for p in KEY_PREFIXES if key.startswith(p)), None)
    if prefix is None:
        return KeyReason.WRONG_PREFIX
    if not _KEY_BODY.fullmatch(key[len(prefix):]):
        return KeyReason.NOT_WHOLE
    return None


def account_problem(account: str) -> KeyReason | None:
    """Why `account` is not a Connect account id; None when it is one (or left empty)."""
    if not account or _ACCOUNT.fullmatch(account):
        return None
    return KeyReason.BAD_ACCOUNT


@dataclass(frozen=True, slots=True)
class KeySummary:
    """Which kind of key is stored and its last four characters; never the key."""

    live: bool
    restricted: bool
    last4: str

    @classmethod
    def of(cls, key: str) -> KeySummary:
        return cls(live=is_live_key(key), restricted=key.startswith("rk_"), last4=key[-4:])

    @property
    def kind(self) -> str:
        """For logs; the UI words a summary in `ui.messages.key_summary_words`."""
        return (f"{'Restricted' if self.restricted else 'Secret'} "
                f"{'live' if self.live else 'test'} key")

    def __str__(self) -> str:  # a diagnostic form, for logs
        return f"{self.kind} ending in {self.last4}"


@dataclass(frozen=True, slots=True)
class Location:
    """A Stripe Terminal location (a shop); readers and in-person payments belong to one."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """What Stripe answered to a key: whose account, what it sees, what it may not do."""

    key: KeySummary
    account_id: str | None  # None: a restricted key without the account's read permission
    account_name: str | None
    locations: tuple[Location, ...]
    missing: tuple[str, ...] = ()  # permissions the till needs and the key lacks

    @property
    def ok(self) -> bool:
        return not self.missing
