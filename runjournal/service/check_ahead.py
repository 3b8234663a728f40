"""Checking the journal while the window or a command starts (storage/early_check.py):
the quick integrity check runs on a thread while modules load, and opening the journal
takes its finding. Light on purpose: nothing here imports SQLAlchemy."""

from __future__ import annotations

from pathlib import Path

from runjournal.storage import early_check


def check_ahead(path: Path) -> None:
    """Starts checking the journal at `path`; harmless if it is never opened."""
    early_check.start(path)


def forget_checks_ahead() -> None:
    early_check.forget()
