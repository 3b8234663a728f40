"""n-of-1 insights: what a person's own entries show about running, mood, anxiety, stress and sleep.

Qt-free, and it reads only the domain. `insights(entries_from(runs, check_ins))` gives the
comparisons; `stats` holds the seeded statistics behind them. Both load on first use, so
importing this package does not pull in numpy until an insight is actually asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from runjournal.insights.model import (
    CAVEAT,
    CLEAR_DIFFERENCE,
    SESSION_CAVEAT,
    TAG_CAVEAT,
    Adjustment,
    Insight,
    InsightsInput,
    Kind,
    Label,
)

if TYPE_CHECKING:
    from runjournal.insights.comparisons import insights
    from runjournal.insights.entries import entries_from

__all__ = [
    "CAVEAT",
    "CLEAR_DIFFERENCE",
    "SESSION_CAVEAT",
    "TAG_CAVEAT",
    "Adjustment",
    "Insight",
    "InsightsInput",
    "Kind",
    "Label",
    "entries_from",
    "insights",
]


def __getattr__(name: str) -> Any:
    if name == "insights":
        from runjournal.insights import comparisons

        return comparisons.insights
    if name == "entries_from":
        from runjournal.insights import entries

        return entries.entries_from
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
