"""Work-arounds for defects of the Qt binding we ship with, each one probed before it is applied.

PySide6 6.12.0 on Python 3.11: `SignalInstance.emit()` returns `True` without taking a
reference to it, so every emit made from Python drops one reference to `True`. After a few
hundred emits the count reaches zero and the interpreter aborts ("Fatal Python error:
bool_dealloc: deallocating True or False"). Python 3.12+ makes `True` immortal, which hides it.

`install_emit_fix()` measures one emit; only if it leaks does it wrap `emit` to give the
reference back. Call it once at start-up (app, tests), before any signal is emitted; calling
it again is harmless.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_installed = False


class _Probe(QObject):
    ping = Signal()


def _incref() -> Any:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    return incref


def emit_leaks_true() -> bool:
    """Whether an emit from Python drops a reference to `True` (the 6.12.0 defect).

    The references the probe itself dropped are given back.
    """
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        _incref()(True)
    return lost > 0


def install_emit_fix() -> bool:
    """Give back the reference `emit` drops, if it drops one; True when the fix is in place."""
    global _installed
    if _installed:
        return True
    if not emit_leaks_true():
        return False
    original = SignalInstance.emit
    incref = _incref()

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _installed = True
    return True
