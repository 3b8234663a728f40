"""The coach's running and movement rules (docs/coach.md), one small pure function each.

Each rule reads a `History` and returns one `Nudge` or `None`. Rules that speak of "runs"
count `Activity.RUN` only; VOL and FREQ count every kind of movement. "Last N days" ends
today, inclusive. The engine decides priority, snoozes and what is shown. VOL and FREQ, which
count the person's calendar week, live in `week_rules`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.sources import source_line
from runjournal.coach.windows import day_words, span_words
from runjournal.domain.model import Activity, Company, Intensity, Run
from runjournal.domain.units import count, format_day, format_distance
from runjournal.domain.weeks import week_start

WHO_WEEKLY_MEQ = 150  # WHO 2020: 150 moderate minutes a week
NEW_RUNNER_DAYS = 56  # "the first 8 weeks"
# Frandsen et al. 2025: (upper bound of the band in %, its label, injury hazard ratio).
SPIKE_BANDS = ((30.0, "10–30 %", 1.64), (100.0, "30–100 %", 1.52), (math.inf, "> 100 %", 2.28))
MILESTONE_RUNS = (1, 10, 25, 50)  # then every 50 from 100 on
SPIKE_RECENT_DAYS = 30
SPIKE_FALLBACK_DAYS = 90  # after a quiet month, the longest run of the last three
GENTLE_DAYS = 14


def _runs(items: Iterable[Run]) -> list[Run]:
    """Only the runs (not walks, rides…), oldest first."""
    return sorted((r for r in items if r.activity is Activity.RUN), key=lambda r: r.day)


def _last_days(h: History, days: int) -> list[Run]:
    return h.runs_between(*h.last_days(days))


def _meq(items: Iterable[Run]) -> float:
    """Moderate-equivalent minutes: easy and moderate minutes, plus hard minutes twice."""
    return sum(r.minutes * (2 if r.intensity is Intensity.HARD else 1) for r in items)


def _first_run_day(h: History) -> date | None:
    if h.settings.started_running is not None:
        return h.settings.started_running
    if h.earlier.first_run is not None:
        return h.earlier.first_run
    runs = h.runs_only
    return runs[0].day if runs else None


def _is_new_runner(h: History) -> bool:
    """True during the first 8 weeks after the first run (or the day set as the start)."""
    first = _first_run_day(h)
    return first is not None and (h.today - first).days < NEW_RUNNER_DAYS


def _mins(minutes: float) -> str:
    return count(round(minutes), "minute")


def _pct(part: float, whole: float) -> float:
    return round(100 * part / whole, 6)


def spike_run(h: History) -> Nudge | None:
    """SPIKE-RUN (caution): the longest run of the latest run day is > 10 % longer than the
    longest run in the 30 days before that day, or, when there is none, in the 90 days
    before. Distance is compared when every compared run has one, else minutes; the day's
    runs are taken together, so the order they were logged in changes nothing. Silent when
    the latest run day is more than 7 days old or there were no runs before it.
    """
    runs = h.runs_only
    if not runs:
        return None
    day = runs[-1].day
    if day < h.last_days(7)[0]:
        return None
    that_day = [r for r in runs if r.day == day]
    window = SPIKE_RECENT_DAYS
    before = [r for r in runs if day - timedelta(days=window) <= r.day < day]
    if not before:
        window = SPIKE_FALLBACK_DAYS
        before = [r for r in runs if day - timedelta(days=window) <= r.day < day]
    if not before:
        return None
    by_distance = all(r.distance_m for r in (*that_day, *before))

    def length(r: Run) -> float:
        return float(r.distance_m or 0) if by_distance else r.minutes

    latest = max(that_day, key=lambda r: (length(r), r.minutes))
    new, longest = length(latest), max(length(r) for r in before)
    if by_distance:
        shown_new = format_distance(new, h.settings.units, 1)
        shown_old = format_distance(longest, h.settings.units, 1)
    else:
        shown_new, shown_old = _mins(new), _mins(longest)
    if longest <= 0:
        return None
    increase = _pct(new - longest, longest)
    if increase <= 10:
        return None
    band, hazard = next((label, hr) for top, label, hr in SPIKE_BANDS if increase <= top)
    first_before = day - timedelta(days=window)
    return Nudge(
        rule_id="SPIKE-RUN",
        level=Level.CAUTION,
        title="Longer than anything lately",
        message="Your latest run was a big step up from your recent ones. Build up gradually: keep the next few runs shorter and easy so your body can catch up.",
        why=f"Your run {_on(day, h)} was {shown_new}, {increase:.0f} % more than your longest run in the {window} days before it ({span_words(first_before, day - timedelta(days=1), h.today)}: {shown_old}). In a study of 5,205 runners, a jump of {band} in a single run went with {hazard:.2f} times the usual injury hazard.",
        source=source_line("SPIKE-RUN"),
        numbers={
            "run_day": day.isoformat(),
            "compared_by": "distance" if by_distance else "minutes",
            "compared_days": window,
            "latest": round(new / 1000, 3) if by_distance else round(new, 1),
            "longest_before": round(longest / 1000, 3) if by_distance else round(longest, 1),
            "unit": "km" if by_distance else "min",
            "increase_pct": round(increase, 1),
            "band": band,
            "hazard_ratio": hazard,
        },
    )


def _on(day: date, h: History) -> str:
    words = day_words(day, h.today)
    return words if words in ("today", "yesterday") else f"on {words}"


def rest(h: History) -> Nudge | None:
    """REST (caution): runs on each of the last 4 days (2 during the first 8 weeks)."""
    new = _is_new_runner(h)
    days = 2 if new else 4
    run_days = {r.day for r in _runs(_last_days(h, days))}
    if len(run_days) < days:
        return None
    return Nudge(
        rule_id="REST",
        level=Level.CAUTION,
        title="Time for a rest day",
        message="Your body needs time to heal between runs. A rest day or some gentle cross-training (a walk, a swim, a bike ride) lets it catch up.",
        why=(
            f"You ran on each of the last {days} days ({span_words(*h.last_days(days), h.today)})"
            + (", and in your first 8 weeks a rest day between runs helps." if new else ".")
        ),
        source=source_line("REST"),
        numbers={"days_in_a_row": days, "first_8_weeks": new},
    )


def _felt_worse(r: Run) -> bool:
    mood_down = r.mood_before is not None and r.mood_after is not None and r.mood_after < r.mood_before
    stress_up = (
        r.stress_before is not None and r.stress_after is not None and r.stress_after > r.stress_before
    )
    return mood_down or stress_up


def be_gentle(h: History) -> Nudge | None:
    """BE-GENTLE (suggest): of the last 3 runs within 14 days, 2 with mood after < mood
    before, or stress after > stress before. Older runs say nothing about how running feels now.
    """
    first, last = h.last_days(GENTLE_DAYS)
    last3 = [r for r in h.runs_only if first <= r.day <= last][-3:]
    worse = sum(_felt_worse(r) for r in last3)
    if worse < 2:
        return None
    return Nudge(
        rule_id="BE-GENTLE",
        level=Level.SUGGEST,
        title="Be gentle with yourself",
        message="If running feels stressful, it's fine to slow down, walk for a while, or try another kind of movement. An easier pace often feels better.",
        why=f"After {worse} of your last {len(last3)} runs in the last {GENTLE_DAYS} days ({span_words(first, last, h.today)}), your mood was lower or your stress higher than before the run.",
        source=source_line("BE-GENTLE"),
        numbers={"runs_felt_worse": worse, "runs_looked_at": len(last3)},
    )


def easy_share(h: History) -> Nudge | None:
    """EASY-SHARE (suggest): ≥ 4 runs with effort recorded in the last 14 days, and easy
    minutes < 25 % of their minutes. A run without an effort says nothing about its pace.
    """
    first, last = h.last_days(14)
    runs = [r for r in _runs(_last_days(h, 14)) if r.effort is not None]
    total = sum(r.minutes for r in runs)
    easy = sum(r.minutes for r in runs if r.intensity is Intensity.EASY)
    if len(runs) < 4 or total <= 0 or easy >= 0.25 * total:
        return None
    share = _pct(easy, total)
    return Nudge(
        rule_id="EASY-SHARE",
        level=Level.SUGGEST,
        title="Add some easy running",
        message="Spend at least a quarter of your running time at an easy pace — you could chat in full sentences — or walk briskly.",
        why=f"In the last 14 days ({span_words(first, last, h.today)}), {_mins(easy)} of the {_mins(total)} of your {count(len(runs), 'run')} with an effort recorded were easy (effort 4 or less): {share:.0f} %.",
        source=source_line("EASY-SHARE"),
        numbers={
            "runs": len(runs),
            "easy_minutes": round(easy, 1),
            "run_minutes": round(total, 1),
            "easy_share_pct": round(share, 1),
        },
    )


def ramp(h: History) -> Nudge | None:
    """RAMP (suggest): first logged run < 8 weeks ago (settings.started_running when set)."""
    first = _first_run_day(h)
    if first is None or not _is_new_runner(h):
        return None
    days = max(0, (h.today - first).days)
    return Nudge(
        rule_id="RAMP",
        level=Level.SUGGEST,
        title="Give it a few weeks",
        message="It can take 4 to 8 weeks to feel comfortable running. Mixing running and walking is a great way to build up.",
        why=_started_words(first, days),
        source=source_line("RAMP"),
        numbers={"started": first.isoformat(), "days_since_start": days},
    )


def _started_words(first: date, days: int) -> str:
    if days <= 0:
        return "You started running today."
    if days == 1:
        return f"You started running yesterday, {format_day(first)}."
    return f"You started running on {format_day(first)}, {count(days, 'day')} ago."


def return_(h: History) -> Nudge | None:
    """RETURN (suggest): no run for ≥ 14 days after ≥ 4 runs in the 28 days before the gap.

    The gap is counted from the last run before it to today (no run since) or to the run that
    ended it, while that run is in the last 7 days; "the 28 days before" end on that last run.
    While no run has ended the gap, the words say "when you're ready"; on the day back and
    the week after, "welcome back".
    """
    runs = h.runs_only
    days = sorted({r.day for r in runs})
    if not days:
        return None
    gap_from, gap_to = days[-1], h.today
    if (gap_to - gap_from).days < 14:
        week_first = h.last_days(7)[0]
        pairs = [(a, b) for a, b in itertools.pairwise(days) if b >= week_first]
        gaps = [(a, b) for a, b in pairs if (b - a).days >= 14]
        if not gaps:
            return None
        gap_from, gap_to = gaps[-1]
    gap = (gap_to - gap_from).days
    before = [r for r in runs if gap_from - timedelta(days=27) <= r.day <= gap_from]
    if len(before) < 4:
        return None
    away = gap_to == h.today and gap_from == days[-1]
    first_before = gap_from - timedelta(days=27)
    runs_before = f"{count(len(before), 'run')} in the 4 weeks before it ({span_words(first_before, gap_from, h.today)})"
    if away:
        title = "When you're ready"
        message = "When you're ready, ease back in with shorter, easier runs. A break is fine."
        why = f"Your last run was {_on(gap_from, h)}, {count(gap, 'day')} ago, after {runs_before}."
    else:
        title = "Welcome back — ease in"
        message = "Welcome back! Ease in with a few shorter, easy runs and let your body settle in again."
        why = f"You ran again {_on(gap_to, h)} after a break of {count(gap, 'day')}, and {runs_before}."
    return Nudge(
        rule_id="RETURN",
        level=Level.SUGGEST,
        title=title,
        message=message,
        why=why,
        source=source_line("RETURN"),
        numbers={
            "gap_days": gap,
            "runs_before_gap": len(before),
            "last_run": gap_from.isoformat(),
            "still_away": int(away),
        },
    )


def social(h: History) -> Nudge | None:
    """SOCIAL (suggest): ≥ 4 runs in the last 28 days, all solo."""
    runs = _runs(_last_days(h, 28))
    if len(runs) < 4 or any(r.company is not Company.SOLO for r in runs):
        return None
    return Nudge(
        rule_id="SOCIAL",
        level=Level.SUGGEST,
        title="Run with others sometimes",
        message="Try a buddy, a club or a parkrun: company can keep you going, and it's a friendly way to feel less alone.",
        why=f"Your {count(len(runs), 'run')} in the last 28 days ({span_words(*h.last_days(28), h.today)}) were all on your own.",
        source=source_line("SOCIAL"),
        numbers={"runs": len(runs), "solo_runs": len(runs)},
    )


def mindful(h: History) -> Nudge | None:
    """MINDFUL (suggest): ≥ 3 runs in the last 14 days, none marked mindful."""
    runs = _runs(_last_days(h, 14))
    if len(runs) < 3 or any(r.mindful for r in runs):
        return None
    return Nudge(
        rule_id="MINDFUL",
        level=Level.SUGGEST,
        title="Try a mindful run",
        message=(
            "Try one run without music or podcasts: notice your breath, your steps and what's around you."
        ),
        why=f"None of your {count(len(runs), 'run')} in the last 14 days ({span_words(*h.last_days(14), h.today)}) was marked mindful.",
        source=source_line("MINDFUL"),
        numbers={"runs": len(runs), "mindful_runs": 0},
    )


def outside(h: History) -> Nudge | None:
    """OUTSIDE (suggest): ≥ 3 runs in the last 14 days, all indoor."""
    runs = _runs(_last_days(h, 14))
    if len(runs) < 3 or any(r.outdoor for r in runs):
        return None
    return Nudge(
        rule_id="OUTSIDE",
        level=Level.SUGGEST,
        title="Take a run outside",
        message="When you feel like it, try a run outside: it can lessen feelings of isolation.",
        why=f"Your {count(len(runs), 'run')} in the last 14 days ({span_words(*h.last_days(14), h.today)}) were all indoors.",
        source=source_line("OUTSIDE"),
        numbers={"runs": len(runs), "indoor_runs": len(runs)},
    )


def routine(h: History) -> Nudge | None:
    """ROUTINE (celebrate): ≥ 1 run in each of the last 4 of the person's weeks (their own
    first day of the week), this week included.
    """
    first_weekday = h.settings.week_start
    this_week = week_start(h.today, first_weekday)
    expected = this_week  # the next week back that needs a run for the row to go on
    weeks = 0
    for r in reversed(h.runs_only):  # newest first, so years of history are never walked
        start = week_start(r.day, first_weekday)
        if start == expected:
            weeks += 1
            expected -= timedelta(weeks=1)
        elif start < expected:  # a week without a run ends the row
            break
    else:  # the row reached the first run given: it goes on in the weeks before, if any
        if h.earlier.since is not None and expected < h.earlier.since:
            weeks += h.earlier.weeks_in_a_row
    if weeks < 4:
        return None
    return Nudge(
        rule_id="ROUTINE",
        level=Level.CELEBRATE,
        title=f"{weeks} weeks in a row",
        message=f"{weeks} weeks in a row with a run. Consistency matters more than perfect runs.",
        why=f"You ran at least once in each of the last {weeks} weeks ({span_words(this_week - timedelta(weeks=weeks - 1), h.today, h.today)}), this week included.",
        source=source_line("ROUTINE"),
        numbers={"weeks_in_a_row": weeks},
    )


def _is_milestone(n: int) -> bool:
    return n in MILESTONE_RUNS or (n >= 100 and n % 50 == 0)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _first_full_week(h: History) -> date | None:
    """The first of the person's weeks to reach their weekly goal in moderate-equivalent
    minutes, found by walking the weeks in order and stopping at the first one (a long-time
    runner's is years back, so most of the history is skipped)."""
    if h.earlier.goal_week is not None:
        return h.earlier.goal_week
    goal, first_weekday = h.settings.weekly_minutes_goal, h.settings.week_start
    week, total = None, 0.0
    for r in h.runs:  # oldest first
        if r.day > h.today:
            break
        start = week_start(r.day, first_weekday)
        if start != week:
            week, total = start, 0.0
        total += _meq([r])
        if total >= goal:
            return week
    return None


def milestone(h: History) -> Nudge | None:
    """MILESTONE (celebrate): the latest run is the 1st, 10th, 25th, 50th, 100th, 150th… run
    (while it is in the last 7 days); or the first of the person's weeks to reach their weekly
    goal is this week or the one before. The first run ranks above any target (engine).
    """
    runs = h.runs_only
    total = h.earlier.runs + len(runs)
    run_n = total if runs and runs[-1].day >= h.last_days(7)[0] and _is_milestone(total) else None
    first_weekday, goal = h.settings.week_start, h.settings.weekly_minutes_goal
    first_full = _first_full_week(h)
    this_week = week_start(h.today, first_weekday)
    if first_full not in (this_week, this_week - timedelta(weeks=1)):
        first_full = None
    meq_by_week = (
        {first_full: _meq(r for r in h.runs if week_start(r.day, first_weekday) == first_full)}
        if first_full
        else {}
    )
    if run_n is None and first_full is None:
        return None
    titles, whys = [], []
    numbers: dict[str, float | int | str | None] = {"run_number": run_n}
    if run_n is not None:
        titles.append("Your first run — well done" if run_n == 1 else f"Your {_ordinal(run_n)} run!")
        whys.append(f"Your run {_on(runs[-1].day, h)} was your {_ordinal(run_n)} logged run.")
    if first_full is not None:
        when = "This week" if first_full == this_week else "Last week"
        meq = meq_by_week[first_full]
        week_end = min(first_full + timedelta(days=6), h.today)
        titles.append(f"{when}: your first week at your goal of {goal} moderate-equivalent minutes")
        whys.append(
            f"{when} ({span_words(first_full, week_end, h.today)}) you moved {math.floor(meq)} "
            f"moderate-equivalent minutes (hard minutes count double), your first week at your goal."
        )
        numbers.update(
            {
                "first_goal_week": first_full.isoformat(),
                "week_meq_minutes": round(meq, 1),
                "goal_minutes": goal,
            }
        )
    return Nudge(
        rule_id="MILESTONE",
        level=Level.CELEBRATE,
        title=" · ".join(titles),
        message="A milestone worth celebrating. Take a moment to enjoy it: you showed up for yourself.",
        why=" ".join(whys),
        source=source_line("MILESTONE"),
        numbers=numbers,
    )


RUNNING_RULES: tuple[tuple[str, Callable[[History], Nudge | None]], ...] = (
    ("SPIKE-RUN", spike_run),
    ("REST", rest),
    ("BE-GENTLE", be_gentle),
    ("EASY-SHARE", easy_share),
    ("RAMP", ramp),
    ("RETURN", return_),
    ("SOCIAL", social),
    ("MINDFUL", mindful),
    ("OUTSIDE", outside),
    ("ROUTINE", routine),
    ("MILESTONE", milestone),
)
