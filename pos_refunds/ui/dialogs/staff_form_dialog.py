"""Add a person (name, role, PIN twice) or give someone a new PIN (PIN twice).

Checks the rules as the manager types (the store checks them again), and hands the answer to
whoever opened it through `submitted`; the PINs are cleared as soon as they are sent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import PosError
from ...domain.staff import CASHIER, MANAGER, NAME_MAX, check_new_pin, clean_name
from ..messages import error_words, role_words
from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from ..views.pin_keypad import form_label, pin_field
from ..views.touch import touch_button


class StaffFormDialog(QDialog):
    submitted = Signal(str, str, str, str)  # name, role, PIN, PIN again

    def __init__(self, parent: QWidget | None = None, *, reset_for: str | None = None) -> None:
        """A new person, or (`reset_for` a name) a new PIN for that person."""
        super().__init__(parent)
        self._reset_for = reset_for
        self.setObjectName("staffFormDialog")
        title_text = (self.tr("New PIN for {name}").format(name=reset_for) if reset_for
                      else self.tr("Add a person"))
        self.setWindowTitle(title_text)
        self.setMinimumWidth(480)
        title = QLabel(title_text)
        title.setObjectName("dialogTitle")
        self.name = QLineEdit(reset_for or "")
        self.name.setObjectName("staffFormName")
        self.name.setAccessibleName(self.tr("Name", "a person's"))
        self.name.setMaxLength(NAME_MAX)
        self.name.setMinimumHeight(TOUCH_HEIGHT)
        self.role = QComboBox()
        self.role.setObjectName("staffFormRole")
        self.role.setAccessibleName(self.tr("Role"))
        self.role.setMinimumHeight(TOUCH_HEIGHT)
        for role in (CASHIER, MANAGER):
            self.role.addItem(role_words(role), role)
        self.pin = pin_field("staffFormPin", self.tr("PIN"))
        self.again = pin_field("staffFormPinAgain", self.tr("PIN again"))
        self.message = QLabel(self.tr("A PIN is 4 to 8 digits. Tell it to the person only."))
        self.message.setObjectName("staffFormMessage")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.why_not = QLabel()
        self.why_not.setObjectName("staffFormOkReason")
        self.why_not.setAccessibleName(self.tr("Why the button is not available"))
        self.why_not.setProperty("hint", True)
        self.why_not.setWordWrap(True)
        self.cancel = touch_button("staffFormCancel", self.tr("Cancel"), min_width=120)
        self.ok = touch_button("staffFormOk", self.tr("Set PIN") if reset_for
                               else self.tr("Add", "add the person"), min_width=120)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setSpacing(10)
        if reset_for is None:
            form.addRow(form_label(self.tr("&Name", "a person's"), self.name), self.name)
            form.addRow(form_label(self.tr("&Role"), self.role), self.role)
        else:
            self.name.setVisible(False)
            self.role.setVisible(False)
        form.addRow(form_label(self.tr("&PIN"), self.pin), self.pin)
        form.addRow(form_label(self.tr("PIN &again"), self.again), self.again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.why_not, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self._submit)
        self.again.returnPressed.connect(self._submit)
        for field in (self.name, self.pin, self.again):
            field.textChanged.connect(self._refresh)
        self._refresh()
        (self.pin if reset_for else self.name).setFocus()

    def _refresh(self, *_: object) -> None:
        if not self.name.text().strip():
            why = self.tr("Type the person's name.")
        elif len(self.pin.text()) < 4:
            why = self.tr("Type a PIN of 4 to 8 digits.")
        elif len(self.again.text()) < 4:
            why = self.tr("Type the PIN again.")
        else:
            why = ""
        self.ok.setEnabled(not why)
        self.why_not.setText(why)

    def _submit(self) -> None:
        if not self.ok.isEnabled():
            return
        pin, again = self.pin.text(), self.again.text()
        try:
            name = clean_name(self.name.text())
            check_new_pin(pin, again)
        except PosError as error:
            self.message.setText(error_words(error)[1])
            self.message.setProperty("error", True)
            restyle(self.message)
            self.again.clear()
            return
        self.pin.clear()
        self.again.clear()
        self.submitted.emit(name, self.role.currentData(), pin, again)
        self.accept()
