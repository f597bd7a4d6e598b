"""POS Refunds: undo Stripe Terminal payments the right way at the shop counter."""

__version__ = "0.1.0"
