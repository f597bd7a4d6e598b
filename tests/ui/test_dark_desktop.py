"""On a desktop in dark mode the app stays the light app it is drawn as: the menu bar, menus and
what the style sheet does not paint take the app's light palette, not the system's dark one (a
dark palette under a light style sheet gave white menu words on a light bar)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMainWindow

from pos_refunds.app import load_stylesheet, use_light_theme


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_dark_desktop_leaves_the_menu_bar_readable(qapp, qtbot) -> None:
    before_palette, before_sheet = qapp.palette(), qapp.styleSheet()
    before_scheme = qapp.styleHints().colorScheme()
    dark = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#f1f3f4"),
                         (QPalette.ColorRole.Base, "#121212"),
                         (QPalette.ColorRole.Text, "#f1f3f4"),
                         (QPalette.ColorRole.ButtonText, "#f1f3f4")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)  # as a dark desktop hands it over
    try:
        use_light_theme(qapp)
        qapp.setStyleSheet(load_stylesheet())
        window = QMainWindow()
        qtbot.addWidget(window)
        menu = window.menuBar().addMenu("&Payments")
        menu.addAction("Refresh")
        window.show()
        for widget in (window.menuBar(), menu):
            p = widget.palette()
            assert contrast(p.color(QPalette.ColorRole.WindowText),
                            p.color(QPalette.ColorRole.Window)) >= 7
            assert luminance(p.color(QPalette.ColorRole.Window)) > 0.8  # light, as drawn
        assert qapp.styleHints().colorScheme() in (Qt.ColorScheme.Light,
                                                   Qt.ColorScheme.Unknown)
    finally:
        qapp.setStyleSheet(before_sheet)
        qapp.setPalette(before_palette)
        qapp.styleHints().setColorScheme(before_scheme)
