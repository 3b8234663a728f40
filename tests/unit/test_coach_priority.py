"""The coach's order, cap and pauses of version 2, with the real rules (docs/coach.md)."""

from __future__ import annotations

from datetime import date, timedelta

from runjournal.coach.engine import nudges
from runjournal.coach.model import History, Level, Nudge
from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings

TODAY = date(2026, 12, 3)  # a Thursday


def day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def history(runs: list[Run], check_ins: list[CheckIn] = (), **settings: object) -> History:  # type: ignore[assignment]
    return History(
        today=TODAY,
        runs=tuple(sorted(runs, key=lambda r: r.day)),
        check_ins=tuple(sorted(check_ins, key=lambda c: c.day)),
        settings=Settings(**settings),  # type: ignore[arg-type]
    )


def ids(found: list[Nudge]) -> list[str]:
    return [n.rule_id for n in found]


def busy_runner() -> list[Run]:
    """Hard, solo, indoor runs every day for a month, the last one much longer: many rules fire."""
    runs = [
        Run(
            day=day(d), duration_s=1800, distance_m=5000, effort=8, outdoor=False, mood_before=5, mood_after=7
        )
        for d in range(1, 30)
    ]
    return [*runs, Run(day=TODAY, duration_s=5400, distance_m=15000, effort=8, outdoor=False)]


def test_the_first_run_is_celebrated_before_any_target() -> None:
    first = history([Run(day=TODAY, duration_s=1200, distance_m=2500, effort=4)])
    shown = nudges(first, {})
    assert shown[0].rule_id == "MILESTONE" and "first run" in shown[0].title.lower()
    assert len(shown) <= 3


def test_a_hard_day_ranks_first_and_pauses_the_do_more_tips() -> None:
    calm = ids(nudges(history(busy_runner()), {}, limit=20))
    assert {"SPIKE-RUN", "REST", "EASY-SHARE", "ROUTINE"} <= set(calm)
    hard = nudges(history(busy_runner(), [CheckIn(day=TODAY, mood=3)]), {}, limit=20)
    assert ids(hard)[:3] == ["HARD-DAY", "YOUR-LIFT", "SPIKE-RUN"]
    assert not {"VOL", "FREQ", "EASY-SHARE", "RAMP", "ROUTINE", "MILESTONE"} & set(ids(hard))
    assert ids(nudges(history(busy_runner(), [CheckIn(day=TODAY, mood=3)]), {})) == [
        "HARD-DAY",
        "YOUR-LIFT",
        "SPIKE-RUN",
    ]


def test_mood_low_pauses_easy_share_too_and_leads() -> None:
    low = [CheckIn(day=day(d), mood=4) for d in range(1, 14)]
    shown = ids(nudges(history(busy_runner(), low), {}, limit=20))
    assert shown[0] == "MOOD-LOW"
    assert not {"VOL", "FREQ", "EASY-SHARE", "ROUTINE", "MILESTONE"} & set(shown)


def test_stress_and_anxiety_come_after_be_gentle_and_before_sleep() -> None:
    check_ins = [CheckIn(day=day(d), stress=7, anxiety=7, sleep_hours=5.0) for d in range(1, 7)]
    runs = [
        Run(day=day(d), duration_s=1800, effort=4, mood_before=6, mood_after=4, outdoor=True)
        for d in (2, 4, 6)
    ]
    shown = ids(nudges(history(runs, check_ins), {}, limit=20))
    order = [r for r in shown if r in ("BE-GENTLE", "STRESS-HIGH", "ANXIETY-HIGH", "SLEEP-SHORT")]
    assert order == ["BE-GENTLE", "STRESS-HIGH", "ANXIETY-HIGH", "SLEEP-SHORT"]


def test_while_ill_only_safety_care_and_recover_show() -> None:
    ill = [CheckIn(day=TODAY, ill=True, mood=3)]
    shown = nudges(history(busy_runner(), ill), {}, limit=20)
    assert ids(shown)[0] == "HARD-DAY"
    assert {n.level for n in shown} <= {Level.SAFETY, Level.CARE} | {
        n.level for n in shown if n.rule_id == "RECOVER"
    }
    assert "RECOVER" in ids(shown) and "SPIKE-RUN" not in ids(shown)


def test_a_later_check_in_clears_ill() -> None:
    cleared = [CheckIn(day=day(1), ill=True), CheckIn(day=TODAY, ill=False, mood=7)]
    assert "RECOVER" not in ids(nudges(history(busy_runner(), cleared), {}, limit=20))
    stale = [CheckIn(day=day(3), ill=True)]  # neither today's nor yesterday's
    assert "RECOVER" not in ids(nudges(history(busy_runner(), stale), {}, limit=20))


def test_safety_can_be_snoozed_but_not_turned_off() -> None:
    low = history([], [CheckIn(day=day(d), mood=3) for d in range(10)])
    off = {"MOOD-LOW": CoachChoice("MOOD-LOW", disabled=True)}
    assert ids(nudges(low, off))[0] == "MOOD-LOW"
    snoozed = {"MOOD-LOW": CoachChoice("MOOD-LOW", snoozed_until=TODAY)}
    assert "MOOD-LOW" not in ids(nudges(low, snoozed))


def test_cap_of_three() -> None:
    assert len(nudges(history(busy_runner()), {})) == 3
