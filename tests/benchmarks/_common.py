"""Helpers shared by the benchmarks: the sandbox as its own process, with an access log.

`SandboxProcess` runs `python -m pos_refunds.sandbox` in a child process whose only change is
that the sandbox's own request log (``pos_refunds.sandbox.server``, one line a request, logged
at DEBUG and dropped by default) goes to a file, each line stamped with `time.time()`. Any
process on the machine can then count what the sandbox received in a window of time.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout

# The sandbox's __main__, its request log switched on (nothing else changes).
_SERVE = """
import logging, sys
handler = logging.FileHandler(sys.argv[1], encoding="utf-8")
handler.setFormatter(logging.Formatter("%(created).6f %(message)s"))
access = logging.getLogger("pos_refunds.sandbox.server")
access.addHandler(handler)
access.setLevel(logging.DEBUG)
access.propagate = False
from pos_refunds.sandbox.__main__ import main
sys.exit(main(sys.argv[2:]))
"""
_LINE = re.compile(r'^(\d+\.\d+) \S+ "(\w+) (\S+)')


def rss_mib(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory of a process (VmRSS; VmHWM: its peak), MiB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


@dataclass(frozen=True)
class Request:
    at: float  # time.time() when the sandbox answered
    method: str
    path: str  # with its query


def read_access_log(path: Path | str, since: float = 0.0, until: float = float("inf"),
                    *, skip: str | None = None) -> list[Request]:
    """The requests the sandbox logged in [since, until]; `skip`: a regex of paths left out
    (the benchmark's own control requests)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if not m:
                continue
            at = float(m.group(1))
            if since <= at <= until and not (skip and re.search(skip, m.group(3))):
                out.append(Request(at, m.group(2), m.group(3)))
    return out


class SandboxProcess:
    """`python -m pos_refunds.sandbox --port 0 --payments N` with its access log in `log`."""

    def __init__(self, payments: int, log: Path, *, seed: int = 1) -> None:
        self.log = log
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _SERVE, str(log), "--port", "0", "--payments",
             str(payments), "--seed", str(seed)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().split()[-1]
        self.api_key = self.proc.stdout.readline().split()[-1]
        self.ready_seconds = time.perf_counter() - started  # seeding included
        self.pid = self.proc.pid

    def requests(self, since: float = 0.0, until: float = float("inf"),
                 skip: str | None = None) -> list[Request]:
        return read_access_log(self.log, since, until, skip=skip)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> SandboxProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_child(script: Path, args: list[str], timeout: float = 300.0, *,
              echo_stderr: bool = False) -> dict:
    """Run `script args` in a fresh interpreter; its last stdout line is a JSON object."""
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)
    if echo_stderr:
        sys.stderr.write(done.stderr)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{script.name} {' '.join(args)} failed ({done.returncode}):\n"
                           f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(lines[-1])
