"""Settings' "Receipt printer" section: which printer, its paper, printing after every refund,
and a test slip. Layout only: the dialog reads `choice()` and wires the test button.

The printer list holds "No receipt printer", this computer's printers (by name) and a network
ESC/POS printer, which needs a host and a port (9100 unless the printer says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
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

translate = QCoreApplication.translate

NONE, SYSTEM, NETWORK = "", "system", "network"
NETWORK_TEXT = QT_TRANSLATE_NOOP("ReceiptPrinterBox", "Network (ESC/POS)")


@dataclass(frozen=True, slots=True)
class PrinterChoice:
    kind: str
    name: str
    host: str
    port: int
    paper_mm: int
    after_refund: bool


def _sized(widget: QWidget, name: str, accessible: str) -> QWidget:
    """`accessible`: translated by the caller."""
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(TOUCH_HEIGHT)
    return widget


class ReceiptPrinterBox(QGroupBox):
    def __init__(self, system_printers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Receipt printer"))
        self.setObjectName("receiptPrinterBox")
        self.printer = QComboBox()
        _sized(self.printer, "receiptPrinterChoice", self.tr("Receipt printer"))
        self.printer.addItem(self.tr("No receipt printer"), (NONE, ""))
        for name in system_printers:
            self.printer.addItem(name, (SYSTEM, name))
        network_text = translate("ReceiptPrinterBox", NETWORK_TEXT)
        self.printer.addItem(network_text, (NETWORK, ""))
        self.host = QLineEdit()
        _sized(self.host, "printerHost", self.tr("Network printer's address"))
        self.host.setPlaceholderText(self.tr("192.168.1.50 or printer.local"))
        self.host.setMinimumWidth(self.host.fontMetrics().horizontalAdvance("192.168.100.100")
                                  + 40)  # an address read whole, with the field's padding
        self.port = QSpinBox()
        _sized(self.port, "printerPort", self.tr("Network printer's port"))
        self.port.setRange(1, 65535)
        self.port.setPrefix(self.tr("Port ", "before the port number"))
        self.port.setValue(DEFAULT_PORT)
        self.paper = QComboBox()
        _sized(self.paper, "paperWidth", self.tr("Paper width"))
        self.paper.addItem(self.tr("80 mm paper"), 80)
        self.paper.addItem(self.tr("58 mm paper"), 58)
        self.after_refund = QCheckBox(self.tr("Print a slip after every refund"))
        _sized(self.after_refund, "printAfterRefund", self.tr("Print a slip after every refund"))
        self.test_button = touch_button("printTestSlipButton", self.tr("Print test slip"),
                                        self.tr("Print a test slip on the receipt printer"),
                                        min_width=150)
        self.status = make_label("printerStatus", self.tr("Receipt printer status"))
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        printer_label = QLabel(self.tr("&Printer"))
        printer_label.setBuddy(self.printer)
        host_label = QLabel(self.tr("A&ddress"))
        host_label.setBuddy(self.host)
        # Two rows across the dialog's width: the dialog has no more height to give.
        grid.addWidget(printer_label, 0, 0)
        grid.addWidget(self.printer, 0, 1)
        grid.addWidget(self.paper, 0, 2)
        grid.addWidget(host_label, 0, 3)
        grid.addWidget(self.host, 0, 4)
        grid.addWidget(self.port, 0, 5)
        second = QHBoxLayout()
        second.setSpacing(12)
        second.addWidget(self.after_refund)
        second.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        second.addWidget(self.status, 1)
        grid.addLayout(second, 1, 0, 1, 6)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(4, 2)
        self.printer.setMinimumContentsLength(len(network_text) + 2)  # in characters
        self.printer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
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
                                        self.tr("{printer} (not found)").format(
                                            printer=choice.name), (SYSTEM, choice.name))
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
