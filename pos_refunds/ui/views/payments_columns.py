"""Column widths of the payments table, measured from the font and fitted to the room there is.

Each column gets what its longest usual text needs (and its header, sort arrow included). When
the table is narrower than that, as at 1366 px with the detail panel open, the reader name
gives way first, then the description down to a readable minimum, then the network name; the
description takes whatever is left. Elided cells carry their full text as a tooltip (model).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from ...domain.money import Money
from ...domain.payments import PaymentState
from ..formatting import format_money, format_when
from ..models.network_badge import BADGE_WIDTH
from ..models.payments_model import STATE_WORDS, PaymentsTableModel

Col = PaymentsTableModel.Column
CELL_PADDING = 12  # the delegate's text margins (3 px a side) plus a little air
HEADER_PADDING = 16 + 10 + 4  # style.qss: 8 px padding a side, a 10 px sort arrow, a gap
ICON_GAP = 6  # between the network badge and its name
_OLD = datetime(2026, 12, 28, 23, 58, tzinfo=UTC)


@dataclass(frozen=True)
class Fit:
    """What a column wants: texts it must show whole, and what it may shrink to (None: never)."""

    samples: tuple[str, ...]
    shrink_to: tuple[str, ...] | None = None
    icon: int = 0


def column_fits() -> dict[Col, Fit]:
    """The texts each column is sized for, written the way the model writes them."""
    S = PaymentState
    money = tuple(format_money(Money(m, c)) for m, c in ((99999, "cad"), (99999, "aud")))
    when = (
        format_when(_OLD, now=_OLD),  # "Today 23:58" (the longest in French: "Aujourd’hui")
        format_when(_OLD, now=_OLD + timedelta(days=1)),  # "Yesterday 23:58"
        format_when(_OLD, now=_OLD + timedelta(days=3)),  # "28 Dec 23:58"
    )
    return {
        # The time may take two lines ("Aujourd’hui" above "17:19"), as a last resort only.
        Col.TIME: Fit(when, tuple(word for text in when for word in text.split())),
        Col.AMOUNT: Fit(money),
        Col.NETWORK: Fit(("Mastercard", "Discover"), ("Visa",), BADGE_WIDTH + ICON_GAP),
        Col.LAST4: Fit(("8888",)),
        Col.STATE: Fit((STATE_WORDS[S.PARTIALLY_REFUNDED],),
                       (STATE_WORDS[S.AUTHORIZED], STATE_WORDS[S.PROCESSING])),
        Col.REFUNDED: Fit(money),
        Col.READER: Fit(("Comptoir (simulated)", "Pickup counter"), ("(simulated)", "counter")),
    }


DESCRIPTION_MIN = ("Catering", "Croissant")
DESCRIPTION_WANTED = ("2 × Latte, 1 × Croissant",)
# Reader, description and state wrap onto a second line (rows are touch-tall) before the
# network name is elided; None stands for the description.
SHRINK_ORDER = (Col.READER, None, Col.STATE, Col.NETWORK)
# Once every column that can leave has left: the time wraps too, before the network is cut.
LAST_SHRINK_ORDER = (Col.READER, None, Col.STATE, Col.TIME, Col.NETWORK)
# When even that does not fit (a 1024 px screen), columns the detail panel shows as well leave
# the table, in this order, rather than the network name being cut or the table scrolling.
HIDE_ORDER = (Col.READER, Col.DESCRIPTION, Col.REFUNDED)


class ColumnFitter(QObject):
    """Refits the columns whenever the table's visible width changes."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._fits = column_fits()
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self._table.horizontalHeader()
        metrics = QFontMetrics(self._table.font())
        bold = QFont(self._table.font())
        bold.setWeight(QFont.Weight.DemiBold)  # as style.qss draws the header
        header_metrics = QFontMetrics(bold)
        model = self._table.model()

        def width(texts: tuple[str, ...], icon: int = 0) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + icon + CELL_PADDING

        def heading(column: int) -> int:
            text = str(model.headerData(column, Qt.Orientation.Horizontal))
            return header_metrics.horizontalAdvance(text) + HEADER_PADDING

        wanted: dict[Col | None, int] = {}
        least: dict[Col | None, int] = {}
        for column, fit in self._fits.items():
            head = heading(column)
            wanted[column] = max(width(fit.samples, fit.icon), head)
            shrunk = width(fit.shrink_to, fit.icon) if fit.shrink_to else wanted[column]
            least[column] = max(shrunk, head)
        least[None] = max(width(DESCRIPTION_MIN), heading(Col.DESCRIPTION))
        wanted[None] = max(width(DESCRIPTION_WANTED), least[None])
        room = self._table.viewport().width()
        hidden: set[Col] = set()
        for _ in range(len(HIDE_ORDER) + 1):
            order = LAST_SHRINK_ORDER if len(hidden) == len(HIDE_ORDER) else SHRINK_ORDER
            widths, over = self._shrunk(wanted, least, hidden, room, order)
            network_cut = widths[Col.NETWORK] < wanted[Col.NETWORK]
            if over <= 0 and not network_cut or len(hidden) == len(HIDE_ORDER):
                break
            hidden.add(HIDE_ORDER[len(hidden)])
        for column in Col:
            self._table.setColumnHidden(column, column in hidden)
        for column in self._fits:
            if column not in hidden:
                header.resizeSection(column, widths[column])

    @staticmethod
    def _shrunk(wanted: dict[Col | None, int], least: dict[Col | None, int], hidden: set[Col],
                room: int, order: tuple[Col | None, ...] = SHRINK_ORDER,
                ) -> tuple[dict[Col | None, int], int]:
        """The widths once the shrinkable columns gave way, and what is still over."""
        def shown(column: Col | None) -> bool:
            return (Col.DESCRIPTION if column is None else column) not in hidden

        widths = dict(wanted)
        over = sum(w for c, w in widths.items() if shown(c)) - room
        for column in order:
            if over <= 0:
                break
            if not shown(column):
                continue
            give = min(over, widths[column] - least[column])
            widths[column] -= give
            over -= give
        return widths, over
