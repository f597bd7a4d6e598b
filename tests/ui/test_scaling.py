"""The app fits a shop PC's 1366×768 screen at Windows' display scaling of 100, 125 and 150 %,
in English and in French: the sign-in, the main window with a payment open, and every dialog
a day opens (the screens language_probe.py walks). Each run is one child process on an
offscreen screen of the logical size the app sees once the taskbar (40 px) and a title bar
(30 px) are taken; scale_probe.py walks all the screens in it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TASKBAR, TITLE_BAR = 40, 30  # physical px, and logical px


def room(scale: float) -> tuple[int, int]:
    """1366×768 at `scale`: the logical size left for a window's contents."""
    return round(1366 / scale), round((768 - TASKBAR) / scale - TITLE_BAR)


def run_probe(tmp_path: Path, width: int, height: int, language: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "shop", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "PYTHONPATH": str(ROOT), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "POS_PROBE_LANGUAGE": language}
    env.pop("POS_PROBE_SHOTS", None)
    done = subprocess.run([sys.executable, "-m", "tests.ui.scale_probe"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize(("scale", "language"), [
    (1.0, "en"), (1.25, "en"), (1.25, "fr"), (1.5, "en"), (1.5, "fr")])
def test_every_screen_fits_the_scaled_screen(tmp_path: Path, scale: float,
                                             language: str) -> None:
    width, height = room(scale)
    found = run_probe(tmp_path, width, height, language)
    names = [s["screen"] for s in found["screens"]]
    assert {"sign-in", "main", "refund", "end-of-day", "about"} <= set(names), names
    for screen in found["screens"]:
        # The window's frame inside the screen's room, nothing cut off by it or by a parent
        # (what lies in a scroll area's viewport scrolls into sight).
        assert screen["fits"] and screen["outside"] == [], screen
