"""Stripe exceptions translated into our error taxonomy, in one place.

Every message is written for the cashier; Stripe's request id is kept for support. Whether a
failure leaves the outcome of a money operation unknown (the request may have been carried out)
is decided here too, so the services know when to resolve rather than re-decide.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import stripe

from ..domain import errors as e

_READER_CODES: dict[str, type[e.PosError]] = {
    "terminal_reader_offline": e.ReaderOffline,
    "terminal_reader_busy": e.ReaderBusy,
    "terminal_reader_timeout": e.ReaderTimeout,
}

_READER_WORDS = {
    "terminal_reader_offline": "The reader is offline. Check that it is on and connected, "
    "or choose another reader.",
    "terminal_reader_busy": "The reader is busy with another transaction. Wait for it to "
    "finish, or choose another reader.",
    "terminal_reader_timeout": "The reader did not answer in time. Check the reader, then "
    "check the status before trying again.",
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
    kw = {"request_id": rid, "code": code}

    if isinstance(exc, stripe.AuthenticationError):
        return e.AuthenticationFailed(
            "Stripe did not accept the API key: it is wrong, expired or revoked. "
            "A manager can enter a new key in Settings.",
            **kw,
        )
    if isinstance(exc, stripe.PermissionError):
        return e.PermissionMissing(
            "The Stripe key in use is not allowed to do this. Ask the account owner to "
            "give the restricted key the missing permission. "
            + (f"Stripe said: {said}" if said else ""),
            **kw,
        )
    if isinstance(exc, stripe.RateLimitError):
        return e.RateLimited(
            "Stripe is receiving too many requests right now. Wait a few seconds and try "
            "again.",
            **kw,
        )
    if isinstance(exc, stripe.APIConnectionError):
        return e.NetworkDown(
            "Cannot reach Stripe. Check the shop's internet connection; nothing was lost.",
            **kw,
        )
    if isinstance(exc, stripe.IdempotencyError):
        return e.InvalidRequest(
            "Stripe refused a repeated request because it differs from the first one. "
            "Nothing new was sent.",
            **kw,
        )
    if isinstance(exc, stripe.CardError):
        return e.CardDeclined(f"The card was declined: {said or 'no reason given'}", **kw)
    if isinstance(exc, stripe.InvalidRequestError):
        return _invalid_request(exc, said, code, rid)
    if isinstance(exc, stripe.APIError):
        status = exc.http_status or 0
        if status == 409:
            return e.OutcomeUnknown(
                "Another request for this operation is still being processed by Stripe. "
                "Check again in a moment.",
                **kw,
            )
        if 200 <= status < 300:
            return e.MalformedResponse(
                "Stripe's answer could not be read. The operation will be checked again "
                "before anything else is done.",
                **kw,
            )
        return e.ServerError(
            "Stripe had a temporary problem. The operation will be checked again before "
            "anything else is done; do not repeat it by hand.",
            **kw,
        )
    return e.PosError(said or "Stripe reported an error.", **kw)


def _invalid_request(
    exc: stripe.InvalidRequestError, said: str, code: str | None, rid: str | None
) -> e.PosError:
    kw = {"request_id": rid, "code": code}
    if code in _READER_CODES:
        return _READER_CODES[code](_READER_WORDS[code], **kw)
    if code == "charge_already_refunded":
        return e.AlreadyRefunded("This payment has already been fully refunded.", **kw)
    if code == "amount_too_large" or "greater than unrefunded amount" in said:
        return e.OverRefund(
            "The amount is more than what is left to refund on this payment. "
            "Refresh to see the current remainder.",
            **kw,
        )
    if code in _STATE_CODES:
        return e.PaymentChanged(
            "This payment was changed meanwhile (perhaps by another till), so this action "
            f"no longer applies. Refresh and check it. Stripe said: {said}",
            **kw,
        )
    if code == "resource_missing" or (exc.http_status == 404):
        return e.NotFound(f"Stripe could not find it: {said}", **kw)
    return e.InvalidRequest(f"Stripe refused the request: {said}", **kw)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """Run a block of gateway code; Stripe exceptions come out as our errors."""
    try:
        yield
    except stripe.StripeError as exc:
        raise translate(exc) from exc


def outcome_unknown(err: e.PosError) -> bool:
    """After a write failed with `err`, may Stripe still have carried it out?

    A reader timeout too: Stripe gave up waiting for the reader's answer, but the reader
    may have received the action and go on with it."""
    return isinstance(
        err, e.ServerError | e.OutcomeUnknown | e.MalformedResponse | e.NetworkDown
        | e.ReaderTimeout,
    )
