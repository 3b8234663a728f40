"""n-of-1 insights: what a person's own entries show about running, mood and sleep.

Qt-free. `insights(history)` gives the comparisons (or None while MOOD-LOW is active);
`stats` holds the seeded statistics behind them. `insights` is loaded on first use, so
importing this package does not pull in numpy until an insight is actually asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from runjournal.insights.model import CAVEAT, CLEAR_DIFFERENCE, Insight

if TYPE_CHECKING:
    from runjournal.insights.comparisons import insights

__all__ = ["CAVEAT", "CLEAR_DIFFERENCE", "Insight", "insights"]


def __getattr__(name: str) -> Any:
    if name == "insights":
        from runjournal.insights import comparisons

        return comparisons.insights
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
