"""The driver's handle on one till child process: start it, send commands, read its lines,
wait for a line (never for a fixed time), SIGKILL it."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # the checkout: `tests` is importable from here
START_BOUND = 30.0  # seconds a till may take to open (its start-up recovery included)


class TillProcess:
    """One running copy of `tests.campaign.till` over one journal."""

    def __init__(self, name: str, till_id: str, journal: Path, *, api_base: str, api_key: str,
                 logs: Path, timeout: float) -> None:
        self.name = name  # what the traces call it ("till-1", "till-1 copy")
        self.till_id = till_id
        self.journal = journal
        self._argv = [sys.executable, "-m", "tests.campaign.till", "--journal", str(journal),
                      "--api-base", api_base, "--api-key", api_key, "--till", till_id,
                      "--timeout", str(timeout)]
        self._log_path = logs / f"{name.replace(' ', '-')}.stderr.log"
        self.proc: asyncio.subprocess.Process | None = None
        self.lines: list[dict[str, Any]] = []  # every line of the current process
        self.started: dict[str, Any] = {}  # its first line (ready, till_in_use, ...)
        self.exit_code: int | None = None
        self.kills = 0
        self.generation = 0  # one more at each start: a command belongs to one process
        self._next_id = 0
        self._changed = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    # ---- lifecycle ------------------------------------------------------------------------

    async def start(self) -> str:
        """Start a fresh process; its first event (ready, till_in_use, start_failed) or
        no_answer when it says nothing within the bound."""
        self.lines = []
        self.started = {}
        self.exit_code = None
        self.generation += 1
        with open(self._log_path, "ab") as log:
            log.write(f"---- start {time.strftime('%H:%M:%S')}\n".encode())
            self.proc = await asyncio.create_subprocess_exec(
                *self._argv, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=log, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        self._reader = asyncio.get_running_loop().create_task(self._read(self.proc))
        await self.wait_for(lambda: bool(self.lines) or not self.alive, START_BOUND)
        if self.lines:
            self.started = self.lines[0]
            return str(self.started.get("event"))
        if not self.alive:
            return "exited"
        return "no_answer"

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.exit_code is None

    @property
    def ready(self) -> bool:
        return self.alive and self.started.get("event") == "ready"

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        while True:
            raw = await proc.stdout.readline()
            if not raw:
                break
            try:
                line = json.loads(raw)
            except json.JSONDecodeError:
                continue  # half a line written when the kill came
            line["_t"] = time.monotonic()
            self.lines.append(line)
            self._poke()
        self.exit_code = await proc.wait()
        self._poke()

    def _poke(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for(self, cond: Callable[[], bool], bound: float) -> bool:
        """Until `cond()` holds (re-checked at every line and at exit), or `bound` seconds."""
        deadline = time.monotonic() + bound
        while not cond():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), left)
        return True

    def changed(self) -> asyncio.Event:
        """Set at the next line or exit (for waits that also watch the sandbox)."""
        return self._changed

    def kill(self) -> None:
        """SIGKILL, at once: whatever the till was doing is cut there."""
        if self.alive and self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
            self.kills += 1

    async def reaped(self, bound: float = 10.0) -> None:
        if self._reader is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._reader), bound)

    async def quit(self, bound: float = 30.0) -> None:
        """Ask it to finish what it runs and exit; SIGKILL if it will not."""
        if not self.alive:
            return
        self.send({"op": "quit"})
        if not await self.wait_for(lambda: not self.alive, bound):
            self.kill()
        await self.reaped()

    # ---- commands ---------------------------------------------------------------------------

    def send(self, cmd: dict[str, Any]) -> int:
        """Write one command; its id (the result line carries it)."""
        self._next_id += 1
        cid = self._next_id
        if self.alive and self.proc is not None and self.proc.stdin is not None:
            data = json.dumps({"id": cid, **cmd}).encode() + b"\n"
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.proc.stdin.write(data)
        return cid

    def result(self, cid: int) -> dict[str, Any] | None:
        for line in self.lines:
            if line.get("id") == cid and line.get("event") == "result":
                return line
        return None

    def progress(self, cid: int) -> list[dict[str, Any]]:
        return [ln for ln in self.lines if ln.get("id") == cid and ln.get("event") == "progress"]

    async def call(self, cmd: dict[str, Any], bound: float = 60.0) -> dict[str, Any] | None:
        """Send and wait for the result (None: no answer, or the till died)."""
        cid = self.send(cmd)
        gen = self.generation
        await self.wait_for(lambda: self.result(cid) is not None or not self.alive
                            or self.generation != gen, bound)
        return self.result(cid) if self.generation == gen else None
