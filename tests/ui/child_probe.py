"""A probe module run as a child process on an offscreen screen of a given size, with its own
home and data folders (so probes in parallel never share a till); its last stdout line is JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_child(module: str, tmp_path: Path, width: int, height: int, *,
              env: dict[str, str] | None = None, timeout: float = 400) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "shop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    home = tmp_path / "home"
    inherited = {k: v for k, v in os.environ.items() if k != "POS_PROBE_SHOTS"}
    child = {**inherited, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
             "PYTHONPATH": str(ROOT), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
             "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
             "XDG_CACHE_HOME": str(home / "cache"), **(env or {})}
    done = subprocess.run([sys.executable, "-m", module], cwd=ROOT, env=child,
                          capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
