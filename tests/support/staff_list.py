"""An in-memory staff list for tests: the `StaffAuthority` the services ask, with approvals
issued and handed out once, as `AsyncStaffStore` does after a manager's PIN."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime

from pos_refunds.domain.approvals import Approval, ApprovalRequest
from pos_refunds.domain.staff import Staff


class StaffList:
    def __init__(self, people: Iterable[Staff] = (), *, fallback: object | None = None) -> None:
        self.people = {p.id: p for p in people}
        self._issued: dict[str, Approval] = {}
        self._fallback = fallback  # another StaffAuthority asked about anyone not listed here

    def add(self, person: Staff) -> Staff:
        self.people[person.id] = person
        return person

    def issue(self, manager: Staff, request: ApprovalRequest,
              at: datetime | None = None) -> Approval:
        """What the staff list gives once `manager` typed a right PIN for `request`."""
        approval = Approval(f"apr_{uuid.uuid4().hex}", manager.id, manager.name, request,
                            at or datetime.now(UTC))
        self._issued[approval.id] = approval
        return approval

    async def member(self, staff_id: str) -> Staff | None:
        await asyncio.sleep(0)
        if staff_id in self.people:
            return self.people[staff_id]
        return await self._fallback.member(staff_id) if self._fallback is not None else None

    async def consume_approval(self, approval_id: str) -> Approval | None:
        await asyncio.sleep(0)
        if approval_id in self._issued:
            return self._issued.pop(approval_id)
        if self._fallback is not None:
            return await self._fallback.consume_approval(approval_id)
        return None
