"""The journal keeps its runs in memory between writes; every kind of write is seen at once."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from runjournal.domain.model import Run
from runjournal.service.journal import Journal

TODAY = date(2026, 11, 21)


def _days(journal: Journal) -> list[date]:
    return [r.day for r in journal.coach_history(TODAY).runs]


def test_every_write_is_seen_by_the_next_read(journal: Journal, tmp_path: Path) -> None:
    first = journal.log_run(Run(day=TODAY - timedelta(days=3), duration_s=1800))
    assert first.id is not None
    assert _days(journal) == [TODAY - timedelta(days=3)]
    second = journal.log_run(Run(day=TODAY, duration_s=1200))
    assert _days(journal) == [TODAY - timedelta(days=3), TODAY]
    journal.update_run(second.replace(day=TODAY - timedelta(days=1)))
    assert _days(journal) == [TODAY - timedelta(days=3), TODAY - timedelta(days=1)]
    backup = journal.backup()
    journal.delete_run(first.id)
    assert _days(journal) == [TODAY - timedelta(days=1)]
    journal.restore_runs([first])
    assert len(_days(journal)) == 2
    journal.add_entries([Run(day=TODAY - timedelta(days=2), duration_s=900)], [])
    assert len(_days(journal)) == 3
    journal.restore(backup.path)
    assert len(_days(journal)) == 2


def test_runs_after_the_day_asked_about_are_left_out(journal: Journal) -> None:
    journal.log_run(Run(day=TODAY - timedelta(days=1), duration_s=1800))
    journal.log_run(Run(day=TODAY, duration_s=1800))
    assert journal.coach_history(TODAY - timedelta(days=1)).runs[-1].day == TODAY - timedelta(days=1)
    assert len(journal.coach_history(TODAY).runs) == 2
