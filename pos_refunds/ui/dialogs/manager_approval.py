"""A manager approves one operation with their PIN: pick the name, type the PIN.

Opened (with `.open()`) by `Prompts.ask_manager_pin` for exactly one operation; `approved`
carries the approval the staff list issued for it alone, and nothing is remembered
afterwards: the next operation asks again. Wrong PINs count toward the manager's lockout
like at sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.approvals import Approval, ApprovalRequest
from ...domain.payments import Payment
from ...domain.staff import Staff
from ..formatting import card_words, format_money
from ..messages import approval_words, error_words
from ..ports import StaffDirectory
from ..tasks import TaskRegistry
from ..viewmodels.sign_in_vm import SignInViewModel
from ..views.pin_pad import PinPad
from ..views.screen_fit import room_for, scroll_when_tall
from ..views.staff_picker import StaffPicker
from ..views.touch import touch_button
from .payment_summary import PaymentSummary


class ManagerApprovalDialog(QDialog):
    approved = Signal(object)  # Approval for this one operation; or the manager (Staff)

    def __init__(self, directory: StaffDirectory, request: ApprovalRequest | None,
                 tasks: TaskRegistry, parent: QWidget | None = None, *,
                 payment: Payment | None = None, why: str = "") -> None:
        """`request`: the one refund a manager approves (with `payment`, what it is about);
        None: a manager signs in for one task the till's cashier may not do (`why`)."""
        super().__init__(parent)
        self.setObjectName("managerApprovalDialog")
        self.setWindowTitle(self.tr("Manager approval"))
        self.setMinimumWidth(820)
        self.vm = SignInViewModel(directory, managers_only=True, approving=request,
                                  tasks=tasks.scope("approval", owner=self), parent=self)
        reason = approval_words(request.reasons) if request is not None else why
        self._loaded = False

        title = QLabel(self.tr("A manager must approve") if request is not None
                       else self.tr("A manager must sign in"))
        title.setObjectName("dialogTitle")
        self.reason = QLabel(reason)
        self.reason.setObjectName("approvalReason")
        self.reason.setAccessibleName(self.tr("Why approval is needed"))
        self.reason.setWordWrap(True)
        self.reason.setProperty("warning", True)
        how = QLabel(self.tr("Manager: tap your name and type your PIN. The approval is for "
                             "this refund only.") if request is not None
                     else self.tr("Manager: tap your name and type your PIN. This is for this "
                                  "task only; the till stays signed in as it is."))
        how.setObjectName("approvalHow")
        how.setWordWrap(True)
        self.picker = StaffPicker(name="approvalManagers", columns=2,
                                  empty_text=self.tr("Loading the managers…"))
        self.pad = PinPad(self.tr("Approve") if request is not None else self.tr("Sign in"),
                          name="approvalPad")
        self.pad.setMaximumWidth(360)
        self.pad.ensurePolished()  # the keys' words in the style sheet's font are never cut
        self.pad.setMinimumWidth(min(360, max(340, self.pad.sizeHint().width())))
        self.cancel = touch_button("approvalCancelButton", self.tr("Cancel"),
                                   self.tr("Cancel the approval"), min_width=140)

        # What is approved and by whom on the left, above the names and Cancel; the keypad
        # on the right from the top: 1366×768 at 125 % holds it all without scrolling.
        left = QVBoxLayout()
        left.setSpacing(10)
        if request is not None and payment is not None:
            self.summary = PaymentSummary(payment)
            self.summary.setObjectName("approvalPayment")
            left.addWidget(self.summary)
        if request is not None:
            amount = format_money(request.amount)
            what = QLabel(self.tr("Refund of <b>{amount}</b> to {card}").format(
                amount=amount, card=card_words(payment)) if payment is not None
                else self.tr("Refund of <b>{amount}</b>").format(amount=amount))
            what.setObjectName("approvalWhat")
            what.setAccessibleName(self.tr("What is approved"))
            what.setWordWrap(True)
            left.addWidget(what)
        left.addWidget(self.reason)
        left.addWidget(how)
        left.addWidget(self.picker, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        left.addLayout(buttons)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 1)
        columns.addWidget(self.pad, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addLayout(columns, 1)
        # At 150 % even the keypad is taller than the screen: then the whole dialog scrolls.
        scroll_when_tall(self, layout, "approvalScroll", keep=0)

        self.picker.picked.connect(self._picked)
        self.pad.submitted.connect(self._submitted)
        self.cancel.clicked.connect(self.reject)
        self.vm.staffLoaded.connect(self._managers)
        self.vm.loadFailed.connect(self._failed)
        self.vm.busyChanged.connect(self._busy)
        self.vm.signedIn.connect(self._approved)
        self.vm.refused.connect(self.pad.show_message)
        self.vm.failed.connect(self._failed)

    def showEvent(self, event) -> None:  # noqa: ANN001 - QShowEvent
        """The managers are read when the dialog appears (there is a running loop then)."""
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.vm.load()

    def select(self, staff_id: str) -> bool:
        return self.picker.select(staff_id)

    def _managers(self, managers: list[Staff]) -> None:
        if not managers:
            self.picker.set_staff([])
            self.pad.show_message(self.tr("No manager is on the staff list, so nobody can "
                                          "approve this here."))
            return
        self.picker.set_staff(managers)
        if len(managers) == 1:
            self.picker.select(managers[0].id)

    def _picked(self, manager: Staff) -> None:
        self.pad.clear()
        self.pad.show_message("")
        self.pad.set_ready(True, self.tr("PIN for {name}").format(name=manager.name))
        self.pad.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submitted(self, pin: str) -> None:
        manager = self.picker.selected()
        if manager is not None:
            self.vm.sign_in(manager.id, pin)

    def _busy(self, busy: bool) -> None:
        self.picker.setEnabled(not busy)
        self.pad.set_busy(busy)
        self.cancel.setEnabled(not busy)

    def _approved(self, approval: Approval) -> None:
        self.approved.emit(approval)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        title, message, _reference = error_words(error)
        self.pad.show_message(self.tr("{title}: {message}", "an error's title, then what it says")
                              .format(title=title, message=message))

    def event(self, event: QEvent) -> bool:
        """A PIN message that wraps onto more lines makes the dialog taller instead of
        squeezing the keypad (a window's minimum size ignores word-wrapped labels)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self._fit()
        return handled

    def _fit(self) -> None:
        needed = self.layout().totalHeightForWidth(self.width())
        room = room_for(self)
        if room is not None:
            needed = min(needed, room.height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def reject(self) -> None:
        """Esc and Cancel close, except while a PIN is being checked."""
        if self.vm.busy:
            return
        super().reject()
