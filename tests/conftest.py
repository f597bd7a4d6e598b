"""Shared fixtures: the training sandbox, with every answer checked against Stripe's schema;
and the settings every property test runs with."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

# Every test that builds a widget runs offscreen, whichever test files are chosen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hypothesis keeps caches (and, on a failure, patch files) in a folder; never in the repo.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY",
                      str(Path(tempfile.gettempdir()) / "pos-refunds-hypothesis"))

from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from pos_refunds.sandbox import Sandbox  # noqa: E402
from tests.contract import contract  # noqa: E402

# Property tests: the same examples on every run and every machine (derandomize: no random seed,
# no date), no deadline (a slow CI box is not a failure), no example database to write, and few
# enough examples that every property file runs in seconds. To hunt further on your own machine:
# `pytest --hypothesis-profile=explore tests/domain`.
settings.register_profile("ci", derandomize=True, deadline=None, database=None,
                          max_examples=200, print_blob=True)
settings.register_profile("explore", deadline=None, database=None, max_examples=20_000,
                          print_blob=True)
settings.load_profile("ci")

# tests/test_contract_guard.py runs small sessions of its own to prove the check cannot be off.
pytest_plugins = ["pytester"]


class ContractRecorder:
    """``on_response`` hook: validates each /v1 answer and keeps the violations.

    Nothing inside it may pass silently: a check that cannot run (the schema missing, a bug in
    the validator, anything raised) is a violation too. ``tests`` counts the tests that used it,
    so a session whose tests talked to the sandbox but checked nothing fails (`unchecked`)."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.checked = 0
        self.writes = 0  # answers to anything but GET: what changed Stripe's state
        self.tests = 0
        self._lock = threading.Lock()

    def __call__(self, method: str, path: str, status: int, body: dict[str, Any]) -> None:
        with self._lock:
            self.checked += 1
            self.writes += method != "GET"
        try:
            found = contract().errors(method, path, status, body)
        except Exception as exc:  # a check that cannot run is a failure, never a pass
            found = [f"{method} {path} -> {status}: the schema check itself failed: {exc!r}"]
        self.violations.extend(found)

    def take(self, box: Sandbox) -> list[str]:
        """The violations so far, and whatever raised in the sandbox's hook; then none."""
        found, self.violations = self.violations, []
        failures = list(box.hook_failures)
        del box.hook_failures[: len(failures)]
        return found + [f"the on_response hook raised: {f}" for f in failures]

    def unchecked(self) -> str:
        """Why the session's contract check proved nothing ("" when it did)."""
        if self.tests and not self.checked:
            return (f"{self.tests} test(s) used the sandbox but no answer was checked against "
                    "Stripe's schema: the contract check is not running")
        return ""


@pytest.fixture(scope="session")
def sandbox_session() -> Iterator[tuple[Sandbox, ContractRecorder]]:
    recorder = ContractRecorder()
    with Sandbox(on_response=recorder) as sandbox:
        yield sandbox, recorder
    if why := recorder.unchecked():
        pytest.fail(why, pytrace=False)


@pytest.fixture
def sandbox(sandbox_session: tuple[Sandbox, ContractRecorder]) -> Iterator[Sandbox]:
    """A started sandbox (shared by the session), freshly reset for this test.

    Every response it gives during the test must validate against the OpenAPI subset;
    a violation, or a check that could not run, fails the test at teardown."""
    box, recorder = sandbox_session
    box.reset()
    recorder.take(box)
    recorder.tests += 1
    yield box
    box.clear_faults()
    problems = recorder.take(box)
    assert not problems, "responses outside the Stripe schema:\n" + "\n".join(problems[:20])


@pytest.fixture(scope="session")
def _gc_on_gui_thread(qapp) -> Iterator[None]:  # noqa: ANN001
    """As in the app: cyclic garbage (Qt objects among it) is collected on the GUI thread
    from a timer, never on the sandbox's HTTP thread, and never by Python itself in the middle
    of a Qt destructor (a collection there deleted another QObject, whose destructor waited
    for a lock the first one held: a test's teardown hung)."""
    from pos_refunds.ui.gc_guard import MainThreadCollector

    collector = MainThreadCollector(interval_ms=200)
    collector.start()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> None:
    """Any test with Qt objects, wherever it is (it asks for qapp or qtbot)."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        request.getfixturevalue("_gc_on_gui_thread")
