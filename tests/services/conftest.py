"""Each services test gets a freshly seeded sandbox: the tests move money."""

from __future__ import annotations

import pytest

from pos_refunds.sandbox import Sandbox


@pytest.fixture
def sandbox():
    with Sandbox(seed=11, payments=80, action_timeout=60.0) as sb:
        yield sb
