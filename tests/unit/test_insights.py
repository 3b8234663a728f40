"""The n-of-1 insights of docs/coach.md on seeded synthetic journals with known effects."""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pytest

from runjournal.coach.engine import mood_low_active
from runjournal.coach.model import History
from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.insights import CAVEAT, Insight, insights
from runjournal.insights import comparisons as comparisons_module
from runjournal.insights.stats import (
    block_bootstrap_interval,
    bootstrap_mean_interval,
    hedges_g,
    hedges_g_change,
    mean_difference,
)

TODAY = date(2025, 6, 30)
FORBIDDEN = ("diagnos", "treat", "screen for", "prevent injury", "clinically proven")
DAY_KEYS = ("mood-run-days", "mood-next-day", "sleep-run-days")


def journal(
    days: int = 600,
    *,
    effect: float = 0.0,
    seed: int = 1,
    run_share: float = 0.4,
    sleep_effect: float = 0.0,
) -> History:
    """A check-in every day; runs on a random share of days; mood higher by `effect` on run days."""
    rng = np.random.default_rng(seed)
    start = TODAY - timedelta(days=days - 1)
    runs: list[Run] = []
    check_ins: list[CheckIn] = []
    for i in range(days):
        day = start + timedelta(days=i)
        ran = bool(rng.random() < run_share)
        mood = int(np.clip(round(6 + effect * ran + rng.normal(0, 1.2)), 1, 10))
        sleep = round(float(7 + sleep_effect * ran + rng.normal(0, 0.8)), 1)
        check_ins.append(CheckIn(day=day, mood=mood, sleep_hours=sleep))
        if ran:
            runs.append(Run(day=day, duration_s=1800, effort=5))
        elif rng.random() < 0.2:  # other movement does not make a run day
            runs.append(Run(day=day, duration_s=1800, activity=Activity.WALK))
    return History(today=TODAY, runs=tuple(runs), check_ins=tuple(check_ins))


def by_key(found: list[Insight] | None) -> dict[str, Insight]:
    assert found is not None
    return {i.key: i for i in found}


# --- statistics ----------------------------------------------------------------------------------


def test_hedges_g_matches_a_hand_computed_value() -> None:
    # Means 2 and 3, pooled SD 1, so d = -1; correction 1 - 3 / (4 * 6 - 9) = 0.8.
    assert hedges_g([1, 2, 3], [2, 3, 4]) == pytest.approx(-0.8)
    assert hedges_g([1], [2, 3]) is None
    assert hedges_g([2, 2], [2, 2]) is None
    # Mean 2, SD 1, n = 3: correction 1 - 3 / (4 * 2 - 1) = 4 / 7.
    assert hedges_g_change([1, 2, 3]) == pytest.approx(2 * 4 / 7)


def test_mean_difference_ignores_days_of_the_other_group() -> None:
    a = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan]])
    b = np.array([[np.nan, 1.0, np.nan], [1.0, 1.0, np.nan]])
    result = mean_difference(a, b)
    assert result[0] == pytest.approx(1.0)
    assert np.isnan(result[1])


def test_block_bootstrap_repeats_with_a_seed_and_covers_a_known_difference() -> None:
    rng = np.random.default_rng(7)
    start = date(2020, 1, 1)
    labels = rng.random(400) < 0.5
    values = 5 + 1.0 * labels + rng.normal(0, 1, 400)
    a = {start + timedelta(days=i): v for i, (v, in_a) in enumerate(zip(values, labels, strict=True)) if in_a}
    b = {
        start + timedelta(days=i): v
        for i, (v, in_a) in enumerate(zip(values, labels, strict=True))
        if not in_a
    }
    first = block_bootstrap_interval(a, b, seed=3)
    assert first == block_bootstrap_interval(a, b, seed=3)
    assert first != block_bootstrap_interval(a, b, seed=4)
    low, high = first
    assert low < 1.0 < high
    assert high - low < 0.8


def test_the_fast_mean_difference_path_matches_the_general_one() -> None:
    rng = np.random.default_rng(8)
    start = date(2021, 3, 1)
    days = [start + timedelta(days=i) for i in range(95) if i % 4]  # gaps, and a cut last block
    in_a = rng.random(len(days)) < 0.4
    a = {d: float(rng.integers(1, 11)) for d, x in zip(days, in_a, strict=True) if x}
    b = {d: float(rng.integers(1, 11)) for d, x in zip(days, in_a, strict=True) if not x}
    fast = block_bootstrap_interval(a, b, seed=1)
    general = block_bootstrap_interval(a, b, lambda x, y: mean_difference(x, y), seed=1)
    assert fast == pytest.approx(general, abs=1e-9)


def test_block_bootstrap_refuses_a_day_in_both_groups_or_an_empty_group() -> None:
    day = date(2024, 1, 1)
    with pytest.raises(ValueError):
        block_bootstrap_interval({day: 1.0}, {day: 2.0})
    with pytest.raises(ValueError):
        block_bootstrap_interval({}, {day: 2.0})


def test_plain_bootstrap_repeats_and_covers_the_mean() -> None:
    values = np.random.default_rng(5).normal(1.0, 1.0, 60)
    low, high = bootstrap_mean_interval(values, seed=9)
    assert (low, high) == bootstrap_mean_interval(values, seed=9)
    assert low < values.mean() < high


# --- the day comparisons -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_known_run_day_effect_is_recovered_and_called_clear(seed: int) -> None:
    found = by_key(insights(journal(effect=1.0, seed=seed)))
    mood = found["mood-run-days"]
    assert mood.difference == pytest.approx(1.0, abs=0.3)
    assert mood.low <= 1.0 <= mood.high
    assert mood.clear
    assert mood.hedges_g is not None and mood.hedges_g > 0.4
    assert mood.days_with + mood.days_without == 600
    assert re.fullmatch(
        r"On days you ran, your mood averaged \d+\.\d against \d+\.\d on other days "
        r"\(\+\d\.\d points, 95 % interval \+\d\.\d to \+\d\.\d, \d+ and \d+ days\)\.",
        mood.sentence,
    )
    assert "no clear" not in mood.sentence


def test_no_effect_is_not_called_clear() -> None:
    found = by_key(insights(journal(effect=0.0, seed=2)))
    for key in DAY_KEYS:
        assert not found[key].clear
        assert "no clear difference" in found[key].sentence
    assert abs(found["mood-run-days"].difference) < 0.5


def test_a_sleep_difference_is_reported_in_hours() -> None:
    sleep = by_key(insights(journal(sleep_effect=0.8, seed=3)))["sleep-run-days"]
    assert sleep.clear
    assert sleep.difference == pytest.approx(0.8, abs=0.3)
    assert "hours" in sleep.sentence


def test_next_day_mood_compares_the_day_after_a_run() -> None:
    # Mood is one point higher the day after a run, and not on the run day itself.
    rng = np.random.default_rng(11)
    start = TODAY - timedelta(days=499)
    ran = rng.random(500) < 0.4
    runs = tuple(Run(day=start + timedelta(days=i), duration_s=1800) for i in range(500) if ran[i])
    check_ins = tuple(
        CheckIn(
            day=start + timedelta(days=i),
            mood=int(np.clip(round(6 + (i > 0 and ran[i - 1]) + rng.normal(0, 1.0)), 1, 10)),
        )
        for i in range(500)
    )
    found = by_key(insights(History(today=TODAY, runs=runs, check_ins=check_ins)))
    assert found["mood-next-day"].clear
    assert found["mood-next-day"].difference == pytest.approx(1.0, abs=0.3)
    assert not found["mood-run-days"].clear


def test_thirteen_run_days_are_not_enough() -> None:
    start = TODAY - timedelta(days=99)
    check_ins = tuple(CheckIn(day=start + timedelta(days=i), mood=6, sleep_hours=7.0) for i in range(100))
    runs = tuple(Run(day=start + timedelta(days=7 * i), duration_s=1800) for i in range(13))
    found = by_key(insights(History(today=TODAY, runs=runs, check_ins=check_ins)))
    assert not set(DAY_KEYS) & found.keys()

    more = (*runs, Run(day=start + timedelta(days=95), duration_s=1800))
    found = by_key(insights(History(today=TODAY, runs=more, check_ins=check_ins)))
    assert {"mood-run-days", "sleep-run-days"} <= found.keys()


def _short_journal(span: int) -> History:
    """Moods on every day of `span` days, with a run every other day."""
    start = TODAY - timedelta(days=span - 1)
    rng = np.random.default_rng(span)
    check_ins = tuple(
        CheckIn(day=start + timedelta(days=i), mood=int(rng.integers(4, 9))) for i in range(span)
    )
    runs = tuple(Run(day=start + timedelta(days=i), duration_s=1800) for i in range(0, span, 2))
    return History(today=TODAY, runs=runs, check_ins=check_ins)


def test_a_27_day_span_is_not_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    # With one value a day, 14 + 14 days already span 28; lower the count to test the span alone.
    monkeypatch.setattr(comparisons_module, "MIN_DAYS_EACH", 5)
    assert "mood-run-days" not in by_key(insights(_short_journal(27)))
    assert "mood-run-days" in by_key(insights(_short_journal(28)))


def test_fourteen_days_of_each_kind_over_28_days_are_enough() -> None:
    assert "mood-run-days" not in by_key(insights(_short_journal(27)))  # 14 run days, 13 others
    found = by_key(insights(_short_journal(28)))
    assert (found["mood-run-days"].days_with, found["mood-run-days"].days_without) == (14, 14)


# --- hidden while MOOD-LOW is active -------------------------------------------------------------


def test_hidden_while_mood_low_is_active() -> None:
    base = journal(effect=1.0)
    recent_first = TODAY - timedelta(days=13)
    low_days = tuple(
        CheckIn(day=recent_first + timedelta(days=i), mood=3, sleep_hours=7.0) for i in range(0, 14) if i % 7
    )  # 12 check-ins in the last 14 days, mood 3
    check_ins = (*(c for c in base.check_ins if c.day < recent_first), *low_days)
    low = History(today=TODAY, runs=base.runs, check_ins=check_ins)
    assert mood_low_active(low)
    assert insights(low) is None
    assert not mood_low_active(base)
    assert insights(base)


# --- determinism ---------------------------------------------------------------------------------


def test_the_same_entries_give_the_same_intervals() -> None:
    first = insights(journal(effect=0.6, seed=4))
    second = insights(journal(effect=0.6, seed=4))
    assert first == second
    assert first


# --- before and after ----------------------------------------------------------------------------


def _paired_runs() -> History:
    rng = np.random.default_rng(21)
    start = TODAY - timedelta(days=199)
    runs: list[Run] = []
    for i in range(40):  # easy: mood up by about 1.5
        before = int(rng.integers(3, 7))
        runs.append(
            Run(
                day=start + timedelta(days=i),
                duration_s=1800,
                effort=3,
                mood_before=before,
                mood_after=int(np.clip(before + round(1.5 + rng.normal(0, 0.8)), 1, 10)),
            )
        )
    for i in range(30):  # hard: no change on average
        before = int(rng.integers(4, 8))
        runs.append(
            Run(
                day=start + timedelta(days=50 + i),
                duration_s=2400,
                effort=8,
                mood_before=before,
                mood_after=int(np.clip(before + round(rng.normal(0, 1.0)), 1, 10)),
            )
        )
    for i in range(10):  # moderate: too few to show
        runs.append(
            Run(
                day=start + timedelta(days=100 + i),
                duration_s=1800,
                activity=Activity.WALK,
                mood_before=5,
                mood_after=6,
            )
        )
    # A session with only a mood before counts nowhere.
    runs.append(Run(day=start + timedelta(days=120), duration_s=1800, effort=3, mood_before=5))
    return History(today=TODAY, runs=tuple(sorted(runs, key=lambda r: r.day)), check_ins=())


def test_before_after_change_by_effort_band_and_activity() -> None:
    found = by_key(insights(_paired_runs()))
    easy = found["mood-change-easy"]
    assert easy.days_with == 40
    assert easy.days_without is None
    assert easy.clear
    assert easy.difference == pytest.approx(1.5, abs=0.3)
    assert easy.low <= easy.difference <= easy.high
    assert easy.sentence.startswith(
        "Across 40 easy-effort sessions where you noted your mood before and after"
    )

    hard = found["mood-change-hard"]
    assert hard.days_with == 30
    assert not hard.clear
    assert "no clear change" in hard.sentence

    assert "mood-change-moderate" not in found  # the 10 walks without an effort
    assert "mood-change-walk" not in found
    assert found["mood-change-run"].days_with == 70
    assert found["mood-change"].days_with == 80
    assert not set(DAY_KEYS) & found.keys()  # no check-ins at all


# --- wording -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "history",
    [journal(effect=1.0), journal(seed=2), journal(sleep_effect=0.8, seed=3), _paired_runs()],
    ids=["effect", "no-effect", "sleep", "before-after"],
)
def test_wording_is_plain_and_carries_the_caveat(history: History) -> None:
    found = insights(history)
    assert found
    for insight in found:
        assert insight.caveat == CAVEAT
        text = f"{insight.title} {insight.sentence} {insight.caveat}".lower()
        assert not [word for word in FORBIDDEN if word in text], insight.sentence
        assert "nan" not in insight.sentence
    assert CAVEAT == (
        "This is an association in your entries, not proof of cause — "
        "good days may also make running more likely."
    )
