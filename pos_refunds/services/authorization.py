"""Who may move money: the only place that decides whether a manager must approve.

Nothing is taken as the caller states it. The person acting is looked up in the staff list
(their role is the stored one, and someone no longer on the list acts no more). A manager's
approval counts only as the staff list's own record of it, handed out once, and only for the
very payment, amount and action it was given for; its manager must still be a manager.
"""

from __future__ import annotations

from ..clock import Clock, utc_now
from ..domain import errors as e
from ..domain.approvals import (
    Approval,
    ApprovalLimits,
    ApprovalRefused,
    approval_reason,
    check_binding,
)
from ..domain.guarded import GuardedSettings
from ..domain.money import Money
from ..domain.payments import Payment
from ..domain.policy import Action
from ..domain.reasons import AccessReason, ApprovalReason, Coded
from .api import Staff, StaffAuthority


class Authorization:
    def __init__(self, staff: StaffAuthority, guarded: GuardedSettings, *,
                 clock: Clock = utc_now) -> None:
        self._staff = staff
        self._guarded = guarded
        self._clock = clock

    @property
    def staff(self) -> StaffAuthority:
        return self._staff

    @property
    def guarded(self) -> GuardedSettings:
        """The refund limits and idle lock in force: the one place the till keeps them."""
        return self._guarded

    def set_guarded(self, values: GuardedSettings) -> None:
        self._guarded = values

    @property
    def limits(self) -> ApprovalLimits:
        return self._guarded.limits()

    def approval_reason(self, action: Action, amount: Money, payment: Payment
                        ) -> tuple[Coded, ...]:
        """Why a manager must approve this (empty: nobody need); raises OverRefund."""
        return approval_reason(action, amount, payment, self.limits)

    async def member(self, staff: Staff) -> Staff:
        """The person as the staff list knows them now."""
        stored = await self._staff.member(staff.id)
        if stored is None:
            raise e.ActionNotAllowed(AccessReason.NOT_ON_LIST, name=staff.name)
        return stored

    async def manager(self, staff: Staff) -> Staff:
        """The person, who must be a manager as stored."""
        stored = await self.member(staff)
        if not stored.is_manager:
            raise e.ApprovalRequired(ApprovalReason.NOT_A_MANAGER, name=stored.name)
        return stored

    async def authorize(
        self, action: Action, amount: Money, payment: Payment, staff: Staff,
        approval: Approval | None,
    ) -> tuple[Staff, Staff | None]:
        """Who acts and who approves, as the staff list knows them (the approver None when
        nobody need), or raises ApprovalRequired / ApprovalRefused; an approval given is used
        up here."""
        who = await self.member(staff)
        return who, await self._approver(action, amount, payment, who, approval)

    async def _approver(
        self, action: Action, amount: Money, payment: Payment, who: Staff,
        approval: Approval | None,
    ) -> Staff | None:
        why = self.approval_reason(action, amount, payment)
        if approval is not None:
            issued = await self._staff.consume_approval(approval.id)
            if issued is None:
                raise ApprovalRefused(ApprovalReason.NOT_ISSUED)
            check_binding(issued, payment.id, amount, action, self._clock())
            manager = await self._staff.member(issued.manager_id)
            if manager is None or not manager.is_manager:
                raise ApprovalRefused(ApprovalReason.NO_LONGER_MANAGER,
                                      name=issued.manager_name)
            return manager
        if who.is_manager:
            return who  # a signed-in manager approves their own
        if why:
            raise e.ApprovalRequired(ApprovalReason.NEEDED, needs=why)
        return None
