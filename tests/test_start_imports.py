"""Start-up imports only what the first screen needs: no `requests` (the SDK's sync client is
never used), no barcode or image library (the first slip loads them), and not the dialogs the
window opens on first use (the worker thread imports them once the list has loaded)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NOT_AT_START = ("requests", "PIL", "barcode", "escpos",
                *(f"pos_refunds.ui.dialogs.{name}" for name in (
                    "reader_refund_dialog", "end_of_day", "refund_slip_dialog", "journal_dialog",
                    "settings_dialog")))


def test_the_first_screen_imports_only_what_it_needs() -> None:
    code = (
        "import sys, pos_refunds.__main__\n"
        f"print(sorted({{m.split('.')[0] if m.split('.')[0] != 'pos_refunds' else m "
        f"for m in sys.modules}} & set({NOT_AT_START!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_the_sdk_still_works_and_requests_stays_importable() -> None:
    """Only the app's entry script hides it, for the SDK's import alone."""
    code = (
        "import pos_refunds.gateway.lean_sdk, stripe, requests\n"
        "print(type(stripe.HTTPXClient()).__name__, requests.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["HTTPXClient", "requests"], out.stderr
