"""The listening rules (docs/coach.md): HARD-DAY, YOUR-LIFT, STRESS-HIGH, ANXIETY-HIGH,
each just inside and just outside its threshold, seen through the coach as a person sees it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.coach.engine import nudges
from runjournal.coach.model import History, Nudge
from runjournal.domain.model import CheckIn, Run, Settings

TODAY = date(2026, 12, 3)  # a Thursday
VETERAN = Settings(started_running=TODAY - timedelta(days=400))


def day(days_ago: int) -> date:
    return TODAY - timedelta(days=days_ago)


def check_in(days_ago: int, **fields: object) -> CheckIn:
    return CheckIn(day=day(days_ago), **fields)  # type: ignore[arg-type]


def lifted_runs(count: int, before: int = 4, after: int = 6, first_days_ago: int = 60) -> list[Run]:
    return [
        Run(
            day=day(first_days_ago - 3 * i),
            duration_s=1800,
            distance_m=5000,
            effort=4,
            mood_before=before,
            mood_after=after,
        )
        for i in range(count)
    ]


def shown(*check_ins: CheckIn, runs: list[Run] | None = None) -> dict[str, Nudge]:
    history = History(
        today=TODAY,
        runs=tuple(sorted(runs or [], key=lambda r: r.day)),
        check_ins=tuple(sorted(check_ins, key=lambda c: c.day)),
        settings=VETERAN,
    )
    return {n.rule_id: n for n in nudges(history, {}, limit=10)}


# --- HARD-DAY ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "fires"),
    [
        ({"mood": 3}, True),
        ({"mood": 4}, False),
        ({"anxiety": 8}, True),
        ({"anxiety": 7}, False),
        ({"stress": 8}, True),
        ({"stress": 7}, False),
        ({"mood": 4, "stress": 7, "anxiety": 7}, False),
    ],
)
def test_hard_day_at_its_thresholds(fields: dict[str, int], fires: bool) -> None:
    assert ("HARD-DAY" in shown(check_in(0, **fields))) is fires


def test_hard_day_is_a_care_card_that_says_what_was_recorded() -> None:
    card = shown(check_in(0, mood=3, stress=8))["HARD-DAY"]
    assert card.level == "care"
    assert "hard day" in card.message and "rest is fine" in card.message
    assert "mood 3" in card.why and "stress 8" in card.why and "today" in card.why


def test_hard_day_reads_yesterday_only_when_today_has_no_check_in() -> None:
    assert "HARD-DAY" in shown(check_in(1, mood=2))
    assert "HARD-DAY" not in shown(check_in(2, mood=2))  # older check-ins do not make today hard
    assert "HARD-DAY" not in shown(check_in(1, mood=2), check_in(0, mood=6))


@pytest.mark.parametrize(
    ("fields", "offers"),
    [
        ({"mood": 2}, True),
        ({"mood": 3}, False),
        ({"anxiety": 9}, True),
        ({"anxiety": 8}, False),
        ({"stress": 10}, False),
    ],
)
def test_a_severe_hard_day_carries_the_support_button(fields: dict[str, int], offers: bool) -> None:
    assert shown(check_in(0, **fields))["HARD-DAY"].offers_support is offers


def test_a_check_in_with_only_anxiety_recorded() -> None:
    cards = shown(check_in(0, anxiety=9))
    assert cards["HARD-DAY"].offers_support
    assert "anxiety 9" in cards["HARD-DAY"].why and "mood" not in cards["HARD-DAY"].why
    assert "MOOD-LOW" not in cards and "SLEEP-SHORT" not in cards
    assert "HARD-DAY" not in shown(check_in(0, anxiety=7))


# --- STRESS-HIGH and ANXIETY-HIGH ---------------------------------------------------------------


@pytest.mark.parametrize(("field", "rule_id"), [("stress", "STRESS-HIGH"), ("anxiety", "ANXIETY-HIGH")])
def test_a_high_week_needs_five_of_seven_days_with_a_mean_of_seven(field: str, rule_id: str) -> None:
    five_at_seven = [check_in(d, **{field: 7}) for d in range(2, 7)]  # days 2–6 back: not today's
    card = shown(*five_at_seven)[rule_id]
    assert card.level == "suggest" and "high this week" in card.title
    assert "5 days" in card.why and "7.0" in card.why
    assert rule_id not in shown(*five_at_seven[:4])  # 4 days recorded
    just_under = [*five_at_seven[:4], check_in(6, **{field: 6})]  # mean 6.8
    assert rule_id not in shown(*just_under)
    outside = [check_in(d, **{field: 9}) for d in range(3, 8)]  # one of them is 8 days back
    assert rule_id not in shown(*outside)


# --- YOUR-LIFT -------------------------------------------------------------------------------


def test_your_lift_shows_the_persons_own_lift_beside_a_hard_day() -> None:
    cards = shown(check_in(0, mood=2), runs=lifted_runs(5, before=4, after=5))  # exactly +1.0
    lift = cards["YOUR-LIFT"]
    assert lift.level == "care"
    assert "your last 5 sessions lifted your mood from 4.0 to 5.0" in lift.message
    assert "not a promise" in lift.message


def test_your_lift_needs_five_sessions_and_a_lift_of_one() -> None:
    assert "YOUR-LIFT" not in shown(check_in(0, mood=2), runs=lifted_runs(4))
    small = lifted_runs(5, before=4, after=5)
    small[0] = small[0].replace(mood_after=4)  # mean change +0.8
    assert "YOUR-LIFT" not in shown(check_in(0, mood=2), runs=small)
    old = lifted_runs(5, first_days_ago=110)  # all before the last 90 days
    assert "YOUR-LIFT" not in shown(check_in(0, mood=2), runs=old)


def test_your_lift_never_shows_on_its_own() -> None:
    assert "YOUR-LIFT" not in shown(check_in(0, mood=6), runs=lifted_runs(6))
