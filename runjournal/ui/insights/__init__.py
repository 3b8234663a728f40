"""The Insights view: what the person's own entries show about running and mood."""

from runjournal.ui.insights.insights_view import InsightsView, IntervalChart

__all__ = ["InsightsView", "IntervalChart"]
