"""The Stripe part of Settings: the stored key (its kind and last 4 only), a field for a new
key, the Connect account. Layout only: the Settings dialog wires it to its view-model.
"""

from __future__ import annotations

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

# What the till does with Stripe, as a restricted key's permissions (Dashboard wording).
REQUIRED_READ = ("PaymentIntents", "Charges", "Refunds", "Terminal readers and locations",
                 "Events")
REQUIRED_WRITE = ("Refunds", "PaymentIntents", "Terminal readers")

RECOMMENDATION = (
    "Use a <b>restricted key</b> (rk_live_… or rk_test_…) with only what the till needs: "
    "<b>read</b> " + ", ".join(REQUIRED_READ) + "; <b>write</b> " + ", ".join(REQUIRED_WRITE)
    + ". It is checked with Stripe, then kept in this computer's keychain only."
)


def make_label(name: str, accessible: str, *, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(wrap)
    if role:
        label.setProperty(role, True)  # style.qss: error (red) or hint (muted)
    return label



class StripeKeyBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Stripe", parent)
        self.setObjectName("stripeBox")
        self.summary = make_label("storedKey", "Stored key")
        self.summary.setText("Reading the keychain…")
        self.keychain_problem = make_label("keychainProblem", "Keychain problem", role="error")
        self.keychain_problem.setVisible(False)
        recommendation = make_label("keyAdvice", "Which key to use", role="hint")
        recommendation.setText(RECOMMENDATION)

        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("stripeKey")
        self.key_edit.setAccessibleName("New Stripe key")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText("rk_live_… or rk_test_…")
        self.key_edit.setMinimumHeight(TOUCH_HEIGHT)
        key_label = QLabel("New &key")
        key_label.setBuddy(self.key_edit)
        self.key_error = make_label("keyError", "Key problem", role="error")
        self.key_error.setVisible(False)
        self.check_button = touch_button("checkKeyButton", "&Check and save key", min_width=140)
        self.remove_button = touch_button("removeKeyButton", "Remove key", min_width=140)
        self.status = make_label("keyStatus", "Key status")
        self.status.setVisible(False)
        self.restart_button = touch_button("restartButton", "Restart now", min_width=140)
        self.restart_button.setVisible(False)

        self.account_edit = QLineEdit()
        self.account_edit.setObjectName("connectAccount")
        self.account_edit.setAccessibleName("Connect account")
        self.account_edit.setPlaceholderText("acct_… (leave empty unless you use Connect)")
        self.account_edit.setMinimumHeight(TOUCH_HEIGHT)
        self.account_edit.setMaxLength(64)
        account_label = QLabel("Connect &account (optional)")
        account_label.setBuddy(self.account_edit)
        self.account_error = make_label("accountError", "Connect account problem", role="error")
        self.account_error.setVisible(False)
        account_hint = make_label("accountHint", "About the Connect account", role="hint")
        account_hint.setText("For a platform acting for one of its connected accounts. "
                             "Used with the stored key, from the app's next start.")

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
        layout.addWidget(recommendation)
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
            self.summary.setText("No key stored: the till runs in training mode.")
        else:
            self.summary.setText(f"Stored: {key_summary_words(summary)}.")
        self.remove_button.setEnabled(summary is not None)

    @staticmethod
    def show_text(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
