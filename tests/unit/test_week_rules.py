"""VOL and FREQ (docs/coach.md): the person's calendar week and goal, at their exact
thresholds, with the window they counted named in "Why?"."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.coach.engine import default_rules
from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.week_rules import WEEK_RULES, freq, vol
from runjournal.domain.model import Activity, Run, Settings

THURSDAY = date(2026, 12, 3)  # the fourth day of a Monday week: half of it is gone
WEDNESDAY = THURSDAY - timedelta(days=1)
MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 12, 6)
VETERAN = Settings(started_running=date(2025, 1, 1))


def run(day: date, minutes: float = 30, effort: int | None = None, **fields: object) -> Run:
    return Run(day=day, duration_s=minutes * 60, effort=effort, **fields)  # type: ignore[arg-type]


def hist(today: date, *runs: Run, settings: Settings = VETERAN) -> History:
    kept = tuple(sorted((r for r in runs if r.day <= today), key=lambda r: r.day))
    return History(today=today, runs=kept, check_ins=(), settings=settings)


def fires(nudge: Nudge | None, level: Level) -> Nudge:
    assert nudge is not None
    assert nudge.level is level
    return nudge


# --- VOL -----------------------------------------------------------------------------------


def test_vol_suggests_once_half_the_week_is_gone_with_exactly_90_minutes_to_go() -> None:
    n = fires(vol(hist(THURSDAY, run(MONDAY, 60))), Level.SUGGEST)
    assert n.rule_id == "VOL"
    assert n.numbers["minutes_to_go"] == 90 and n.numbers["meq_minutes"] == 60
    assert n.title == "About 90 minutes to go this week"
    assert "about 90 minutes to go this week" in n.message
    assert "this week so far, Mon 30 Nov – Thu 3 Dec" in n.why


def test_vol_is_quiet_before_half_the_week_is_gone() -> None:
    assert vol(hist(WEDNESDAY, run(MONDAY, 60))) is None


def test_vol_is_quiet_when_the_rest_is_out_of_reach() -> None:
    assert vol(hist(THURSDAY, run(MONDAY, 59))) is None  # 91 minutes to go: more than 2 × 45


def test_vol_counts_the_calendar_week_not_the_last_seven_days() -> None:
    # Last Saturday's long run is within 7 days but belongs to last week.
    n = fires(vol(hist(THURSDAY, run(MONDAY - timedelta(days=2), 120), run(MONDAY, 70))), Level.SUGGEST)
    assert n.numbers["meq_minutes"] == 70 and n.numbers["minutes_to_go"] == 80


def test_vol_needs_a_session_in_the_last_7_days() -> None:
    goal_45 = Settings(weekly_minutes_goal=45, started_running=date(2025, 1, 1))
    assert vol(hist(THURSDAY, run(THURSDAY - timedelta(days=7), 30), settings=goal_45)) is None
    n = fires(vol(hist(THURSDAY, run(THURSDAY - timedelta(days=6), 30), settings=goal_45)), Level.SUGGEST)
    assert n.numbers["minutes_to_go"] == 45 and "your own goal of 45 minutes" in n.message


def test_vol_celebrates_at_the_goal_any_day_and_says_moderate_equivalent_when_hard_counts_double() -> None:
    n = fires(vol(hist(MONDAY, run(MONDAY, 75, effort=8))), Level.CELEBRATE)
    assert n.numbers["meq_minutes"] == 150 and n.numbers["minutes_to_go"] == 0
    assert "moderate-equivalent minutes" in n.title and "active minutes" not in n.title
    assert "hard minutes count double" in n.why
    n = fires(vol(hist(MONDAY, run(MONDAY, 150, effort=3))), Level.CELEBRATE)
    assert "moderate-equivalent" not in n.title


def test_vol_at_149_of_150_on_thursday_suggests_one_minute() -> None:
    n = fires(vol(hist(THURSDAY, run(MONDAY, 100), run(THURSDAY, 49, activity=Activity.WALK))), Level.SUGGEST)
    assert n.numbers["minutes_to_go"] == 1 and n.title == "About 1 minute to go this week"


def test_vol_uses_the_persons_sunday_week_and_goal() -> None:
    sunday_start = Settings(week_start=6, weekly_minutes_goal=600, started_running=date(2025, 1, 1))
    saturday = date(2026, 12, 5)
    week = [run(date(2026, 11, 29), 200), run(MONDAY, 200), run(THURSDAY, 110)]  # 510 of 600
    n = fires(vol(hist(saturday, *week, settings=sunday_start)), Level.SUGGEST)
    assert n.numbers["minutes_to_go"] == 90
    assert "this week so far, Sun 29 Nov – Sat 5 Dec" in n.why
    # On Wednesday (day 4 of a Sunday week) half is gone too, but 600 − 400 is out of reach.
    assert vol(hist(date(2026, 12, 2), *week[:2], settings=sunday_start)) is None


def test_vol_leaves_an_empty_journal_alone() -> None:
    assert vol(hist(THURSDAY)) is None


# --- FREQ ----------------------------------------------------------------------------------


def test_freq_suggests_once_half_the_week_is_gone_and_the_sessions_still_fit() -> None:
    n = fires(freq(hist(THURSDAY, run(MONDAY, 30))), Level.SUGGEST)
    assert n.rule_id == "FREQ"
    assert (n.numbers["sessions"], n.numbers["target"], n.numbers["sessions_to_go"]) == (1, 3, 2)
    assert "this week so far, Mon 30 Nov – Thu 3 Dec" in n.why


def test_freq_is_quiet_before_half_the_week_is_gone() -> None:
    assert freq(hist(WEDNESDAY, run(MONDAY, 30))) is None


def test_freq_is_quiet_once_the_target_is_met() -> None:
    runs = (
        run(MONDAY, 10),
        run(WEDNESDAY, 40, activity=Activity.BIKE),
        run(THURSDAY, 20, activity=Activity.WALK),
    )
    assert freq(hist(THURSDAY, *runs)) is None
    short = (*runs[:2], run(THURSDAY, 9.99))  # under 10 minutes is not a session
    assert fires(freq(hist(THURSDAY, *short)), Level.SUGGEST).numbers["sessions"] == 2


def test_freq_is_quiet_when_the_missing_sessions_no_longer_fit() -> None:
    # On Sunday only today is left: one missing session fits, two do not.
    assert freq(hist(SUNDAY, run(MONDAY, 30))) is None
    assert (
        fires(freq(hist(SUNDAY, run(MONDAY, 30), run(THURSDAY, 30))), Level.SUGGEST).numbers["sessions_to_go"]
        == 1
    )


def test_freq_is_quiet_for_someone_who_has_not_moved_in_14_days() -> None:
    assert freq(hist(THURSDAY, run(THURSDAY - timedelta(days=14), 30))) is None
    assert freq(hist(THURSDAY, run(THURSDAY - timedelta(days=13), 30))) is not None


def test_freq_uses_the_persons_target() -> None:
    four = Settings(weekly_sessions_goal=4, started_running=date(2025, 1, 1))
    n = freq(hist(THURSDAY, run(MONDAY), run(WEDNESDAY), run(THURSDAY), settings=four))
    assert n is not None and n.numbers["target"] == 4 and n.numbers["sessions_to_go"] == 1


# --- registration --------------------------------------------------------------------------


def test_the_engine_asks_vol_and_freq_once_each() -> None:
    ids = [rule_id for rule_id, _ in default_rules()]
    assert ids.count("VOL") == 1 and ids.count("FREQ") == 1
    assert [rule_id for rule_id, _ in WEEK_RULES] == ["VOL", "FREQ"]


@pytest.mark.parametrize("rule", [vol, freq])
def test_the_source_is_named_in_the_docstring(rule) -> None:
    nudge = rule(hist(THURSDAY, run(MONDAY, 70)))
    assert nudge is not None and f"SOURCE: {nudge.source}\n" in (rule.__doc__ or "")
    for word in ("diagnose", "treat", "you must", "failed", "seed", "ours"):
        assert word not in (nudge.title + nudge.message + nudge.why).lower()
