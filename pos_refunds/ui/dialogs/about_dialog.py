"""The About box: version, mode, data folder, and the licences of what the app is built on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..views.touch import touch_button

LICENCES = (
    ("Python", "Python Software Foundation License"),
    ("Qt 6 and PySide6 (Qt for Python)", "GNU LGPL v3"),
    ("stripe-python (Stripe's official SDK)", "MIT License"),
    ("httpx, httpcore", "BSD 3-Clause License"),
    ("anyio", "MIT License"),
    ("qasync", "BSD 2-Clause License"),
    ("keyring", "MIT License"),
    ("SecretStorage", "BSD 3-Clause License"),
    ("jeepney", "MIT License"),
    ("cryptography", "Apache License 2.0 or BSD 3-Clause License"),
    ("OpenSSL", "Apache License 2.0"),
    ("ICU (International Components for Unicode)", "Unicode License v3"),
    ("requests, urllib3, idna, certifi, charset-normalizer",
     "Apache 2.0, MIT, BSD 3-Clause, MPL 2.0, MIT"),
    ("filelock", "The Unlicense"),
)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AboutDialog(QDialog):
    def __init__(self, facts: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About POS Refunds")
        layout = QVBoxLayout(self)
        title = QLabel("<b>POS Refunds</b>")
        title.setObjectName("aboutTitle")
        layout.addWidget(title)
        self.facts = QLabel("<br>".join(f"{_escape(k)}: {_escape(v)}" for k, v in facts))
        self.facts.setObjectName("aboutFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setAccessibleName("Licences")
        self.licences.setHtml(
            "<p>POS Refunds is built on these, each under its own licence:</p><ul>"
            + "".join(f"<li>{_escape(n)}: {_escape(lic)}</li>" for n, lic in LICENCES)
            + "</ul><p>Qt is used as shared libraries under the LGPL v3; its source is at "
              "https://download.qt.io/.</p>")
        self.licences.setMinimumHeight(160)
        layout.addWidget(self.licences, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = touch_button("aboutClose", "Close")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(520, 440)
