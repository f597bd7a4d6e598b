"""Asking where to save an export: a file dialog opened with `.open()`, answered by callback.

Never `exec()`: the event loop (and every coroutine on it) keeps running while the manager
picks a folder. The dialog is a child of `parent`, so tests find it and answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget


def default_folder() -> str:
    """The Documents folder (a path computed, not read), or the home folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def ask_save_path(
    parent: QWidget,
    title: str,
    file_name: str,
    name_filter: str,
    on_chosen: Callable[[Path], None],
    *,
    folder: str | None = None,
) -> QFileDialog:
    """Open a save dialog suggesting `file_name`; `on_chosen` gets the path if one is picked."""
    suffix = Path(file_name).suffix.lstrip(".")
    dialog = QFileDialog(parent, title, str(Path(folder or default_folder()) / file_name),
                         name_filter)
    dialog.setObjectName("saveFileDialog")
    dialog.setAccessibleName(title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
    dialog.open()
    return dialog


def ask_open_path(
    parent: QWidget,
    title: str,
    name_filter: str,
    on_chosen: Callable[[Path], None],
    *,
    folder: str | None = None,
) -> QFileDialog:
    """Open a dialog to pick an existing file; `on_chosen` gets the path if one is picked."""
    dialog = QFileDialog(parent, title, folder or default_folder(), name_filter)
    dialog.setObjectName("openFileDialog")
    dialog.setAccessibleName(title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.fileSelected.connect(lambda path: on_chosen(Path(path)) if path else None)
    dialog.open()
    return dialog
