"""How the UI sees the back end: small Protocols, never the concrete classes.

The composition root hands the window a `BackEnd` (services/factory.py's `Services`); tests hand
it fakes that implement the same Protocols. The journal is seen through `JournalReader` only: the
UI reads, lists, verifies and exports it, and has no way to write to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TextIO

from ..domain.account import Location
from ..domain.guarded import GuardedSettings
from ..domain.money import Money
from ..domain.payments import Payment
from ..domain.policy import Action
from ..journal import Entry, Operation, VerifyReport
from ..services.api import (
    DayActivitySource,
    Mode,
    MoneyActions,
    PaymentsSource,
    ReaderRefunds,
    Staff,
)
from ..services.journal_audit import AuditReport as AuditReport  # what Verify shows
from ..staff import StaffDirectory as StaffDirectory  # the staff list, as the screens see it


class JournalReader(Protocol):
    async def operations(self, *, since: datetime | None = None,
                         until: datetime | None = None) -> list[Operation]: ...

    async def entries(self) -> list[Entry]: ...

    async def verify(self) -> VerifyReport: ...

    async def export_csv(self, file: TextIO) -> None: ...


class ReaderDesk(ReaderRefunds, Protocol):
    """Reader refunds, and the Terminal locations readers are kept at."""

    def set_location(self, location: str | None) -> None: ...

    async def locations(self) -> list[Location]: ...


class BackEnd(Protocol):
    """Everything the window asks of the services."""

    @property
    def mode(self) -> Mode: ...

    @property
    def account_name(self) -> str: ...

    @property
    def connect(self) -> bool: ...

    @property
    def payments(self) -> PaymentsSource: ...

    @property
    def actions(self) -> MoneyActions: ...

    @property
    def readers(self) -> ReaderDesk: ...

    @property
    def journal(self) -> JournalReader: ...

    @property
    def day(self) -> DayActivitySource:
        """The day's refunds, cancels and captures, every till's."""
        ...

    @property
    def unresolved(self) -> Sequence[Operation]:
        """Operations a crash left open that start-up could not settle yet."""
        ...

    @property
    def settled_at_start(self) -> Sequence[Operation]:
        """Operations a crash left open that start-up settled (to tell the cashier)."""
        ...

    @property
    def guarded(self) -> GuardedSettings: ...

    @property
    def guarded_problem(self) -> str: ...

    def approval_reason(self, action: Action, amount: Money, payment: Payment) -> object:
        """Why a manager must approve (falsy: nobody need); raises OverRefund."""
        ...

    async def set_guarded(self, values: GuardedSettings, *, by: Staff) -> GuardedSettings: ...

    async def settle_open(self) -> list[Operation]: ...

    async def audit_journal(self) -> AuditReport: ...

    async def aclose(self) -> None: ...
