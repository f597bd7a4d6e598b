"""Settings that guard money: the refund limits and the idle lock.

They are not kept in the user's settings file, where anyone at the PC could raise a limit
with a text editor: a manager changes them in Settings, each change is written to the journal
(chained, anchored at Stripe with the next money operation), and the values in force are the
newest the journal holds. Values found in the settings file are refused and said.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .approvals import DEFAULT_LIMITS, ApprovalLimits

IDLE_MINUTES_MIN, IDLE_MINUTES_MAX = 1, 480  # the till locks after 1 minute to 8 hours


@dataclass(frozen=True)
class GuardedSettings:
    refund_limits: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType(dict(DEFAULT_LIMITS)), hash=False
    )
    idle_lock_minutes: int = 5

    def __post_init__(self) -> None:
        limits = ApprovalLimits(dict(self.refund_limits))  # validates each limit
        object.__setattr__(self, "refund_limits", limits.per_currency)
        minutes = self.idle_lock_minutes
        if (not isinstance(minutes, int) or isinstance(minutes, bool)
                or not IDLE_MINUTES_MIN <= minutes <= IDLE_MINUTES_MAX):
            raise ValueError(f"the idle lock is {IDLE_MINUTES_MIN} to {IDLE_MINUTES_MAX} minutes")

    def limits(self) -> ApprovalLimits:
        return ApprovalLimits(dict(self.refund_limits))

    def to_json(self) -> dict[str, Any]:
        return {"refund_limits": dict(self.refund_limits),
                "idle_lock_minutes": self.idle_lock_minutes}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GuardedSettings:
        """Raises ValueError for anything that is not what `to_json` writes."""
        limits = data.get("refund_limits")
        minutes = data.get("idle_lock_minutes")
        if not isinstance(limits, Mapping) or not isinstance(minutes, int):
            raise ValueError("guarded settings need refund_limits and idle_lock_minutes")
        return cls(dict(limits), minutes)


# In force when the journal cannot be trusted to say what a manager set: every refund needs a
# manager, and the till locks as soon as by default.
STRICT = GuardedSettings(refund_limits={})
