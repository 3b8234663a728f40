"""Importing activity files in the window: reading off the UI thread, a review list, one Undo."""
