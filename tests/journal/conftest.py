"""Shared fixtures for the journal tests: a journal on disk and a quick way to begin one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal, Operation, OperationKind


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    j = Journal(journal_path)
    yield j
    j.close()


def _begin_refund(journal: Journal, payment_id: str = "pi_1", minor: int = 1250) -> Operation:
    return journal.begin(
        OperationKind.REFUND_ONLINE,
        payment_id,
        amount=Money(minor, "cad"),
        staff="alice",
        approver="bob",
        till="till-1",
        details={"reason": "requested_by_customer", "note": "wrong size"},
    )


BeginRefund = Callable[..., Operation]


@pytest.fixture
def begin_refund() -> BeginRefund:
    """`begin_refund(journal, payment_id="pi_1", minor=1250)`: a typical online refund."""
    return _begin_refund
