"""A realistic sample journal, so charts, coach and insights can be tried before a person
has weeks of their own entries (`runjournal demo --years N`).

Seeded `random.Random`, so a seed always writes the same journal (tests and screenshots rely
on it). Life is drawn up front so a bad stretch, a trip or an illness lasts; each day then
draws its session and check-in from that context, so runs and feelings move together.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from typing import NamedTuple, TypedDict

from runjournal.domain.model import Activity, CheckIn, Company, Run, Settings, Source

DAYS_PER_YEAR = 365.25
C25K_WEEKS = 9  # NHS Couch to 5K is a 9-week run/walk plan
_WEEKS_TO_FIT = 45  # after the plan, about a year until runs stop getting longer
_TRAVEL_OFFSETS = (-420, -300, -240, 60, 120, 180, 330, 480, 540, 600)
_ILLNESSES = ("cold", "flu", "sore calf", "twisted ankle", "stomach bug", "sore knee")
_STARTS = {"free": (480, 630), "morning": (360, 450), "evening": (1050, 1185)}  # minutes after midnight
_PACES = {Activity.WALK: (600, 720), Activity.BIKE: (150, 210), Activity.SWIM: (1200, 1650)}  # s/km


class _Kind(NamedTuple):
    """What a kind of session is like, so each day only has to pick one."""

    activity: Activity
    efforts: tuple[int, ...]  # drawn from, so the common efforts appear more than once
    minutes: tuple[int, int, int]  # shortest, longest, and extra minutes once fit
    title: str = ""


_KINDS = {
    "c25k": _Kind(Activity.RUN, (3, 3, 4, 4, 5), (20, 30, 0)),
    "easy": _Kind(Activity.RUN, (3, 4, 4, 4, 5), (25, 33, 14)),
    "long": _Kind(Activity.RUN, (4, 5, 5, 6, 7), (35, 42, 18), "Long run"),
    "hard": _Kind(Activity.RUN, (7, 7, 8, 8, 9), (25, 40, 0), "Intervals"),
    "parkrun": _Kind(Activity.RUN, (6, 7, 7, 8), (20, 40, 0), "parkrun"),  # 5 km, so pace sets the time
    "walk": _Kind(Activity.WALK, (2, 2, 3), (25, 75, 0)),
    "bike": _Kind(Activity.BIKE, (3, 4, 5), (40, 100, 0)),
    "swim": _Kind(Activity.SWIM, (3, 4, 5), (25, 45, 0)),
}
_NOTES = {
    "c25k": ("Run/walk intervals felt manageable.", "Didn't think I could run that long!", "Legs heavy."),
    "easy": ("Slow and easy, cleared my head.", "Felt lighter afterwards.", "Rain, but glad I went."),
    "long": ("Longest run in a while, took it steady.", "Ran the canal loop.", "Tired legs, happy though."),
    "hard": ("Intervals were tough, not sure I enjoyed them.", "Went off too fast.", "Tempo felt strong."),
    "parkrun": ("Friendly crowd at parkrun.", "The volunteers cheered everyone in."),
    "walk": ("Gentle walk in the park.", "Walked instead of running, felt right."),
    "bike": ("Easy spin along the lanes.", "Windy ride, good to be outside."),
    "swim": ("Slow lengths, very calming.", "Busy pool but a nice swim."),
    "travel": ("Hotel treadmill, better than nothing.", "Explored the new city on foot."),
    "bad": ("Hard week; the run helped a bit.", "Didn't want to go, went anyway."),
    "private": ("Worried about work, felt calmer after.", "Needed time alone to think."),
}
_CHECK_IN_NOTES = ("Long day at work.", "Coffee with a friend.", "Slept badly.", "Quiet day at home.")


@dataclass(frozen=True)
class DemoJournal:
    runs: list[Run]  # id=None, sorted by day then start
    check_ins: list[CheckIn]  # at most one per day, sorted by day
    settings: Settings  # started_running = day of the first run


@dataclass(frozen=True)
class _Life:
    """Events drawn before the days are walked, so each one lasts as long as it should."""

    bad: set[date]
    ill: dict[date, str]  # day -> what it was, for notes
    recovering: dict[date, str]
    travel: dict[date, int]  # day -> UTC offset in minutes where the person was


@dataclass(frozen=True)
class _Day:
    """Everything about one day that shapes both its session and its check-in."""

    day: date
    n: int  # days since the first run
    week: int  # weeks since the first run
    weekend: bool
    fitness: float  # 0 during the run/walk plan, 1 about a year later
    offset: int
    winter: float  # 1 in mid-January, 0 in mid-July
    bad: bool
    ill: str | None
    recovering: str | None
    travelling: bool


def generate(years: float, *, end: date, seed: int = 1) -> DemoJournal:
    """A journal of someone who took up running `years` years before `end` (its last day)."""
    if not (isinstance(years, int | float) and math.isfinite(years) and years > 0):
        raise ValueError(f"A demo journal needs a positive number of years (you gave {years}).")
    rng = random.Random(seed)
    start = end - timedelta(days=round(years * DAYS_PER_YEAR))
    life = _plan_life(rng, start, end)
    runs, check_ins = list[Run](), list[CheckIn]()
    drift, previous = 0.0, None
    for n in range((end - start).days + 1):
        ctx = _context(start + timedelta(days=n), n, life)
        kind = _session_kind(rng, ctx, previous)
        drift = 0.75 * drift + rng.gauss(0, 0.45)  # mood also wanders for days on its own
        mood, stress = _levels(ctx, drift, moved=kind is not None)
        if kind is not None:
            runs.append(_make_run(rng, ctx, kind, mood, stress))
        if (check_in := _check_in(rng, ctx, mood, stress, moved=kind is not None)) is not None:
            check_ins.append(check_in)
        previous = kind
    runs.sort(key=lambda r: (r.day, r.started_at))
    return DemoJournal(runs, check_ins, Settings(started_running=runs[0].day))


def _plan_life(rng: random.Random, start: date, end: date) -> _Life:
    """A few bad stretches, trips and illnesses a year; the run/walk weeks stay calm so the
    beginning reads as a beginning."""
    life, taken = _Life(set(), {}, {}, {}), set[date]()
    first = start + timedelta(weeks=C25K_WEEKS)
    while first <= end:
        length = min(365, (end - first).days + 1)
        for _ in range(_count(rng, 2, 3, length)):
            life.bad.update(_place(rng, first, length, rng.randint(7, 21), taken))
        for _ in range(_count(rng, 1, 2, length)):
            offset = rng.choice(_TRAVEL_OFFSETS)
            life.travel.update(dict.fromkeys(_place(rng, first, length, rng.randint(5, 10), taken), offset))
        for _ in range(_count(rng, 1, 2, length)):
            sick_days, what = rng.randint(3, 10), rng.choice(_ILLNESSES)
            span = _place(rng, first, length, sick_days + rng.randint(7, 14), taken)
            life.ill.update(dict.fromkeys(span[:sick_days], what))
            life.recovering.update(dict.fromkeys(span[sick_days:], what))
        first += timedelta(days=365)
    return life


def _count(rng: random.Random, low: int, high: int, days: int) -> int:
    """How many events of a kind fall in a year, or in the part of one the journal covers."""
    return sum(rng.random() < days / 365 for _ in range(rng.randint(low, high)))


def _place(rng: random.Random, first: date, length: int, days: int, taken: set[date]) -> list[date]:
    """Days for one event that overlap no other, so a trip never hides inside an illness."""
    for _ in range(30 if days <= length else 0):
        begin = first + timedelta(days=rng.randint(0, length - days))
        span = [begin + timedelta(days=i) for i in range(days)]
        if not any(day in taken for day in span):
            taken.update(span)
            return span
    return []


def _context(day: date, n: int, life: _Life) -> _Day:
    fitness = min(1.0, max(0.0, (n // 7 - C25K_WEEKS) / _WEEKS_TO_FIT))
    winter = (1 + math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / DAYS_PER_YEAR)) / 2
    offset, away = life.travel.get(day, _home_offset(day)), day in life.travel
    ill, back = life.ill.get(day), life.recovering.get(day)
    return _Day(day, n, n // 7, day.weekday() >= 5, fitness, offset, winter, day in life.bad, ill, back, away)


def _home_offset(day: date) -> int:
    """UK clocks: GMT in winter, BST (+60) from the last Sunday of March to that of October."""
    return 60 if _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10) else 0


@cache
def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _session_kind(rng: random.Random, ctx: _Day, previous: str | None) -> str | None:
    """Which session, if any, the day holds: run/walk every other day at first, later a
    weekly rhythm with a long weekend run, thinned out by whatever life is doing."""
    if ctx.ill:
        return None
    if ctx.week < C25K_WEEKS:
        planned = ctx.n % 7 in (0, 2, 4) and (ctx.n == 0 or rng.random() > 0.12)
        return "c25k" if planned else None
    f, weekday = ctx.fitness, ctx.day.weekday()
    long_day = weekday == 5 or (weekday == 6 and previous != "long")
    chance = (0.1, 0.85, 0.2 + 0.35 * f, 0.85, 0.1 + 0.1 * f, 0.6, 0.75 if long_day else 0.2)[weekday]
    chance *= (0.5 if ctx.bad else 1) * (0.35 if ctx.travelling else 1) * (0.6 if ctx.recovering else 1)
    if rng.random() >= chance * (1 - 0.15 * ctx.winter):
        return _cross_training(rng, ctx)
    if weekday == 5 and rng.random() < 0.35 and not ctx.travelling:
        return "parkrun"
    if weekday == 3 and rng.random() < 0.4 * f and not ctx.recovering:
        return "hard"
    return "long" if long_day and not ctx.recovering else "easy"


def _cross_training(rng: random.Random, ctx: _Day) -> str | None:
    """Walks, rides and swims on days off running; rides mostly when the weather is kind."""
    roll = rng.random() * (2 if ctx.bad or ctx.travelling else 1)
    bike = 0.07 + 0.05 * (1 - ctx.winter)
    return "walk" if roll < 0.07 else "bike" if roll < bike else "swim" if roll < 0.13 else None


def _levels(ctx: _Day, drift: float, *, moved: bool) -> tuple[float, float]:
    """The day's underlying mood and stress; moving helps a little, life helps or hurts more."""
    setbacks = 1.8 * ctx.bad + 1.3 * bool(ctx.ill) + 0.3 * bool(ctx.recovering)
    mood = 6.3 + drift - 0.7 * ctx.winter + 0.3 * ctx.weekend - setbacks + 0.6 * moved
    stress = 3.8 + 1.1 * (not ctx.weekend) - 0.5 * drift + 2 * ctx.bad + 0.6 * ctx.travelling - 0.6 * moved
    return mood, stress


def _make_run(rng: random.Random, ctx: _Day, kind: str, mood: float, stress: float) -> Run:
    """One session as a person would log it by hand: some fields filled in, some not."""
    activity = _KINDS[kind].activity
    if kind == "c25k" and ctx.week < 3 and ctx.n > 0 and rng.random() < 0.3:
        activity = Activity.WALK  # some early run/walks are logged as walks
    outdoor = _outdoor(rng, ctx, activity)
    effort = min(rng.choice(_KINDS[kind].efforts), 4 if ctx.recovering else 10)
    pace = _pace_s_per_km(rng, ctx, kind, activity)
    distance: float | None
    if kind == "parkrun":
        distance = course = 5000 + rng.uniform(0, 80)
        moving = course / 1000 * pace
        duration = moving + rng.uniform(0, 20)
    else:
        duration = _minutes(rng, ctx, kind) * 60
        moving = duration * (rng.uniform(0.965, 0.995) if outdoor else 1.0)  # lights, gates, photos
        distance = moving / pace * 1000
    if rng.random() < (0.35 if activity is Activity.SWIM else 0.04):
        distance = None
    local = datetime.combine(ctx.day, _local_start(rng, ctx, kind), timezone(timedelta(minutes=ctx.offset)))
    return Run(
        day=ctx.day,
        duration_s=float(round(duration)),
        activity=activity,
        started_at=local.astimezone(UTC),
        utc_offset_min=ctx.offset,
        moving_s=float(round(moving)) if outdoor and rng.random() < 0.6 else None,
        distance_m=None if distance is None else float(round(distance, -1)),
        effort=None if rng.random() < 0.04 else effort,
        company=_company(rng, kind, activity),
        outdoor=outdoor,
        mindful=activity in (Activity.RUN, Activity.WALK) and rng.random() < 0.12,
        title=f"Run/walk week {ctx.week + 1}" if kind == "c25k" else _KINDS[kind].title,
        source=Source.MANUAL,
        **_watch(rng, effort, activity, distance if outdoor else None),
        **_note(rng, ctx, kind),
        **_run_feelings(rng, effort, mood, stress),
    )


def _outdoor(rng: random.Random, ctx: _Day, activity: Activity) -> bool:
    """Treadmills on trips and some winter evenings; swims are in a pool."""
    if activity is not Activity.RUN:
        return activity is not Activity.SWIM
    return rng.random() >= (0.45 if ctx.travelling else 0.03 + 0.2 * ctx.winter)


def _pace_s_per_km(rng: random.Random, ctx: _Day, kind: str, activity: Activity) -> float:
    """Paces people actually move at; running gets quicker over the first year or so."""
    if activity in _PACES:
        return rng.uniform(*_PACES[activity])
    base = 425 - 85 * ctx.fitness + {"hard": -35, "parkrun": -25, "long": 12}.get(kind, 0)
    return min(430.0, max(302.0, base + rng.uniform(-15, 15)))  # 5:02–7:10 min/km


def _minutes(rng: random.Random, ctx: _Day, kind: str) -> float:
    """Session length: 20–30 min in the plan, building to 25–60, shorter when life is hard."""
    if kind == "c25k":
        return min(30.0, max(20.0, 20 + 10 * ctx.week / (C25K_WEEKS - 1) + rng.uniform(-2, 2)))
    shortest, longest, extra = _KINDS[kind].minutes
    minutes = rng.uniform(shortest, longest) + extra * ctx.fitness
    return max(15.0, minutes * (0.75 if ctx.recovering or ctx.bad else 1))


class _WatchFields(TypedDict, total=False):
    avg_hr: int
    max_hr: int
    ascent_m: float


class _Feelings(TypedDict):
    mood_before: int | None
    mood_after: int | None
    stress_before: int | None
    stress_after: int | None


class _NoteFields(TypedDict, total=False):
    note: str
    note_private: bool


def _watch(rng: random.Random, effort: int, activity: Activity, outdoor_m: float | None) -> _WatchFields:
    """Heart rate (rising with effort) on some sessions, climb on most outdoor ones, as a
    watch or a route planner would give them."""
    found: _WatchFields = {}
    if activity is not Activity.SWIM and rng.random() < 0.45:
        found["avg_hr"] = average = 105 + 7 * effort + rng.randint(-6, 6)
        found["max_hr"] = average + rng.randint(8, 25)
    if outdoor_m is not None and rng.random() < 0.8:
        found["ascent_m"] = float(round(outdoor_m / 1000 * rng.uniform(3, 14)))
    return found


def _company(rng: random.Random, kind: str, activity: Activity) -> Company:
    """Mostly alone, sometimes with a friend or the club, parkrun as an event."""
    if kind == "parkrun":
        return Company.EVENT
    group = 0.06 if activity is Activity.RUN else 0.0
    return rng.choices((Company.SOLO, Company.BUDDY, Company.GROUP), (0.9 - group, 0.1, group))[0]


def _run_feelings(rng: random.Random, effort: int, mood: float, stress: float) -> _Feelings:
    """Before/after scores: a session usually lifts mood and eases stress, but hard efforts
    sometimes feel worse (Ekkekakis 2011), and people often skip the sliders."""
    lift, ease, spread = (0.6, 0.7, 1.4) if effort >= 7 else (1.3, 1.5, 0.9)
    before = _scale(mood - 0.8 + rng.gauss(0, 0.9))
    stress_before = _scale(stress + 0.6 + rng.gauss(0, 0.9))
    after = _scale(before + rng.gauss(lift, spread))
    stress_after = _scale(stress_before - rng.gauss(ease, spread))
    mood_logged, stress_logged, after_logged = rng.random() < 0.72, rng.random() < 0.6, rng.random() > 0.06
    return {
        "mood_before": before if mood_logged else None,
        "mood_after": after if mood_logged and after_logged else None,
        "stress_before": stress_before if stress_logged else None,
        "stress_after": stress_after if stress_logged and after_logged else None,
    }


def _note(rng: random.Random, ctx: _Day, kind: str) -> _NoteFields:
    """A short note on about one run in five, a few of them kept private."""
    if rng.random() > 0.2:
        return {}
    if rng.random() < 0.1:
        return {"note": rng.choice(_NOTES["private"]), "note_private": True}
    if ctx.recovering:
        return {"note": f"Back after the {ctx.recovering}, kept it easy."}
    topic = "travel" if ctx.travelling else "bad" if ctx.bad and rng.random() < 0.5 else kind
    return {"note": rng.choice(_NOTES[topic])}


def _local_start(rng: random.Random, ctx: _Day, kind: str) -> time:
    """Before or after work on weekdays, mid-morning at weekends, 9:00 sharp for parkrun."""
    if kind == "parkrun":
        return time(9, 0)
    free = ctx.weekend or (ctx.travelling and rng.random() < 0.5)
    minutes = rng.randint(*_STARTS["free" if free else "morning" if rng.random() < 0.4 else "evening"])
    return time(minutes // 60, minutes % 60 // 5 * 5)


def _check_in(rng: random.Random, ctx: _Day, mood: float, stress: float, *, moved: bool) -> CheckIn | None:
    """One check-in for the day, or none: people skip days, more so away from home."""
    if rng.random() < (0.08 if ctx.ill else 0.35 if ctx.travelling else 0.15):
        return None
    sleep = 7.2 + 0.5 * ctx.weekend - 0.8 * ctx.bad - 0.4 * ctx.travelling + 0.15 * moved
    sleep = min(10.0, max(4.0, round((sleep + rng.gauss(0, 0.55)) * 4) / 4))
    ill = bool(ctx.ill)
    anxiety = 3.3 + 0.5 * (stress - 4.5) + 1.6 * ctx.bad + 0.4 * ill
    energy = 5.6 + 0.5 * (sleep - 7.2) + 0.35 * (mood - 6) - 2 * ill + 0.3 * moved
    everyday_note = rng.choice(_CHECK_IN_NOTES) if rng.random() < 0.05 else ""
    # Sliders left untouched stay unrecorded; mood is the one people almost always move.
    return CheckIn(
        day=ctx.day,
        mood=_slider(rng, mood, 0.6, unrecorded=0.02),
        stress=_slider(rng, stress, 0.8, unrecorded=0.05),
        anxiety=_slider(rng, anxiety, 0.8, unrecorded=0.1),
        energy=_slider(rng, energy, 0.8, unrecorded=0.08),
        sleep_hours=None if rng.random() < 0.05 else sleep,
        sleep_quality=_slider(rng, 6.2 + 0.9 * (sleep - 7.2) - ctx.bad - 0.8 * ill, 1.0, unrecorded=0.1),
        bedtime=None if rng.random() < 0.2 else _bedtime(rng, ctx),
        ill=ill,
        note=f"{ctx.ill.capitalize()}, resting." if ctx.ill and rng.random() < 0.4 else everyday_note,
    )


def _slider(rng: random.Random, level: float, spread: float, *, unrecorded: float) -> int | None:
    """A 1–10 answer scattered around the day's level, or None when left untouched."""
    return None if rng.random() < unrecorded else _scale(level + rng.gauss(0, spread))


def _bedtime(rng: random.Random, ctx: _Day) -> time:
    """Mostly 22:00–00:30, later on Friday and Saturday nights."""
    late = ctx.day.weekday() in (4, 5)
    after_ten = min(180.0, max(-30.0, rng.gauss(90 if late else 55, 30 if late else 25)))
    minutes = (22 * 60 + 5 * round(after_ten / 5)) % (24 * 60)
    return time(minutes // 60, minutes % 60)


def _scale(value: float) -> int:
    return min(10, max(1, round(value)))
