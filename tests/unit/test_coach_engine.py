"""The coach engine: choices, pauses, priority and the limit, with stand-in rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.coach.engine import (
    FIRST_RUN,
    PAUSED_BY_HARD_DAY,
    PAUSED_BY_MOOD_LOW,
    PRIORITY,
    mood_low_active,
    nudges,
)
from runjournal.coach.model import History, Level, Nudge
from runjournal.domain.model import CheckIn, CoachChoice

TODAY = date(2025, 6, 30)
TABLE_ORDER = (  # the order of docs/coach.md's table (version 2)
    "MOOD-LOW",
    "HARD-DAY",
    "YOUR-LIFT",
    "STRESS-HIGH",
    "ANXIETY-HIGH",
    "SPIKE-RUN",
    "REST",
    "RECOVER",
    "BE-GENTLE",
    "SLEEP-SHORT",
    "SLEEP-IRREG",
    "MILESTONE",
    "EASY-SHARE",
    "VOL",
    "FREQ",
    "RAMP",
    "RETURN",
    "SOCIAL",
    "MINDFUL",
    "OUTSIDE",
    "ROUTINE",
)
LEVELS = {"MOOD-LOW": Level.SAFETY, "SPIKE-RUN": Level.CAUTION, "REST": Level.CAUTION}
LEVELS |= {"HARD-DAY": Level.CARE, "YOUR-LIFT": Level.CARE}
LEVELS |= {"ROUTINE": Level.CELEBRATE, "MILESTONE": Level.CELEBRATE}


def fake(rule_id: str, level: Level | None = None, fires: bool = True):
    nudge = Nudge(rule_id, level or LEVELS.get(rule_id, Level.SUGGEST), rule_id, "m", "w", "s")
    return (rule_id, lambda history: nudge if fires else None)


def fakes(*ids: str):
    return [fake(rule_id) for rule_id in ids]


def history(*check_ins: CheckIn, today: date = TODAY) -> History:
    return History(today=today, runs=(), check_ins=check_ins)


def ids(shown: list[Nudge]) -> list[str]:
    return [n.rule_id for n in shown]


def test_priority_lists_every_rule_once() -> None:
    assert sorted(r for r in PRIORITY if r != FIRST_RUN) == sorted(TABLE_ORDER)
    assert PRIORITY[:11] == (
        "MOOD-LOW",
        "HARD-DAY",
        "YOUR-LIFT",
        "SPIKE-RUN",
        "REST",
        "RECOVER",
        FIRST_RUN,
        "BE-GENTLE",
        "STRESS-HIGH",
        "ANXIETY-HIGH",
        "SLEEP-SHORT",
    )


def test_nudges_come_in_priority_order() -> None:
    quiet_on_hard_days = [r for r in TABLE_ORDER if r not in ("MOOD-LOW", "HARD-DAY")]
    shown = nudges(history(), {}, limit=100, rules=fakes(*reversed(quiet_on_hard_days)))
    assert ids(shown) == [
        "YOUR-LIFT",  # beside STRESS-HIGH, which it answers
        "SPIKE-RUN",
        "REST",
        "RECOVER",
        "BE-GENTLE",
        "STRESS-HIGH",
        "ANXIETY-HIGH",
        "SLEEP-SHORT",
        "SLEEP-IRREG",
        "MILESTONE",
        "EASY-SHARE",
        "VOL",
        "FREQ",
        "RAMP",
        "RETURN",
        "SOCIAL",
        "MINDFUL",
        "OUTSIDE",
        "ROUTINE",
    ]


def test_your_lift_stays_away_when_nothing_it_answers_is_shown() -> None:
    rules = fakes("YOUR-LIFT", "SPIKE-RUN", "REST", "STRESS-HIGH")
    assert ids(nudges(history(), {}, limit=3, rules=rules)) == ["SPIKE-RUN", "REST", "STRESS-HIGH"]
    assert ids(nudges(history(), {}, limit=4, rules=rules)) == [
        "YOUR-LIFT",
        "SPIKE-RUN",
        "REST",
        "STRESS-HIGH",
    ]
    assert ids(nudges(history(), {}, rules=fakes("YOUR-LIFT", "SOCIAL"))) == ["SOCIAL"]


def test_safety_comes_first_whatever_its_rule() -> None:
    rules = [*fakes("REST", "SPIKE-RUN"), fake("NEW-SAFETY", Level.SAFETY), fake("MOOD-LOW")]
    assert ids(nudges(history(), {}, limit=10, rules=rules)) == [
        "MOOD-LOW",
        "NEW-SAFETY",
        "SPIKE-RUN",
        "REST",
    ]


def test_unknown_rules_come_last_in_the_order_given() -> None:
    rules = [fake("ZZZ"), fake("AAA"), fake("OUTSIDE")]
    assert ids(nudges(history(), {}, limit=10, rules=rules)) == ["OUTSIDE", "ZZZ", "AAA"]


def test_at_most_three_by_default() -> None:
    shown = nudges(history(), {}, rules=fakes("OUTSIDE", "SOCIAL", "REST", "SLEEP-SHORT", "SPIKE-RUN"))
    assert ids(shown) == ["SPIKE-RUN", "REST", "SLEEP-SHORT"]
    assert ids(nudges(history(), {}, limit=1, rules=fakes("OUTSIDE", "REST"))) == ["REST"]
    assert nudges(history(), {}, limit=0, rules=fakes("REST")) == []


def test_rules_that_do_not_fire_show_nothing() -> None:
    rules = [fake("REST", fires=False), fake("SOCIAL")]
    assert ids(nudges(history(), {}, rules=rules)) == ["SOCIAL"]
    assert nudges(history(), {}, rules=[]) == []


ILL_TODAY = CheckIn(day=TODAY, ill=True)


def test_while_ill_only_safety_care_and_recover_show() -> None:
    h = history(CheckIn(day=TODAY - timedelta(days=2)), ILL_TODAY)
    rules = [*fakes(*TABLE_ORDER), fake("OTHER-SAFETY", Level.SAFETY)]
    assert ids(nudges(h, {}, limit=100, rules=rules)) == [
        "MOOD-LOW",
        "OTHER-SAFETY",
        "HARD-DAY",
        "YOUR-LIFT",
        "RECOVER",
    ]


def test_the_latest_check_in_decides_whether_ill() -> None:
    h = history(CheckIn(day=TODAY - timedelta(days=2), ill=True), CheckIn(day=TODAY - timedelta(days=1)))
    assert ids(nudges(h, {}, rules=fakes("SPIKE-RUN", "REST"))) == ["SPIKE-RUN", "REST"]
    # Yesterday's ill check-in counts when today has none; an older one no longer does.
    h = history(CheckIn(day=TODAY - timedelta(days=1), ill=True))
    assert ids(nudges(h, {}, rules=fakes("SPIKE-RUN", "RECOVER"))) == ["RECOVER"]
    h = history(CheckIn(day=TODAY - timedelta(days=2), ill=True))
    assert ids(nudges(h, {}, rules=fakes("SPIKE-RUN"))) == ["SPIKE-RUN"]


def test_mood_low_pauses_vol_freq_easy_share_routine_milestone_only() -> None:
    rules = fakes(*(r for r in TABLE_ORDER if r != "HARD-DAY"))
    shown = ids(nudges(history(), {}, limit=100, rules=rules))
    assert {"VOL", "FREQ", "EASY-SHARE", "ROUTINE", "MILESTONE"} == PAUSED_BY_MOOD_LOW
    assert not set(shown) & PAUSED_BY_MOOD_LOW
    assert shown == [r for r in PRIORITY if r not in PAUSED_BY_MOOD_LOW | {FIRST_RUN, "HARD-DAY"}]


def test_a_hard_day_pauses_the_do_more_tips_only() -> None:
    rules = fakes(*(r for r in TABLE_ORDER if r != "MOOD-LOW"))
    shown = ids(nudges(history(), {}, limit=100, rules=rules))
    assert {"VOL", "FREQ", "EASY-SHARE", "RAMP", "ROUTINE", "MILESTONE"} == PAUSED_BY_HARD_DAY
    assert shown == [r for r in PRIORITY if r not in PAUSED_BY_HARD_DAY | {FIRST_RUN, "MOOD-LOW"}]


def test_without_mood_low_nothing_is_paused() -> None:
    rules = [fake("MOOD-LOW", fires=False), *fakes("VOL", "FREQ", "ROUTINE", "MILESTONE")]
    assert ids(nudges(history(), {}, limit=100, rules=rules)) == ["MILESTONE", "VOL", "FREQ", "ROUTINE"]


def test_a_snoozed_mood_low_still_pauses() -> None:
    choices = {"MOOD-LOW": CoachChoice("MOOD-LOW", snoozed_until=TODAY + timedelta(days=6))}
    assert ids(nudges(history(), choices, rules=fakes("MOOD-LOW", "VOL", "SOCIAL"))) == ["SOCIAL"]


@pytest.mark.parametrize(
    ("snoozed_until", "shown"),
    [
        (TODAY + timedelta(days=6), False),
        (TODAY, False),
        (TODAY - timedelta(days=1), True),  # today is the day after the snooze ends
        (None, True),
    ],
)
def test_a_snoozed_rule_is_hidden_through_its_last_day(snoozed_until: date | None, shown: bool) -> None:
    choices = {"SOCIAL": CoachChoice("SOCIAL", snoozed_until=snoozed_until)}
    result = ids(nudges(history(), choices, rules=fakes("SOCIAL", "OUTSIDE")))
    assert result == (["SOCIAL", "OUTSIDE"] if shown else ["OUTSIDE"])


def test_a_turned_off_rule_is_hidden() -> None:
    choices = {"REST": CoachChoice("REST", disabled=True), "SOCIAL": CoachChoice("SOCIAL")}
    assert ids(nudges(history(), choices, rules=fakes("REST", "SOCIAL"))) == ["SOCIAL"]


def test_a_hidden_rule_makes_room_for_the_next() -> None:
    choices = {"SPIKE-RUN": CoachChoice("SPIKE-RUN", disabled=True)}
    shown = nudges(history(), choices, rules=fakes("SPIKE-RUN", "REST", "BE-GENTLE", "SOCIAL", "OUTSIDE"))
    assert ids(shown) == ["REST", "BE-GENTLE", "SOCIAL"]


def test_mood_low_active_follows_the_entries() -> None:
    low = [CheckIn(day=TODAY - timedelta(days=i), mood=3) for i in range(10)]
    assert mood_low_active(history(*low))
    assert not mood_low_active(history(*low[:9]))
    assert not mood_low_active(history())


def test_the_default_rules_run_together() -> None:
    pytest.importorskip("runjournal.coach.running_rules")
    low = [CheckIn(day=TODAY - timedelta(days=i), mood=3, sleep_hours=5.0) for i in range(12)]
    shown = nudges(history(*low), {})
    assert shown[0].rule_id == "MOOD-LOW"
    assert len(shown) <= 3
