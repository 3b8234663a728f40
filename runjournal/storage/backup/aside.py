"""Names for a journal's copy kept aside (a damaged one, or the one a restore replaced)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

SIDECARS = ("-wal", "-shm", "-journal")  # SQLite's files beside a database

__all__ = ["damaged_name", "taken"]


def damaged_name(path: Path, now: datetime, counter: int = 1) -> Path:
    """`journal.sqlite` → `journal-damaged-20261122-093000.sqlite` (then `-2`, `-3`…)."""
    again = f"-{counter}" if counter > 1 else ""
    return path.with_name(f"{path.stem}-damaged-{now:%Y%m%d-%H%M%S}{again}{path.suffix}")


def taken(candidate: Path) -> bool:
    return any(Path(f"{candidate}{extra}").exists() for extra in ("", *SIDECARS))
