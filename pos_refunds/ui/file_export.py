"""Writing an export file without touching the disk on the UI thread, and never half-written.

The file is written next to its final name and renamed into place when complete, so a
manager never opens a truncated export; every disk call runs in the loop's default executor.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from ..blocking import run_blocking
from ..domain.errors import PosError
from ..domain.reasons import FileReason

# Spreadsheets (Excel in particular) read UTF-8 only when the file starts with a BOM.
CSV_ENCODING = "utf-8-sig"


class SaveFailed(PosError):
    """A file could not be written; its reason (FileReason) says which way."""


def saving_error(path: Path, error: OSError) -> SaveFailed:
    why = error.strerror or type(error).__name__
    return SaveFailed(FileReason.NOT_WRITTEN, file=path.name, folder=str(path.parent), why=why)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


async def write_text_file(
    path: str | Path,
    fill: Callable[[TextIO], Awaitable[None]],
    *,
    encoding: str = CSV_ENCODING,
) -> Path:
    """Open a temporary file beside `path`, let `fill` write it, then move it into place.

    `fill` receives the open file and may hand it to another worker (the journal's) as long
    as it is done with it when its awaitable ends. OSError comes out as SaveFailed. If the
    caller is cancelled, the file is closed and removed once `fill` has let go of it.
    """
    target = Path(path)
    partial = target.with_name(f".{target.name}.part")
    loop = asyncio.get_running_loop()
    try:
        file: TextIO = await run_blocking(
            functools.partial(open, partial, "w", encoding=encoding, newline=""))
    except OSError as error:
        raise saving_error(target, error) from error
    writing = loop.create_task(_filled(fill, file))
    try:
        await asyncio.shield(writing)
    except asyncio.CancelledError:
        def after(task: asyncio.Task[None]) -> None:
            if not task.cancelled():
                task.exception()  # retrieved: the caller is gone, the file is dropped anyway
            loop.run_in_executor(None, _discard, file, partial)

        writing.add_done_callback(after)
        raise
    except BaseException as error:
        await run_blocking(functools.partial(_discard, file, partial))
        if isinstance(error, OSError):
            raise saving_error(target, error) from error
        raise
    try:
        await run_blocking(file.close)
        await run_blocking(functools.partial(os.replace, partial, target))
    except OSError as error:
        await run_blocking(functools.partial(_discard, file, partial))
        raise saving_error(target, error) from error
    return target


async def _filled(fill: Callable[[TextIO], Awaitable[None]], file: TextIO) -> None:
    """`fill` as a task of its own, so a cancelled caller does not cut it off mid-write."""
    await fill(file)


def _discard(file: TextIO, partial: Path) -> None:
    with contextlib.suppress(OSError, ValueError):
        file.close()
    _remove_quietly(partial)


async def write_text(path: str | Path, text: str, *, encoding: str = CSV_ENCODING) -> Path:
    """`text` into `path`, the same safe way."""

    async def fill(file: TextIO) -> None:
        await run_blocking(functools.partial(file.write, text))

    return await write_text_file(path, fill, encoding=encoding)
