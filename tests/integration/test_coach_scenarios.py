"""The coach on real journals, in the situations a person lives through (docs/coach.md)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from runjournal.coach.sources import SOURCES
from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.service.journal import Journal

TODAY = date(2026, 12, 3)  # a Thursday
INTERNAL = re.compile(r"\b(seed|ours)\b", re.IGNORECASE)


def days_ago(n: int, today: date = TODAY) -> date:
    return today - timedelta(days=n)


def everything_said(found) -> str:
    return " ".join(f"{n.title} {n.message} {n.why} {n.source}" for n in found)


def assert_readable(found) -> None:
    assert len(found) <= 3
    text = everything_said(found)
    assert not INTERNAL.search(text) and "0 days ago" not in text and "is working" not in text
    for nudge in found:
        assert all(name in SOURCES for name in nudge.sources), nudge.rule_id


def test_a_panic_attack_day_then_two_hard_days(journal: Journal) -> None:
    for n in range(5, 60, 5):  # a steady runner whose runs lift their mood
        journal.log_run(
            Run(day=days_ago(n), duration_s=1800, distance_m=4500, effort=4, mood_before=4, mood_after=6)
        )
    journal.save_check_in(
        CheckIn(day=days_ago(2), mood=1, stress=10, anxiety=10, note="Panic attack, couldn't leave the house")
    )
    panic_day = journal.nudges(days_ago(2))
    assert panic_day[0].rule_id == "HARD-DAY" and panic_day[0].offers_support
    assert (
        "mood 1" in panic_day[0].why and "stress 10" in panic_day[0].why and "anxiety 10" in panic_day[0].why
    )
    for n in (1, 0):
        journal.save_check_in(CheckIn(day=days_ago(n), mood=2, anxiety=9))
    for day in (days_ago(2), days_ago(1), TODAY):
        found = journal.nudges(day)
        assert_readable(found)
        ids = [n.rule_id for n in found]
        assert ids[:2] == ["HARD-DAY", "YOUR-LIFT"], (day, ids)
        assert found[0].offers_support and found[0].level == "care"
        assert "to go" not in everything_said(found)
        assert not {"VOL", "FREQ", "EASY-SHARE", "RAMP", "ROUTINE", "MILESTONE"} & set(ids)
    lift = journal.nudges(TODAY)[1]
    assert "from 4.0 to 6.0" in lift.message and "not a promise" in lift.message


def test_a_check_in_with_only_anxiety_recorded(journal: Journal) -> None:
    journal.save_check_in(CheckIn(day=TODAY, anxiety=8))
    found = journal.nudges(TODAY)
    assert [n.rule_id for n in found] == ["HARD-DAY"]
    assert not found[0].offers_support and "anxiety 8" in found[0].why
    assert_readable(found)


def test_a_day_edited_back_and_forth(journal: Journal) -> None:
    journal.save_check_in(CheckIn(day=days_ago(1), mood=2))
    journal.save_check_in(CheckIn(day=TODAY, mood=2))
    assert journal.nudges(TODAY)[0].offers_support
    journal.save_check_in(CheckIn(day=TODAY, mood=7))  # today's check-in now speaks for today
    assert "HARD-DAY" not in [n.rule_id for n in journal.nudges(TODAY)]
    journal.save_check_in(CheckIn(day=TODAY, mood=3))
    found = journal.nudges(TODAY)
    assert found[0].rule_id == "HARD-DAY" and not found[0].offers_support
    journal.delete_check_in(TODAY)  # yesterday's speaks again
    assert journal.nudges(TODAY)[0].offers_support
    journal.save_check_in(CheckIn(day=TODAY, mood=6, ill=True))
    assert [n.rule_id for n in journal.nudges(TODAY)] == ["RECOVER"]
    journal.save_check_in(CheckIn(day=TODAY, mood=6, ill=False))
    assert "RECOVER" not in [n.rule_id for n in journal.nudges(TODAY)]


def test_a_journal_with_only_walks(journal: Journal) -> None:
    for n in range(0, 60):
        journal.log_run(
            Run(
                day=days_ago(n),
                duration_s=2400 + 60 * (n % 5),
                distance_m=3000,
                activity=Activity.WALK,
                mood_before=5,
                mood_after=6,
            )
        )
    found = journal.nudges(TODAY)
    assert_readable(found)
    ids = {n.rule_id for n in found}
    running_only = {
        "SPIKE-RUN",
        "REST",
        "BE-GENTLE",
        "EASY-SHARE",
        "RAMP",
        "RETURN",
        "SOCIAL",
        "MINDFUL",
        "OUTSIDE",
        "ROUTINE",
        "MILESTONE",
    }
    assert not ids & running_only
    assert "run" not in everything_said(n for n in found if n.rule_id not in ("VOL", "FREQ")).lower()


def test_a_new_users_first_week(journal: Journal) -> None:
    start = TODAY - timedelta(days=6)
    plan = {0: 20, 2: 22, 3: 25, 5: 24}  # day of the week → minutes run
    for offset in range(7):
        day = start + timedelta(days=offset)
        journal.save_check_in(CheckIn(day=day, mood=6, stress=4, anxiety=3, sleep_hours=7.5))
        if offset in plan:
            journal.log_run(
                Run(
                    day=day,
                    duration_s=plan[offset] * 60,
                    distance_m=plan[offset] * 140,
                    effort=4,
                    mood_before=5,
                    mood_after=7,
                )
            )
        found = journal.nudges(day)
        assert_readable(found)
        ids = [n.rule_id for n in found]
        if offset == 0:
            assert ids[0] == "MILESTONE" and "first run" in found[0].title.lower()
            ramp = next(n for n in found if n.rule_id == "RAMP") if "RAMP" in ids else None
            assert ramp is None or "today" in ramp.why
        assert "HARD-DAY" not in ids and "MOOD-LOW" not in ids and "YOUR-LIFT" not in ids


def test_an_empty_journal_is_quiet(journal: Journal) -> None:
    assert journal.nudges(TODAY) == []
    assert journal.is_empty()
