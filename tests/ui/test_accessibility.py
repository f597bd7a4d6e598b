"""Every control can be named by a screen reader, reached by keyboard and hit by a finger."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from pos_refunds.domain.payments import PaymentState

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
            QPlainTextEdit, QTextEdit)
TOUCH_MIN = 40  # px: a fingertip; the stylesheet aims at 44


def _controls(root: QWidget) -> list[QWidget]:
    found = [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS)]
    # Qt's own helpers inside composite widgets (scroll bar buttons, header views,
    # the line edit inside a combo box) are named through their owner.
    return [w for w in found if w.isVisibleTo(root) and not w.objectName().startswith("qt_")
            and not isinstance(w, QHeaderView)
            and not isinstance(w.parentWidget(), QComboBox | QAbstractSpinBox)]


def _accessible_name(w: QWidget) -> str:
    """The name assistive technology reads out (a button's text counts, as in Qt)."""
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def _has_shortcut(w: QWidget) -> bool:
    """Toolbar buttons take no focus; their actions' shortcuts reach them."""
    action = w.defaultAction() if isinstance(w, QToolButton) else None
    return action is not None and bool(action.shortcuts())


def _check(root: QWidget) -> None:
    controls = _controls(root)
    assert controls
    unnamed = [f"{type(w).__name__}({w.objectName() or '?'})" for w in controls
               if not _accessible_name(w)]
    assert unnamed == [], f"controls without an accessible name: {unnamed}"
    unreachable = [w.objectName() or _accessible_name(w) for w in controls
                   if w.focusPolicy() == Qt.FocusPolicy.NoFocus and w.isEnabled()
                   and not _has_shortcut(w)]
    assert unreachable == [], f"controls the keyboard cannot reach: {unreachable}"
    small = [f"{w.objectName() or w.text()}:{w.height()}" for w in controls
             if isinstance(w, QPushButton) and w.height() < TOUCH_MIN]
    assert small == [], f"buttons too small to touch: {small}"


def test_main_window_controls(read_only_window) -> None:
    _check(read_only_window)


def test_refund_dialog_controls(read_only_window, qtbot) -> None:
    live_window = read_only_window
    model = live_window.model
    payment = next(model.payment(r) for r in range(model.rowCount())
                   if model.payment(r).state is PaymentState.CAPTURED
                   and model.payment(r).network == "visa")
    dialog = live_window.open_refund(payment)
    qtbot.waitExposed(dialog)
    _check(dialog)
    dialog.reject()


def test_reader_refund_dialog_controls(read_only_window, qtbot) -> None:
    live_window = read_only_window
    model = live_window.model
    payment = next(model.payment(r) for r in range(model.rowCount())
                   if model.payment(r).state is PaymentState.CAPTURED
                   and model.payment(r).network == "interac")
    dialog = live_window.open_reader_refund(payment)
    qtbot.waitExposed(dialog)
    _check(dialog)
    dialog.reject()
