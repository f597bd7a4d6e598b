"""Our error taxonomy: every failure the user can meet, as a reason code with parameters.

Three kinds, as in the wallets we admire: `UserCancelled` is silent, `PosError` and its
subclasses are shown (the UI's `messages` module gives each reason its words), anything else is
a bug (logged with its traceback). The class says what kind of failure it is (code relies on
`except NetworkDown`); the reason says which one, for the words.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .reasons import BackupReason


class UserCancelled(Exception):
    """The person stopped the operation; nothing is shown."""


class PosError(Exception):
    """A failure shown to the user, in the words the UI gives its `reason`.

    `params` are plain values the words are filled with (Money, str, int, datetime, Coded).
    `request_id` is Stripe's request id (for support), when the failure came from Stripe;
    `stripe_code` is Stripe's own error code, for diagnosis and a few decisions.
    `retryable` tells whether trying again with the same idempotency key may succeed.
    """

    retryable = False

    def __init__(self, reason: enum.StrEnum, *, request_id: str | None = None,
                 stripe_code: str | None = None, replayed: bool = False, **params: Any):
        super().__init__(reason, params)
        self.reason = reason
        self.params = params
        self.request_id = request_id
        self.stripe_code = stripe_code
        # Stripe answered with the saved result of an earlier request with the same
        # idempotency key (`Idempotent-Replayed: true`): that request has finished executing.
        self.replayed = replayed

    def __str__(self) -> str:
        """A diagnostic form for logs, never shown to anyone."""
        extra = [f"{k}={v!r}" for k, v in self.params.items()]
        if self.stripe_code:
            extra.append(f"stripe_code={self.stripe_code}")
        if self.request_id:
            extra.append(f"request_id={self.request_id}")
        return f"{self.reason.value}" + (f" ({', '.join(extra)})" if extra else "")


class AmountError(PosError, ValueError):
    """What the person typed is not an amount we can send."""


class AuthenticationFailed(PosError):
    """Stripe did not accept the key."""


class PermissionMissing(PosError):
    """The key may not do this."""


class NetworkDown(PosError):
    retryable = True


class RateLimited(PosError):
    retryable = True


class ServerError(PosError):
    retryable = True


class OutcomeUnknown(PosError):
    """The request may or may not have been carried out; it must be resolved, not re-decided."""

    retryable = True


class NotCarriedOut(PosError):
    """Settled as not done: Stripe refused the operation when it was sent again."""


class MalformedResponse(PosError):
    retryable = True


class NotFound(PosError):
    """Stripe has no such object (or it was deleted)."""


class ReaderOffline(PosError):
    """The reader is not connected."""


class ReaderBusy(PosError):
    """The reader is in the middle of another action."""


class ReaderTimeout(PosError):
    """Stripe gave up waiting for the reader (which may still have received the action)."""


class OverRefund(PosError):
    """More than is left to refund."""


class AlreadyRefunded(PosError):
    """Nothing is left to refund."""


class PaymentChanged(PosError):
    """The payment is no longer in the state this till saw (another till, or Stripe, changed it)."""


class CardDeclined(PosError):
    """The card was declined."""


class ActionNotAllowed(PosError):
    """The policy (or the person's role) does not allow this action."""


class ApprovalRequired(PosError):
    """A manager must approve first."""


class InvalidRequest(PosError):
    """Stripe refused the request as asked."""


class IdempotencyConflict(PosError):
    """Stripe holds another request under this idempotency key: nothing can be concluded
    about the operation from this answer, so it stays to be settled."""


class KeychainUnavailable(PosError):
    """The OS keychain cannot keep or give the key; its reason says why."""


class TillInUse(PosError):
    """Another running copy of the app holds this till's data; this one opened nothing."""


class BackupRefused(PosError):
    """A backup that cannot be made or restored: its reason (`BackupReason`), and in `detail`
    what was found (a file's name, the disk's complaint) for the words and the log."""

    def __init__(self, reason: BackupReason, detail: str = "") -> None:  # noqa: D107
        super().__init__(reason, detail=detail)
        self.problem = reason
        self.detail = detail
