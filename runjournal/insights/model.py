"""What an insight is, without the statistics behind it (no numpy), so views can name it."""

from __future__ import annotations

from dataclasses import dataclass

CLEAR_DIFFERENCE = 0.5  # points (hours for sleep)

CAVEAT = (
    "This is an association in your entries, not proof of cause — "
    "good days may also make running more likely."
)


@dataclass(frozen=True)
class Insight:
    """One comparison in the person's own numbers.

    For the day comparisons `difference` is group minus other days and `days_with` /
    `days_without` count the days on each side. For the before/after insights `difference`
    is the mean change (after minus before), `days_with` counts the sessions and
    `days_without` is None. `hedges_g` is None when there is no spread to scale by.
    """

    key: str
    title: str
    sentence: str
    difference: float
    low: float
    high: float
    hedges_g: float | None
    days_with: int
    days_without: int | None
    clear: bool
    caveat: str = CAVEAT
