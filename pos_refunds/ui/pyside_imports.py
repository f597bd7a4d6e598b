"""PySide6 looks at every module imported after it, without keeping their source.

To know which modules may switch PySide's `__feature__`s (snake_case, true_property), PySide6
asks, for each module imported after it, whether its source mentions "PySide6": through
`inspect.getsource`, which reads the file into `linecache` and keeps it there. For the app
that is every module of the SDK, httpx and our own: 330 files, 0.05-0.1 s of start-up, and
their 4.8 MB of source held in memory for good (11 MiB of RSS).

`check_imports_lightly` gives PySide the same answer from the file's bytes, read and let go;
a module without a .py file (built in, frozen in the installer's archive) is still answered
by PySide's own check. Importing this module installs it: the entry script imports it right
after PySide6, before the SDK and the rest.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def check_imports_lightly() -> bool:
    """Install the lighter check; False (nothing changed) where this PySide6 has no such
    check, or it is installed already."""
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or hasattr(original, "original"):
        return False  # (ours already: it keeps PySide's own as `original`)

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined] # PySide's own
    feature._mod_uses_pyside = uses_pyside  # noqa: SLF001 - see the module's docstring
    return True


check_imports_lightly()
