"""The audit journal: the only code that touches the journal database.

Write-ahead (an operation is committed before it is sent), append-only (triggers refuse
changes) and tamper-evident (entries chained by sha256), so money moves at most once and a
manager can trust who did what.
"""

from .async_journal import AsyncJournal
from .records import (
    Entry,
    InvalidTransition,
    JournalError,
    Operation,
    OperationKind,
    OperationState,
    UnknownOperation,
    VerifyReport,
)
from .store import Journal

__all__ = [
    "AsyncJournal",
    "Entry",
    "InvalidTransition",
    "Journal",
    "JournalError",
    "Operation",
    "OperationKind",
    "OperationState",
    "UnknownOperation",
    "VerifyReport",
]
