"""The UI layer's shape, checked on the source and on a live window: one flow per money action,
the services alone deciding approvals, one task registry, one presenter, views that are layout,
and the back end seen through Protocols that the real services and the fakes both fill."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from pos_refunds.ui import ports
from tests.support.builders import make_payment as payment
from tests.test_layering import PACKAGE, imports_of, module_name
from tests.ui.fakes import FakeServices, fake_services

UI = PACKAGE / "ui"


def ui_files() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def calls_of(path: Path, name: str) -> list[int]:
    """Lines where `name(...)` or `x.name(...)` is called."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            called = (f.id if isinstance(f, ast.Name)
                      else f.attr if isinstance(f, ast.Attribute) else "")
            if called == name:
                lines.append(node.lineno)
    return lines


def test_the_ui_never_decides_whether_a_manager_must_approve() -> None:
    """It asks the services (`approval_reason` on the back end); the rule is imported by the
    services alone."""
    offenders = [module_name(p) for p in ui_files()
                 if "pos_refunds.domain.approvals.approval_reason" in imports_of(p)]
    assert offenders == []


def test_one_task_registry_the_windows() -> None:
    makers = {module_name(p) for p in ui_files() if calls_of(p, "TaskRegistry")}
    assert makers == {"pos_refunds.ui.main_window"}
    assert not any("TaskGroup" in p.read_text(encoding="utf-8") for p in ui_files())


def test_boxes_and_status_lines_are_opened_by_the_presenter_only() -> None:
    """Prompts opens the box; only the presenter asks it to (and Prompts itself, for the
    approval it cannot give)."""
    callers = {module_name(p) for p in ui_files()
               if calls_of(p, "show_error") or calls_of(p, "notify")}
    assert callers <= {"pos_refunds.ui.presenter", "pos_refunds.ui.prompts",
                       "pos_refunds.ui.views.limits_editor"}  # a row's own show_error


def test_the_unexpected_error_has_one_wording() -> None:
    holders = [module_name(p) for p in ui_files()
               if "Something unexpected happened" in p.read_text(encoding="utf-8")]
    assert len(holders) == 1


BACK_END_IMPLEMENTATIONS = (
    "pos_refunds.gateway", "pos_refunds.keychain", "pos_refunds.journal.store",
    "pos_refunds.journal.async_journal", "pos_refunds.staff.store", "pos_refunds.staff.async_store",
    "pos_refunds.services.factory", "pos_refunds.services.money_actions",
    "pos_refunds.services.reader_refunds", "pos_refunds.services.recovery",
    "pos_refunds.services.key_setup", "pos_refunds.services.journal_audit",
    "stripe", "keyring", "sqlite3", "httpx", "asyncio",
)


@pytest.mark.parametrize("folder", ["views", "dialogs", "models"])
def test_views_are_layout(folder: str) -> None:
    """A view, a dialog or a model reaches no back-end code and runs no coroutine itself."""
    offenders = {}
    for path in sorted((UI / folder).rglob("*.py")):
        bad = sorted(i for i in imports_of(path)
                     if i.startswith(BACK_END_IMPLEMENTATIONS))
        if bad:
            offenders[module_name(path)] = bad
    assert offenders == {}


def protocol_members(protocol: type) -> set[str]:
    return {name for name, _ in inspect.getmembers(protocol)
            if not name.startswith("_")} - set(dir(object))


def test_the_fake_services_fill_the_back_end_protocol() -> None:
    fake = fake_services([payment()])
    missing = sorted(name for name in protocol_members(ports.BackEnd)
                     if not hasattr(fake, name))
    assert missing == []
    assert isinstance(fake, FakeServices)


def test_the_real_services_fill_the_back_end_protocol(services) -> None:
    missing = sorted(name for name in protocol_members(ports.BackEnd)
                     if not hasattr(services, name))
    assert missing == []
    for part, protocol in ((services.journal, ports.JournalReader),
                           (services.readers, ports.ReaderDesk)):
        assert sorted(n for n in protocol_members(protocol) if not hasattr(part, n)) == []


def test_every_dialog_runs_in_the_windows_registry_and_closing_cancels_it(
        live_window, qtbot) -> None:
    """Each dialog's tasks live in a scope of the window's registry; closing the dialog ends
    them; closing the window ends every one."""
    window = live_window
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10000)
    opened = [window.open_end_of_day(), window.open_journal()]
    assert all(isinstance(d, QDialog) for d in opened)
    names = {scope.name for scope in window.tasks.scopes}
    assert {"end of day", "journal", "money", "payments", "window"} <= names
    qtbot.waitUntil(lambda: window.tasks.active > 0)
    for dialog in opened:
        scope = next(s for s in window.tasks.scopes
                     if s.name == ("end of day" if dialog.objectName() == "endOfDayDialog"
                                   else "journal"))
        dialog.reject()
        qtbot.waitUntil(lambda scope=scope: scope.active == 0, timeout=10000)
