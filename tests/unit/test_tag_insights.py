"""Insights compare mood on days with a tag and days without, judged with the run-day
comparisons as one family, so each tag shown widens every interval."""

from __future__ import annotations

import random
from datetime import date, timedelta

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.insights import Kind, Label, entries_from, insights
from runjournal.insights.model import TAG_CAVEAT

START = date(2026, 1, 1)


def _journal(seed: int, lift: float) -> tuple[list[Run], list[CheckIn]]:
    rng = random.Random(seed)
    runs, check_ins = [], []
    for n in range(120):
        day = START + timedelta(days=n)
        ran = rng.random() < 0.4
        outside = n % 3 == 0
        few = n in (5, 50, 90)  # a tag on three days only: too few to compare
        if ran:
            runs.append(Run(day=day, duration_s=1800, activity=Activity.RUN))
        mood = round(min(10, max(1, rng.gauss(5, 1.2) + (lift if outside else 0))))
        tags = (*(("time outside",) if outside else ()), *(("therapy",) if few else ()))
        check_ins.append(CheckIn(day=day, mood=mood, stress=rng.randint(2, 7), tags=tags))
    return runs, check_ins


def test_mood_on_days_with_a_tag_is_compared_and_counted_in_the_family() -> None:
    runs, check_ins = _journal(seed=7, lift=2.0)
    found = insights(entries_from(runs, check_ins))
    [tagged] = [i for i in found if i.kind is Kind.TAG_DAYS]
    assert tagged.title == "Mood on days with “time outside”"
    assert tagged.label is Label.CLEAR and tagged.difference > 1.5
    assert (tagged.days_with, tagged.days_without) == (40, 80)
    assert tagged.caveat == TAG_CAVEAT and "not proof of cause" in tagged.caveat
    without_tags = insights(entries_from(runs, [c.replace(tags=()) for c in check_ins]))
    assert all(i.family_size == len(without_tags) + 1 for i in found)


def test_a_tag_without_a_real_relation_is_no_clear_pattern() -> None:
    runs, check_ins = _journal(seed=11, lift=0.0)
    [tagged] = [i for i in insights(entries_from(runs, check_ins)) if i.kind is Kind.TAG_DAYS]
    assert tagged.label is Label.NONE


def test_the_insights_view_says_what_a_tag_comparison_is_based_on() -> None:
    from runjournal.ui.views.insights.insight_card import based_on_text
    from runjournal.ui.views.insights.insights_view import SECTION_TITLES

    runs, check_ins = _journal(seed=7, lift=2.0)
    [tagged] = [i for i in insights(entries_from(runs, check_ins)) if i.kind is Kind.TAG_DAYS]
    assert based_on_text(tagged) == "Based on 40 days with the tag and 80 other days"
    assert SECTION_TITLES[Kind.TAG_DAYS] == "Days with a tag and other days"
