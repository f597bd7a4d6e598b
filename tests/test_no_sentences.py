"""No sentence below the UI: the layers speak in reason codes, `ui/messages.py` in words.

An AST scan of every module under domain/, services/, gateway/, staff/, journal/ and of
keychain.py: a string literal that reads as a sentence (three words or more starting with a
capital, or two or more ending like a sentence) fails, wherever it is — a constant, an
f-string, a dict of words. Docstrings, logging calls and the arguments of programmer errors
(ValueError, TypeError, AssertionError, RuntimeError...) are not for the cashier and pass.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pos_refunds"
LAYERS = ("domain", "services", "gateway", "staff", "journal")
PROGRAMMER_ERRORS = {
    "ValueError", "TypeError", "AssertionError", "RuntimeError", "KeyError", "LookupError",
    "NotImplementedError", "InvalidTransition", "UnknownOperation", "JournalError",
}
LOG_METHODS = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
ENDINGS = (".", "…", "!", "?", ":")


def modules() -> list[Path]:
    found = [p for layer in LAYERS for p in sorted(PACKAGE.joinpath(layer).rglob("*.py"))]
    return [*found, PACKAGE / "keychain.py"]


def reads_as_sentence(text: str) -> bool:
    """Three words or more, the first capitalised (not SQL's SELECT) and most of the others in
    lower case (not a product name such as "Stripe Reader S700"); or two words or more ending
    like a sentence."""
    words = text.split()
    if not words:
        return False
    head = words[0].lstrip("“\"'(")
    if len(head) > 1 and head.isupper():
        return False  # SQL, or an acronym leading a name
    if len(words) >= 3 and head[:1].isalpha() and head[:1].isupper() and not head.isupper():
        lower = sum(1 for w in words[1:] if w[:1].islower())
        if lower * 2 > len(words) - 1:
            return True
    return len(words) >= 2 and text.rstrip().endswith(ENDINGS)


def _is_docstring(node: ast.AST, parent: ast.AST | None) -> bool:
    return (isinstance(parent, ast.Expr) and isinstance(node, ast.Constant)
            and isinstance(node.value, str))


def _call_name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _exempt_call(call: ast.Call) -> bool:
    name = _call_name(call)
    if name in PROGRAMMER_ERRORS:
        return True
    f = call.func
    return (isinstance(f, ast.Attribute) and name in LOG_METHODS
            and isinstance(f.value, ast.Name) and f.value.id in ("log", "logger", "logging"))


def _text_of(node: ast.AST) -> str | None:
    """A literal's text; an f-string's text with {} where its values go."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def sentences_in(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    tree = ast.parse(source, filename=filename)
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, parent: ast.AST | None) -> None:
        if isinstance(node, ast.Call) and _exempt_call(node):
            return
        if isinstance(node, ast.FunctionDef) and node.name in ("__repr__", "__str__"):
            return  # diagnostic forms, for logs
        if _is_docstring(node, parent):
            return
        text = _text_of(node)
        if text is not None:
            if reads_as_sentence(text):
                found.append((node.lineno, text))
            if isinstance(node, ast.JoinedStr):
                return  # its parts were read as one text
        for child in ast.iter_child_nodes(node):
            visit(child, node)

    visit(tree, None)
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_sentences_below_the_ui(path: Path) -> None:
    found = sentences_in(path.read_text(encoding="utf-8"), str(path))
    assert found == [], "\n".join(f"{path.name}:{line}: {text!r}" for line, text in found)


def test_the_scan_finds_what_it_should() -> None:
    source = '''
"""A module docstring. It says a lot of things."""
import logging
log = logging.getLogger(__name__)
WORDS = "The reader is offline. Choose another reader."
LABEL = {"x": "Requested by the customer"}
def f(name):
    """A docstring reads as a sentence."""
    log.warning("Stripe key stored in the keychain (%s)", name)
    if not name:
        raise ValueError("a refund amount must be positive.")
    raise Refused(f"{name} is no longer a manager on this till.")
CODE = "stripe.card_declined"
WORD = "Interac"
'''
    assert [text for _, text in sentences_in(source)] == [
        "The reader is offline. Choose another reader.",
        "Requested by the customer",
        "{} is no longer a manager on this till.",
    ]
