"""Code 128 of a payment's id, encoded by python-barcode: the bars as a string of modules.

The slip draws these modules itself (Qt on screen and in PDF, a Pillow raster on an ESC/POS
printer) so that every bar is a whole number of dots wide; the encoding (start code, code
set, check symbol, stop) is the library's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-barcode and Pillow load with the first slip, not with the app
    from PIL import Image

QUIET_MODULES = 10  # the blank margin Code 128 needs on each side, in modules


def modules(text: str) -> str:
    """'1' for a dark module, '0' for a light one, quiet zones not included."""
    from barcode import Code128

    return Code128(text).build()[0]


def module_dots(text: str, available_dots: int) -> int:
    """The widest whole-dot module for which the code and its quiet zones fit (at least 1)."""
    return max(1, available_dots // (len(modules(text)) + 2 * QUIET_MODULES))


def raster(text: str, dots_per_module: int, height_dots: int) -> Image.Image:
    """A 1-bit image of the barcode with its quiet zones: black bars on white."""
    from PIL import Image, ImageDraw

    pattern = modules(text)
    width = (len(pattern) + 2 * QUIET_MODULES) * dots_per_module
    image = Image.new("1", (width, height_dots), 1)
    draw = ImageDraw.Draw(image)
    for index, module in enumerate(pattern):
        if module == "1":
            x = (QUIET_MODULES + index) * dots_per_module
            draw.rectangle((x, 0, x + dots_per_module - 1, height_dots - 1), fill=0)
    return image
