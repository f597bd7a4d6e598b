"""Our error taxonomy: every failure the user can meet, in words a cashier understands.

Three kinds, as in the wallets we admire: `UserCancelled` is silent, `PosError` and its
subclasses are shown as written, anything else is a bug (logged with its traceback).
"""

from __future__ import annotations


class UserCancelled(Exception):
    """The person stopped the operation; nothing is shown."""


class PosError(Exception):
    """A failure shown to the user as written.

    `request_id` is Stripe's request id (for support), when the failure came from Stripe.
    `retryable` tells whether trying again with the same idempotency key may succeed.
    """

    title = "Something went wrong"
    retryable = False

    def __init__(self, message: str, *, request_id: str | None = None, code: str | None = None,
                 replayed: bool = False):
        super().__init__(message)
        self.message = message
        self.request_id = request_id
        self.code = code
        # Stripe answered with the saved result of an earlier request with the same
        # idempotency key (`Idempotent-Replayed: true`): that request has finished executing.
        self.replayed = replayed

    def __str__(self) -> str:
        return self.message


class AmountError(PosError, ValueError):
    """What the person typed is not an amount we can send."""

    title = "Check the amount"


class AuthenticationFailed(PosError):
    title = "Stripe key not accepted"


class PermissionMissing(PosError):
    title = "Permission missing"


class NetworkDown(PosError):
    title = "No connection"
    retryable = True


class RateLimited(PosError):
    title = "Stripe is busy"
    retryable = True


class ServerError(PosError):
    title = "Stripe had a problem"
    retryable = True


class OutcomeUnknown(PosError):
    """The request may or may not have been carried out; it must be resolved, not re-decided."""

    title = "Outcome not known yet"
    retryable = True


class NotCarriedOut(PosError):
    """Settled as not done: Stripe refused the operation when it was sent again."""

    title = "Not carried out"


class MalformedResponse(PosError):
    title = "Unexpected answer from Stripe"
    retryable = True


class NotFound(PosError):
    title = "Not found"


class ReaderOffline(PosError):
    title = "Reader offline"


class ReaderBusy(PosError):
    title = "Reader busy"


class ReaderTimeout(PosError):
    title = "Reader timed out"


class ReaderActionFailed(PosError):
    """The reader ended the action without success (declined card, wrong card, cancel, ...)."""

    title = "Refund not completed on the reader"


class OverRefund(PosError):
    title = "Amount too large"


class AlreadyRefunded(PosError):
    title = "Already refunded"


class PaymentChanged(PosError):
    """The payment is no longer in the state this till saw (another till, or Stripe, changed it)."""

    title = "Payment changed"


class CardDeclined(PosError):
    title = "Card declined"


class ActionNotAllowed(PosError):
    """The policy does not allow this action for this payment."""

    title = "Not possible"


class ApprovalRequired(PosError):
    title = "Manager approval needed"


class InvalidRequest(PosError):
    title = "Request refused"


class IdempotencyConflict(PosError):
    """Stripe holds another request under this idempotency key: nothing can be concluded
    about the operation from this answer, so it stays to be settled."""

    title = "Outcome not known yet"


class KeychainUnavailable(PosError):
    title = "Keychain unavailable"


class TillInUse(PosError):
    """Another running copy of the app holds this till's data; this one opened nothing."""

    title = "Already open on this till"

    def __init__(self, message: str = ("POS Refunds is already open on this till. Use the "
                                       "window that is already open; nothing was changed."),
                 **kwargs: str | None) -> None:
        super().__init__(message, **kwargs)


class BackupRefused(PosError):
    """A backup that cannot be made or restored; `problem` says why (a `BackupProblem` value),
    `detail` what was found. The UI puts it into words."""

    title = "Backup not used"

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(problem, code=problem)
        self.problem = problem
        self.detail = detail
