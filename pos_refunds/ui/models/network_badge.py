"""Card-network badges drawn with QPainter: recognisable at a glance, no image files to ship."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# network -> (short text, background, text colour)
_BADGES: dict[str, tuple[str, str, str]] = {
    "visa": ("VISA", "#1a1f71", "#ffffff"),
    "mastercard": ("MC", "#eb001b", "#ffffff"),
    "amex": ("AMEX", "#2e77bc", "#ffffff"),
    "discover": ("DISC", "#e55c00", "#ffffff"),
    "girocard": ("GIRO", "#0063a7", "#ffffff"),
    "interac": ("INTR", "#ffc20e", "#1b1b1b"),
    "eftpos_au": ("EFT", "#00843d", "#ffffff"),
    "eftpos": ("EFT", "#00843d", "#ffffff"),
    "jcb": ("JCB", "#0b6a3a", "#ffffff"),
    "diners": ("DINE", "#004a97", "#ffffff"),
    "unionpay": ("UPI", "#d10429", "#ffffff"),
    "cartes_bancaires": ("CB", "#1c4b8c", "#ffffff"),
}
_OTHER = ("CARD", "#5f6b7a", "#ffffff")

BADGE_WIDTH = 40
BADGE_HEIGHT = 24


def badge_colors(network: str) -> tuple[str, str, str]:
    return _BADGES.get(network, _OTHER)


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
    return QIcon(badge_pixmap(network))
