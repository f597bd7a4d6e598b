"""The journal's records and the guards every value passes before it is written.

Kept free of sqlite so the UI, the services and the tests can share these shapes without
opening a database.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from ..domain.money import Money
from ..domain.reasons import Finding
from ..domain.secrets import looks_like_secret, redact_keys


class OperationKind(enum.StrEnum):
    REFUND_ONLINE = "refund_online"
    REFUND_ON_READER = "refund_on_reader"
    CANCEL = "cancel"
    CAPTURE = "capture"
    SETTINGS = "settings"  # a manager changed a guarded setting: one closed entry, no money

    @property
    def moves_money(self) -> bool:
        return self is not OperationKind.SETTINGS


class OperationState(enum.StrEnum):
    """Where an operation stands; `unknown` means sent, outcome not known yet."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        """Open operations must be resolved before anything else happens to their payment."""
        return self in (OperationState.PENDING, OperationState.UNKNOWN)


class JournalError(Exception):
    """The journal cannot be used as asked (a programming error, not a cashier's)."""


class UnknownOperation(JournalError, LookupError):
    """No operation with that id was ever begun in this journal."""


class InvalidTransition(JournalError, ValueError):
    """Closed operations stay closed: reopening one could let money move twice."""


@dataclass(frozen=True)
class Operation:
    """One money operation as it stands now (its newest entry, plus when it began)."""

    op_id: str
    kind: OperationKind
    payment_id: str
    amount: Money | None
    staff: str
    approver: str | None
    till: str
    reader_id: str | None
    idempotency_key: str
    state: OperationState
    stripe_ids: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    updated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    # The hash of the operation's first (pending) entry. It goes to Stripe in the metadata the
    # operation is sent with, so Stripe holds a seal of the chain up to that entry that an
    # editor of the file cannot follow: `JournalAudit` compares the two.
    anchor: str = ""

    @property
    def is_open(self) -> bool:
        return self.state.is_open


@dataclass(frozen=True)
class Entry:
    """One row of the journal exactly as written; what the viewer and the export show."""

    seq: int
    op_id: str
    kind: OperationKind
    payment_id: str
    amount: Money | None
    staff: str
    approver: str | None
    till: str
    reader_id: str | None
    idempotency_key: str
    state: OperationState
    stripe_ids: dict[str, str]
    error: str | None
    details: dict[str, Any]
    at: datetime
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyReport:
    """The result of checking the chain; `problems` are findings (ChainReason codes) that the
    UI words for a manager.

    `head_hash` is the hash of the newest entry: printed on the end-of-day report it anchors
    the chain outside this file, so even a careful rewrite of the whole file shows.
    """

    ok: bool
    checked: int
    problems: list[Finding]
    head_hash: str | None = None


def redact_secrets(text: str) -> str:
    """For error texts: losing an outcome would be worse than rejecting it, so mask instead."""
    return redact_keys(text)


def reject_secrets(value: Any, what: str) -> None:
    """Raise ValueError if any key or value, however nested, looks like a Stripe secret key."""
    if isinstance(value, str):
        if looks_like_secret(value):
            raise ValueError(f"{what} contains what looks like a Stripe secret key")
    elif isinstance(value, Mapping):
        for k, v in value.items():
            reject_secrets(k, what)
            reject_secrets(v, what)
    elif isinstance(value, list | tuple):
        for v in value:
            reject_secrets(v, what)


def canonical_json(value: Any) -> str:
    """One spelling per value, so the same entry always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def clean_mapping(value: Mapping[str, Any] | None, what: str) -> dict[str, Any]:
    """A plain JSON-able dict copy, checked for secrets; refused before anything is written."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping")
    if not all(isinstance(k, str) for k in value):
        raise ValueError(f"{what} keys must be strings")
    reject_secrets(value, what)
    try:
        return json.loads(canonical_json(dict(value)))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} must hold only JSON values: {exc}") from None


def clean_stripe_ids(value: Mapping[str, str | None] | None) -> dict[str, str]:
    """Ids Stripe did not send (None) are left out rather than refused: an outcome with a
    missing request id must still be recorded."""
    if value is not None:
        value = {k: v for k, v in value.items() if v is not None}
    ids = clean_mapping(value, "stripe_ids")
    for k, v in ids.items():
        if not isinstance(v, str) or not v:
            raise ValueError(f"stripe_ids[{k!r}] must be a non-empty string")
    return ids


def utc_text(moment: datetime) -> str:
    """Fixed-width UTC text, so that text order is time order in SQL."""
    if moment.tzinfo is None:
        raise ValueError("use an aware datetime; naive times are ambiguous across time zones")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text)
