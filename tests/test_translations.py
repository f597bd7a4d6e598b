"""The catalogues hold every word of the code, French has them all, and nothing visible escapes.

- the .ts files are what `pyside6-lupdate` makes of the code today (run
  `python packaging/translations.py update` after changing a visible string);
- every French entry is finished, keeps the source's {fields}, %n, HTML tags and one &
  accelerator at most; every English plural has its two forms;
- every tr()/translate() call of the code is one lupdate sees (its Python parser drops a call
  with "//" or keyword arguments, and reads plural forms in tr() only);
- no literal with words goes straight to a Qt text setter without tr()/translate().
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

FOLDER = translations.FOLDER
FRENCH = FOLDER / "pos_refunds_fr_CA.ts"
ENGLISH = FOLDER / "pos_refunds_en.ts"

Key = tuple[str, str, str]  # context, source, disambiguation


def messages(ts: Path) -> dict[Key, ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            found[(name, m.findtext("source") or "", m.findtext("comment") or "")] = m
    return found


def shape(found: dict[Key, ET.Element]) -> set[tuple[str, str, str, bool]]:
    return {(*k, m.get("numerus") == "yes") for k, m in found.items()}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The catalogues as lupdate makes them from the code now, from copies of ours."""
    folder = tmp_path_factory.mktemp("ts")
    for name in translations.CATALOGUES:
        shutil.copy(FOLDER / name, folder / name)
    translations.update(folder)
    return folder


def test_the_catalogues_are_up_to_date_with_the_code(fresh: Path) -> None:
    for name in translations.CATALOGUES:
        made, ours = shape(messages(fresh / name)), shape(messages(FOLDER / name))
        assert made - ours == set(), f"{name}: run `python packaging/translations.py update`"
        assert ours - made == set(), f"{name}: entries the code no longer has"


def test_every_french_entry_is_translated() -> None:
    unfinished = []
    for key, m in messages(FRENCH).items():
        t = m.find("translation")
        forms = [f.text for f in t.iter("numerusform")] if m.get("numerus") == "yes" else [t.text]
        if t.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms) or (
                m.get("numerus") == "yes" and len(forms) != 2):
            unfinished.append(key)
    assert unfinished == []


def test_every_english_plural_has_its_forms() -> None:
    for key, m in messages(ENGLISH).items():
        forms = [f.text for f in m.find("translation").iter("numerusform")]
        assert m.get("numerus") == "yes" and len(forms) == 2 and all(forms), key
        assert all("%n" in f for f in forms) or "%n" not in key[1], key


FIELDS = re.compile(r"\{[a-z_0-9]*\}|%n|%L?\d|</?[a-zA-Z][^>]*>")


def _marks(text: str) -> list[str]:
    return sorted(FIELDS.findall(text))


def test_french_keeps_the_fields_tags_and_accelerators() -> None:
    wrong = []
    for key, m in messages(FRENCH).items():
        source = key[1]
        t = m.find("translation")
        forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
        for text in forms:
            fields_ok = _marks(text) == _marks(source)
            if m.get("numerus") == "yes" and not fields_ok:  # "1 paiement": %n may go
                fields_ok = _marks(text.replace("%n", "")) == _marks(source.replace("%n", ""))
            amps = text.replace("&&", "").count("&") - text.count("&amp;")
            source_amps = source.replace("&&", "").count("&") - source.count("&amp;")
            if not fields_ok or amps != source_amps:
                wrong.append((key, text))
    assert wrong == []


# --- every call lupdate must see ------------------------------------------------------------

def _literal(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class Calls(ast.NodeVisitor):
    """(context, source, disambiguation, is_tr, line, has_keywords_or_floor_division)."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[tuple[str, str, str, bool, int, bool]] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        args = node.args
        blind = bool(node.keywords) or any(
            isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv)
            for a in args for n in ast.walk(a))
        if name == "tr" and args and _literal(args[0]) is not None:
            owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(
                f.value, ast.Name) and f.value.id != "self" else (
                self.classes[-1] if self.classes else "")
            comment = _literal(args[1]) if len(args) > 1 else ""
            self.found.append((owner, _literal(args[0]), comment or "", True, node.lineno, blind))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 and _literal(
                args[0]) is not None and _literal(args[1]) is not None:
            comment = _literal(args[2]) if len(args) > 2 else ""
            self.found.append((_literal(args[0]), _literal(args[1]), comment or "", False,
                               node.lineno, blind))
        self.generic_visit(node)


def code_calls() -> list[tuple[Path, tuple[str, str, str, bool, int, bool]]]:
    out = []
    for path in translations.sources():
        visitor = Calls()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        out += [(path, call) for call in visitor.found]
    return out


def test_every_translated_call_is_in_the_catalogue() -> None:
    french = messages(FRENCH)
    problems = []
    for path, (context, source, comment, _is_tr, line, blind) in code_calls():
        where = f"{path.relative_to(ROOT)}:{line}"
        m = french.get((context, source, comment))
        if blind:
            problems.append(f"{where}: '//' or a keyword argument hides this call from lupdate")
        elif m is None:
            problems.append(f"{where}: ({context!r}, {source!r}) not in the catalogue")
        elif "%n" in source and m.get("numerus") != "yes":
            problems.append(f"{where}: a plural outside tr(): lupdate gives it no plural forms")
    assert problems == []


# --- no literal straight to the screen --------------------------------------------------------

TEXT_SETTERS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip", "setTitle",
    "setAccessibleName", "setAccessibleDescription", "setWhatsThis", "setInformativeText",
    "setDetailedText", "setLabelText", "setHeaderLabels", "setTabText", "addTab", "setPrefix",
    "setSuffix", "setSpecialValueText", "showMessage", "setHtml", "setPlainText",
}
TEXT_CONSTRUCTORS = {"QLabel", "QPushButton", "QGroupBox", "QCheckBox", "QRadioButton",
                     "QAction", "QToolButton", "QMenu", "QCommandLinkButton"}
ADDERS = {"addItem", "addAction", "addMenu", "addButton", "insertItem", "addRow"}
WORDS = re.compile(r"[A-Za-z]{2,}")
TAGS = re.compile(r"<[^>]*>")
# Names, shown as they are in every language: the product, each language in its own words.
NAMES = {"POS Refunds", "<b>POS Refunds</b>", "English", "Français (Canada)",
         "CAD"}  # (a currency code: the refund limits' placeholder)


def _shown_literals(node: ast.Call) -> list[ast.AST]:
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    if name in TEXT_SETTERS or name in TEXT_CONSTRUCTORS:
        return node.args[:1]
    args = node.args
    if name == "insertItem":  # insertItem(index, text, data)
        return args[1:2]
    if name in ("addAction", "addButton") and len(args) > 1 and not isinstance(
            args[0], ast.Constant | ast.JoinedStr | ast.Call):
        return args[1:2]  # addAction(icon, text)
    if name in ADDERS:  # addItem(text, data), addAction(text), addRow(text, widget)
        return args[:1]
    return []


def _has_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value not in NAMES and bool(WORDS.search(TAGS.sub(" ", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def test_no_words_go_to_the_screen_untranslated() -> None:
    ui = ROOT / "pos_refunds" / "ui"
    found = []
    for path in sorted(ui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found += [f"{path.relative_to(ROOT)}:{node.lineno}"
                          for arg in _shown_literals(node) if _has_words(arg)]
    assert found == []
