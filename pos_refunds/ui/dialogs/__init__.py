"""Dialogs of the till: online refund, and refund on a reader."""
