"""Staff of the till: the stored list (own SQLite file), PIN hashes, and the async access the
UI uses. The only code besides the journal that opens a database, and never the journal's."""

from __future__ import annotations

from typing import Protocol

from ..domain.approvals import Approval, ApprovalRequest
from ..domain.staff import PinCheck, Staff
from .async_store import AsyncStaffStore
from .store import TRAINING_STAFF, StaffStore


class StaffDirectory(Protocol):
    """What the screens need from the staff list (AsyncStaffStore; fakes in tests)."""

    async def staff(self) -> list[Staff]: ...

    async def verify(self, staff_id: str, pin: str, *, manager: bool = False) -> PinCheck: ...

    async def approve(self, staff_id: str, pin: str,
                      request: ApprovalRequest) -> PinCheck | Approval: ...

    async def create_first_manager(self, name: str, pin: str, again: str) -> Staff: ...

    async def add(self, name: str, role: str, pin: str, again: str, *, by: Staff) -> Staff: ...

    async def set_role(self, staff_id: str, role: str, *, by: Staff) -> Staff: ...

    async def reset_pin(self, staff_id: str, pin: str, again: str, *, by: Staff) -> Staff: ...

    async def remove(self, staff_id: str, *, by: Staff) -> Staff: ...


__all__ = ["AsyncStaffStore", "StaffDirectory", "StaffStore", "TRAINING_STAFF"]
