"""Run a blocking call off the Qt thread, in the loop's default executor.

The one wrapper every layer uses. It takes no arguments on purpose: executors log what they are
handed at debug level (qasync does), so a key travels inside a closure, never as an argument.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def run_blocking(func: Callable[[], T]) -> T:
    return await asyncio.get_running_loop().run_in_executor(None, func)
