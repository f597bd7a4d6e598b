"""Names to tap: one big button per person, for signing in or approving.

A grid in a scroll area, so a shop with many people still fits the screen; exactly one name
is chosen at a time. Arrow keys and Tab reach every name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.staff import Staff
from ..messages import role_words
from .touch import touch_button

BUTTON_HEIGHT = 64


class StaffPicker(QWidget):
    picked = Signal(object)  # Staff

    def __init__(self, parent: QWidget | None = None, *, name: str = "staffPicker",
                 columns: int = 2, empty_text: str | None = None) -> None:
        """`empty_text`: what shows while nobody is listed, translated by the caller."""
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Staff"))
        if empty_text is None:
            empty_text = self.tr("No one on the staff list yet.")
        self._name, self._columns = name, columns
        self._staff: list[Staff] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._group.idClicked.connect(self._clicked)
        self._inner = QWidget()
        self._inner.setObjectName(f"{name}Inner")
        self._grid = QGridLayout(self._inner)
        self._grid.setContentsMargins(2, 2, 2, 2)
        self._grid.setSpacing(10)
        self._empty = QLabel(empty_text)
        self._empty.setObjectName(f"{name}Empty")
        self._empty.setProperty("hint", True)
        self._empty.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setObjectName(f"{name}Scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._inner)
        scroll.viewport().setAutoFillBackground(False)
        self._inner.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._empty)
        layout.addWidget(scroll, 1)

    def set_staff(self, staff: list[Staff], selected_id: str | None = None) -> None:
        """Show these people (by name, as given); keep `selected_id` chosen when present."""
        for button in self._group.buttons():
            self._group.removeButton(button)
            button.deleteLater()
        self._staff = list(staff)
        for index, person in enumerate(self._staff):
            button = touch_button(f"{self._name}_{person.id}",
                                  f"{person.name}\n{role_words(person.role)}",
                                  f"{person.name}, {role_words(person.role)}",
                                  height=BUTTON_HEIGHT)
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setProperty("staffButton", True)
            self._group.addButton(button, index)
            self._grid.addWidget(button, index // self._columns, index % self._columns)
        self._grid.setRowStretch(len(self._staff) // self._columns + 1, 1)
        self._empty.setVisible(not self._staff)
        if selected_id is not None:
            self.select(selected_id)

    def staff(self) -> list[Staff]:
        return list(self._staff)

    def select(self, staff_id: str) -> bool:
        for index, person in enumerate(self._staff):
            if person.id == staff_id:
                self._group.button(index).setChecked(True)
                self.picked.emit(person)
                return True
        return False

    def selected(self) -> Staff | None:
        index = self._group.checkedId()
        return self._staff[index] if 0 <= index < len(self._staff) else None

    def button_for(self, staff_id: str) -> QPushButton | None:
        for index, person in enumerate(self._staff):
            if person.id == staff_id:
                return self._group.button(index)  # type: ignore[return-value]
        return None

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self._staff):
            self.picked.emit(self._staff[index])
