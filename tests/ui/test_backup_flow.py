"""Back up and restore from the menu: checked off the Qt thread, asked before replacing, a
tampered backup refused in words, nothing backed up by training's published manager."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from pos_refunds.domain.errors import BackupRefused
from pos_refunds.domain.money import Money
from pos_refunds.journal import Journal
from pos_refunds.services.backup import has_staged_restore
from pos_refunds.staff.store import StaffStore
from pos_refunds.ui.flows.backup import BackupFlow
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.presenter import Presenter
from pos_refunds.ui.settings import AppSettings
from pos_refunds.ui.tasks import TaskRegistry


class Files:
    """Answers the file dialogs with a path chosen by the test."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def ask_save(self, parent, file_name, on_chosen) -> None:
        self.suggested = file_name
        on_chosen(self.path)

    def ask_open(self, parent, on_chosen) -> None:
        on_chosen(self.path)


def till(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with Journal(folder / "journal.sqlite3") as j:
        op = j.begin("refund_online", "pi_1", amount=Money(700, "cad"), staff="alice",
                     approver=None, till="till_a")
        j.record(op.op_id, "succeeded", stripe_ids={"refund": "re_1"})
    StaffStore(folder / "staff.sqlite3").close()
    return folder


def flow(folder: Path, prompts, files: Files, *, training: bool = False) -> BackupFlow:
    return BackupFlow(folder, lambda: AppSettings(till_id="till_a", language="fr"),
                      Presenter(prompts), TaskRegistry().scope("backup"), files,
                      training=training)


def test_a_backup_is_saved_off_the_qt_thread_and_said(qtbot, qasync, prompts, tmp_path) -> None:
    target = tmp_path / "till.posbackup"
    files = Files(target)
    backup = flow(till(tmp_path / "data"), prompts, files)
    with qtbot.waitSignal(backup.saved, timeout=10000) as saved:
        backup.back_up(QWidget())
    assert saved.args[0].entries == 2 and target.exists()
    assert files.suggested.startswith("pos-refunds-till_a-")
    assert any("Backup saved to" in n and "Stripe key is not in it" in n
               for n in prompts.notices)
    with zipfile.ZipFile(target) as archive:
        assert json.loads(archive.read("settings.json")) == {"till_id": "till_a",
                                                             "language": "fr"}


@pytest.fixture
def backup_file(qtbot, qasync, prompts, tmp_path) -> Path:
    target = tmp_path / "till.posbackup"
    made = flow(till(tmp_path / "old"), prompts, Files(target))
    with qtbot.waitSignal(made.saved, timeout=10000):
        made.back_up(QWidget())
    return target


def test_a_restore_asks_first_then_stages_and_restarts(qtbot, prompts, backup_file,
                                                       tmp_path) -> None:
    new = till(tmp_path / "new")
    restore = flow(new, prompts, Files(backup_file))
    with qtbot.waitSignal(restore.restartWanted, timeout=10000):
        restore.restore(QWidget())
    title, text, accept = prompts.confirms[-1]
    assert title == "Restore this backup?" and "verifies" in text and "never deleted" in text
    assert accept == "Restore and restart"
    assert has_staged_restore(new)


def test_a_declined_restore_leaves_nothing(qtbot, prompts, backup_file, tmp_path) -> None:
    new = till(tmp_path / "new")
    prompts.accept = False
    restore = flow(new, prompts, Files(backup_file))
    restore.restore(QWidget())
    qtbot.waitUntil(lambda: len(prompts.confirms) == 1, timeout=10000)
    qtbot.waitUntil(lambda: not restore.tasks.busy)
    assert not has_staged_restore(new)


def test_a_tampered_backup_is_refused_in_words(qtbot, prompts, backup_file, tmp_path) -> None:
    with zipfile.ZipFile(backup_file) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    edited = tmp_path / "j.sqlite3"
    edited.write_bytes(parts["journal.sqlite3"])
    conn = sqlite3.connect(edited)
    conn.execute("DROP TRIGGER entries_no_update")
    conn.execute("UPDATE entries SET amount = 1")
    conn.commit()
    conn.close()
    parts["journal.sqlite3"] = edited.read_bytes()
    with zipfile.ZipFile(backup_file, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    new = till(tmp_path / "new")
    restore = flow(new, prompts, Files(backup_file))
    restore.restore(QWidget())
    qtbot.waitUntil(lambda: len(prompts.errors) == 1, timeout=10000)
    error = prompts.errors[0]
    title, text, _ = error_words(error)
    assert isinstance(error, BackupRefused) and title == "Backup not restored"
    assert "changed after it was made" in text
    assert prompts.confirms == [] and not has_staged_restore(new)


def test_training_backs_up_nothing_and_restores_only_onto_a_new_till(
        qtbot, qasync, prompts, backup_file, tmp_path) -> None:
    flow(till(tmp_path / "t1"), prompts, Files(tmp_path / "x"), training=True).back_up(QWidget())
    assert "not made in training mode" in error_words(prompts.errors[-1])[1]
    onto_data = flow(till(tmp_path / "t2"), prompts, Files(backup_file), training=True)
    onto_data.restore(QWidget())
    qtbot.waitUntil(lambda: len(prompts.errors) == 2, timeout=10000)
    assert "already has data of its own" in error_words(prompts.errors[-1])[1]
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    onto_new = flow(fresh, prompts, Files(backup_file), training=True)
    with qtbot.waitSignal(onto_new.restartWanted, timeout=10000):
        onto_new.restore(QWidget())
    assert has_staged_restore(fresh)


def test_the_menu_offers_both_to_managers(live_window) -> None:
    texts = [a.text() for a in live_window.actions()]
    assert "Back up till data…" in texts and "Restore from backup…" in texts


def test_the_next_start_puts_the_backup_in_place_with_its_settings(
        qtbot, prompts, backup_file, tmp_path) -> None:
    from PySide6.QtCore import QLocale, QSettings

    from pos_refunds.app import Application, LaunchOptions
    from pos_refunds.services.backup import stage_restore
    from pos_refunds.ui.settings import SettingsStore
    from tests.ui.conftest import run_async

    new = tmp_path / "new"
    new.mkdir()
    stage_restore(backup_file, new)
    store = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app = Application(LaunchOptions(), store, prompts)
    before = QLocale()
    try:
        run_async(qtbot, app._apply_restore(new))
        assert QLocale().language() is QLocale.Language.French  # the restored language
    finally:
        QLocale.setDefault(before)
    assert store.load().till_id == "till_a" and store.load().language == "fr"
    assert "restored: 2 journal entries" in app.note
    with Journal(new / "journal.sqlite3") as j:
        assert j.verify().ok
