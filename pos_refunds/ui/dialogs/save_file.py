"""Asking where to save an export: a file dialog opened with `.open()`, answered by callback.

Never `exec()`: the event loop (and every coroutine on it) keeps running while the manager
picks a folder. The dialog is a child of `parent`, so tests find it and answer it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

FOLDER_KEY = "exports/last_folder"


class _Folders:
    """The folder the last export went to, kept for the next one (in the app's settings
    once `keep_in` was called; for this session only until then)."""

    settings: QSettings | None = None
    last: str | None = None


def keep_in(settings: QSettings | None) -> None:
    """Remember the export folder in `settings` (the app's own, given at start)."""
    _Folders.settings = settings
    _Folders.last = None


def default_folder() -> str:
    """The folder the last export went to, else Documents, else the home folder."""
    remembered = _Folders.last
    if remembered is None and _Folders.settings is not None:
        value = _Folders.settings.value(FOLDER_KEY)
        remembered = value if isinstance(value, str) else None
    if remembered and Path(remembered).is_dir():
        return remembered
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())


def _remember(path: Path) -> None:
    _Folders.last = str(path.parent)
    if _Folders.settings is not None:
        _Folders.settings.setValue(FOLDER_KEY, _Folders.last)


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
    def chosen(path: str) -> None:
        if path:
            _remember(Path(path))
            on_chosen(Path(path))

    dialog.fileSelected.connect(chosen)
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
