"""Dialogs of the till. Importing any of them puts the PySide6 emit fix in place first."""

from ..qt_fixes import install_emit_fix

install_emit_fix()
