"""The one voice of the app: outcomes and errors into words, inline or in a box, never both.

Flows report an `Outcome` or an error; the presenter alone turns either into what the cashier
reads. The rule for errors: where the screen that asked has a line of its own for them (a
dialog's status line), a failure the cashier can act on is said there and nowhere else; an
approval that is still needed, or a bug, opens a box; a cancellation says nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..domain.errors import ApprovalRequired, PosError, ReaderBusy, ReaderOffline, ReaderTimeout
from ..journal import Operation, OperationKind, OperationState
from .flows.outcome import Done, Outcome
from .formatting import card_words, format_money
from .messages import error_words, is_silent, operation_error_words, role_words
from .prompts import Prompts

Inline = Callable[[str], None]

log = logging.getLogger(__name__)

ANOTHER_READER = {
    ReaderOffline: "Reader offline — choose another reader",
    ReaderBusy: "Reader busy — choose another reader, or wait and try again",
    ReaderTimeout: "Reader timed out — try again or choose another reader",
}


def outcome_text(outcome: Outcome) -> str:
    """What happened, in the cashier's words."""
    amount = format_money(outcome.amount) if outcome.amount is not None else ""
    card = card_words(outcome.card) if outcome.card is not None else ""
    person = outcome.staff.name if outcome.staff is not None else ""
    role = role_words(outcome.staff.role).lower() if outcome.staff is not None else ""
    return {
        Done.CANCELED: f"Payment of {amount} canceled.",
        Done.CAPTURED: f"Captured {amount}.",
        Done.REFUNDED: f"Refunded {amount} to {card}.",
        Done.STAFF_ADDED: f"{person} added as {role}.",
        Done.ROLE_CHANGED: f"{person} is now {role}.",
        Done.PIN_RESET: f"New PIN set for {person}.",
        Done.STAFF_REMOVED: f"{person} removed from the staff list.",
    }[outcome.done]


_WHAT = {
    OperationKind.REFUND_ONLINE: "The refund of {amount}",
    OperationKind.REFUND_ON_READER: "The refund of {amount} on the reader",
    OperationKind.CANCEL: "The cancellation of {amount}",
    OperationKind.CAPTURE: "The capture of {amount}",
}


def settled_text(op: Operation) -> str:
    """What the cashier reads when an operation left open has been settled."""
    amount = format_money(op.amount) if op.amount is not None else "the payment"
    what = _WHAT[op.kind].format(amount=amount)
    if op.state is OperationState.SUCCEEDED:
        return f"{what} that was not confirmed earlier has now been confirmed as done."
    said = f" ({operation_error_words(op).rstrip('.')})" if op.error else ""
    return (f"{what} that was not confirmed earlier was not carried out{said}. Nothing "
            "moved; it can be done again.")


def interrupted_text(op: Operation, readers: dict[str, str]) -> str:
    """One operation a crash (or a power cut) interrupted, as start-up settled it."""
    amount = format_money(op.amount) if op.amount is not None else "the payment"
    if op.kind is OperationKind.REFUND_ON_READER:
        reader = readers.get(op.reader_id or "", op.reader_id or "a reader")
        what = f"The refund of {amount} on reader {reader}"
    else:
        what = _WHAT[op.kind].format(amount=amount)
    if op.state is OperationState.SUCCEEDED:
        return f"{what} was done: Stripe confirms it."
    said = f" {operation_error_words(op)}" if op.error else ""
    nothing = ("Nothing was refunded" if op.kind in (OperationKind.REFUND_ONLINE,
                                                    OperationKind.REFUND_ON_READER)
               else "Nothing changed")
    return f"{what} was not carried out.{said} {nothing}; it can be done again."


def interrupted_story(ops: list[Operation], readers: dict[str, str]) -> str:
    lines = [f"• {interrupted_text(op, readers)}" for op in ops]
    return ("POS Refunds was closed while these were under way; they have been checked "
            "with Stripe:\n" + "\n".join(lines))


def inline_text(error: BaseException) -> str:
    """The one line a screen shows for a failure in its own place."""
    title, message, reference = error_words(error)
    for kind, guidance in ANOTHER_READER.items():
        if isinstance(error, kind):
            title = guidance
    return " ".join(t for t in (f"{title}:" if message else title, message, reference) if t)


def says_inline(error: BaseException) -> bool:
    """A failure the cashier can act on where they are (not an approval still needed)."""
    return isinstance(error, PosError) and not isinstance(error, ApprovalRequired)


class Presenter:
    def __init__(self, prompts: Prompts) -> None:
        self._prompts = prompts

    @property
    def prompts(self) -> Prompts:
        return self._prompts

    def outcome(self, parent: QWidget, outcome: Outcome) -> None:
        """A done action, said in the window's status line."""
        self._prompts.notify(parent, outcome_text(outcome))

    def note(self, parent: QWidget, text: str) -> None:
        """Something the till did by itself (settled, resumed), in the status line."""
        self._prompts.notify(parent, text)

    def tell(self, parent: QWidget, title: str, text: str) -> None:
        """Something the cashier must read before going on, in a box."""
        self._prompts.inform(parent, title, text)

    def error(self, parent: QWidget, error: BaseException, inline: Inline | None = None) -> bool:
        """Say `error` once: on the screen's own line when it has one and the error belongs
        there, else in a box. Returns True when it was said inline."""
        if is_silent(error):
            return False
        if isinstance(error, PosError):  # for support: "Copy diagnostics" lists the last ones
            log.warning("shown to the cashier: %s%s", type(error).__name__,
                        f" (request {error.request_id})" if error.request_id else "")
        if inline is not None and says_inline(error):
            inline(inline_text(error))
            return True
        self._prompts.show_error(parent, error)
        return False

    def uncaught(self, error: BaseException, parent: QWidget | None = None) -> None:
        """A bug nobody caught (logged by the crash hooks): said in words, in one box."""
        if not is_silent(error):
            self._prompts.show_uncaught(parent, error)
