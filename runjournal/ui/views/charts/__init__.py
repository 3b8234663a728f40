"""Charts of running and mood."""
