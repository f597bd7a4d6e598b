"""The schema check of every sandbox answer cannot switch itself off: anything raised while
checking fails the test, and a session whose tests used the sandbox but checked nothing fails."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

import tests.conftest as shared
from pos_refunds.sandbox import Sandbox
from tests.conftest import ContractRecorder

ROOT = Path(__file__).resolve().parent.parent


def _get_account(box: Sandbox) -> None:
    answer = httpx.get(f"{box.url}/v1/account",
                       headers={"Authorization": f"Bearer {box.api_key}"}, timeout=10)
    assert answer.status_code == 200


def test_a_check_that_raises_is_a_violation(monkeypatch) -> None:
    """Not only a path missing from the schema (LookupError): any error inside the check."""

    def broken():
        raise FileNotFoundError("stripe-subset.json")

    monkeypatch.setattr(shared, "contract", broken)
    recorder = ContractRecorder()
    recorder("GET", "/v1/account", 200, {"id": "acct_1"})
    assert recorder.checked == 1
    (violation,) = recorder.violations
    assert "FileNotFoundError" in violation and "GET /v1/account" in violation


def test_what_the_sandbox_swallows_in_its_hook_reaches_the_test() -> None:
    """The sandbox logs a failing hook and still answers; the failure is kept for the test."""

    def hook(method, path, status, body) -> None:
        raise RuntimeError("hook broke")

    recorder = ContractRecorder()
    with Sandbox(on_response=hook, payments=2) as box:
        _get_account(box)
        problems = recorder.take(box)
        assert problems and "RuntimeError('hook broke')" in problems[0]
        assert box.hook_failures == []  # taken once


def test_a_session_that_checked_nothing_is_unchecked() -> None:
    recorder = ContractRecorder()
    assert recorder.unchecked() == ""  # no sandbox test, nothing to say
    recorder.tests = 3
    assert "no answer was checked" in recorder.unchecked()
    recorder("GET", "/v1/account", 200, {})
    assert recorder.unchecked() == ""


@pytest.fixture
def inner(pytester, monkeypatch):
    """A pytest session of its own, using this suite's sandbox fixtures."""
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    pytester.makeconftest("from tests.conftest import sandbox, sandbox_session  # noqa: F401\n")
    return pytester


def _run(pytester):
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:randomly",
                                         "-p", "no:xdist", "-q")


def test_a_broken_check_fails_the_test_in_a_real_session(inner) -> None:
    inner.makepyfile(test_broken="""
        import httpx
        import tests.conftest as shared

        def test_talks_to_stripe(sandbox, monkeypatch):
            monkeypatch.setattr(shared, "contract", lambda: 1 / 0)
            r = httpx.get(sandbox.url + "/v1/account",
                          headers={"Authorization": "Bearer " + sandbox.api_key})
            assert r.status_code == 200
    """)
    result = _run(inner)
    result.assert_outcomes(passed=1, errors=1)  # the error is the test's teardown
    result.stdout.fnmatch_lines(["*the schema check itself failed: ZeroDivisionError*"])


def test_a_sandbox_session_that_checked_nothing_fails(inner) -> None:
    inner.makepyfile(test_silent="""
        import tests.conftest as shared

        def test_with_the_check_off(sandbox, monkeypatch):
            monkeypatch.setattr(sandbox._api, "on_response", None)
            import httpx
            r = httpx.get(sandbox.url + "/v1/account",
                          headers={"Authorization": "Bearer " + sandbox.api_key})
            assert r.status_code == 200
    """)
    result = _run(inner)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*used the sandbox but no answer was checked*"])
    assert result.ret != 0


