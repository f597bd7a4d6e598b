"""Sizes every screen shares, so a till's touch targets are the same everywhere."""

TOUCH_HEIGHT = 44  # px: the least a fingertip hits reliably (buttons, fields, list rows)
