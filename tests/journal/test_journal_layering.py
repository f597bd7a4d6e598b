"""The journal knows nothing of Qt or Stripe: it must run in a plain Python process."""

from __future__ import annotations

import ast
from pathlib import Path

import pos_refunds.journal

FORBIDDEN = {"PySide6", "shiboken6", "qasync", "stripe", "keyring", "httpx"}


def test_journal_imports_no_ui_or_network() -> None:
    package = Path(pos_refunds.journal.__file__).parent
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{module.name} imports {name}"


def test_modules_stay_small() -> None:
    package = Path(pos_refunds.journal.__file__).parent
    for module in package.glob("*.py"):
        assert len(module.read_text().splitlines()) < 300, module.name
