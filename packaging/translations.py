"""The translation catalogues: sources (.ts) made from the code, compiled (.qm) for the app.

  python packaging/translations.py update    pyside6-lupdate: the app's strings into the .ts
  python packaging/translations.py compile   pyside6-lrelease: every .ts into its .qm

`update` after changing a visible string (then translate the new entries in Qt Linguist,
`pyside6-linguist pos_refunds/i18n/pos_refunds_fr_CA.ts`, or any editor); `compile` runs by
itself when the package is installed (setup.py) and bundled (build.spec). English has a catalogue
of its plurals only ("%n payments": "1 payment" / "3 payments").
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pos_refunds"
FOLDER = PACKAGE / "i18n"
CATALOGUES = {
    "pos_refunds_fr_CA.ts": ["-target-language", "fr_CA"],
    "pos_refunds_en.ts": ["-target-language", "en", "-pluralonly"],
}


def _tool(name: str) -> list[str]:
    """PySide6's copy of a Qt Linguist tool, run through its Python wrapper."""
    return [sys.executable, "-c", f"import sys; from PySide6.scripts.pyside_tool import {name}; "
            f"sys.argv[0] = 'pyside6-{name}'; sys.exit({name}())"]


def sources() -> list[Path]:
    """Every module that can hold a visible string (the sandbox speaks Stripe's English)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "sandbox" not in p.parts)


def update(ts_folder: Path = FOLDER) -> None:
    """The .ts files from the code, keeping every translation already made."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    for name, options in CATALOGUES.items():
        subprocess.run([*_tool("lupdate"), *options, "-source-language", "en", "-no-obsolete",
                        "-locations", "relative", *files, "-ts", str(ts_folder / name)],
                       cwd=ROOT, check=True)


def compile_all(out: Path = FOLDER, ts_folder: Path = FOLDER) -> list[Path]:
    """Each .ts compiled into `out`; returns the .qm files."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for name in CATALOGUES:
        qm = out / name.replace(".ts", ".qm")
        subprocess.run([*_tool("lrelease"), "-silent", str(ts_folder / name), "-qm", str(qm)],
                       check=True)
        made.append(qm)
    return made


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1]]()
