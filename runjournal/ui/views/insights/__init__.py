"""The Insights view: what the person's own entries show about running and mood.

The view's module loads on first use (`from runjournal.ui.views.insights import InsightsView`),
so importing the InsightsTab holder does not load it while the window starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runjournal.ui.views.insights.insight_card import IntervalChart
    from runjournal.ui.views.insights.insights_view import InsightsView

__all__ = ["InsightsView", "IntervalChart"]


def __getattr__(name: str) -> object:
    if name == "InsightsView":
        from runjournal.ui.views.insights import insights_view

        return insights_view.InsightsView
    if name == "IntervalChart":
        from runjournal.ui.views.insights import insight_card

        return insight_card.IntervalChart
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
