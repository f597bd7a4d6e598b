"""The About box: version, mode, data folder, and the licences of what the app is built on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..views.touch import touch_button

translate = QCoreApplication.translate

# Names of software and of licences are not translated; only the words around them are
# (marked here, translated where shown: nothing is translated at import).
LICENCES = (
    ("Python", "Python Software Foundation License"),
    (QT_TRANSLATE_NOOP("AboutDialog", "Qt 6 and PySide6 (Qt for Python)"), "GNU LGPL v3"),
    (QT_TRANSLATE_NOOP("AboutDialog", "stripe-python (Stripe's official SDK)"), "MIT License"),
    ("httpx, httpcore", "BSD 3-Clause License"),
    ("anyio", "MIT License"),
    ("qasync", "BSD 2-Clause License"),
    ("keyring", "MIT License"),
    ("SecretStorage", "BSD 3-Clause License"),
    ("jeepney", "MIT License"),
    ("cryptography",
     QT_TRANSLATE_NOOP("AboutDialog", "Apache License 2.0 or BSD 3-Clause License")),
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
        self.setWindowTitle(self.tr("About POS Refunds"))
        layout = QVBoxLayout(self)
        title = QLabel("<b>POS Refunds</b>")  # the product's name
        title.setObjectName("aboutTitle")
        layout.addWidget(title)
        self.facts = QLabel("<br>".join(
            self.tr("{fact}: {value}", "a line of the About box").format(
                fact=_escape(k), value=_escape(v)) for k, v in facts))
        self.facts.setObjectName("aboutFacts")
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setWordWrap(True)
        layout.addWidget(self.facts)
        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setAccessibleName(self.tr("Licences"))
        items = "".join(
            self.tr("<li>{name}: {licence}</li>", "a line of the licences").format(
                name=_escape(translate("AboutDialog", n)),
                licence=_escape(translate("AboutDialog", lic))) for n, lic in LICENCES)
        self.licences.setHtml(
            self.tr("<p>POS Refunds is built on these, each under its own licence:</p>"
                    "<ul>{items}</ul><p>Qt is used as shared libraries under the LGPL v3; its "
                    "source is at https://download.qt.io/.</p>").format(items=items))
        self.licences.setMinimumHeight(160)
        layout.addWidget(self.licences, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = touch_button("aboutClose", self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(520, 440)
