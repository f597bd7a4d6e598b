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

from ..domain.errors import (
    ApprovalRequired,
    BackupRefused,
    PosError,
    ReaderBusy,
    ReaderOffline,
    ReaderTimeout,
)
from ..domain.staff import ROLE_WORDS
from .backup_words import BackupNotUsed, worded
from .flows.outcome import Done, Outcome
from .formatting import card_words, format_money
from .prompts import Prompts, error_text, is_silent

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
    role = ROLE_WORDS[outcome.staff.role].lower() if outcome.staff is not None else ""
    return {
        Done.CANCELED: f"Payment of {amount} canceled.",
        Done.CAPTURED: f"Captured {amount}.",
        Done.REFUNDED: f"Refunded {amount} to {card}.",
        Done.STAFF_ADDED: f"{person} added as {role}.",
        Done.ROLE_CHANGED: f"{person} is now {role}.",
        Done.PIN_RESET: f"New PIN set for {person}.",
        Done.STAFF_REMOVED: f"{person} removed from the staff list.",
    }[outcome.done]


def inline_text(error: BaseException) -> str:
    """The one line a screen shows for a failure in its own place."""
    if isinstance(error, PosError):
        title, message, reference = error_text(error)
        for kind, guidance in ANOTHER_READER.items():
            if isinstance(error, kind):
                title = guidance
        return " ".join(t for t in (f"{title}:" if message else title, message, reference) if t)
    return "Unexpected error. Check the payment before trying again."


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

    def error(self, parent: QWidget, error: BaseException, inline: Inline | None = None) -> bool:
        """Say `error` once: on the screen's own line when it has one and the error belongs
        there, else in a box. Returns True when it was said inline."""
        if is_silent(error):
            return False
        if isinstance(error, BackupRefused) and not isinstance(error, BackupNotUsed):
            error = worded(error)
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
