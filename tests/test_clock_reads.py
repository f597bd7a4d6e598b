"""The UI and the composition root never read the clock themselves: they take the app's
(pos_refunds/clock.py), so the tests that freeze it (tests/ui/test_frozen_clock.py) see
everything that shows a date or a time."""

from __future__ import annotations

import ast
from pathlib import Path

import pos_refunds

PACKAGE = Path(pos_refunds.__file__).resolve().parent
# (object, attribute) calls that read the wall clock or the local day
READS = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QDate", "currentDate"), ("QTime", "currentTime"),
    ("time", "time"), ("time", "localtime"), ("time", "gmtime"),
}
CONVERSIONS = {"localtime", "gmtime"}  # with an argument they convert a given time


def clock_reads(path: Path, root: Path = PACKAGE) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and (node.func.value.id, node.func.attr) in READS
                and not (node.func.attr in CONVERSIONS and node.args)):
            found.append(f"{path.relative_to(root)}:{node.lineno} "
                         f"{node.func.value.id}.{node.func.attr}()")
    return found


def test_the_ui_reads_no_clock_of_its_own() -> None:
    files = sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "app.py"]
    assert [read for path in files for read in clock_reads(path)] == []


def test_the_check_finds_every_kind_of_read(tmp_path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from datetime import date, datetime\nimport time\n"
                      "a = datetime.now()\nb = date.today()\nc = time.time()\n"
                      "d = time.localtime()\ne = time.localtime(0)\n"
                      "f = QDateTime.currentDateTime()\n")
    assert clock_reads(sample, tmp_path) == [
        "sample.py:3 datetime.now()", "sample.py:4 date.today()", "sample.py:5 time.time()",
        "sample.py:6 time.localtime()", "sample.py:8 QDateTime.currentDateTime()"]
