"""The Stripe part of Settings: the stored key (its kind and last 4 only), a field for a new
key, the Connect account. Layout only: the Settings dialog wires it to its view-model.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.account import KeySummary
from ..messages import key_summary_words
from ..metrics import TOUCH_HEIGHT
from .touch import touch_button

translate = QCoreApplication.translate

# What the till does with Stripe, as a restricted key's permissions: the names Stripe's
# Dashboard gives them, not translated (the manager looks for them there).
REQUIRED_READ = ("PaymentIntents", "Charges", "Refunds", "Terminal readers and locations",
                 "Events")
REQUIRED_WRITE = ("Refunds", "PaymentIntents", "Terminal readers")


def recommendation() -> str:
    """Which key to use, with the permissions it needs."""
    return translate(
        "StripeKeyBox", "Use a <b>restricted key</b> (rk_live_… or rk_test_…) with only what "
        "the till needs: <b>read</b> {read}; <b>write</b> {write}. It is checked with Stripe, "
        "then kept in this computer's keychain only.").format(
        read=", ".join(REQUIRED_READ), write=", ".join(REQUIRED_WRITE))


def make_label(name: str, accessible: str, *, role: str = "", wrap: bool = True) -> QLabel:
    """`accessible`: translated by the caller."""
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(wrap)
    if role:
        label.setProperty(role, True)  # style.qss: error (red) or hint (muted)
    return label



class StripeKeyBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stripe", parent)  # the product's name
        self.setObjectName("stripeBox")
        self.summary = make_label("storedKey", self.tr("Stored key"))
        self.summary.setText(self.tr("Reading the keychain…"))
        self.keychain_problem = make_label("keychainProblem", self.tr("Keychain problem"),
                                           role="error")
        self.keychain_problem.setVisible(False)
        advice = make_label("keyAdvice", self.tr("Which key to use"), role="hint")
        advice.setText(recommendation())

        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("stripeKey")
        self.key_edit.setAccessibleName(self.tr("New Stripe key"))
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("rk_live_… or rk_test_…"))
        self.key_edit.setMinimumHeight(TOUCH_HEIGHT)
        key_label = QLabel(self.tr("New &key"))
        key_label.setBuddy(self.key_edit)
        self.key_error = make_label("keyError", self.tr("Key problem"), role="error")
        self.key_error.setVisible(False)
        self.check_button = touch_button("checkKeyButton", self.tr("&Check and save key"),
                                         min_width=140)
        self.remove_button = touch_button("removeKeyButton", self.tr("Remove key"),
                                          min_width=140)
        self.status = make_label("keyStatus", self.tr("Key status"))
        self.status.setVisible(False)
        self.restart_button = touch_button("restartButton", self.tr("Restart now"),
                                           min_width=140)
        self.restart_button.setVisible(False)

        self.account_edit = QLineEdit()
        self.account_edit.setObjectName("connectAccount")
        self.account_edit.setAccessibleName(self.tr("Connect account"))
        self.account_edit.setPlaceholderText(
            self.tr("acct_… (leave empty unless you use Connect)"))
        self.account_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.account_edit.setMaxLength(64)
        account_label = QLabel(self.tr("Connect &account (optional)"))
        account_label.setBuddy(self.account_edit)
        self.account_error = make_label("accountError", self.tr("Connect account problem"),
                                        role="error")
        self.account_error.setVisible(False)
        account_hint = make_label("accountHint", self.tr("About the Connect account"),
                                  role="hint")
        account_hint.setText(self.tr("For a platform acting for one of its connected accounts. "
                                     "Used with the stored key, from the app's next start."))

        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.restart_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.keychain_problem)
        layout.addWidget(advice)
        layout.addSpacing(4)
        layout.addWidget(key_label)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.key_error)
        layout.addLayout(buttons)
        layout.addLayout(status_row)
        layout.addSpacing(8)
        layout.addWidget(account_label)
        layout.addWidget(self.account_edit)
        layout.addWidget(self.account_error)
        layout.addWidget(account_hint)
        layout.addStretch(1)

    def show_summary(self, summary: KeySummary | None) -> None:
        if summary is None:
            self.summary.setText(self.tr("No key stored: the till runs in training mode."))
        else:
            self.summary.setText(self.tr("Stored: {key}.").format(
                key=key_summary_words(summary)))
        self.remove_button.setEnabled(summary is not None)

    @staticmethod
    def show_text(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
