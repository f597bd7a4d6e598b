"""The words of the day's operations (`domain.day_operations.DayOperation`): what it was, how
it ended, who did it. One place, so the screen, the printed report and the CSV say the same.

A failed or canceled reader refund says which it was (declined, wrong card, timed out,
canceled at the till or by the customer, left over), never "Failed" alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..domain.day_operations import DayKind, DayOperation, DayOutcome
from ..domain.payments import network_name
from ..domain.reasons import ReaderReason, RecoveryReason
from .messages import journal_outcome_words

translate = QCoreApplication.translate


def kind_words(op: DayOperation) -> str:
    if op.kind is DayKind.REFUND:
        if op.on_reader:
            return translate("DayWords", "Refund on reader")
        return translate("DayWords", "Refund", "an operation of the day")
    if op.kind is DayKind.CAPTURE:
        return translate("DayWords", "Capture", "an operation of the day")
    return translate("DayWords", "Cancel", "an operation of the day: the payment was canceled")


# Why a reader ended a refund (Stripe's failure_code), in a few words.
def _reader_codes() -> dict[str, str]:
    return {
        "card_declined": translate("DayWords", "Card declined"),
        "card_mismatch": translate("DayWords", "Wrong card"),
        "expired_card": translate("DayWords", "Card expired"),
        "processing_error": translate("DayWords", "Card not processed"),
        "terminal_reader_timeout": translate("DayWords", "Reader timed out"),
        "terminal_reader_offline": translate("DayWords", "Reader went offline"),
        "canceled": translate("DayWords", "Canceled at the till"),
        "customer_canceled": translate("DayWords", "Canceled by the customer"),
    }


# Why Stripe failed a refund (`failure_reason`).
def _refund_failures() -> dict[str, str]:
    return {
        "lost_or_stolen_card": translate("DayWords", "Failed: card lost or stolen"),
        "expired_or_canceled_card": translate("DayWords", "Failed: card expired or closed"),
        "insufficient_funds": translate("DayWords", "Failed: insufficient funds"),
        "declined": translate("DayWords", "Failed: declined by the bank"),
        "merchant_request": translate("DayWords", "Failed: stopped by the shop"),
        "charge_for_pending_refund_disputed": translate("DayWords", "Failed: payment disputed"),
    }


def _done_words(op: DayOperation) -> str:
    if op.kind is DayKind.REFUND:
        return translate("DayWords", "Refunded")
    if op.kind is DayKind.CANCEL:
        return translate("DayWords", "Canceled")
    return translate("DayWords", "Captured")


def outcome_words(op: DayOperation) -> str:
    """"Refunded", "Pending", "Card declined", "Canceled by the customer"…"""
    if op.outcome is DayOutcome.DONE:
        return _done_words(op)
    if op.outcome is DayOutcome.PENDING:
        if op.error:
            return translate("DayWords", "Not settled yet")
        return translate("DayWords", "Pending", "an operation not yet confirmed by Stripe")
    if op.outcome is DayOutcome.CANCELED:
        return translate("DayWords", "Refund canceled")
    return failure_words(op.error, op.error_params) or translate("DayWords", "Not done")


def failure_words(error: str | None, params: Mapping[str, Any] | None) -> str | None:
    """A few words for why an operation failed (None: no short words for that reason)."""
    error = error or ""
    if error == ReaderReason.FAILED.value:
        code = str((params or {}).get("failure_code") or "")
        return _reader_codes().get(code)
    if error == RecoveryReason.LEFT_OVER.value:
        return translate("DayWords", "Left over and canceled")
    return _refund_failures().get(error)


def outcome_detail(op: DayOperation) -> str:
    """The outcome in a sentence (a tooltip, the CSV): the journaled reason's own words."""
    if op.error and op.outcome is not DayOutcome.DONE:
        said = journal_outcome_words(op.error, op.error_params)
        return said or outcome_words(op)
    return outcome_words(op)


def card_words(op: DayOperation) -> str:
    if not op.network:
        return "—"
    return network_name(op.network) + (f" •••• {op.last4}" if op.last4 else "")


def staff_words(op: DayOperation) -> str:
    """Who did it; "Outside this app" when no metadata names anyone."""
    if op.outside_app:
        return translate("DayWords", "Outside this app")
    return op.staff or "—"


def till_words(op: DayOperation) -> str:
    return op.till or "—"


def approver_words(op: DayOperation) -> str:
    return op.approver or "—"


def is_bad(op: DayOperation) -> bool:
    return op.outcome in (DayOutcome.FAILED, DayOutcome.CANCELED)
