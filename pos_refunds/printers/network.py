"""Bytes to a network receipt printer's raw port (9100), with asyncio streams and a timeout.

Whatever goes wrong becomes `PrinterUnreachable` with a reason code: the UI says it in words.
"""

from __future__ import annotations

import asyncio
import enum
import errno
import socket

DEFAULT_PORT = 9100
DEFAULT_TIMEOUT = 5.0


class Unreachable(enum.Enum):
    UNKNOWN_HOST = "unknown_host"  # the name does not resolve
    REFUSED = "refused"  # the host answered: nothing listens on that port
    TIMEOUT = "timeout"  # no answer in time (off, asleep, wrong address)
    NO_ROUTE = "no_route"  # the network says the host cannot be reached
    DROPPED = "dropped"  # connected, then the printer closed before taking the slip


class PrinterUnreachable(Exception):
    def __init__(self, reason: Unreachable, host: str, port: int) -> None:
        super().__init__(f"{reason.value}: {host}:{port}")
        self.reason, self.host, self.port = reason, host, port


def _reason(error: OSError) -> Unreachable:
    if isinstance(error, socket.gaierror):
        return Unreachable.UNKNOWN_HOST
    if isinstance(error, ConnectionRefusedError):
        return Unreachable.REFUSED
    if isinstance(error, TimeoutError):
        return Unreachable.TIMEOUT
    if error.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN):
        return Unreachable.NO_ROUTE
    return Unreachable.DROPPED


async def send_to_printer(host: str, port: int, data: bytes, *,
                          timeout: float = DEFAULT_TIMEOUT) -> None:
    """Connect, write everything, wait until it left, close; PrinterUnreachable otherwise."""
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(host, port)
            try:
                writer.write(data)
                await writer.drain()
                writer.write_eof()
            finally:
                writer.close()
                try:
                    await writer.wait_closed()
                except OSError:
                    pass
            del reader
    except TimeoutError as error:
        raise PrinterUnreachable(Unreachable.TIMEOUT, host, port) from error
    except OSError as error:
        raise PrinterUnreachable(_reason(error), host, port) from error
