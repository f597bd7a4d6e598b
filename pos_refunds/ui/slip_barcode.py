"""The slip's Code 128 of the PaymentIntent id as a QImage for QTextDocument (screen, PDF,
system printers). The modules are python-barcode's (printers/code128.py); each is drawn a
whole number of pixels wide, at a resolution the printer's dots can follow."""

from __future__ import annotations

from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from ..printers import code128
from . import palette

SCHEME = "slip-barcode"
PIXELS_PER_MODULE = 4
HEIGHT_MODULES = 40  # about 9 mm tall on an 80 mm slip


def barcode_url(text: str) -> QUrl:
    return QUrl(f"{SCHEME}:{text}")


def barcode_image(text: str) -> QImage:
    pattern = code128.modules(text)
    quiet = code128.QUIET_MODULES
    px = PIXELS_PER_MODULE
    image = QImage((len(pattern) + 2 * quiet) * px, HEIGHT_MODULES * px,
                   QImage.Format.Format_RGB32)
    image.fill(QColor(palette.WHITE))
    painter = QPainter(image)
    ink = QColor(palette.INK)
    for index, module in enumerate(pattern):
        if module == "1":
            painter.fillRect(QRect((quiet + index) * px, 0, px, image.height()), ink)
    painter.end()
    return image


def add_barcode(document: QTextDocument, text: str) -> None:
    """Make `<img src="slip-barcode:…">` in the slip's HTML resolve in `document`."""
    document.addResource(QTextDocument.ResourceType.ImageResource, barcode_url(text),
                         barcode_image(text))
