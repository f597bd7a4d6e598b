"""Stripe exceptions translated into our error taxonomy, in one place.

Every error carries our reason code (the UI words it for the cashier), Stripe's own code and
Stripe's words (`said`, a parameter); Stripe's request id is kept for support. Whether a
failure leaves the outcome of a money operation unknown (the request may have been carried out)
is decided here too, so the services know when to resolve rather than re-decide.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from typing import Any

import stripe

from ..domain import errors as e
from ..domain.reasons import StripeReason as S

_READER_CODES: dict[str, tuple[type[e.PosError], S]] = {
    "terminal_reader_offline": (e.ReaderOffline, S.READER_OFFLINE),
    "terminal_reader_busy": (e.ReaderBusy, S.READER_BUSY),
    "terminal_reader_timeout": (e.ReaderTimeout, S.READER_TIMEOUT),
}

_STATE_CODES = {
    "payment_intent_unexpected_state",
    "charge_already_captured",
    "intent_invalid_state",
    "charge_expired_for_capture",
    "capture_charge_authorization_expired",
    "charge_disputed",
    "refund_disputed_payment",
    "charge_not_refundable",
}


def _request_id(exc: stripe.StripeError) -> str | None:
    rid = getattr(exc, "request_id", None)
    return rid if isinstance(rid, str) else None


def _stripe_message(exc: stripe.StripeError) -> str:
    msg = getattr(exc, "user_message", None) or ""
    if not msg and exc.error is not None:
        msg = exc.error.message or ""
    return msg


def translate(exc: stripe.StripeError) -> e.PosError:
    """Our error for a Stripe exception; never loses Stripe's request id or code."""
    rid = _request_id(exc)
    code = exc.code if isinstance(exc.code, str) else None
    if code is None and exc.error is not None and isinstance(exc.error.code, str):
        code = exc.error.code  # the SDK passes no code to 401/403 errors: read the body's
    said = _stripe_message(exc)
    kw: dict[str, Any] = {"request_id": rid, "stripe_code": code, "replayed": _replayed(exc)}

    if isinstance(exc, stripe.AuthenticationError):
        return e.AuthenticationFailed(S.KEY_REFUSED, **kw)
    if isinstance(exc, stripe.PermissionError):
        return e.PermissionMissing(S.PERMISSION, said=said, **kw)
    if isinstance(exc, stripe.RateLimitError):
        return e.RateLimited(S.RATE_LIMITED, **kw)
    if isinstance(exc, stripe.APIConnectionError):
        return e.NetworkDown(S.NETWORK_DOWN, **kw)
    if isinstance(exc, stripe.IdempotencyError):
        return e.IdempotencyConflict(S.IDEMPOTENCY_CONFLICT, **kw)
    if isinstance(exc, stripe.CardError):
        return e.CardDeclined(S.CARD_DECLINED, said=said, **kw)
    if isinstance(exc, stripe.InvalidRequestError):
        return _invalid_request(exc, said, code, rid)
    if isinstance(exc, stripe.APIError):
        status = exc.http_status or 0
        if status == 409:
            return e.OutcomeUnknown(S.IN_FLIGHT, **kw)
        if 200 <= status < 300:
            return e.MalformedResponse(S.UNREADABLE_ANSWER, **kw)
        return e.ServerError(S.SERVER_ERROR, **kw)
    return e.PosError(S.OTHER, said=said, **kw)


def _replayed(exc: stripe.StripeError) -> bool:
    headers = getattr(exc, "headers", None)
    try:
        return bool(headers) and str(headers.get("idempotent-replayed", "")).lower() == "true"
    except AttributeError:
        return False


def _invalid_request(
    exc: stripe.InvalidRequestError, said: str, code: str | None, rid: str | None
) -> e.PosError:
    kw: dict[str, Any] = {"request_id": rid, "stripe_code": code, "replayed": _replayed(exc)}
    if code in _READER_CODES:
        kind, reason = _READER_CODES[code]
        return kind(reason, **kw)
    if code == "charge_already_refunded":
        return e.AlreadyRefunded(S.ALREADY_REFUNDED, **kw)
    if code == "amount_too_large" or "greater than unrefunded amount" in said:
        return e.OverRefund(S.OVER_REFUND, **kw)
    if code in _STATE_CODES:
        return e.PaymentChanged(S.PAYMENT_CHANGED, said=said, **kw)
    if code == "resource_missing" or (exc.http_status == 404):
        return e.NotFound(S.NOT_FOUND, said=said, **kw)
    return e.InvalidRequest(S.REFUSED, said=said, **kw)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Run a block of gateway code; Stripe exceptions come out as our errors."""
    try:
        yield
    except stripe.StripeError as exc:
        raise translate(exc) from exc


# Refusals that show Stripe ran the request (or would refuse the very same request again):
# its key is spent on this answer, so the operation can no longer happen under it.
_REFUSALS = (
    e.CardDeclined, e.AlreadyRefunded, e.OverRefund, e.PaymentChanged, e.NotFound,
    e.ReaderOffline, e.ReaderBusy, e.InvalidRequest, e.ActionNotAllowed,
)
# Answers given before Stripe looked at the request: proof of "not done" only for a
# request sent once (a timed-out earlier attempt could still land after them).
_TURNED_AWAY = (e.RateLimited, e.AuthenticationFailed, e.PermissionMissing)


class WriteOutcome(enum.Enum):
    """What a failed money request says about the operation behind it."""

    REFUSED = "refused"  # not done, and it can no longer happen under this key
    FINISHED = "finished"  # the key's request finished at Stripe: Stripe's state decides
    UNKNOWN = "unknown"  # it may still land: settle it again later


def write_outcome(err: e.PosError, *, only_attempt: bool) -> WriteOutcome:
    """After a money request failed with `err`, may Stripe still carry it out?

    `only_attempt`: this was the one and only request ever sent under the key (so an answer
    that turns it away proves nothing else is on its way). Any other request under the key
    (a re-send when settling, a retry after a crash) can only conclude "not done" from a
    refusal; a 429, a 5xx, a timeout, a 409 (still in flight) or an unreadable answer leave
    the operation to be settled again. A reader timeout too: Stripe gave up waiting for the
    reader, which may still have received the action.
    """
    if isinstance(err, _REFUSALS) or (only_attempt and isinstance(err, _TURNED_AWAY)):
        return WriteOutcome.REFUSED
    if err.replayed and isinstance(err, e.ServerError | e.MalformedResponse):
        return WriteOutcome.FINISHED
    return WriteOutcome.UNKNOWN


def outcome_unknown(err: e.PosError) -> bool:
    """After the first and only send of a write failed with `err`, is its outcome open?"""
    return write_outcome(err, only_attempt=True) is not WriteOutcome.REFUSED
