"""Similarities as percentages a reader can trust, for the terminal and the pages alike."""

from __future__ import annotations


def as_percent(value: float, exact: bool) -> str:
    """A similarity in [0, 1] as a whole percentage that never rounds an edit away: 99%, not 100%, for
    texts that differ (even where only numbers changed, which the score does not count), and 1%, not 0%,
    for a score above 0."""
    percent = round(value * 100)
    if not exact:
        percent = min(percent, 99)
    if value > 0:
        percent = max(percent, 1)
    return f"{percent}%"
