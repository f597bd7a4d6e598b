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


def _t(text: str) -> str:
    return QCoreApplication.translate("DayWords", text)


def kind_words(op: DayOperation) -> str:
    if op.kind is DayKind.REFUND:
        return _t("Refund on reader") if op.on_reader else _t("Refund")
    return _t("Capture") if op.kind is DayKind.CAPTURE else _t("Cancel")


# Why a reader ended a refund (Stripe's failure_code), in a few words.
def _reader_codes() -> dict[str, str]:
    return {
        "card_declined": _t("Card declined"),
        "card_mismatch": _t("Wrong card"),
        "expired_card": _t("Card expired"),
        "processing_error": _t("Card not processed"),
        "terminal_reader_timeout": _t("Reader timed out"),
        "terminal_reader_offline": _t("Reader went offline"),
        "canceled": _t("Canceled at the till"),
        "customer_canceled": _t("Canceled by the customer"),
    }


# Why Stripe failed a refund (`failure_reason`).
def _refund_failures() -> dict[str, str]:
    return {
        "lost_or_stolen_card": _t("Failed: card lost or stolen"),
        "expired_or_canceled_card": _t("Failed: card expired or closed"),
        "insufficient_funds": _t("Failed: insufficient funds"),
        "declined": _t("Failed: declined by the bank"),
        "merchant_request": _t("Failed: stopped by the shop"),
        "charge_for_pending_refund_disputed": _t("Failed: payment disputed"),
    }


def _done_words(op: DayOperation) -> str:
    return {DayKind.REFUND: _t("Refunded"), DayKind.CANCEL: _t("Canceled"),
            DayKind.CAPTURE: _t("Captured")}[op.kind]


def outcome_words(op: DayOperation) -> str:
    """"Refunded", "Pending", "Card declined", "Canceled by the customer"…"""
    if op.outcome is DayOutcome.DONE:
        return _done_words(op)
    if op.outcome is DayOutcome.PENDING:
        return _t("Not settled yet") if op.error else _t("Pending")
    if op.outcome is DayOutcome.CANCELED:
        return _t("Refund canceled")
    return failure_words(op.error, op.error_params) or _t("Not done")


def failure_words(error: str | None, params: Mapping[str, Any] | None) -> str | None:
    """A few words for why an operation failed (None: no short words for that reason)."""
    error = error or ""
    if error == ReaderReason.FAILED.value:
        code = str((params or {}).get("failure_code") or "")
        return _reader_codes().get(code)
    if error == RecoveryReason.LEFT_OVER.value:
        return _t("Left over and canceled")
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
        return _t("Outside this app")
    return op.staff or "—"


def till_words(op: DayOperation) -> str:
    return op.till or "—"


def approver_words(op: DayOperation) -> str:
    return op.approver or "—"


def is_bad(op: DayOperation) -> bool:
    return op.outcome in (DayOutcome.FAILED, DayOutcome.CANCELED)
