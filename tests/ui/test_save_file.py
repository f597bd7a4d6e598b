"""Where exports are saved: the Documents folder first, then the folder last used, remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from pos_refunds.ui.dialogs import save_file


def test_the_folder_last_used_is_offered_next_time(qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    save_file.keep_in(settings)
    try:
        assert Path(save_file.default_folder()) != tmp_path / "exports"  # Documents at first
        parent = QWidget()
        qtbot.addWidget(parent)
        chosen: list[Path] = []
        dialog = save_file.ask_save_path(parent, "Export", "day.csv", "CSV files (*.csv)",
                                         chosen.append)
        (tmp_path / "exports").mkdir()
        dialog.fileSelected.emit(str(tmp_path / "exports" / "day.csv"))
        assert chosen == [tmp_path / "exports" / "day.csv"]
        assert save_file.default_folder() == str(tmp_path / "exports")
        save_file.keep_in(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        assert save_file.default_folder() == str(tmp_path / "exports")  # after a restart
    finally:
        save_file.keep_in(None)
