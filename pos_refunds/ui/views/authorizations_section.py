"""Section (a) of the end-of-day screen: the authorizations still waiting for a capture, one
row each, with "Capture all" / "Cancel all", the batch's progress and a Stop button.

Layout only; every button goes out as a signal.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...clock import Clock, utc_now
from ...domain.policy import Action
from ..viewmodels.authorization_rows import AuthRow
from .authorization_row import AuthorizationRow
from .touch import touch_button

translate = QCoreApplication.translate

EMPTY = QT_TRANSLATE_NOOP("AuthorizationsSection",
                          "No authorizations are waiting: nothing to capture or cancel.")
HINT = QT_TRANSLATE_NOOP("AuthorizationsSection",
                         "Stripe releases a hold that is not captured in time, and the sale is "
                         "lost. Capture what was sold; cancel what was not.")



class AuthorizationsSection(QWidget):
    captureRequested = Signal(str)
    cancelRequested = Signal(str)
    captureAllRequested = Signal()
    cancelAllRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Clock = utc_now) -> None:
        super().__init__(parent)
        self.setObjectName("authorizationsSection")
        self._rows: dict[str, AuthorizationRow] = {}
        self._busy = False

        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        hint = QLabel(translate("AuthorizationsSection", HINT))
        hint.setWordWrap(True)
        hint.setProperty("hint", True)
        self.progress_text = QLabel()
        self.progress_text.setObjectName("batchProgressText")
        self.progress_text.setAccessibleName(self.tr("Progress"))
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(180)
        self.stop_button = touch_button("stopBatchButton", self.tr("Stop"), min_width=130)
        self.capture_all = touch_button("captureAllButton", self.tr("Capture all"),
                                        min_width=130)
        self.cancel_all = touch_button("cancelAllButton", self.tr("Cancel all"), min_width=130)
        for widget in (self.progress_text, self.progress, self.stop_button):
            widget.hide()

        self.empty = QLabel(translate("AuthorizationsSection", EMPTY))
        self.empty.setObjectName("noAuthorizations")
        self.list = QWidget()
        self.list.setObjectName("authorizationList")
        self._list_layout = QVBoxLayout(self.list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(0)
        self._list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("authorizationScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setWidget(self.list)
        # The dialog shares its height between the sections; the list scrolls within its share.
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        scroll.setMinimumHeight(130)
        self._scroll = scroll
        scroll.viewport().installEventFilter(self)  # the rows fit its width
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(hint)
        head.addLayout(titles, 1)
        for widget in (self.progress_text, self.progress, self.stop_button, self.capture_all,
                       self.cancel_all):
            head.addWidget(widget, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.empty)  # instead of the list: an empty section is one line
        layout.addWidget(scroll, 1)

        self.capture_all.clicked.connect(self.captureAllRequested)
        self.cancel_all.clicked.connect(self.cancelAllRequested)
        self.stop_button.clicked.connect(self.stopRequested)
        self.set_rows([], clock())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._scroll.viewport():
            self._fit_rows()
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        """Every row as wide as the list shows, never wider (nothing is cut at the right)."""
        width = self._scroll.viewport().width()
        for widget in self._rows.values():
            widget.fit_width(width)

    # --- what the dialog calls -----------------------------------------------------------
    def row_widget(self, payment_id: str) -> AuthorizationRow | None:
        return self._rows.get(payment_id)

    def set_rows(self, rows: list[AuthRow], now: datetime) -> None:
        for widget in self._rows.values():
            widget.deleteLater()
        self._rows.clear()
        for row in rows:
            widget = AuthorizationRow(row, now)
            widget.captureRequested.connect(self.captureRequested)
            widget.cancelRequested.connect(self.cancelRequested)
            self._list_layout.insertWidget(self._list_layout.count() - 1, widget)
            self._rows[row.payment.id] = widget
        self._fit_rows()
        self.empty.setVisible(not rows)
        self._scroll.setVisible(bool(rows))
        # Empty, the section keeps to its one line and leaves the height to the totals.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding if rows
                           else QSizePolicy.Policy.Maximum)
        self._refresh_head()

    def update_row(self, row: AuthRow, now: datetime) -> None:
        widget = self._rows.get(row.payment.id)
        if widget is not None:
            widget.set_row(row, now, busy=self._busy)
        self._refresh_head()

    def tick(self, now: datetime) -> None:
        for widget in self._rows.values():
            widget.tick(now)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in self._rows.values():
            widget.set_busy(busy)
        self.stop_button.setVisible(busy)
        self.stop_button.setEnabled(busy)
        self._refresh_head()

    def set_progress(self, done: int, total: int, verb: str) -> None:
        """"Capturing 3 of 7…" while a batch runs; hidden when idle (total 0).

        `verb` is the batch's ("Capturing", "Canceling"): each has its whole sentence here.
        """
        running = total > 0
        self.progress_text.setVisible(running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            sentences = {"Capturing": self.tr("Capturing {current} of {total}…"),
                         "Canceling": self.tr("Canceling {current} of {total}…")}
            sentence = sentences.get(verb) or self.tr("{verb} {current} of {total}…")
            self.progress_text.setText(sentence.format(verb=verb, current=min(done + 1, total),
                                                       total=total))

    def stopping(self) -> None:
        self.stop_button.setEnabled(False)
        self.progress_text.setText(self.tr("Stopping after this one…"))

    def _refresh_head(self) -> None:
        rows = [w.row for w in self._rows.values()]
        waiting = [r for r in rows if not r.state.final]
        self.title.setText(self.tr("Authorizations not captured ({count})").format(
            count=len(waiting)))
        self.capture_all.setEnabled(not self._busy and any(r.can(Action.CAPTURE) for r in rows))
        self.cancel_all.setEnabled(not self._busy and any(r.can(Action.CANCEL) for r in rows))
