"""The self-test's report in a window, for a build that has no console (windowed, Windows)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..views.touch import touch_button


class SelfTestReport(QDialog):
    def __init__(self, lines: list[str], passed: bool, report_path: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfTestReport")
        self.setWindowTitle(self.tr("POS Refunds self-test"))
        layout = QVBoxLayout(self)
        verdict = QLabel(self.tr("<b>Self-test passed</b>") if passed
                         else self.tr("<b>Self-test FAILED</b>"))
        verdict.setObjectName("selfTestVerdict")
        layout.addWidget(verdict)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setObjectName("selfTestLines")
        self.text.setAccessibleName(self.tr("Self-test report"))
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text, 1)
        where = QLabel(self.tr("This report is saved in {path}").format(path=report_path))
        where.setObjectName("selfTestPath")
        where.setWordWrap(True)
        layout.addWidget(where)
        row = QHBoxLayout()
        row.addStretch(1)
        close = touch_button("selfTestClose", self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(760, 420)
