"""One flow object per user action, in the manner of Anki's `CollectionOp`.

A flow asks the services whether a manager must approve (the services alone decide), asks for
the PIN through the prompts service, runs its task in a scope of the window's task registry,
and reports busy, progress and an `Outcome` (or the error) by signal. Words come from the
presenter, never from a flow.
"""

from .base import Flow, FlowBackEnd
from .money import CancelFlow, CaptureFlow, MoneyFlows, RefundOnlineFlow
from .outcome import Done, Outcome

__all__ = ["CancelFlow", "CaptureFlow", "Done", "Flow", "FlowBackEnd", "MoneyFlows", "Outcome",
           "RefundOnlineFlow"]
