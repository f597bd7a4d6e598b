"""The one voice of the app: outcomes and errors into words, inline or in a box, never both.

Flows report an `Outcome` or an error; the presenter alone turns either into what the cashier
reads. The rule for errors: where the screen that asked has a line of its own for them (a
dialog's status line), a failure the cashier can act on is said there and nowhere else; an
approval that is still needed, or a bug, opens a box; a cancellation says nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ..domain.errors import ApprovalRequired, PosError, ReaderBusy, ReaderOffline, ReaderTimeout
from ..journal import Operation, OperationKind, OperationState
from .flows.outcome import Done, Outcome
from .formatting import card_words, format_money
from .messages import error_words, is_silent, operation_error_words, role_words
from .prompts import Prompts

Inline = Callable[[str], None]

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

ANOTHER_READER = {
    ReaderOffline: QT_TRANSLATE_NOOP("Presenter", "Reader offline — choose another reader"),
    ReaderBusy: QT_TRANSLATE_NOOP("Presenter",
                                  "Reader busy — choose another reader, or wait and try again"),
    ReaderTimeout: QT_TRANSLATE_NOOP("Presenter",
                                     "Reader timed out — try again or choose another reader"),
}


def outcome_text(outcome: Outcome) -> str:
    """What happened, in the cashier's words."""
    amount = format_money(outcome.amount) if outcome.amount is not None else ""
    card = card_words(outcome.card) if outcome.card is not None else ""
    person = outcome.staff.name if outcome.staff is not None else ""
    role = role_words(outcome.staff.role).lower() if outcome.staff is not None else ""
    template = {
        Done.CANCELED: lambda: translate("Presenter", "Payment of {amount} canceled."),
        Done.CAPTURED: lambda: translate("Presenter", "Captured {amount}."),
        Done.REFUNDED: lambda: translate("Presenter", "Refunded {amount} to {card}."),
        Done.STAFF_ADDED: lambda: translate("Presenter", "{person} added as {role}.",
                                            "role: cashier or manager, in lower case"),
        Done.ROLE_CHANGED: lambda: translate("Presenter", "{person} is now {role}.",
                                             "role: cashier or manager, in lower case"),
        Done.PIN_RESET: lambda: translate("Presenter", "New PIN set for {person}."),
        Done.STAFF_REMOVED: lambda: translate("Presenter",
                                              "{person} removed from the staff list."),
    }[outcome.done]()
    return template.format(amount=amount, card=card, person=person, role=role)


# Whole sentences for each kind of operation, with its amount or without one (a journal
# written before amounts were kept): the subject's gender differs in French.
def _settled_done(kind: OperationKind, amount: bool) -> str:
    K = OperationKind
    if amount:
        return {
            K.REFUND_ONLINE: translate("Presenter", "The refund of {amount} that was not "
                                       "confirmed earlier has now been confirmed as done."),
            K.REFUND_ON_READER: translate("Presenter", "The refund of {amount} on the reader "
                                          "that was not confirmed earlier has now been "
                                          "confirmed as done."),
            K.CANCEL: translate("Presenter", "The cancellation of {amount} that was not "
                                "confirmed earlier has now been confirmed as done."),
            K.CAPTURE: translate("Presenter", "The capture of {amount} that was not confirmed "
                                 "earlier has now been confirmed as done."),
        }[kind]
    return {
        K.REFUND_ONLINE: translate("Presenter", "The refund of the payment that was not "
                                   "confirmed earlier has now been confirmed as done."),
        K.REFUND_ON_READER: translate("Presenter", "The refund of the payment on the reader "
                                      "that was not confirmed earlier has now been confirmed "
                                      "as done."),
        K.CANCEL: translate("Presenter", "The cancellation of the payment that was not "
                            "confirmed earlier has now been confirmed as done."),
        K.CAPTURE: translate("Presenter", "The capture of the payment that was not confirmed "
                             "earlier has now been confirmed as done."),
    }[kind]


def _settled_not_done(kind: OperationKind, amount: bool) -> str:
    """{detail}: nothing, or " (why)" from `_why`."""
    K = OperationKind
    if amount:
        return {
            K.REFUND_ONLINE: translate("Presenter", "The refund of {amount} that was not "
                                       "confirmed earlier was not carried out{detail}. Nothing "
                                       "moved; it can be done again."),
            K.REFUND_ON_READER: translate("Presenter", "The refund of {amount} on the reader "
                                          "that was not confirmed earlier was not carried "
                                          "out{detail}. Nothing moved; it can be done again."),
            K.CANCEL: translate("Presenter", "The cancellation of {amount} that was not "
                                "confirmed earlier was not carried out{detail}. Nothing moved; "
                                "it can be done again."),
            K.CAPTURE: translate("Presenter", "The capture of {amount} that was not confirmed "
                                 "earlier was not carried out{detail}. Nothing moved; it can "
                                 "be done again."),
        }[kind]
    return {
        K.REFUND_ONLINE: translate("Presenter", "The refund of the payment that was not "
                                   "confirmed earlier was not carried out{detail}. Nothing "
                                   "moved; it can be done again."),
        K.REFUND_ON_READER: translate("Presenter", "The refund of the payment on the reader "
                                      "that was not confirmed earlier was not carried "
                                      "out{detail}. Nothing moved; it can be done again."),
        K.CANCEL: translate("Presenter", "The cancellation of the payment that was not "
                            "confirmed earlier was not carried out{detail}. Nothing moved; it "
                            "can be done again."),
        K.CAPTURE: translate("Presenter", "The capture of the payment that was not confirmed "
                             "earlier was not carried out{detail}. Nothing moved; it can be "
                             "done again."),
    }[kind]


def _why(op: Operation) -> str:
    """" (the error's words)" after "was not carried out", or nothing."""
    if not op.error:
        return ""
    return translate("Presenter", " ({reason})",
                     "why an operation was not carried out, right after those words").format(
        reason=operation_error_words(op).rstrip("."))


def settled_text(op: Operation) -> str:
    """What the cashier reads when an operation left open has been settled."""
    has_amount = op.amount is not None
    amount = format_money(op.amount) if op.amount is not None else ""
    if op.state is OperationState.SUCCEEDED:
        return _settled_done(op.kind, has_amount).format(amount=amount)
    return _settled_not_done(op.kind, has_amount).format(amount=amount, detail=_why(op))


def _interrupted_done(kind: OperationKind, amount: bool) -> str:
    K = OperationKind
    if amount:
        return {
            K.REFUND_ONLINE: translate("Presenter",
                                       "The refund of {amount} was done: Stripe confirms it."),
            K.REFUND_ON_READER: translate("Presenter", "The refund of {amount} on reader "
                                          "{reader} was done: Stripe confirms it."),
            K.CANCEL: translate("Presenter",
                                "The cancellation of {amount} was done: Stripe confirms it."),
            K.CAPTURE: translate("Presenter",
                                 "The capture of {amount} was done: Stripe confirms it."),
        }[kind]
    return {
        K.REFUND_ONLINE: translate("Presenter",
                                   "The refund of the payment was done: Stripe confirms it."),
        K.REFUND_ON_READER: translate("Presenter", "The refund of the payment on reader "
                                      "{reader} was done: Stripe confirms it."),
        K.CANCEL: translate("Presenter",
                            "The cancellation of the payment was done: Stripe confirms it."),
        K.CAPTURE: translate("Presenter",
                             "The capture of the payment was done: Stripe confirms it."),
    }[kind]


def _interrupted_not_done(kind: OperationKind, amount: bool) -> str:
    """{detail}: nothing, or " " and the error's own sentences."""
    K = OperationKind
    if amount:
        return {
            K.REFUND_ONLINE: translate("Presenter", "The refund of {amount} was not carried "
                                       "out.{detail} Nothing was refunded; it can be done "
                                       "again."),
            K.REFUND_ON_READER: translate("Presenter", "The refund of {amount} on reader "
                                          "{reader} was not carried out.{detail} Nothing was "
                                          "refunded; it can be done again."),
            K.CANCEL: translate("Presenter", "The cancellation of {amount} was not carried "
                                "out.{detail} Nothing changed; it can be done again."),
            K.CAPTURE: translate("Presenter", "The capture of {amount} was not carried "
                                 "out.{detail} Nothing changed; it can be done again."),
        }[kind]
    return {
        K.REFUND_ONLINE: translate("Presenter", "The refund of the payment was not carried "
                                   "out.{detail} Nothing was refunded; it can be done again."),
        K.REFUND_ON_READER: translate("Presenter", "The refund of the payment on reader "
                                      "{reader} was not carried out.{detail} Nothing was "
                                      "refunded; it can be done again."),
        K.CANCEL: translate("Presenter", "The cancellation of the payment was not carried "
                            "out.{detail} Nothing changed; it can be done again."),
        K.CAPTURE: translate("Presenter", "The capture of the payment was not carried "
                             "out.{detail} Nothing changed; it can be done again."),
    }[kind]


def interrupted_text(op: Operation, readers: dict[str, str]) -> str:
    """One operation a crash (or a power cut) interrupted, as start-up settled it."""
    has_amount = op.amount is not None
    amount = format_money(op.amount) if op.amount is not None else ""
    reader = readers.get(op.reader_id or "", op.reader_id or translate(
        "Presenter", "a reader", "in place of a reader's name nobody knows"))
    if op.state is OperationState.SUCCEEDED:
        return _interrupted_done(op.kind, has_amount).format(amount=amount, reader=reader)
    detail = f" {operation_error_words(op)}" if op.error else ""
    return _interrupted_not_done(op.kind, has_amount).format(amount=amount, reader=reader,
                                                             detail=detail)


def interrupted_story(ops: list[Operation], readers: dict[str, str]) -> str:
    lines = [f"• {interrupted_text(op, readers)}" for op in ops]
    return "\n".join([translate("Presenter", "POS Refunds was closed while these were under "
                                 "way; they have been checked with Stripe:"), *lines])


def inline_text(error: BaseException) -> str:
    """The one line a screen shows for a failure in its own place."""
    title, message, reference = error_words(error)
    for kind, guidance in ANOTHER_READER.items():
        if isinstance(error, kind):
            title = translate("Presenter", guidance)
    line = (translate("Presenter", "{title}: {message}", "an error's title, then its words")
            .format(title=title, message=message) if message else title)
    return " ".join(t for t in (line, reference) if t)


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
