"""Staff… for managers: the list model, adding, roles, new PINs, removing, and the last manager."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from pos_refunds.domain.staff import Staff, StaffChangeRefused, Verified
from pos_refunds.ui.dialogs.staff_dialog import StaffDialog
from pos_refunds.ui.dialogs.staff_form_dialog import StaffFormDialog
from pos_refunds.ui.messages import error_words
from pos_refunds.ui.models.staff_model import StaffTableModel
from pos_refunds.ui.tasks import TaskRegistry

from .conftest import MANAGER_NAME, run_async
from .test_accessibility import _check

ALEX = Staff("c1", "Alex", "cashier")
MORGAN = Staff("m1", "Morgan", "manager")


def test_staff_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = StaffTableModel()
    model.set_staff([ALEX, MORGAN])
    qtmodeltester.check(model)


def test_staff_model_updates_in_place(qtbot) -> None:
    model = StaffTableModel()
    model.set_staff([ALEX, MORGAN])
    assert model.data(model.index(0, 1)) == "Cashier"
    assert model.data(model.index(1, 0), StaffTableModel.STAFF_ROLE) == MORGAN
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_staff([Staff("c1", "Alex", "manager"), MORGAN])
    assert changed.args[0].row() == 0 and model.data(model.index(0, 1)) == "Manager"
    with qtbot.waitSignal(model.rowsRemoved):
        model.set_staff([MORGAN])
    with qtbot.waitSignal(model.rowsInserted):
        model.set_staff([MORGAN, ALEX])
    assert [model.staff(r).name for r in range(model.rowCount())] == ["Morgan", "Alex"]
    assert model.data(model.index(0, 0), StaffTableModel.SORT_ROLE) == "morgan"


@pytest.fixture
def dialog(qtbot, qasync, prompts, staff_store, live_manager) -> StaffDialog:
    prompts.set_staff_directory(staff_store)
    dialog = StaffDialog(staff_store, live_manager, prompts, TaskRegistry())
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    return dialog


def button(dialog: StaffDialog, name: str) -> QPushButton:
    return dialog.findChild(QPushButton, name)


def reason(dialog: StaffDialog) -> str:
    return dialog.findChild(QLabel, "staffButtonsReason").text()


def add(qtbot, dialog: StaffDialog, name: str, role: str, pin: str, again: str | None = None):
    form: StaffFormDialog = dialog.add_person()
    qtbot.keyClicks(form.name, name)
    form.role.setCurrentIndex(form.role.findData(role))
    qtbot.keyClicks(form.pin, pin)
    qtbot.keyClicks(form.again, again or pin)
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    return form


def test_cashier_cannot_open_it(qtbot, qasync, prompts, staff_store) -> None:
    with pytest.raises(ValueError):
        StaffDialog(staff_store, ALEX, prompts, TaskRegistry())


def test_the_last_manager_is_kept(dialog: StaffDialog, qtbot, prompts, live_manager) -> None:
    assert dialog.select(live_manager.id)
    assert not button(dialog, "staffRemoveButton").isEnabled()
    assert not button(dialog, "staffRoleButton").isEnabled()
    assert reason(dialog).startswith("This is you")
    dialog.vm.remove(live_manager.id)  # even asked directly, the store refuses
    qtbot.waitUntil(lambda: bool(prompts.errors))
    assert isinstance(prompts.errors[-1], StaffChangeRefused)
    assert "last one" in error_words(prompts.errors[-1])[1]
    assert dialog.model.rowCount() == 1


def test_add_promote_new_pin_and_remove(dialog: StaffDialog, qtbot, prompts, staff_store) -> None:
    _check(dialog)
    form = add(qtbot, dialog, "Jo", "cashier", "1234", "1243")
    _check(form)
    assert "not the same" in form.message.text() and form.isVisible()  # checked as typed
    form.reject()
    add(qtbot, dialog, "Jo", "cashier", "1234")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.findChild(QLabel, "staffStatus").text() == "Jo added as cashier."
    jo = next(s for s in run_async(qtbot, staff_store.staff()) if s.name == "Jo")
    dialog.select(jo.id)
    assert button(dialog, "staffRoleButton").text() == "Make manager"
    qtbot.mouseClick(button(dialog, "staffRoleButton"), Qt.MouseButton.LeftButton)
    assert prompts.confirms[-1][0] == "Make Jo a manager?"
    qtbot.waitUntil(lambda: dialog.model.data(dialog.model.index(
        dialog.model.row_of(jo.id), 1)) == "Manager")
    assert dialog.selected().id == jo.id  # still chosen after the change
    assert button(dialog, "staffRoleButton").text() == "Make cashier"
    pin_form = dialog.new_pin()
    qtbot.keyClicks(pin_form.pin, "8642")
    qtbot.keyClicks(pin_form.again, "8642")
    qtbot.mouseClick(pin_form.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "staffStatus").text()
                    == "New PIN set for Jo.")
    assert isinstance(run_async(qtbot, staff_store.verify(jo.id, "8642", manager=True)), Verified)
    qtbot.mouseClick(button(dialog, "staffRemoveButton"), Qt.MouseButton.LeftButton)
    assert prompts.confirms[-1][0] == "Remove Jo?"
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert [s.name for s in run_async(qtbot, staff_store.staff())] == [MANAGER_NAME]


def test_the_window_opens_it_for_managers(live_window, qtbot) -> None:
    session = live_window.session
    assert session.staff_action.isVisible() and session.staff_action.isEnabled()
    dialog = session.open_staff_dialog()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    _check(dialog)
    dialog.reject()


def test_the_form_says_why_it_cannot_add_yet(qtbot) -> None:
    form = StaffFormDialog()
    qtbot.addWidget(form)
    why = form.findChild(QLabel, "staffFormOkReason")
    assert not form.ok.isEnabled() and why.text() == "Type the person's name."
    form.name.setText("Sam")
    assert why.text() == "Type a PIN of 4 to 8 digits."
    form.pin.setText("2468")
    assert why.text() == "Type the PIN again." and not form.ok.isEnabled()
    form.again.setText("2468")
    assert form.ok.isEnabled() and why.text() == ""
