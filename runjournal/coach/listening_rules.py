"""The coach's listening rules: how the person says they feel comes before any target.

HARD-DAY answers one hard check-in with care and pauses the "do more" nudges for that day;
STRESS-HIGH and ANXIETY-HIGH answer a week of high scores; YOUR-LIFT offers, beside a care
or safety card, what the person's own sessions did for their mood (docs/coach.md). A field
the person left empty is never read as a value.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from fractions import Fraction

from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.sources import source_line
from runjournal.coach.windows import day_words, span_words
from runjournal.domain.model import CheckIn

HARD_MOOD = 3  # mood at or below this makes a hard day
HARD_ANXIETY = 8  # anxiety or stress at or above this makes a hard day
HARD_STRESS = 8
SEVERE_MOOD = 2  # at or below: the card carries "Need support now?"
SEVERE_ANXIETY = 9  # at or above: the card carries "Need support now?"

HIGH_DAYS = 7
HIGH_MIN_DAYS = 5
HIGH_MEAN = 7

LIFT_DAYS = 90
LIFT_MIN_SESSIONS = 5
LIFT_MIN_CHANGE = Fraction(1)
SESSION_MIN_S = 600  # a session is any activity of at least 10 minutes


def latest_check_in(history: History) -> CheckIn | None:
    """Today's check-in, else yesterday's; an older one does not speak for today."""
    yesterday = history.today - timedelta(days=1)
    by_day = {c.day: c for c in history.check_ins if yesterday <= c.day <= history.today}
    return by_day.get(history.today) or by_day.get(yesterday)


def is_ill(history: History) -> bool:
    """True while the latest check-in marks the person as ill or injured."""
    latest = latest_check_in(history)
    return latest is not None and latest.ill


def _hard_parts(check_in: CheckIn) -> list[str]:
    parts = []
    if check_in.mood is not None and check_in.mood <= HARD_MOOD:
        parts.append(f"mood {check_in.mood}")
    if check_in.stress is not None and check_in.stress >= HARD_STRESS:
        parts.append(f"stress {check_in.stress}")
    if check_in.anxiety is not None and check_in.anxiety >= HARD_ANXIETY:
        parts.append(f"anxiety {check_in.anxiety}")
    return parts


def is_severe(check_in: CheckIn) -> bool:
    """A day hard enough that the card offers the help card right there."""
    return (check_in.mood is not None and check_in.mood <= SEVERE_MOOD) or (
        check_in.anxiety is not None and check_in.anxiety >= SEVERE_ANXIETY
    )


def hard_day(history: History) -> Nudge | None:
    """HARD-DAY (care): the latest check-in has mood ≤ 3, or anxiety ≥ 8, or stress ≥ 8."""
    latest = latest_check_in(history)
    if latest is None:
        return None
    parts = _hard_parts(latest)
    if not parts:
        return None
    severe = is_severe(latest)
    message = (
        "That sounds like a hard day. Be gentle with yourself: rest is fine. If you feel up to "
        "it, a short, easy walk or run can ease stress."
    )
    if severe:
        message += " If things feel like too much, you don't have to manage alone."
    when = day_words(latest.day, history.today)
    return Nudge(
        rule_id="HARD-DAY",
        level=Level.CARE,
        title="A hard day",
        message=message,
        why=f"Your check-in {'for ' if when not in ('today', 'yesterday') else ''}{when} says "
        f"{_and(parts)}. The coach reads today's check-in, or yesterday's when today has none, "
        "and keeps the “do more” tips quiet for the day.",
        source=source_line("HARD-DAY"),
        numbers={
            "check_in_day": latest.day.isoformat(),
            "mood": latest.mood,
            "stress": latest.stress,
            "anxiety": latest.anxiety,
            "severe": int(severe),
        },
        offers_support=severe,
    )


def _high(history: History, field: str, rule_id: str, word: str) -> Nudge | None:
    first, last = history.last_days(HIGH_DAYS)
    values = [
        value for c in history.check_ins_between(first, last) if (value := getattr(c, field)) is not None
    ]
    if len(values) < HIGH_MIN_DAYS:
        return None
    mean = Fraction(sum(values), len(values))
    if mean < HIGH_MEAN:
        return None
    extra = {
        "stress": "",
        "anxiety": " A mindful run — no music, just breath and steps — can help some people too.",
    }[field]
    return Nudge(
        rule_id=rule_id,
        level=Level.SUGGEST,
        title=f"{word.capitalize()} has been high this week",
        message=f"{word.capitalize()} has been high this week. Easy or mindful runs, rest days and "
        f"regular sleep help many people — and talking to someone can too.{extra}",
        why=f"In the last {HIGH_DAYS} days ({span_words(first, last, history.today)}) you recorded "
        f"{word} on {len(values)} days, {float(mean):.1f} out of 10 on average.",
        source=source_line(rule_id),
        numbers={f"{field}_days": len(values), f"{field}_mean_7d": round(float(mean), 2)},
    )


def stress_high(history: History) -> Nudge | None:
    """STRESS-HIGH (suggest): ≥ 5 of the last 7 days have stress recorded, mean ≥ 7."""
    return _high(history, "stress", "STRESS-HIGH", "stress")


def anxiety_high(history: History) -> Nudge | None:
    """ANXIETY-HIGH (suggest): ≥ 5 of the last 7 days have anxiety recorded, mean ≥ 7."""
    return _high(history, "anxiety", "ANXIETY-HIGH", "anxiety")


def your_lift(history: History) -> Nudge | None:
    """YOUR-LIFT (care): ≥ 5 sessions in the last 90 days with mood before and after, and a
    mean change of +1.0 or more. The engine shows it only beside HARD-DAY, MOOD-LOW,
    STRESS-HIGH or ANXIETY-HIGH."""
    first, last = history.last_days(LIFT_DAYS)
    pairs = [
        (r.mood_before, r.mood_after)
        for r in history.runs_between(first, last)
        if r.duration_s >= SESSION_MIN_S and r.mood_before is not None and r.mood_after is not None
    ]
    if len(pairs) < LIFT_MIN_SESSIONS:
        return None
    before = Fraction(sum(b for b, _ in pairs), len(pairs))
    after = Fraction(sum(a for _, a in pairs), len(pairs))
    if after - before < LIFT_MIN_CHANGE:
        return None
    n = len(pairs)
    return Nudge(
        rule_id="YOUR-LIFT",
        level=Level.CARE,
        title="What your own sessions show",
        message=f"Your own entries: your last {n} sessions lifted your mood from {float(before):.1f} "
        f"to {float(after):.1f} on average. Only if it feels right — this is what your entries "
        "show, not a promise.",
        why=f"In the last {LIFT_DAYS} days ({span_words(first, last, history.today)}) you recorded "
        f"your mood before and after {n} sessions of 10 minutes or more.",
        source=source_line("YOUR-LIFT"),
        numbers={
            "sessions": n,
            "mood_before_mean": round(float(before), 2),
            "mood_after_mean": round(float(after), 2),
        },
    )


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


LISTENING_RULES: tuple[tuple[str, Callable[[History], Nudge | None]], ...] = (
    ("HARD-DAY", hard_day),
    ("YOUR-LIFT", your_lift),
    ("STRESS-HIGH", stress_high),
    ("ANXIETY-HIGH", anxiety_high),
)
