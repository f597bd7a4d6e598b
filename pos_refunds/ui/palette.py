"""The app's colours, named by what they mean. resources/style.qss uses exactly these values
(tests/ui/test_one_style.py checks), and code that paints (delegates, badges, step icons,
printed slips and reports) takes them from here. Ratios are WCAG contrast on white."""

TEXT = "#1b1f24"  # body text; also on the amber training banner (7.7:1)
MUTED = "#4b5563"  # captions, hints, secondary words (7.6:1)
FAINT = "#5f6770"  # disabled words, finished rows (5.7:1)
BORDER = "#8a94a3"  # field and button borders, a step not reached yet (non-text, 3:1)
EDGE = "#c7ccd3"  # table and progress-bar frames, disabled borders
EDGE_LIGHT = "#d5d9df"  # cards and group boxes
LINE = "#e3e6ea"  # grid lines, row separators
SUNKEN = "#e9ecf0"  # headers, status bar, tool bar, disabled fields
HOVER = "#eef2f7"  # a button under the pointer
STRIPE = "#f3f5f8"  # alternate table rows, amount tiles, step buttons: visible on white
BACKGROUND = "#f6f7f9"  # windows, dialogs, refund cards
WHITE = "#ffffff"

ACCENT = "#1d4ed8"  # selection, keyboard focus, primary buttons, test mode (6.7:1)
ACCENT_DARK = "#1e40af"  # a primary button's edge and hover
ACCENT_LIGHT = "#93c5fd"  # the focus ring on primary buttons, progress

GOOD = "#166534"  # done, saved, connected (7.1:1)
GOOD_TINT = "#e6f4ea"
WARNING = "#8a4b00"  # needs attention: partial refund, time running out (6.8:1)
WARNING_TINT = "#fff4d6"
ERROR = "#b91c1c"  # failed, offline, live mode (6.5:1)
ERROR_TINT = "#fdecee"
AMBER = "#f59e0b"  # training mode
AMBER_DARK = "#b45309"

INK = "#000000"  # printed slips: thermal printers have no grey

# Card networks' own colours (theirs, not ours): background and text of the table's badges.
NETWORK_COLOURS: dict[str, tuple[str, str]] = {
    "visa": ("#1a1f71", WHITE),
    "mastercard": ("#eb001b", WHITE),
    "amex": ("#2e77bc", WHITE),
    "discover": ("#e55c00", WHITE),
    "girocard": ("#0063a7", WHITE),
    "interac": ("#ffc20e", TEXT),
    "eftpos_au": ("#00843d", WHITE),
    "eftpos": ("#00843d", WHITE),
    "jcb": ("#0b6a3a", WHITE),
    "diners": ("#004a97", WHITE),
    "unionpay": ("#d10429", WHITE),
    "cartes_bancaires": ("#1c4b8c", WHITE),
}
OTHER_NETWORK = (FAINT, WHITE)
