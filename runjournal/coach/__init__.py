"""The coach: published guidance turned into kind, sourced nudges from a person's own entries.

Rules are small pure functions over a `History` (see docs/coach.md); the engine orders them,
applies snoozes and turned-off rules, and keeps at most three. No Qt here.
"""
