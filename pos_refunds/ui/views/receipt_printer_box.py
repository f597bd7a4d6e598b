"""Settings' "Receipt printer" section: which printer, its paper, printing after every refund,
and a test slip. Layout only: the dialog reads `choice()` and wires the test button.

The printer list holds "No receipt printer", this computer's printers (by name) and a network
ESC/POS printer, which needs a host and a port (9100 unless the printer says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...printers import DEFAULT_PORT
from ..metrics import TOUCH_HEIGHT
from ..restyle import restyle
from .stripe_key_box import make_label
from .touch import touch_button

NONE, SYSTEM, NETWORK = "", "system", "network"
NETWORK_TEXT = "Network printer (ESC/POS)"


@dataclass(frozen=True, slots=True)
class PrinterChoice:
    kind: str
    name: str
    host: str
    port: int
    paper_mm: int
    after_refund: bool


def _sized(widget: QWidget, name: str, accessible: str) -> QWidget:
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(TOUCH_HEIGHT)
    return widget


class ReceiptPrinterBox(QGroupBox):
    def __init__(self, system_printers: list[str], parent: QWidget | None = None) -> None:
        super().__init__("Receipt printer", parent)
        self.setObjectName("receiptPrinterBox")
        self.printer = QComboBox()
        _sized(self.printer, "receiptPrinterChoice", "Receipt printer")
        self.printer.addItem("No receipt printer", (NONE, ""))
        for name in system_printers:
            self.printer.addItem(name, (SYSTEM, name))
        self.printer.addItem(NETWORK_TEXT, (NETWORK, ""))
        self.host = QLineEdit()
        _sized(self.host, "printerHost", "Network printer's address")
        self.host.setPlaceholderText("192.168.1.50 or printer.local")
        self.port = QSpinBox()
        _sized(self.port, "printerPort", "Network printer's port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.paper = QComboBox()
        _sized(self.paper, "paperWidth", "Paper width")
        self.paper.addItem("80 mm", 80)
        self.paper.addItem("58 mm", 58)
        self.after_refund = QCheckBox("Print a slip after every refund")
        _sized(self.after_refund, "printAfterRefund", "Print a slip after every refund")
        self.test_button = touch_button("printTestSlipButton", "Print test slip",
                                        "Print a test slip on the receipt printer",
                                        min_width=150)
        self.status = make_label("printerStatus", "Receipt printer status")
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        printer_label = QLabel("&Printer")
        printer_label.setBuddy(self.printer)
        host_label = QLabel("Add&ress")
        host_label.setBuddy(self.host)
        port_label = QLabel("P&ort")
        port_label.setBuddy(self.port)
        paper_label = QLabel("Pap&er")
        paper_label.setBuddy(self.paper)
        grid.addWidget(printer_label, 0, 0)
        grid.addWidget(self.printer, 0, 1, 1, 3)
        grid.addWidget(host_label, 1, 0)
        grid.addWidget(self.host, 1, 1)
        grid.addWidget(port_label, 1, 2)
        grid.addWidget(self.port, 1, 3)
        grid.addWidget(paper_label, 2, 0)
        grid.addWidget(self.paper, 2, 1)
        grid.addWidget(self.after_refund, 3, 0, 1, 4)
        grid.addWidget(self.test_button, 4, 0, 1, 2)
        grid.addWidget(self.status, 5, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.printer.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def show_choice(self, choice: PrinterChoice) -> None:
        index = 0
        if choice.kind == NETWORK:
            index = self.printer.count() - 1
        elif choice.kind == SYSTEM and choice.name:
            index = self.printer.findData((SYSTEM, choice.name))
            if index < 0:  # saved, but not on this computer (now)
                self.printer.insertItem(self.printer.count() - 1,
                                        f"{choice.name} (not found)", (SYSTEM, choice.name))
                index = self.printer.count() - 2
        self.printer.setCurrentIndex(index)
        self.host.setText(choice.host)
        self.port.setValue(choice.port)
        self.paper.setCurrentIndex(max(0, self.paper.findData(choice.paper_mm)))
        self.after_refund.setChecked(choice.after_refund)
        self._kind_changed()

    def choice(self) -> PrinterChoice:
        kind, name = self.printer.currentData() or (NONE, "")
        return PrinterChoice(kind=kind, name=name, host=self.host.text().strip(),
                             port=self.port.value(), paper_mm=self.paper.currentData(),
                             after_refund=self.after_refund.isChecked())

    def show_status(self, text: str, *, good: bool = False, error: bool = False) -> None:
        self.status.setText(text)
        restyle(self.status, tone="good" if good else "error" if error else "")

    def _kind_changed(self, *_args: object) -> None:
        kind = (self.printer.currentData() or (NONE, ""))[0]
        for widget in (self.host, self.port):
            widget.setEnabled(kind == NETWORK)
        for widget in (self.paper, self.after_refund, self.test_button):
            widget.setEnabled(kind != NONE)
