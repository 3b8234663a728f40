"""The wellbeing rules of docs/coach.md, each just inside and just outside its trigger."""

from __future__ import annotations

import statistics
from datetime import date, time, timedelta

import pytest

from runjournal.coach.model import History, Level
from runjournal.coach.sources import SOURCES
from runjournal.coach.wellbeing_rules import (
    HELP_CARD,
    WELLBEING_RULES,
    bedtime_minutes,
    is_ill,
    latest_check_in,
    mood_low,
    recover,
    sleep_irregular,
    sleep_short,
)
from runjournal.domain.model import CheckIn

TODAY = date(2025, 6, 30)


def days_back(n: int) -> date:
    return TODAY - timedelta(days=n)


def history(*check_ins: CheckIn, today: date = TODAY) -> History:
    return History(today=today, runs=(), check_ins=tuple(sorted(check_ins, key=lambda c: c.day)))


def moods(values: list[int], start_back: int = 0) -> list[CheckIn]:
    """One check-in a day going back from `start_back` days ago, with these moods."""
    return [CheckIn(day=days_back(start_back + i), mood=m) for i, m in enumerate(values)]


# --- MOOD-LOW ----------------------------------------------------------------------------------


def test_mood_low_fires_with_ten_check_ins_averaging_four() -> None:
    nudge = mood_low(history(*moods([4] * 10)))
    assert nudge is not None
    assert nudge.rule_id == "MOOD-LOW"
    assert nudge.level is Level.SAFETY
    assert nudge.numbers["mood_check_ins_14d"] == 10
    assert nudge.numbers["mood_mean_14d"] == 4.0
    assert "10 times" in nudge.why and "4.0" in nudge.why
    assert HELP_CARD == "Need support now?"
    assert HELP_CARD in nudge.message
    assert "GP" in nudge.message and "mental-health professional" in nudge.message


def test_mood_low_needs_ten_check_ins() -> None:
    assert mood_low(history(*moods([4] * 9))) is None


def test_mood_low_counts_only_check_ins_with_a_mood() -> None:
    empty = [CheckIn(day=days_back(i), sleep_hours=8.0) for i in range(9, 14)]
    assert mood_low(history(*moods([4] * 9), *empty)) is None


def test_mood_low_counts_only_the_last_14_days() -> None:
    # Day 14 back is outside "the last 14 days" (which end today, inclusive).
    assert mood_low(history(*moods([4] * 9), CheckIn(day=days_back(14), mood=1))) is None
    assert mood_low(history(*moods([4] * 9), CheckIn(day=days_back(13), mood=1))) is not None


def test_mood_mean_just_above_four_does_not_fire_on_its_own() -> None:
    assert mood_low(history(*moods([4] * 9 + [5]))) is None  # mean 4.1, no earlier entries


def test_mood_two_below_the_earlier_60_day_mean_fires() -> None:
    recent = moods([4] * 9 + [5])  # mean 4.1
    before = moods([6] * 9 + [7], start_back=14)  # mean 6.1: exactly 2 higher
    nudge = mood_low(history(*recent, *before))
    assert nudge is not None
    assert nudge.numbers["mood_mean_60d_before"] == 6.1
    assert "6.1" in nudge.why


def test_mood_less_than_two_below_the_earlier_mean_does_not_fire() -> None:
    recent = moods([4] * 9 + [5])  # mean 4.1
    before = moods([6] * 10, start_back=14)  # mean 6.0: 1.9 higher
    assert mood_low(history(*recent, *before)) is None


def test_mood_drop_works_at_higher_levels_too() -> None:
    recent = moods([6] * 10)
    assert mood_low(history(*recent, *moods([8] * 10, start_back=20))) is not None
    assert mood_low(history(*recent, *moods([7] * 10, start_back=20))) is None


def test_the_earlier_mean_needs_ten_check_ins() -> None:
    recent = moods([4] * 9 + [5])
    assert mood_low(history(*recent, *moods([9] * 9, start_back=14))) is None
    assert mood_low(history(*recent, *moods([9] * 10, start_back=14))) is not None


def test_the_earlier_mean_covers_the_60_days_before_the_recent_14() -> None:
    recent = moods([4] * 9 + [5])
    # Days 14..73 back are the 60 days before; day 74 back is outside them.
    inside = [*moods([9] * 9, start_back=14), CheckIn(day=days_back(73), mood=9)]
    outside = [*moods([9] * 9, start_back=14), CheckIn(day=days_back(74), mood=9)]
    assert mood_low(history(*recent, *inside)) is not None
    assert mood_low(history(*recent, *outside)) is None


# --- SLEEP-SHORT -------------------------------------------------------------------------------


def nights(hours: list[float], start_back: int = 0) -> list[CheckIn]:
    return [CheckIn(day=days_back(start_back + i), sleep_hours=h) for i, h in enumerate(hours)]


def test_sleep_short_fires_on_five_short_nights() -> None:
    nudge = sleep_short(history(*nights([6.9] * 5)))
    assert nudge is not None
    assert nudge.rule_id == "SLEEP-SHORT"
    assert nudge.level is Level.SUGGEST
    assert nudge.numbers == {"nights_recorded": 5, "mean_sleep_hours": 6.9}
    assert "5 of the last 7 nights" in nudge.why and "6.9 hours" in nudge.why


def test_sleep_short_needs_five_nights() -> None:
    assert sleep_short(history(*nights([6.9] * 4))) is None


def test_sleep_short_does_not_fire_at_seven_hours() -> None:
    assert sleep_short(history(*nights([7.0] * 5))) is None
    assert sleep_short(history(*nights([6.5, 7.5, 6.8, 7.2, 7.0]))) is None  # mean exactly 7


def test_sleep_short_counts_only_the_last_7_nights() -> None:
    assert sleep_short(history(*nights([6.0] * 4), *nights([6.0], start_back=7))) is None
    assert sleep_short(history(*nights([6.0] * 4), *nights([6.0], start_back=6))) is not None


# --- SLEEP-IRREG -------------------------------------------------------------------------------


def bedtimes(times: list[time]) -> list[CheckIn]:
    return [CheckIn(day=days_back(i), bedtime=t) for i, t in enumerate(times)]


def test_bedtimes_are_minutes_after_noon() -> None:
    assert bedtime_minutes(time(23, 30)) == 690
    assert bedtime_minutes(time(0, 30)) == 750
    assert bedtime_minutes(time(0, 30)) - bedtime_minutes(time(23, 30)) == 60
    assert bedtime_minutes(time(12, 0)) == 0


def test_sleep_irregular_fires_above_60_minutes_across_midnight() -> None:
    times = [time(23, 2)] * 5 + [time(0, 58)] * 5
    assert statistics.stdev(bedtime_minutes(t) for t in times) == pytest.approx(61.1, abs=0.1)
    nudge = sleep_irregular(history(*bedtimes(times)))
    assert nudge is not None
    assert nudge.rule_id == "SLEEP-IRREG"
    assert nudge.level is Level.SUGGEST
    assert nudge.numbers["bedtimes_recorded"] == 10
    assert nudge.numbers["bedtime_sd_min"] == pytest.approx(61.1, abs=0.1)
    assert nudge.numbers["earliest_bedtime"] == "23:02"
    assert nudge.numbers["latest_bedtime"] == "00:58"
    assert "between 23:02 and 00:58" in nudge.why and "61 minutes" in nudge.why


def test_sleep_irregular_quiet_below_60_minutes_across_midnight() -> None:
    times = [time(23, 4)] * 5 + [time(0, 56)] * 5
    assert statistics.stdev(bedtime_minutes(t) for t in times) == pytest.approx(59.0, abs=0.1)
    assert sleep_irregular(history(*bedtimes(times))) is None


def test_sleep_irregular_is_not_fooled_by_midnight() -> None:
    # On a plain clock 23:50 and 00:10 are 23 h 40 min apart; really they are 20 minutes.
    assert sleep_irregular(history(*bedtimes([time(23, 50), time(0, 10)] * 5))) is None


def test_sleep_irregular_needs_ten_bedtimes_in_14_days() -> None:
    times = [time(21, 0), time(2, 0)] * 5
    assert sleep_irregular(history(*bedtimes(times[:9]))) is None
    old = CheckIn(day=days_back(14), bedtime=time(2, 0))
    assert sleep_irregular(history(*bedtimes(times[:9]), old)) is None
    assert sleep_irregular(history(*bedtimes(times))) is not None


# --- RECOVER -----------------------------------------------------------------------------------


def test_recover_fires_when_the_latest_check_in_marks_ill() -> None:
    h = history(CheckIn(day=days_back(3)), CheckIn(day=days_back(1), ill=True))
    nudge = recover(h)
    assert nudge is not None
    assert nudge.rule_id == "RECOVER"
    assert nudge.level is Level.SUGGEST
    assert "yesterday" in nudge.why
    assert nudge.numbers == {"check_in_day": days_back(1).isoformat()}
    assert is_ill(h)


def test_recover_quiet_once_the_latest_check_in_is_well() -> None:
    h = history(CheckIn(day=days_back(3), ill=True), CheckIn(day=days_back(1), mood=6))
    assert recover(h) is None
    assert not is_ill(h)
    assert recover(history()) is None
    assert latest_check_in(history()) is None


def test_recover_ignores_check_ins_after_today() -> None:
    h = History(
        today=TODAY,
        runs=(),
        check_ins=(CheckIn(day=TODAY, ill=True), CheckIn(day=TODAY + timedelta(days=1))),
    )
    assert recover(h) is not None


# --- all of them -------------------------------------------------------------------------------

FIRING = {
    "MOOD-LOW": history(*moods([3] * 12), *moods([7] * 20, start_back=14)),
    "SLEEP-SHORT": history(*nights([5.5, 6.0, 6.5, 5.0, 6.0, 7.0])),
    "SLEEP-IRREG": history(*bedtimes([time(21, 15), time(1, 45)] * 6)),
    "RECOVER": history(CheckIn(day=TODAY, ill=True)),
}
FORBIDDEN = ("diagnose", "treat", "screen for", "prevent injury", "clinically proven", "failed")


def test_wellbeing_rules_are_listed_in_table_order() -> None:
    assert [rule_id for rule_id, _ in WELLBEING_RULES] == [
        "MOOD-LOW",
        "SLEEP-SHORT",
        "SLEEP-IRREG",
        "RECOVER",
    ]


@pytest.mark.parametrize(("rule_id", "rule"), WELLBEING_RULES, ids=[r for r, _ in WELLBEING_RULES])
def test_each_rule_says_everything_kindly_and_cites_its_source(rule_id, rule) -> None:
    nudge = rule(FIRING[rule_id])
    assert nudge is not None
    assert nudge.rule_id == rule_id
    assert nudge.title and nudge.message and nudge.why and nudge.source and nudge.numbers
    assert nudge.sources and all(name in SOURCES for name in nudge.sources)
    assert rule.__doc__.startswith(rule_id)
    text = " ".join((nudge.title, nudge.message, nudge.why, nudge.source)).lower()
    assert not [word for word in FORBIDDEN if word in text]


@pytest.mark.parametrize(("rule_id", "rule"), WELLBEING_RULES, ids=[r for r, _ in WELLBEING_RULES])
def test_each_rule_is_quiet_on_an_empty_journal(rule_id, rule) -> None:
    assert rule(history()) is None
