"""Every screen of a day at the till, in French: no word that skipped the catalogue, no text cut
off. The probe (language_probe.py) runs the real app in training mode in a child process, on an
offscreen screen of a shop PC's size, with every French translation marked ⟦…⟧."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.child_probe import run_child


def run_probe(tmp_path: Path, width: int, height: int) -> dict:
    return run_child("tests.ui.language_probe", tmp_path, width, height)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 768)])
def test_every_screen_reads_french_and_nothing_is_cut(tmp_path: Path, width: int,
                                                      height: int) -> None:
    found = run_probe(tmp_path, width, height)
    assert found["untranslated"] == []
    assert found["clipped"] == []
