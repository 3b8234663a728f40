"""The window's views: Today, Runs, Charts, Insights and the coach panel."""
