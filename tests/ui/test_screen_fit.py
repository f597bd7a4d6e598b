"""Dialogs fit a shop PC's screen: each probe runs in a child process on an offscreen screen
of that size (Qt's offscreen platform takes its screens from a config file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_probe(tmp_path: Path, width: int, height: int) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "shop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.ui.fit_probe"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 768)])
def test_the_reader_refund_fits_before_and_after_a_refund(tmp_path: Path, width: int,
                                                          height: int) -> None:
    found = run_probe(tmp_path, width, height)
    sx, sy, sw, sh = found["screen"]
    for when in ("opened", "after"):
        x, y, w, h = found[when]
        assert w <= sw and h <= sh, (when, found)
        assert y >= sy and y + h <= sy + sh, (when, found)  # Close stays in reach
    assert found["rows_seen"] >= 5  # five readers in sight at once
