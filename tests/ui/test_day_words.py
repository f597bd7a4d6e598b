"""How each operation of the day ended, in words: a failed or canceled reader refund says
which it was, never "Failed" alone; on the end-of-day screen and in the audit journal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pos_refunds.domain.day_operations import DayKind, DayOperation, DayOutcome
from pos_refunds.domain.money import Money
from pos_refunds.domain.reasons import ReaderReason, RecoveryReason
from pos_refunds.journal import Journal
from pos_refunds.services.operations import ERROR_PARAMS
from pos_refunds.ui.day_words import kind_words, outcome_words, staff_words
from pos_refunds.ui.models.journal_model import JournalTableModel

T = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
READER_FAILURES = {
    "card_declined": "Card declined",
    "card_mismatch": "Wrong card",
    "terminal_reader_timeout": "Reader timed out",
    "canceled": "Canceled at the till",
    "customer_canceled": "Canceled by the customer",
}


def _reader_refund(error: str | None, params: dict | None = None,
                   outcome: DayOutcome = DayOutcome.FAILED) -> DayOperation:
    return DayOperation(DayKind.REFUND, T, "pi_1", Money(500, "cad"), outcome, op_id="op_1",
                        staff="Ann", till="front", on_reader=True, error=error,
                        error_params=params or {})


@pytest.mark.parametrize(("code", "words"), READER_FAILURES.items())
def test_each_reader_outcome_says_which_it_was(code, words) -> None:
    op = _reader_refund(ReaderReason.FAILED.value, {"failure_code": code,
                                                    "failure_message": "x"})
    assert outcome_words(op) == words
    assert kind_words(op) == "Refund on reader"


def test_a_left_over_action_and_a_bank_failure_in_words() -> None:
    assert outcome_words(_reader_refund(RecoveryReason.LEFT_OVER.value)) == \
        "Left over and canceled"
    online = DayOperation(DayKind.REFUND, T, "pi_1", None, DayOutcome.FAILED,
                          error="insufficient_funds")
    assert outcome_words(online) == "Failed: insufficient funds"
    assert staff_words(online) == "Outside this app"


def test_never_failed_alone() -> None:
    outcomes = {outcome_words(_reader_refund(ReaderReason.FAILED.value, {"failure_code": c}))
                for c in [*READER_FAILURES, "something_new", ""]}
    assert "Failed" not in outcomes


def test_the_audit_journal_says_it_too(tmp_path) -> None:
    with Journal(tmp_path / "j.sqlite3") as j:
        op = j.begin("refund_on_reader", "pi_1", amount=Money(500, "cad"), staff="Ann",
                     approver=None, till="front", reader_id="tmr_1")
        j.record(op.op_id, "failed", error=ReaderReason.FAILED.value,
                 details={ERROR_PARAMS: {"failure_code": "card_mismatch",
                                         "failure_message": "Wrong card"}})
        entries = j.entries()
    model = JournalTableModel()
    model.set_entries(entries)
    assert model.rowCount() == 1
    assert model.index(0, JournalTableModel.Column.STATE).data() == "Wrong card"
