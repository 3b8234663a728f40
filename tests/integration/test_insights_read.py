"""The Insights read a few columns of the journal instead of building every run, and say
exactly what they said when they read every entry: the same comparisons, the same numbers,
the same words — on a journal with tags, sessions without an effort, walks and rides, and
entries after the day asked about."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from runjournal.domain.model import Activity
from runjournal.insights import entries_from, insights
from runjournal.samples.demo import generate
from runjournal.service.insights_read import insights_input
from runjournal.service.journal import Journal

END = date(2026, 11, 29)


@pytest.fixture
def two_years(journal: Journal) -> Journal:
    demo = generate(2, end=END, seed=7)
    runs = list(demo.runs)
    # Some sessions without an effort and a few walks, so every kind of session is read.
    runs = [
        replace(run, effort=None)
        if n % 11 == 0
        else replace(run, activity=Activity.WALK)
        if n % 13 == 0
        else run
        for n, run in enumerate(runs)
    ]
    tags = ("time outside", "slept badly", "therapy")
    check_ins = [replace(c, tags=(tags[n % 3],) if n % 4 == 0 else ()) for n, c in enumerate(demo.check_ins)]
    journal.add_entries(runs, check_ins, today=END)
    return journal


@pytest.mark.parametrize("today", [END, END - timedelta(days=200)])
def test_what_the_insights_read_is_what_every_entry_gives(two_years: Journal, today: date) -> None:
    runs = [r for r in two_years.runs() if r.day <= today]
    check_ins = [c for c in two_years.check_ins() if c.day <= today]
    with two_years._read() as uow:
        read = insights_input(uow, today)

    assert read == entries_from(runs, check_ins)
    assert read.tag_days and read.sessions and read.run_days


def test_the_insights_shown_are_those_of_every_entry(two_years: Journal) -> None:
    expected = insights(entries_from(two_years.runs(), two_years.check_ins()))

    shown = two_years.insights(END)

    assert shown is not None and len(shown) >= 5
    assert shown == expected
