"""The sample journal: a realistic few years of someone taking up running, for trying the
app without typing a journal first. It is written only into an empty journal."""

from __future__ import annotations

from datetime import date

from runjournal.domain.model import DistanceUnit
from runjournal.service.journal import Journal

__all__ = ["fill_with_sample"]


def fill_with_sample(
    journal: Journal, years: float, *, end: date, seed: int = 1, units: DistanceUnit | None = None
) -> tuple[int, int]:
    """Writes `years` of sample entries ending on `end` into `journal` in one transaction;
    returns how many runs and check-ins. Raises ValueError for a number of years that is
    not positive, ValidationError (nothing stored) if an entry is refused."""
    from runjournal.samples import demo

    sample = demo.generate(years, end=end, seed=seed)
    settings = sample.settings if units is None else sample.settings.replace(units=units)
    return journal.add_entries(sample.runs, sample.check_ins, settings)
