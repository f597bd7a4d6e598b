"""Shared fixtures: the training sandbox, with every answer checked against Stripe's schema;
and the settings every property test runs with."""

from __future__ import annotations

import os
import tempfile
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


class ContractRecorder:
    """``on_response`` hook: validates each /v1 answer and keeps the violations."""

    def __init__(self) -> None:
        self.violations: list[str] = []
        self.checked = 0

    def __call__(self, method: str, path: str, status: int, body: dict[str, Any]) -> None:
        self.checked += 1
        try:
            self.violations.extend(contract().errors(method, path, status, body))
        except LookupError as exc:
            self.violations.append(str(exc))


@pytest.fixture(scope="session")
def sandbox_session() -> Iterator[tuple[Sandbox, ContractRecorder]]:
    recorder = ContractRecorder()
    with Sandbox(on_response=recorder) as sandbox:
        yield sandbox, recorder


@pytest.fixture
def sandbox(sandbox_session: tuple[Sandbox, ContractRecorder]) -> Iterator[Sandbox]:
    """A started sandbox (shared by the session), freshly reset for this test.

    Every response it gives during the test must validate against the OpenAPI subset;
    a violation fails the test at teardown."""
    box, recorder = sandbox_session
    box.reset()
    recorder.violations.clear()
    yield box
    box.clear_faults()
    violations, recorder.violations = recorder.violations, []
    assert not violations, "responses outside the Stripe schema:\n" + "\n".join(violations[:20])
