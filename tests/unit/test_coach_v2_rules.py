"""The fixes of the coach's version 2 (docs/coach.md), each at its exact threshold."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, timedelta

from runjournal.coach.engine import nudges
from runjournal.coach.model import History, Nudge
from runjournal.domain.model import CheckIn, Run, Settings

TODAY = date(2026, 12, 3)  # a Thursday
VETERAN = Settings(started_running=TODAY - timedelta(days=400))
INTERNAL_WORDS = re.compile(r"\b(seed|ours|thresholds ours)\b", re.IGNORECASE)


def day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def run(days_ago: int, minutes: float = 30, **fields: object) -> Run:
    return Run(day=day(days_ago), duration_s=minutes * 60, **fields)  # type: ignore[arg-type]


def cards(
    runs: Sequence[Run] = (), check_ins: Sequence[CheckIn] = (), settings: Settings = VETERAN
) -> dict[str, Nudge]:
    history = History(
        today=TODAY,
        runs=tuple(runs),  # in the order logged: the coach must not depend on it
        check_ins=tuple(sorted(check_ins, key=lambda c: c.day)),
        settings=settings,
    )
    return {n.rule_id: n for n in nudges(history, {}, limit=30)}


# --- SPIKE-RUN: 30 days, else 90; the order same-day runs were logged changes nothing ----------


def test_spike_after_a_quiet_month_compares_with_the_90_days_before() -> None:
    quiet = [run(45, distance_m=10_000), run(0, distance_m=11_100)]
    card = cards(quiet)["SPIKE-RUN"]
    assert card.numbers["compared_days"] == 90 and "90 days" in card.why
    assert "SPIKE-RUN" not in cards([run(45, distance_m=10_000), run(0, distance_m=11_000)])
    assert "SPIKE-RUN" not in cards([run(91, distance_m=5_000), run(0, distance_m=11_000)])


def test_spike_prefers_the_30_days_when_they_hold_a_run() -> None:
    # The 30 days hold a 10 km run; a longer one 60 days back does not count.
    assert "SPIKE-RUN" in cards(
        [run(60, distance_m=20_000), run(20, distance_m=10_000), run(0, distance_m=11_100)]
    )


def test_spike_is_the_same_whichever_same_day_run_was_logged_first() -> None:
    before = run(10, distance_m=10_000)
    long, short = run(0, distance_m=12_000), run(0, distance_m=3_000)
    one = cards([before, long, short])
    other = cards([before, short, long])
    assert "SPIKE-RUN" in one and "SPIKE-RUN" in other
    assert one["SPIKE-RUN"].numbers == other["SPIKE-RUN"].numbers
    assert one["SPIKE-RUN"].numbers["latest"] == 12.0


def test_spike_compares_minutes_when_a_run_lacks_a_distance() -> None:
    card = cards([run(10, 40, distance_m=10_000), run(0, 45)])["SPIKE-RUN"]
    assert card.numbers["compared_by"] == "minutes" and card.numbers["increase_pct"] == 12.5


# --- BE-GENTLE within 14 days ----------------------------------------------------------------


def test_be_gentle_counts_only_runs_of_the_last_14_days() -> None:
    worse = {"mood_before": 6, "mood_after": 4}
    assert "BE-GENTLE" in cards([run(13, **worse), run(5, **worse), run(2)])
    assert "BE-GENTLE" not in cards([run(14, **worse), run(5, **worse), run(2)])


# --- EASY-SHARE only on runs with effort ----------------------------------------------------------


def test_easy_share_counts_only_runs_with_an_effort() -> None:
    hard = [run(d, effort=7) for d in (1, 3, 5)]
    unknown = run(7, 60)  # no effort: says nothing about the pace
    assert "EASY-SHARE" not in cards([*hard, unknown])
    fourth = cards([*hard, run(7, 29, effort=3), run(9, 60)])  # 29 of 119 min easy: 24 %
    assert "EASY-SHARE" in fourth and fourth["EASY-SHARE"].numbers["runs"] == 4
    assert "EASY-SHARE" not in cards([*hard, run(7, 30, effort=3)])  # 30 of 120: 25 %


# --- RETURN: still away, back today ---------------------------------------------------------------


def before_a_gap(last_run_days_ago: int) -> list[Run]:
    return [run(last_run_days_ago + 7 * i) for i in range(4)]


def test_return_while_still_away() -> None:
    card = cards(before_a_gap(14))["RETURN"]
    assert card.title == "When you're ready"
    assert "When you're ready, ease back in with shorter, easier runs" in card.message
    assert "Welcome back" not in card.message
    assert "RETURN" not in cards(before_a_gap(13))


def test_return_on_the_day_back() -> None:
    card = cards([*before_a_gap(15), run(0)])["RETURN"]
    assert card.title == "Welcome back — ease in"
    assert "today" in card.why and "15 days" in card.why


# --- MOOD-LOW: "lower than usual" only with history ---------------------------------------------


def test_mood_low_says_lower_than_usual_only_with_ten_moods_before() -> None:
    recent = [CheckIn(day=day(d), mood=4) for d in range(10)]
    without = cards(check_ins=recent)["MOOD-LOW"]
    assert "lower than usual" not in (without.title + without.message).lower()
    assert "low for a while" in without.message
    nine_before = [CheckIn(day=day(20 + d), mood=7) for d in range(9)]
    assert "lower than usual" not in cards(check_ins=recent + nine_before)["MOOD-LOW"].message
    ten_before = [CheckIn(day=day(20 + d), mood=7) for d in range(10)]
    assert "lower than usual" in cards(check_ins=recent + ten_before)["MOOD-LOW"].message


# --- RAMP: never "0 days ago" --------------------------------------------------------------------


def test_ramp_on_the_first_day_says_today() -> None:
    card = cards([run(0)], settings=Settings())["RAMP"]
    assert "0 days" not in card.why and "today" in card.why


# --- An empty journal ---------------------------------------------------------------------------------


def test_an_empty_journal_gets_a_welcome_and_no_claim() -> None:
    from runjournal.coach.words import quiet_words

    assert cards() == {}
    empty = quiet_words(empty_journal=True)
    assert "welcome" in empty.lower() and "working" not in empty.lower()
    assert "working" not in quiet_words(empty_journal=False).lower()


# --- Sources by their short names, never an internal word ------------------------------------------


def test_every_card_cites_short_names_from_the_sources_table() -> None:
    from runjournal.coach.sources import SOURCES

    busy = [run(d, 30 + d, distance_m=5000 + 100 * d, effort=8, outdoor=False) for d in range(0, 40)]
    lows = [CheckIn(day=day(d), mood=2, stress=8, anxiety=8, sleep_hours=5) for d in range(12)]
    seen = {**cards(busy), **cards(busy, lows), **cards([run(0)], settings=Settings())}
    assert len(seen) >= 8
    for card in seen.values():
        assert card.sources and all(name in SOURCES for name in card.sources), card.rule_id
        text = json.dumps(asdict(card), ensure_ascii=False)
        assert not INTERNAL_WORDS.search(text), (card.rule_id, INTERNAL_WORDS.search(text))


# --- The person's own week and goal ---------------------------------------------------------------


SUNDAY_START = 6  # date.weekday() of Sunday


def test_routine_counts_the_persons_own_weeks() -> None:
    # TODAY is a Thursday. Runs on the Sundays of the last three weeks and today: in Monday
    # weeks that is 4 weeks in a row; in weeks starting on Sunday the Sunday 4 days ago
    # shares this week with today, so only 3.
    runs = [run(4 + 7 * k) for k in range(3)] + [run(0)]
    monday = cards(runs, settings=VETERAN.replace(week_start=0))
    assert monday["ROUTINE"].numbers["weeks_in_a_row"] == 4
    sunday = cards(runs, settings=VETERAN.replace(week_start=SUNDAY_START))
    assert "ROUTINE" not in sunday
    assert "this week included" in monday["ROUTINE"].why and "Mon" in monday["ROUTINE"].why


def test_the_first_week_at_a_45_minute_goal_is_celebrated_in_the_persons_week() -> None:
    goal_45 = VETERAN.replace(weekly_minutes_goal=45, week_start=SUNDAY_START)
    runs = [run(40, 20), run(4, 25), run(0, 25)]  # Sunday 4 days ago and today: 50 minutes
    card = cards(runs, settings=goal_45)["MILESTONE"]
    assert card.numbers["first_goal_week"] == day(4).isoformat()
    assert "goal of 45 moderate-equivalent minutes" in card.title
    assert "MILESTONE" not in cards(runs, settings=goal_45.replace(weekly_minutes_goal=600))


def test_every_window_is_named_in_why() -> None:
    solo_indoor = [run(d, outdoor=False) for d in (1, 3, 5, 7)]
    found = cards(solo_indoor)
    for rule_id in ("SOCIAL", "MINDFUL", "OUTSIDE"):
        assert re.search(r"\(\w{3} \d+ \w{3} – \w{3} \d+ \w{3}\)", found[rule_id].why), found[rule_id].why
