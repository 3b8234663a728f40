"""The coach's wellbeing rules: mood, sleep and being ill or injured (docs/coach.md).

Each rule is a pure function of a `History` that returns a `Nudge` or None. Every field a
person left empty is skipped, never filled in: a day without a mood entry is not a mood.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable
from datetime import date, time, timedelta
from fractions import Fraction

from runjournal.coach.listening_rules import is_ill, latest_check_in
from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.sources import source_line
from runjournal.coach.windows import day_words, span_words
from runjournal.domain.model import CheckIn

__all__ = [
    "WELLBEING_RULES",
    "is_ill",
    "latest_check_in",
    "mood_low",
    "recover",
    "sleep_irregular",
    "sleep_short",
]

HELP_CARD = "Need support now?"

MOOD_RECENT_DAYS = 14
MOOD_MIN_CHECK_INS = 10
MOOD_LOW_MEAN = 4  # on the 1–10 scale
MOOD_BASELINE_DAYS = 60
MOOD_BASELINE_MIN_CHECK_INS = 10
MOOD_DROP = 2

SLEEP_DAYS = 7
SLEEP_MIN_NIGHTS = 5
SLEEP_MIN_HOURS = 7.0

BEDTIME_DAYS = 14
BEDTIME_MIN_NIGHTS = 10
BEDTIME_MAX_SD_MIN = 60.0

_EPS = 1e-9


def _moods(check_ins: list[CheckIn]) -> list[int]:
    return [c.mood for c in check_ins if c.mood is not None]


def mood_low(history: History) -> Nudge | None:
    """MOOD-LOW (safety): ≥ 10 check-ins with mood in the last 14 days, and their mean ≤ 4,
    or ≥ 2 below the user's own 60-day mean.

    The 60-day mean is taken over the 60 days *before* the 14-day window (days 15 to 74
    back), so recent low days do not dilute the comparison; it counts only when those 60
    days hold ≥ 10 check-ins with mood; only then may the words say "lower than usual".
    Means are compared exactly (no rounding).
    """
    first, last = history.last_days(MOOD_RECENT_DAYS)
    recent = _moods(history.check_ins_between(first, last))
    if len(recent) < MOOD_MIN_CHECK_INS:
        return None
    recent_mean = Fraction(sum(recent), len(recent))
    base_last = first - timedelta(days=1)
    base_first = base_last - timedelta(days=MOOD_BASELINE_DAYS - 1)
    baseline = _moods(history.check_ins_between(base_first, base_last))
    baseline_mean = (
        Fraction(sum(baseline), len(baseline)) if len(baseline) >= MOOD_BASELINE_MIN_CHECK_INS else None
    )
    low = recent_mean <= MOOD_LOW_MEAN
    dropped = baseline_mean is not None and baseline_mean - recent_mean >= MOOD_DROP
    if not (low or dropped):
        return None
    window = span_words(first, last, history.today)
    why = (
        f"In the last {MOOD_RECENT_DAYS} days ({window}) you recorded your mood {len(recent)} times, "
        f"with an average of {float(recent_mean):.1f} out of 10"
    )
    if baseline_mean is not None:
        why += (
            f"; in the {MOOD_BASELINE_DAYS} days before that "
            f"({span_words(base_first, base_last, history.today)}) it averaged {float(baseline_mean):.1f}"
        )
    lower_than_usual = baseline_mean is not None and recent_mean < baseline_mean
    how = "lower than usual" if lower_than_usual else "low for a while"
    return Nudge(
        rule_id="MOOD-LOW",
        level=Level.SAFETY,
        title=f"Your entries have been {how}",
        message=(
            f"Your entries have been {how}. Talking to a GP or a mental-health professional can "
            f"help. If you would like someone to talk to now, “{HELP_CARD}” lists people you can "
            "call or text."
        ),
        why=why + ".",
        source=source_line("MOOD-LOW"),
        offers_support=True,
        numbers={
            "mood_check_ins_14d": len(recent),
            "mood_mean_14d": round(float(recent_mean), 2),
            "mood_check_ins_before": len(baseline),
            "mood_mean_60d_before": None if baseline_mean is None else round(float(baseline_mean), 2),
        },
    )


def sleep_short(history: History) -> Nudge | None:
    """SLEEP-SHORT (suggest): ≥ 5 of the last 7 nights recorded, mean < 7 h.

    A night is recorded when that day's check-in has sleep hours.
    """
    first, last = history.last_days(SLEEP_DAYS)
    hours = [c.sleep_hours for c in history.check_ins_between(first, last) if c.sleep_hours is not None]
    if len(hours) < SLEEP_MIN_NIGHTS:
        return None
    mean = math.fsum(hours) / len(hours)
    if mean >= SLEEP_MIN_HOURS - _EPS:
        return None
    return Nudge(
        rule_id="SLEEP-SHORT",
        level=Level.SUGGEST,
        title="Aim for 7 hours or more",
        message=(
            "Most adults feel better with 7 hours of sleep or more. A wind-down routine and "
            "a bit more time in bed can help."
        ),
        why=(
            f"You recorded sleep on {len(hours)} of the last {SLEEP_DAYS} nights "
            f"({span_words(first, last, history.today)}), {mean:.1f} hours on average."
        ),
        source=source_line("SLEEP-SHORT"),
        numbers={"nights_recorded": len(hours), "mean_sleep_hours": round(mean, 2)},
    )


def bedtime_minutes(bedtime: time) -> float:
    """Minutes after noon, so a night's bedtimes either side of midnight sit side by side
    (23:30 → 690, 00:30 → 750)."""
    clock = bedtime.hour * 60 + bedtime.minute + bedtime.second / 60
    return (clock - 12 * 60) % (24 * 60)


def _clock(minutes_after_noon: float) -> str:
    total = round(minutes_after_noon + 12 * 60) % (24 * 60)
    return f"{total // 60:02d}:{total % 60:02d}"


def sleep_irregular(history: History) -> Nudge | None:
    """SLEEP-IRREG (suggest): bedtime recorded ≥ 10 of the last 14 days, standard deviation > 60 min.

    Bedtimes are minutes after noon, so 23:30 and 00:30 are 60 minutes apart; the standard
    deviation is the sample one (n − 1), as a spreadsheet's STDEV gives.
    """
    first, last = history.last_days(BEDTIME_DAYS)
    minutes = [
        bedtime_minutes(c.bedtime) for c in history.check_ins_between(first, last) if c.bedtime is not None
    ]
    if len(minutes) < BEDTIME_MIN_NIGHTS:
        return None
    sd = statistics.stdev(minutes)
    if sd <= BEDTIME_MAX_SD_MIN + _EPS:
        return None
    return Nudge(
        rule_id="SLEEP-IRREG",
        level=Level.SUGGEST,
        title="A regular sleep schedule helps mood",
        message=(
            "Going to bed at about the same time each night can help mood and energy. "
            "Small steps count: try to keep bedtimes within an hour of each other."
        ),
        why=(
            f"You recorded a bedtime on {len(minutes)} of the last {BEDTIME_DAYS} days "
            f"({span_words(first, last, history.today)}), between "
            f"{_clock(min(minutes))} and {_clock(max(minutes))}; they varied by about "
            f"{sd:.0f} minutes (standard deviation)."
        ),
        source=source_line("SLEEP-IRREG"),
        numbers={
            "bedtimes_recorded": len(minutes),
            "bedtime_sd_min": round(sd, 1),
            "earliest_bedtime": _clock(min(minutes)),
            "latest_bedtime": _clock(max(minutes)),
        },
    )


def recover(history: History) -> Nudge | None:
    """RECOVER (suggest): latest check-in marks ill/injured.

    The latest check-in is today's, else yesterday's, whatever else it holds; a later
    check-in without the mark clears it.
    """
    latest = latest_check_in(history)
    if latest is None or not latest.ill:
        return None
    return Nudge(
        rule_id="RECOVER",
        level=Level.SUGGEST,
        title="Rest and heal",
        message=(
            "Rest and heal; gentle movement only when it feels right. The coach keeps quiet "
            "about training until your check-in no longer marks you ill or injured."
        ),
        why=f"Your check-in {_for(latest.day, history)} marks you as ill or injured.",
        source=source_line("RECOVER"),
        numbers={"check_in_day": latest.day.isoformat()},
    )


def _for(day: date, history: History) -> str:
    words = day_words(day, history.today)
    return words if words in ("today", "yesterday") else f"for {words}"


WELLBEING_RULES: tuple[tuple[str, Callable[[History], Nudge | None]], ...] = (
    ("MOOD-LOW", mood_low),
    ("SLEEP-SHORT", sleep_short),
    ("SLEEP-IRREG", sleep_irregular),
    ("RECOVER", recover),
)
