"""Staff… (managers only): who works the till, their roles and PINs.

Add a person, make someone manager or cashier, give a new PIN (which also lifts a lockout),
remove someone. The store refuses what would leave the till without a manager, and nobody
changes themselves; each disabled button says why beside it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.staff import Staff
from ..flows.staff import StaffFlow
from ..models.staff_model import StaffTableModel
from ..ports import StaffDirectory
from ..presenter import Presenter, outcome_text
from ..prompts import Prompts
from ..tasks import TaskRegistry
from ..views.record_table import record_table
from ..views.screen_fit import room_for, scroll_when_tall
from ..views.touch import touch_button
from .staff_form_dialog import StaffFormDialog


class StaffDialog(QDialog):
    def __init__(self, directory: StaffDirectory, actor: Staff, prompts: Prompts,
                 tasks: TaskRegistry, parent: QWidget | None = None) -> None:
        if not actor.is_manager:
            raise ValueError("only a manager opens the staff list")
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff"))
        room = room_for(self)
        self.setMinimumSize(min(760, room.width()) if room else 760,
                            min(520, room.height()) if room else 520)
        self._prompts = prompts
        self._actor = actor
        self.vm = StaffFlow(directory, actor, prompts, tasks.scope("staff", owner=self), self)
        self.model = StaffTableModel(self)

        title = QLabel(self.tr("Staff"))
        title.setObjectName("dialogTitle")
        intro = QLabel(self.tr("Managers approve partial refunds and refunds over the limit "
                               "with their PIN, and manage this list. Five wrong PINs lock a "
                               "person out for a while; a new PIN lifts the lock."))
        intro.setObjectName("staffIntro")
        intro.setWordWrap(True)
        self.table = record_table(self.model, "staffTable", self.tr("Staff list"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 150)
        self.add_button = touch_button("staffAddButton", self.tr("Add a person…"), min_width=190)
        self.role_button = touch_button("staffRoleButton", self.tr("Make manager"),
                                        min_width=190)
        self.pin_button = touch_button("staffResetPinButton", self.tr("New PIN…"), min_width=190)
        self.remove_button = touch_button("staffRemoveButton", self.tr("Remove…"),
                                          min_width=190)
        self.close_button = touch_button("staffCloseButton", self.tr("Close"), min_width=190)
        self.reason = QLabel()
        self.reason.setObjectName("staffButtonsReason")
        self.reason.setAccessibleName(self.tr("Why not available"))
        self.reason.setWordWrap(True)
        self.reason.setProperty("hint", True)
        self.reason.setMinimumHeight(72)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        self.status.setAccessibleName(self.tr("Last change"))
        self.status.setWordWrap(True)

        side = QVBoxLayout()
        side.setSpacing(10)
        for button in (self.add_button, self.role_button, self.pin_button, self.remove_button):
            side.addWidget(button)
        side.addWidget(self.reason)
        side.addStretch(1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.table, 1)
        body.addLayout(side)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addLayout(footer)
        scroll_when_tall(self, layout, "staffScroll")

        self.vm.staffLoaded.connect(self._loaded)
        self.vm.succeeded.connect(lambda outcome: self.status.setText(outcome_text(outcome)))
        self.vm.failed.connect(lambda error: Presenter(self._prompts).error(self, error))
        self.vm.busyChanged.connect(lambda _b: self._refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._refresh())
        self.add_button.clicked.connect(self.add_person)
        self.role_button.clicked.connect(self.change_role)
        self.pin_button.clicked.connect(self.new_pin)
        self.remove_button.clicked.connect(self.remove_person)
        self.close_button.clicked.connect(self.reject)
        self._loaded_once = False
        self._refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.vm.load()

    def selected(self) -> Staff | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.staff(rows[0].row()) if rows else None

    def select(self, staff_id: str) -> bool:
        row = self.model.row_of(staff_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    # --- commands ----------------------------------------------------------------------------
    def add_person(self) -> StaffFormDialog:
        form = StaffFormDialog(self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.submitted.connect(lambda name, role, pin, again: self.vm.add(name, role, pin, again))
        form.open()
        return form

    def new_pin(self) -> StaffFormDialog | None:
        person = self.selected()
        if person is None:
            return None
        form = StaffFormDialog(self, reset_for=person.name)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.submitted.connect(
            lambda _n, _r, pin, again: self.vm.reset_pin(person.id, pin, again))
        form.open()
        return form

    def change_role(self) -> None:
        person = self.selected()
        if person is not None:
            self.vm.change_role(person, self)

    def remove_person(self) -> None:
        person = self.selected()
        if person is not None:
            self.vm.ask_remove(person, self)

    # --- state -------------------------------------------------------------------------------
    def _loaded(self, staff: list[Staff]) -> None:
        chosen = self.selected()
        self.model.set_staff(staff)
        if chosen is not None:
            self.select(chosen.id)
        self._refresh()

    def _refresh(self) -> None:
        person, busy = self.selected(), self.vm.busy
        why = ""
        if person is None:
            why = self.tr("Choose a person in the list.")
        elif person.id == self._actor.id:
            why = self.tr("This is you: another manager changes your role or removes you.")
        self.add_button.setEnabled(not busy)
        self.pin_button.setEnabled(not busy and person is not None)
        self.role_button.setEnabled(not busy and not why)
        self.remove_button.setEnabled(not busy and not why)
        self.role_button.setText(self.tr("Make cashier") if person and person.is_manager
                                 else self.tr("Make manager"))
        self.role_button.setAccessibleName(self.role_button.text())
        self.reason.setText(why)
