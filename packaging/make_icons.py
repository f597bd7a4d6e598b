"""Render the app icon (resources/icons/pos-refunds.svg) into the files the installers and the
windows use: PNGs of each size, a Windows .ico and a macOS .icns.

Run after changing the SVG: `python packaging/make_icons.py` (needs Qt's svg, ico and icns
plugins, which the PySide6 wheels carry). The outputs are committed, so a build needs none.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "pos-refunds.svg"))
    if not renderer.isValid():
        print("the SVG could not be read", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(str(ICONS / f"pos-refunds-{size}.png"))
    for fmt, sizes in (("ico", (16, 24, 32, 48, 64, 128, 256)), ("icns", (16, 32, 128, 256, 512))):
        writer = QImageWriter(str(ICONS / f"pos-refunds.{fmt}"), fmt.encode())
        for size in sizes:  # the ico and icns writers take one image per write call
            if not writer.write(images[size]):
                print(f"{fmt}: {writer.errorString()}", file=sys.stderr)
                return 1
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
