"""Uncaught exceptions: logged with their traceback, then told to the person in words.

`install` replaces `sys.excepthook` and `threading.excepthook`; `loop_handler` is for an
asyncio (qasync) loop's `set_exception_handler`. `tell` is the UI's (the presenter's box); a
failure inside it is logged, never raised from the hook.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any

log = logging.getLogger("pos_refunds.crash")

Tell = Callable[[BaseException], None]


def _tell_safely(tell: Tell | None, error: BaseException) -> None:
    if tell is None:
        return
    try:
        tell(error)
    except Exception:  # the UI may be half gone; the log has the original already
        log.exception("could not show the unexpected error")


def excepthook(tell: Tell | None) -> Callable[..., None]:
    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.critical("uncaught exception", exc_info=(kind, error, tb))
        _tell_safely(tell, error)
    return hook


def thread_hook(tell: Tell | None) -> Callable[[threading.ExceptHookArgs], None]:
    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        log.critical("uncaught exception in thread %s", name,
                     exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
        _tell_safely(tell, args.exc_value)
    return hook


def loop_handler(tell: Tell | None) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]],
                                                 None]:
    """For `loop.set_exception_handler`: a task nobody awaited, a failing callback."""
    def handle(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        message = context.get("message", "unhandled error in the event loop")
        if isinstance(error, asyncio.CancelledError):
            return
        if error is None:
            log.error("%s", message)
            return
        log.critical("%s", message, exc_info=(type(error), error, error.__traceback__))
        _tell_safely(tell, error)
    return handle


def install(tell: Tell | None) -> None:
    sys.excepthook = excepthook(tell)
    threading.excepthook = thread_hook(tell)
