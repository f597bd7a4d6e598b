"""The bundle's ICU data (packaging/linux/icu_data.py): what is cut, and that Qt still sorts
French with the trimmed library in place of the wheel's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging" / "linux"))
import icu_data  # noqa: E402

PROBE = """
from PySide6.QtCore import QCollator, QLocale, QTimeZone
names = ["Zoé", "être", "Émile", "Eva", "ete"]
for code in ("fr_CA", "en_CA", "de_DE"):
    print(code, sorted(names, key=QCollator(QLocale(code)).sortKey))
print(QTimeZone(b"America/Toronto").isValid())
"""


@pytest.mark.parametrize(("item", "cut"), [
    ("ibm-943_P15A-2003.cnv", True),
    ("translit/root.res", True),
    ("brkitr/cjdict.dict", True),
    ("coll/de.res", True),
    ("coll/de_.res", True),
    ("zone/sr_Latn_RS.res", True),
    ("ja_JP_TRADITIONAL.res", True),
    ("coll/fr.res", False),
    ("coll/fr_CA.res", False),
    ("en_US_POSIX.res", False),
    ("curr/en_001.res", False),
    ("coll/root.res", False),
    ("coll/ucadata.icu", False),
    ("res_index.res", False),
    ("curr/pool.res", False),
    ("supplementalData.res", False),
    ("zoneinfo64.res", False),
    ("brkitr/word.brk", False),
    ("cnvalias.icu", False),
])
def test_what_is_cut(item: str, cut: bool) -> None:
    assert icu_data.unwanted(item) is cut


def wheel_library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 carries no ICU of its own (not Linux)")
    return found[0]


def test_qt_sorts_french_on_the_trimmed_data(tmp_path: Path) -> None:
    if shutil.which("icupkg") is None or shutil.which("cc") is None:
        pytest.skip("icupkg and cc build the trimmed data (apt-get install icu-devtools gcc)")
    full = wheel_library()
    trimmed = icu_data.trim(full, tmp_path)
    assert trimmed.name == full.name
    assert trimmed.stat().st_size < full.stat().st_size / 4
    assert icu_data.data_symbol(trimmed)[0] == icu_data.data_symbol(full)[0]

    def run(preload: Path | None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        if preload is not None:
            env["LD_PRELOAD"] = str(preload)  # loaded first: Qt's ICU links this one
        return subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                              env=env, timeout=60, check=True)

    whole, cut = run(None), run(trimmed)
    assert "Could not create collator" not in cut.stderr
    assert cut.stdout == whole.stdout
    assert "fr_CA ['Émile', 'ete', 'être', 'Eva', 'Zoé']" in cut.stdout
