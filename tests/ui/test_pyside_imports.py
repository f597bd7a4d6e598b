"""PySide6's look at each module imported after it: the same answers from the file's bytes,
without the sources kept in memory."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_refunds.ui.pyside_imports import check_imports_lightly

ROOT = Path(__file__).resolve().parents[2]


def test_the_light_check_answers_as_pysides_own() -> None:
    check_imports_lightly()  # (installed when the module was imported; once only)
    assert not check_imports_lightly()
    feature = sys.modules["shibokensupport.feature"]
    light = feature._mod_uses_pyside
    original = light.original
    for name in ("pos_refunds.ui.main_window", "pos_refunds.domain.money", "stripe._charge",
                 "json", "sys", "_socket"):
        module = importlib.import_module(name)
        assert light(module) == original(module), name
    assert light(importlib.import_module("pos_refunds.ui.main_window"))
    assert not light(importlib.import_module("stripe._charge"))


def test_pysides_own_check_is_still_there() -> None:
    """What the light check stands on: PySide6 still asks `_mod_uses_pyside` and records the
    answer by module name (a PySide6 without it: nothing is changed, nothing breaks)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        pytest.skip("this PySide6 has no __feature__ support")
    assert callable(feature._mod_uses_pyside)
    assert isinstance(feature.pyside_feature_dict, dict)


def test_the_apps_start_keeps_no_module_source_in_memory() -> None:
    code = (
        "import linecache, sys, pos_refunds.__main__\n"
        "seen = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "print(seen.get('stripe._http_client'), seen.get('pos_refunds.ui.main_window'),\n"
        "      sum(any(p in f for p in ('/stripe/', '/httpx/', '/pos_refunds/'))\n"
        "          for f in linecache.cache))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["-1", "0", "0"], out.stdout + out.stderr
