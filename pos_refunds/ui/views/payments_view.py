"""The list of recent payments with search, filters and the receipt-scanner shortcut.

Layout and the little glue a list needs (selection, Enter in the search box). Loading and
looking payments up belong to the view-model: the view only asks through `lookupRequested`.
"""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.payments import NETWORK_NAMES, Payment
from ..metrics import TOUCH_HEIGHT
from ..models.payments_filter import PaymentsFilterProxy
from ..models.payments_model import STATE_WORDS, PaymentsTableModel
from .cell_cache import CachedCellDelegate
from .payments_columns import ColumnFitter
from .record_table import record_table

translate = QCoreApplication.translate

SEARCH_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "PaymentsView", "Search amount, last 4 or payment id — or scan a receipt")
PAYMENT_ID = re.compile(r"^pi_[A-Za-z0-9]+$")
Col = PaymentsTableModel.Column


def looks_like_payment_id(text: str) -> bool:
    return bool(PAYMENT_ID.match(text.strip()))


class PaymentsView(QWidget):
    lookupRequested = Signal(str)  # a scanned payment id that is not loaded yet
    paymentSelected = Signal(object)  # Payment, or None when nothing is selected

    def __init__(self, model: PaymentsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsView")
        self._model = model
        self.proxy = PaymentsFilterProxy(self)
        self.proxy.setSourceModel(model)
        self._current: Payment | None = None

        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName(self.tr("Search payments"))
        self.search_box.setPlaceholderText(translate("PaymentsView", SEARCH_PLACEHOLDER))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumHeight(TOUCH_HEIGHT)
        self.search_box.setMinimumWidth(160)  # a narrow (scaled) screen: still room to type

        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.setAccessibleName(self.tr("Filter by state"))
        self.state_filter.addItem(self.tr("All states"), None)
        for state, words in STATE_WORDS.items():
            self.state_filter.addItem(words, state)
        self.state_filter.setMinimumHeight(TOUCH_HEIGHT)

        self.network_filter = QComboBox()
        self.network_filter.setObjectName("networkFilter")
        self.network_filter.setAccessibleName(self.tr("Filter by card network"))
        self.network_filter.addItem(self.tr("All networks"), None)
        seen: set[str] = set()
        for code, name in NETWORK_NAMES.items():
            if name not in seen:
                seen.add(name)
                self.network_filter.addItem(name, code)
        self.network_filter.setMinimumHeight(TOUCH_HEIGHT)
        for combo in (self.state_filter, self.network_filter):  # the search box gets the room
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            # Room for the "All …" choice whole in every language ("Tous les réseaux").
            combo.setMinimumContentsLength(max(12, len(combo.itemText(0))))
            combo.setMinimumWidth(168)  # narrow (scaled) screens: the search box keeps its room
        self.search_box.setToolTip(translate("PaymentsView", SEARCH_PLACEHOLDER))

        self.message = QLabel()
        self.message.setObjectName("searchMessage")
        self.message.setAccessibleName(self.tr("Search message"))
        self.message.setWordWrap(True)
        self.message.hide()

        self.load_status = QLabel()
        self.load_status.setObjectName("loadStatus")
        self.load_status.setAccessibleName(self.tr("Loading payments"))
        self.progress = QProgressBar()
        self.progress.setObjectName("loadProgress")
        self.progress.setAccessibleName(self.tr("Loading payments"))
        self.progress.setRange(0, 0)  # pages arrive until the list ends: no known total
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.table = self._build_table()
        # Over the list's foot, outside every layout: showing it, hiding it and counting the
        # pages lay nothing out again (in the layout, each did the whole window: 20 ms).
        self._status_sized_for = ""  # the widest count the label was sized for
        self.loading = QFrame(self.table.viewport())
        self.loading.setObjectName("loadingBanner")
        # a tap on the row beneath reaches the row
        self.loading.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        loading_row = QHBoxLayout(self.loading)
        loading_row.setContentsMargins(10, 4, 10, 4)
        loading_row.addWidget(self.load_status)
        loading_row.addWidget(self.progress, 1)
        self.loading.hide()
        self.table.viewport().installEventFilter(self)

        self._filters = QGridLayout()
        self._filters_wrapped: bool | None = None
        self._place_filters(wrapped=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self.search_box.textChanged.connect(self._search_changed)
        self.search_box.returnPressed.connect(self._search_entered)
        self.state_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_state_filter(self.state_filter.currentData())
        )
        self.network_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_network_filter(self.network_filter.currentData())
        )
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        model.dataChanged.connect(self._source_changed)
        model.modelReset.connect(lambda: self._set_current(None))

    def resizeEvent(self, event) -> None:  # noqa: ANN001 - QResizeEvent
        """Too narrow for the search and both filters with their words whole (1366×768 at
        150 %): the filters move under the search box."""
        super().resizeEvent(event)
        spacing = self._filters.horizontalSpacing()
        hints = (self.state_filter.sizeHint().width(), self.network_filter.sizeHint().width())
        wrapped = self.width() < self.search_box.minimumWidth() + sum(hints) + 2 * spacing
        self._place_filters(wrapped=wrapped)
        # Beside the search box the filters keep their words' width: the box's larger
        # stretch would otherwise squeeze them to their minimum, cutting "Tous les réseaux".
        for column, hint in zip((1, 2), hints, strict=True):
            self._filters.setColumnMinimumWidth(column, 0 if wrapped else hint)

    def _place_filters(self, *, wrapped: bool) -> None:
        if wrapped == self._filters_wrapped:
            return
        self._filters_wrapped = wrapped
        grid = self._filters
        for w in (self.search_box, self.state_filter, self.network_filter):
            grid.removeWidget(w)
        for column in range(3):
            grid.setColumnStretch(column, 0)
        if wrapped:
            grid.addWidget(self.search_box, 0, 0, 1, 2)
            grid.addWidget(self.state_filter, 1, 0)
            grid.addWidget(self.network_filter, 1, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        else:
            grid.addWidget(self.search_box, 0, 0)
            grid.addWidget(self.state_filter, 0, 1)
            grid.addWidget(self.network_filter, 0, 2)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(2, 1)

    def _build_table(self) -> QTableView:
        # A narrow reader or description column takes two lines.
        table = record_table(self.proxy, "paymentsTable", self.tr("Payments"), wrap=True)
        table.setSortingEnabled(True)
        table.sortByColumn(Col.TIME, Qt.SortOrder.DescendingOrder)
        table.setIconSize(QSize(40, 24))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegate(CachedCellDelegate(self.proxy.face, table))
        self._columns = ColumnFitter(table)
        return table

    # --- what the window and view-model call ----------------------------------------------
    def set_loading(self, loaded: int, *, done: bool = False) -> None:
        """Show "Loading… 300 payments" while pages arrive; hide it when all are in."""
        if done:
            self.loading.hide()
            return
        self._fix_status_size()
        self.load_status.setText(self.tr("Loading… %n payments", "", loaded))
        if not self.loading.isVisible():
            self._place_loading()
            self.loading.show()
            self.loading.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._place_loading()
        return False

    def _place_loading(self) -> None:
        """The banner at the foot of the list, centred, as wide as it needs (or the list)."""
        room = self.table.viewport().rect()
        wanted = self.loading.sizeHint()
        width = min(max(wanted.width(), room.width() // 2), room.width() - 16)
        self.loading.setGeometry(room.center().x() - width // 2,
                                 room.bottom() - wanted.height() - 8, width, wanted.height())

    def _fix_status_size(self) -> None:
        """The count's label as wide as its widest count, fixed: a new count each page then
        repaints the label alone, instead of laying out the whole window again."""
        widest = self.tr("Loading… %n payments", "", 888_888)
        if self._status_sized_for == widest:  # once per language
            return
        metrics = self.load_status.fontMetrics()
        self.load_status.setFixedSize(metrics.horizontalAdvance(widest) + 4,
                                      self.load_status.sizeHint().height())
        self._status_sized_for = widest

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def select_payment(self, payment_id: str) -> bool:
        """Select and show a payment; a filter that hides it is lifted first."""
        row = self._model.row_of(payment_id)
        if row is None:
            return False
        source = self._model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.state_filter.setCurrentIndex(0)
            self.network_filter.setCurrentIndex(0)
            if not self.proxy.matches(self._model.payment(row)):
                self.search_box.clear()
            index = self.proxy.mapFromSource(source)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def current_payment(self) -> Payment | None:
        return self._current

    # --- glue ----------------------------------------------------------------------------
    def _search_changed(self, text: str) -> None:
        """As the cashier types: one match is picked at once, none is said at once."""
        self.show_message("")
        self.proxy.set_search_text(text)
        if not text.strip() or looks_like_payment_id(text):
            return  # a scanned id is looked up on its final Enter
        count, row = self.proxy.matches_found()
        if row is not None:
            self._pick(row)
        elif not count:
            self.show_message(self.tr("No payment matches “{text}”.").format(text=text.strip()))

    def _search_entered(self) -> None:
        """Enter (or the scanner's final Enter): jump to the payment the text names."""
        text = self.search_box.text().strip()
        if looks_like_payment_id(text):
            if self.select_payment(text):
                self.table.setFocus()
            else:
                self.show_message(self.tr("Looking up {payment_id}…").format(payment_id=text))
                self.lookupRequested.emit(text)
            return
        count, row = self.proxy.matches_found()
        if row is not None:
            self._pick(row)
            self.table.setFocus()
        elif text and not count:
            self.show_message(self.tr("No payment matches “{text}”.").format(text=text))

    def _pick(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        payment = current.data(PaymentsTableModel.PAYMENT_ROLE) if current.isValid() else None
        self.proxy.pin(payment.id if payment is not None else None)
        self._set_current(payment)

    def clear_selection(self) -> None:
        """Nothing open (the till locked: the next person starts from the list)."""
        self.table.selectionModel().clearSelection()
        self.table.selectionModel().setCurrentIndex(QModelIndex(),
                                                    QItemSelectionModel.SelectionFlag.Clear)
        self.proxy.pin(None)
        self._set_current(None)

    def _source_changed(
        self, top: QModelIndex | QPersistentModelIndex, bottom: QModelIndex | QPersistentModelIndex,
        _roles: list[int] | None = None,
    ) -> None:
        """The selected payment changed under us (poll, action): show its fresh record."""
        if self._current is None:
            return
        row = self._model.row_of(self._current.id)
        if row is not None and top.row() <= row <= bottom.row():
            fresh = self._model.payment(row)
            if fresh != self._current:
                self._set_current(fresh)

    def _set_current(self, payment: Payment | None) -> None:
        self._current = payment
        self.paymentSelected.emit(payment)
