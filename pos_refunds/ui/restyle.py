"""Changing how a widget looks at run time: set the dynamic property style.qss selects on
(`QLabel[tone="error"]`...) and have Qt read the sheet again, which it does only when asked.
A new look can change the widget's size (a border, a bolder font): its layout is told."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget, **properties: object) -> None:
    for name, value in properties.items():
        widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.updateGeometry()
