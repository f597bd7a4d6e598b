"""The app fits a shop PC's 1366×768 screen at Windows' display scaling of 100, 125 and 150 %,
in English and in French: the sign-in, the main window with a payment open, and every dialog
a day opens (the screens language_probe.py walks). Each run is one child process on an
offscreen screen of the logical size the app sees once the taskbar (40 px) and a title bar
(30 px) are taken; scale_probe.py walks all the screens in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.child_probe import run_child

TASKBAR, TITLE_BAR = 40, 30  # physical px, and logical px


def room(scale: float) -> tuple[int, int]:
    """1366×768 at `scale`: the logical size left for a window's contents."""
    return round(1366 / scale), round((768 - TASKBAR) / scale - TITLE_BAR)


def run_probe(tmp_path: Path, width: int, height: int, language: str) -> dict:
    return run_child("tests.ui.scale_probe", tmp_path, width, height,
                     env={"POS_PROBE_LANGUAGE": language}, timeout=300)


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
