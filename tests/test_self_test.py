"""The installer's self-test: `python -m pos_refunds --self-test` passes on this machine."""

from __future__ import annotations

import os
import subprocess
import sys


def test_self_test_passes_from_the_command_line(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "pos_refunds", "--self-test"], env=env,
                          capture_output=True, text=True, timeout=120)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(("PASS", "FAIL"))]
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(lines) >= 7 and all(ln.startswith("PASS") for ln in lines)
    assert "self-test passed" in done.stdout
    assert "sk_test_" not in done.stdout + done.stderr  # never a key, not even a test one


def test_self_test_reports_a_failure(qapp, monkeypatch) -> None:
    from pos_refunds import self_test

    def broken() -> str:
        raise FileNotFoundError("the Stripe SDK's CA bundle is missing (/nowhere)")

    monkeypatch.setattr(self_test, "sdk_check", broken)
    lines: list[str] = []
    assert self_test.run(lines.append) == 1
    assert "FAIL  Stripe SDK: the Stripe SDK's CA bundle is missing (/nowhere)" in lines
    assert lines[-1] == "self-test FAILED (1)"
