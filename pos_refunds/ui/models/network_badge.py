"""Card-network badges drawn with QPainter: recognisable at a glance, no image files to ship."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from .. import palette

translate = QCoreApplication.translate

# network -> short text; its colours (background, text) are in palette.NETWORK_COLOURS
_TEXTS: dict[str, str] = {
    "visa": "VISA",
    "mastercard": "MC",
    "amex": "AMEX",
    "discover": "DISC",
    "girocard": "GIRO",
    "interac": "INTR",
    "eftpos_au": "EFT",
    "eftpos": "EFT",
    "jcb": "JCB",
    "diners": "DINE",
    "unionpay": "UPI",
    "cartes_bancaires": "CB",
}

BADGE_WIDTH = 40
BADGE_HEIGHT = 24


def badge_colors(network: str) -> tuple[str, str, str]:
    if network not in _TEXTS or network not in palette.NETWORK_COLOURS:
        # A card of a network without a badge of its own: a short word, as few letters as fit.
        return (translate("NetworkBadge", "CARD"), *palette.OTHER_NETWORK)
    return (_TEXTS[network], *palette.NETWORK_COLOURS[network])


@lru_cache(maxsize=64)
def badge_pixmap(network: str, scale: float = 2.0) -> QPixmap:
    """A rounded rectangle in the network's colour with its short name; drawn at `scale`
    so it stays crisp on high-DPI screens."""
    text, background, foreground = badge_colors(network)
    pixmap = QPixmap(int(BADGE_WIDTH * scale), int(BADGE_HEIGHT * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(0.5, 2.5, BADGE_WIDTH - 1, BADGE_HEIGHT - 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, 4, 4)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(10 if len(text) > 3 else 11)
        painter.setFont(font)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return pixmap


@lru_cache(maxsize=64)
def badge_icon(network: str) -> QIcon:
    """The badge at 1x and 2x: the table paints the one drawn for its screen instead of
    rescaling a 2x pixmap at every paint."""
    icon = QIcon()
    for scale in (1.0, 2.0):
        icon.addPixmap(badge_pixmap(network, scale))
    return icon
