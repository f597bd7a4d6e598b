"""The package's layers, checked on the source: who may import what.

Parses every .py file under pos_refunds/ (whatever exists now: files are added all the time),
resolves relative imports, and asserts style.md's rules. Imports inside functions and under
`if TYPE_CHECKING:` count too: a lazy import of Qt in the domain is still a dependency on Qt.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pos_refunds"

QT = ("PySide6", "shiboken6", "qasync")
DOMAIN_FORBIDDEN = (
    *QT, "stripe", "keyring", "sqlite3", "httpx",
    "pos_refunds.ui", "pos_refunds.gateway", "pos_refunds.journal",
    "pos_refunds.services", "pos_refunds.sandbox",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Absolute names of every module `path` imports (for `from a import b`: a and a.b)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")
                base_parts = base_parts[: len(base_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def _is_dynamic_import(node: ast.Call) -> bool:
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    return name in ("import_module", "__import__") and bool(node.args)


def matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def files_under(*parts: str) -> list[Path]:
    return sorted(PACKAGE.joinpath(*parts).rglob("*.py"))


ALL_FILES = files_under()


def violations(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in paths
        for name in sorted(imports_of(p))
        if matches(name, forbidden)
    ]


def _under(path: Path, layer: str) -> bool:
    return path.relative_to(PACKAGE).parts[0] == layer


def test_the_package_is_found() -> None:
    assert PACKAGE.joinpath("domain", "money.py") in ALL_FILES
    assert len(ALL_FILES) >= 5


def test_domain_is_plain_python() -> None:
    assert violations(files_under("domain"), DOMAIN_FORBIDDEN) == []


def test_sandbox_stands_alone() -> None:
    """The training sandbox is a Stripe look-alike: it shares no code with the app."""
    paths = files_under("sandbox")
    outside = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in paths
        for name in sorted(imports_of(p))
        if matches(name, ("pos_refunds",)) and not matches(name, ("pos_refunds.sandbox",))
    ]
    assert outside == []
    assert violations(paths, (*QT, "stripe")) == []


def test_only_the_gateway_imports_stripe() -> None:
    others = [p for p in ALL_FILES if not _under(p, "gateway")]
    assert violations(others, ("stripe",)) == []


def test_only_the_journal_and_the_staff_list_import_sqlite3() -> None:
    """The staff list keeps its own file (staff.sqlite3); the journal's stays the journal's."""
    others = [p for p in ALL_FILES if not (_under(p, "journal") or _under(p, "staff"))]
    assert violations(others, ("sqlite3",)) == []


def test_the_staff_list_stays_out_of_the_journal() -> None:
    assert violations(files_under("staff"), ("pos_refunds.journal", "pos_refunds.ui")) == []
    assert violations(files_under("journal"), ("pos_refunds.staff",)) == []


@pytest.mark.parametrize(
    "layer", ["domain", "gateway", "journal", "printers", "services", "staff"])
def test_no_qt_below_the_ui(layer: str) -> None:
    assert violations(files_under(layer), QT) == []


# --- the checker itself ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import PySide6.QtCore", "PySide6.QtCore"),
        ("from PySide6 import QtWidgets", "PySide6.QtWidgets"),
        ("import stripe as s", "stripe"),
        ("def f():\n    import sqlite3", "sqlite3"),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import keyring", "keyring"),
        ("import importlib\nimportlib.import_module('qasync')", "qasync"),
        ("from ..gateway import mapping", "pos_refunds.gateway.mapping"),
        ("from ..ui.views import x", "pos_refunds.ui.views"),
        ("from . import money", "pos_refunds.domain.money"),
        ("from .money import Money", "pos_refunds.domain.money"),
    ],
)
def test_imports_are_found(
    source: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = PACKAGE / "domain" / "_layering_probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert expected in imports_of(fake)


def test_a_violation_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = PACKAGE / "domain" / "_layering_probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: "from ..ui import app")
    assert violations([fake], DOMAIN_FORBIDDEN) == [
        "pos_refunds/domain/_layering_probe.py imports pos_refunds.ui",
        "pos_refunds/domain/_layering_probe.py imports pos_refunds.ui.app",
    ]


def test_similar_names_are_not_confused() -> None:
    assert not matches("stripe_helpers", ("stripe",))
    assert not matches("pos_refunds.sandboxing", ("pos_refunds.sandbox",))
    assert matches("pos_refunds.sandbox.store", ("pos_refunds.sandbox",))
