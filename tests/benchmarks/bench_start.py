"""Start-up time: from launching the app to its main window's first painted frame.

    python tests/benchmarks/bench_start.py [--runs 3] [--limit 2.0] [COMMAND...]

COMMAND defaults to the installed app (`pos-refunds`), else `python -m pos_refunds`. Each
run starts it in training mode in a fresh home folder (offscreen unless DISPLAY is set), waits
for the "first frame painted" line of its log, and stops it. Prints the wall-clock time the
launcher saw and the time the app measured from its own process start; with --limit, exits 1
when the best run is slower.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FIRST_FRAME = re.compile(r"first frame painted ([0-9.]+) s after the process started")


def one_run(command: list[str], timeout: float) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="pos-refunds-start-") as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config",
                   XDG_DATA_HOME=f"{home}/data", XDG_STATE_HOME=f"{home}/state",
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        started = time.perf_counter()
        child = subprocess.Popen([*command, "--training"], env=env, stderr=subprocess.PIPE,
                                 stdout=subprocess.DEVNULL, text=True)
        try:
            assert child.stderr is not None
            deadline = started + timeout
            for line in child.stderr:
                found = FIRST_FRAME.search(line)
                if found:
                    return time.perf_counter() - started, float(found.group(1))
                if time.perf_counter() > deadline:
                    break
            raise RuntimeError("the app did not report a painted window")
        finally:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(10)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, help="fail when the best run takes longer")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("command", nargs="*")
    args = parser.parse_args()
    command = args.command or ([shutil.which("pos-refunds")] if shutil.which("pos-refunds")
                               else [sys.executable, "-m", "pos_refunds"])
    walls = []
    for run in range(1, args.runs + 1):
        wall, inside = one_run(command, args.timeout)
        walls.append(wall)
        print(f"run {run}: window painted {wall:.2f} s after launch "
              f"({inside:.2f} s by the app's own clock)")
    best = min(walls)
    print(f"start to a painted window: best {best:.2f} s, worst {max(walls):.2f} s "
          f"({' '.join(command)})")
    if args.limit is not None and best > args.limit:
        print(f"slower than {args.limit:.1f} s", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
