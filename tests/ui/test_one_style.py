"""One palette, one stylesheet, one touch button: read from the source, so a second copy of any
of them fails here before it drifts on screen.

- Widget styles live in resources/style.qss only: no `setStyleSheet` in the package except
  where the application takes that file (`__main__.py`).
- Colours live in `ui/palette.py` only: no colour literal (hex, `rgb(`, `QColor("red")`,
  `Qt.GlobalColor`) anywhere else under ui/, and every colour style.qss names is a palette one.
- Push buttons are made by `views/touch.py` only, at least `TOUCH_HEIGHT` tall; the height is
  one constant, and a dynamic property is re-read by one helper (`ui/restyle.py`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pos_refunds"
UI = PACKAGE / "ui"
QSS = ROOT / "resources" / "style.qss"
PALETTE = UI / "palette.py"
TOUCH = UI / "views" / "touch.py"
RESTYLE = UI / "restyle.py"
METRICS = UI / "metrics.py"

HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
RGB = re.compile(r"\brgba?\s*\(")
BUTTON_CLASSES = {"QPushButton", "QToolButton"}
SIZE_CALLS = {"setMinimumHeight", "setMinimumSize", "setFixedHeight", "setFixedSize"}


def sources(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def calls(path: Path) -> list[tuple[ast.Call, str]]:
    """Every call in the file, with the name it is made by (`f(...)`, `x.f(...)`: "f")."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            found.append((node, name))
    return found


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"


def test_no_inline_stylesheets() -> None:
    allowed = {PACKAGE / "__main__.py"}  # the application takes resources/style.qss
    inline = [where(path, node) for path in sources(PACKAGE) if path not in allowed
              for node, name in calls(path) if name == "setStyleSheet"]
    assert inline == [], "style belongs in resources/style.qss (object name or property)"


def test_no_colour_literals_outside_the_palette() -> None:
    found = []
    for path in sources(UI):
        if path == PALETTE:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX.search(line) or RGB.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
        for node, name in calls(path):
            if name == "QColor" and node.args and all(
                    isinstance(a, ast.Constant) for a in node.args):
                found.append(f"{where(path, node)}: QColor with a literal")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            # Qt.GlobalColor.transparent is no colour: it clears a pixmap.
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) \
                    and node.value.attr == "GlobalColor" and node.attr != "transparent":
                found.append(f"{where(path, node)}: Qt.GlobalColor.{node.attr}")
    assert found == [], "colours come from pos_refunds/ui/palette.py"


def test_every_stylesheet_colour_is_a_palette_colour() -> None:
    from pos_refunds.ui import palette

    named = {value.lower() for value in vars(palette).values()
             if isinstance(value, str) and HEX.fullmatch(value)}
    used = {colour.lower() for colour in HEX.findall(QSS.read_text(encoding="utf-8"))}
    assert used, "style.qss names its colours"
    assert used - named == set(), "add the colour to palette.py, or use one it has"
    assert not RGB.search(QSS.read_text(encoding="utf-8"))


def test_palette_names_each_colour_once() -> None:
    from pos_refunds.ui import palette

    values = [value.lower() for name, value in vars(palette).items()
              if name.isupper() and isinstance(value, str) and HEX.fullmatch(value)]
    assert len(values) == len(set(values)), "two names for one colour"


def test_buttons_are_made_by_the_touch_helper_only() -> None:
    made = [where(path, node) for path in sources(UI) if path != TOUCH
            for node, name in calls(path) if name in BUTTON_CLASSES]
    assert made == [], "make push buttons with views/touch.py's touch_button"


def test_touch_buttons_are_not_resized_elsewhere() -> None:
    """A button from the helper keeps its size: no second helper re-sizes it afterwards."""
    resized = []
    for path in sources(UI):
        if path == TOUCH:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        buttons = {ast.unparse(target) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and isinstance(node.value, ast.Call)
                   and ast.unparse(node.value.func).endswith("touch_button")
                   for target in node.targets}
        for node, name in calls(path):
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if name in SIZE_CALLS and receiver is not None and (
                    ast.unparse(receiver) in buttons or "button" in ast.unparse(receiver).lower()):
                resized.append(where(path, node))
    assert resized == [], "size buttons in views/touch.py only"


def test_the_touch_height_is_one_constant() -> None:
    from pos_refunds.ui.metrics import TOUCH_HEIGHT

    copies = []
    for path in sources(UI):
        if path == METRICS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Assign):
                continue
            values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            if any(isinstance(v, ast.Constant) and v.value == TOUCH_HEIGHT for v in values):
                copies.append(where(path, node))
    assert copies == [], "use metrics.TOUCH_HEIGHT"


def test_a_property_is_re_read_in_one_place() -> None:
    polish = [where(path, node) for path in sources(UI) if path != RESTYLE
              for node, name in calls(path) if name in ("polish", "unpolish")]
    assert polish == [], "use ui/restyle.py's restyle()"


@pytest.mark.parametrize("kwargs", [{}, {"height": 64, "min_width": 150}])
def test_the_touch_button_is_touch_sized(qtbot, kwargs) -> None:
    from pos_refunds.ui.metrics import TOUCH_HEIGHT
    from pos_refunds.ui.views.touch import touch_button

    button = touch_button("closeButton", "Close", **kwargs)
    qtbot.addWidget(button)
    assert button.minimumHeight() == kwargs.get("height", TOUCH_HEIGHT) >= TOUCH_HEIGHT
    assert button.minimumWidth() == kwargs.get("min_width", 0)
    assert (button.objectName(), button.accessibleName()) == ("closeButton", "Close")
    assert not button.autoDefault()
    save = touch_button("saveButton", "&Save as PDF…")
    qtbot.addWidget(save)
    assert save.accessibleName() == "Save as PDF"
    with pytest.raises(ValueError):
        touch_button("smallButton", "Small", height=TOUCH_HEIGHT - 1)


def test_restyle_sets_the_property_and_redraws(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from pos_refunds.ui import palette
    from pos_refunds.ui.restyle import restyle

    label = QLabel("Saved")
    qtbot.addWidget(label)
    label.setStyleSheet(QSS.read_text(encoding="utf-8"))  # as the application does
    restyle(label, tone="good")
    assert label.property("tone") == "good"
    assert label.palette().color(label.foregroundRole()).name() == palette.GOOD
    restyle(label, tone="error")
    assert label.palette().color(label.foregroundRole()).name() == palette.ERROR
