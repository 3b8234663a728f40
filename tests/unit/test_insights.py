"""The n-of-1 insights of docs/coach.md on seeded synthetic journals with known effects."""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from runjournal.domain.model import Activity, CheckIn, Run
from runjournal.insights import CAVEAT, SESSION_CAVEAT, Insight, Kind, Label, entries_from, insights
from runjournal.insights import comparisons as comparisons_module
from runjournal.insights.comparisons import effect_size_words, judge
from runjournal.insights.model import HEADLINE_WEIGHT, Adjustment
from runjournal.insights.stats import (
    adjusted_interval,
    block_resample_sums,
    choose_block,
    hedges_g,
    hedges_g_change,
    holm_tails,
    interval_at,
    t_quantile,
)
from runjournal.service.journal import Journal

TODAY = date(2025, 6, 30)
FORBIDDEN = ("diagnos", "treat", "screen for", "prevent injury", "clinically proven", "you must")
DAY_KEYS = ("mood-run-days", "anxiety-run-days", "stress-run-days", "mood-next-day", "sleep-night-before")


def found_in(
    runs: tuple[Run, ...] | list[Run], check_ins: tuple[CheckIn, ...] | list[CheckIn]
) -> dict[str, Insight]:
    return {i.key: i for i in insights(entries_from(runs, check_ins))}


def journal(
    days: int = 600,
    *,
    effect: float = 0.0,
    seed: int = 1,
    run_share: float = 0.4,
    sleep_effect: float = 0.0,
    sleep_sd: float = 0.8,
    anxiety_effect: float = 0.0,
) -> tuple[list[Run], list[CheckIn]]:
    """A check-in every day; runs on a random share of days; mood higher by `effect` on run days."""
    rng = np.random.default_rng(seed)
    start = TODAY - timedelta(days=days - 1)
    runs: list[Run] = []
    check_ins: list[CheckIn] = []
    for i in range(days):
        day = start + timedelta(days=i)
        ran = bool(rng.random() < run_share)
        mood = int(np.clip(round(6 + effect * ran + rng.normal(0, 1.2)), 1, 10))
        anxiety = int(np.clip(round(4 + anxiety_effect * ran + rng.normal(0, 1.2)), 1, 10))
        stress = int(np.clip(round(4 + rng.normal(0, 1.2)), 1, 10))
        sleep = round(float(7 + sleep_effect * ran + rng.normal(0, sleep_sd)), 2)
        check_ins.append(CheckIn(day=day, mood=mood, anxiety=anxiety, stress=stress, sleep_hours=sleep))
        if ran:
            runs.append(Run(day=day, duration_s=1800, effort=5))
        elif rng.random() < 0.2:  # other movement does not make a run day
            runs.append(Run(day=day, duration_s=1800, activity=Activity.WALK))
    return runs, check_ins


# --- statistics ----------------------------------------------------------------------------------


def test_hedges_g_matches_a_hand_computed_value() -> None:
    # Means 2 and 3, pooled SD 1, so d = -1; correction 1 - 3 / (4 * 6 - 9) = 0.8.
    assert hedges_g(np.array([1, 2, 3]), np.array([2, 3, 4])) == pytest.approx(-0.8)
    assert hedges_g(np.array([1]), np.array([2, 3])) is None
    assert hedges_g(np.array([2, 2]), np.array([2, 2])) is None
    # Mean 2, SD 1, n = 3: correction 1 - 3 / (4 * 2 - 1) = 4 / 7.
    assert hedges_g_change(np.array([1, 2, 3])) == pytest.approx(2 * 4 / 7)


def test_t_quantiles_match_published_tables() -> None:
    assert t_quantile(0.975, 10) == pytest.approx(2.228, abs=0.003)
    assert t_quantile(0.995, 5) == pytest.approx(4.032, abs=0.02)
    assert t_quantile(0.975, 1) == pytest.approx(12.706, abs=0.001)
    assert t_quantile(0.975, 2) == pytest.approx(4.303, abs=0.001)
    assert t_quantile(0.975, 10_000) == pytest.approx(1.960, abs=0.001)


def test_block_sums_repeat_with_a_seed_and_match_laying_the_days_out() -> None:
    rng = np.random.default_rng(3)
    columns = rng.normal(size=(95, 3))  # 95 days: 13 blocks of 7 and a cut one of 4
    first = block_resample_sums(columns, 7, resamples=50, seed=11)
    assert np.array_equal(first, block_resample_sums(columns, 7, resamples=50, seed=11))
    assert not np.array_equal(first, block_resample_sums(columns, 7, resamples=50, seed=12))
    # The same draws, laid out day by day.
    draws = np.random.default_rng(11)
    tails = draws.integers(0, 95 - 4 + 1, size=50)
    starts = draws.integers(0, 95 - 7 + 1, size=(50, 13))
    for row in range(50):
        days = [s + k for s in starts[row] for k in range(7)] + [tails[row] + k for k in range(4)]
        assert len(days) == 95
        assert first[row] == pytest.approx(columns[days].sum(axis=0), abs=1e-4)


def test_the_block_grows_when_days_stay_alike_for_weeks() -> None:
    rng = np.random.default_rng(5)
    noise = rng.normal(size=600)
    assert choose_block(noise).days == 7  # never shorter than a week
    assert choose_block(noise).variance_correction == pytest.approx(1.0, abs=0.1)
    spells = np.empty(600)
    level = 0.0
    for i in range(600):
        level = 0.9 * level + rng.normal()
        spells[i] = level
    alike = choose_block(spells)
    assert alike.days > 10
    assert alike.variance_correction > 1.0
    # Active and quiet weeks that last, with moods that linger: the pair needs longer blocks
    # than the same moods with runs on random days.
    weeks = np.repeat(rng.random(86) < 0.5, 7)[:600]
    clustered = choose_block(spells, np.where(rng.random(600) < np.where(weeks, 0.7, 0.1), 1.0, 0.0))
    random_days = choose_block(spells, (rng.random(600) < 0.4).astype(float))
    assert clustered.days > random_days.days


def test_intervals_widen_with_the_number_of_comparisons_shown() -> None:
    one = adjusted_interval(1.0, 0.2, family=1, blocks=30)
    ten = adjusted_interval(1.0, 0.2, family=10, blocks=30)
    assert ten[0] < one[0] < 1.0 < one[1] < ten[1]
    assert one == pytest.approx((1.0 - t_quantile(0.975, 29) * 0.2, 1.0 + t_quantile(0.975, 29) * 0.2))


def test_one_comparison_alone_keeps_its_plain_interval() -> None:
    tails = holm_tails(np.array([0.3]), np.array([0.2]), np.array([30]))
    assert tails == pytest.approx([0.05])
    assert interval_at(0.3, 0.2, tail=float(tails[0]), blocks=30) == adjusted_interval(
        0.3, 0.2, family=1, blocks=30
    )


def test_a_comparison_that_counts_twice_gets_twice_the_share() -> None:
    undecided = np.zeros(4)
    tails = holm_tails(undecided, np.ones(4), np.full(4, 30), np.array([2.0, 1, 1, 1]))
    assert tails == pytest.approx([0.02, 0.01, 0.01, 0.01])  # 2/5 and 1/5 of the 5 %
    assert holm_tails(undecided, np.ones(4), np.full(4, 30)) == pytest.approx([0.0125] * 4)


def test_a_decided_comparison_lets_the_others_be_judged_as_a_smaller_family() -> None:
    estimates = np.array([5.0, 2.6, 0.1, -0.2])  # in standard errors, 30 blocks each
    tails = holm_tails(estimates, np.ones(4), np.full(4, 30))
    # 5 is decided among four (0.05 / 4); 2.6 only once the family is three (0.05 / 3);
    # the last two are judged as a family of two and keep zero inside their ranges.
    assert tails == pytest.approx([0.0125, 0.05 / 3, 0.025, 0.025])
    assert interval_at(2.6, 1.0, tail=0.0125, blocks=30)[0] < 0  # inside the first step's range
    assert interval_at(2.6, 1.0, tail=0.05 / 3, blocks=30)[0] > 0  # outside the second's
    for j, decided in enumerate((True, True, False, False)):
        low, high = interval_at(float(estimates[j]), 1.0, tail=float(tails[j]), blocks=30)
        assert (low > 0 or high < 0) is decided  # every range agrees with its word


def test_a_decided_headline_passes_its_two_shares_on_to_the_rest() -> None:
    estimates = np.array([5.0, 2.6, 0.0, 0.0])
    tails = holm_tails(estimates, np.ones(4), np.full(4, 30), np.array([2.0, 1, 1, 1]))
    # 2.6 stays inside the first step's 1/5 share; once the headline is decided it has 1/3.
    assert tails == pytest.approx([0.02, 0.05 / 3, 0.025, 0.025])


def test_the_last_comparison_left_is_judged_alone() -> None:
    # Two clear ones decided together; 2.1 standard errors is then judged with the whole 5 %.
    tails = holm_tails(np.array([5.0, -5.0, 2.1]), np.ones(3), np.full(3, 30))
    assert tails == pytest.approx([0.05 / 3, 0.05 / 3, 0.05])
    assert interval_at(2.1, 1.0, tail=float(tails[2]), blocks=30)[0] > 0


def test_a_comparison_without_a_range_is_never_decided() -> None:
    tails = holm_tails(np.array([5.0, 1.0]), np.array([1.0, np.nan]), np.full(2, 30))
    assert tails == pytest.approx([0.025, 0.05])  # the other one is still judged, alone


def test_the_three_words_follow_the_spec() -> None:
    assert judge(0.8, 0.3, 1.3) is Label.CLEAR
    assert judge(-0.5, -0.9, -0.1) is Label.CLEAR
    assert judge(0.3, 0.1, 0.4) is Label.SMALL  # the interval leaves out zero, under half a unit
    assert judge(1.2, -0.1, 2.5) is Label.NONE
    assert judge(0.0, float("nan"), float("nan")) is Label.NONE


def test_effect_sizes_in_plain_words() -> None:
    assert effect_size_words(0.1) == "a very small difference for you"
    assert effect_size_words(-0.3) == "a small difference for you"
    assert effect_size_words(0.6) == "a medium difference for you"
    assert effect_size_words(1.1) == "a large difference for you"
    assert "do not vary" in effect_size_words(None)


# --- the run-day comparisons ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_known_run_day_effect_is_recovered_and_called_clear(seed: int) -> None:
    found = found_in(*journal(effect=1.0, seed=seed))
    mood = found["mood-run-days"]
    assert mood.difference == pytest.approx(1.0, abs=0.3)
    assert mood.low <= 1.0 <= mood.high
    assert mood.label is Label.CLEAR and mood.clear
    assert mood.hedges_g is not None and mood.hedges_g > 0.4
    assert mood.effect_size in ("a medium difference for you", "a large difference for you")
    assert mood.days_without is not None and mood.days_with + mood.days_without == 600
    assert mood.kind is Kind.RUN_DAYS and mood.caveat == CAVEAT
    assert re.fullmatch(
        r"On days you ran, your mood averaged \d\.\d out of 10, against \d\.\d on other days: "
        r"\d\.\d points higher \(likely range \+\d\.\d to \+\d\.\d points, allowing for chance "
        r"across the \d+ comparisons shown\)\.",
        mood.sentence,
    ), mood.sentence


def test_every_interval_is_adjusted_for_the_comparisons_shown() -> None:
    found = found_in(*journal(effect=1.0, seed=4))
    family = len(found)
    assert family == 5  # the five run-day comparisons; no moods before and after here
    shares = family - 1 + HEADLINE_WEIGHT  # mood on days you ran counts twice
    for insight in found.values():
        assert insight.family_size == family
        assert insight.adjustment is Adjustment.WEIGHTED_HOLM
        assert insight.weight == (HEADLINE_WEIGHT if insight.key == "mood-run-days" else 1.0)
        # Never narrower than one comparison alone, never wider than Bonferroni's share.
        assert 0.95 <= insight.level <= 1 - 0.05 * insight.weight / shares + 1e-12
        plain = adjusted_interval(insight.difference, insight.standard_error, family=1, blocks=insight.blocks)
        if insight.label is Label.NONE:  # judged in a family to the end: wider than alone
            assert insight.low < plain[0] and plain[1] < insight.high
        assert insight.block_days >= 7
    assert found["mood-run-days"].clear and not found["stress-run-days"].clear


def test_with_nothing_decided_each_comparison_gets_its_weighted_share_of_the_five_percent() -> None:
    # No relation anywhere: nothing leaves out zero, so every comparison is judged with the
    # whole family, the headline one with two shares of the 5 % and the others with one.
    found = found_in(*journal(effect=0.0, seed=2))
    shares = sum(i.weight for i in found.values())
    assert shares == len(found) - 1 + HEADLINE_WEIGHT
    for insight in found.values():
        assert insight.adjustment == "weighted-holm"
        assert insight.label is Label.NONE
        assert insight.level == pytest.approx(1 - 0.05 * insight.weight / shares), insight.key


def test_feelings_that_echo_each_other_still_show_no_pattern_where_there_is_none() -> None:
    # Anxiety and stress as mirror images of mood: the weighted shares hold whatever the
    # comparisons have in common, so the echo does not make a pattern appear.
    runs, check_ins = journal(seed=5)
    mirrored = [c.replace(anxiety=11 - c.mood, stress=11 - c.mood) for c in check_ins if c.mood is not None]
    found = found_in(runs, mirrored)
    assert {"mood-run-days", "anxiety-run-days", "stress-run-days"} <= found.keys()
    shares = sum(i.weight for i in found.values())
    for insight in found.values():
        assert insight.label is Label.NONE, insight.key
        assert insight.level == pytest.approx(1 - 0.05 * insight.weight / shares), insight.key


def test_once_a_headline_is_decided_the_rest_are_judged_as_a_smaller_family() -> None:
    found = found_in(*journal(effect=1.0, seed=4))
    mood = found["mood-run-days"]
    assert mood.clear
    others = [i for i in found.values() if i.label is Label.NONE]
    assert others
    # Mood on run days decided first with its two shares; its weight is freed for the rest.
    shares_left = sum(i.weight for i in found.values() if i.label is Label.NONE)
    for insight in others:
        assert insight.level == pytest.approx(1 - 0.05 * insight.weight / shares_left), insight.key
    assert mood.level == pytest.approx(1 - 0.05 * HEADLINE_WEIGHT / sum(i.weight for i in found.values()))


def test_no_effect_is_not_called_a_pattern() -> None:
    found = found_in(*journal(effect=0.0, seed=2))
    for key in DAY_KEYS:
        assert found[key].label is Label.NONE
        assert found[key].low < 0 < found[key].high


def test_a_small_steady_sleep_difference_is_small_but_consistent() -> None:
    # Half an hour is the line for "clear"; 0.25 h on 1500 days is steady but smaller.
    sleep = found_in(*journal(1500, sleep_effect=0.25, sleep_sd=0.3, seed=3))["sleep-night-before"]
    assert sleep.label is Label.SMALL
    assert sleep.low > 0 and sleep.difference < 0.5
    assert sleep.unit == "hours"
    assert re.search(r"0\.[23] hours \(about 1\d minutes\) more", sleep.sentence), sleep.sentence
    assert "no clear" not in sleep.sentence.lower()


def test_sleep_is_the_night_before_the_run_and_said_so() -> None:
    sleep = found_in(*journal(sleep_effect=0.8, seed=3))["sleep-night-before"]
    assert sleep.title == "Sleep the night before a run"
    assert sleep.label is Label.CLEAR
    assert sleep.sentence.startswith("The night before a run you slept")
    assert "hours" in sleep.sentence


def test_anxiety_and_stress_on_run_days_are_compared() -> None:
    found = found_in(*journal(anxiety_effect=-1.0, seed=6))
    assert found["anxiety-run-days"].label is Label.CLEAR
    assert found["anxiety-run-days"].difference == pytest.approx(-1.0, abs=0.3)
    assert "points lower" in found["anxiety-run-days"].sentence
    assert found["stress-run-days"].label is Label.NONE
    assert found["stress-run-days"].sentence.startswith("On days you ran, your stress averaged")


def test_next_day_mood_compares_the_day_after_a_run() -> None:
    # Mood is one point higher the day after a run, and not on the run day itself.
    rng = np.random.default_rng(11)
    start = TODAY - timedelta(days=499)
    ran = rng.random(500) < 0.4
    runs = [Run(day=start + timedelta(days=i), duration_s=1800) for i in range(500) if ran[i]]
    check_ins = [
        CheckIn(
            day=start + timedelta(days=i),
            mood=int(np.clip(round(6 + (i > 0 and ran[i - 1]) + rng.normal(0, 1.0)), 1, 10)),
        )
        for i in range(500)
    ]
    found = found_in(runs, check_ins)
    assert found["mood-next-day"].clear
    assert found["mood-next-day"].difference == pytest.approx(1.0, abs=0.3)
    assert not found["mood-run-days"].clear


def test_thirteen_run_days_are_not_enough() -> None:
    start = TODAY - timedelta(days=99)
    check_ins = [CheckIn(day=start + timedelta(days=i), mood=6, sleep_hours=7.0) for i in range(100)]
    runs = [Run(day=start + timedelta(days=7 * i), duration_s=1800) for i in range(13)]
    assert not set(DAY_KEYS) & found_in(runs, check_ins).keys()
    more = [*runs, Run(day=start + timedelta(days=95), duration_s=1800)]
    assert {"mood-run-days", "sleep-night-before"} <= found_in(more, check_ins).keys()


def _short_journal(span: int) -> tuple[list[Run], list[CheckIn]]:
    """Moods on every day of `span` days, with a run every other day."""
    start = TODAY - timedelta(days=span - 1)
    rng = np.random.default_rng(span)
    check_ins = [CheckIn(day=start + timedelta(days=i), mood=int(rng.integers(4, 9))) for i in range(span)]
    runs = [Run(day=start + timedelta(days=i), duration_s=1800) for i in range(0, span, 2)]
    return runs, check_ins


def test_a_27_day_span_is_not_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    # With one value a day, 14 + 14 days already span 28; lower the count to test the span alone.
    monkeypatch.setattr(comparisons_module, "MIN_DAYS_EACH", 5)
    assert "mood-run-days" not in found_in(*_short_journal(27))
    assert "mood-run-days" in found_in(*_short_journal(28))


def test_fourteen_days_of_each_kind_over_28_days_are_enough() -> None:
    assert "mood-run-days" not in found_in(*_short_journal(27))  # 14 run days, 13 others
    found = found_in(*_short_journal(28))
    assert (found["mood-run-days"].days_with, found["mood-run-days"].days_without) == (14, 14)
    assert all(np.isfinite([i.low, i.high]).all() for i in found.values())


# --- paused while MOOD-LOW is active (the service asks the coach) --------------------------------


def test_hidden_while_mood_low_is_active(tmp_path: Path) -> None:
    today = date.today()
    runs, check_ins = journal(effect=1.0)
    shift = today - TODAY
    runs = [r.replace(day=r.day + shift) for r in runs]
    ordinary = [CheckIn(day=c.day + shift, mood=c.mood, sleep_hours=c.sleep_hours) for c in check_ins]
    with Journal.open(tmp_path / "journal.sqlite") as opened:
        opened.add_entries(runs, ordinary[:-14])
        assert opened.insights(today)
        low_fortnight = [CheckIn(day=today - timedelta(days=back), mood=3) for back in range(12)]
        opened.add_entries([], low_fortnight)
        assert opened.insights(today) is None


# --- determinism ---------------------------------------------------------------------------------


def test_the_same_entries_give_the_same_intervals() -> None:
    first = found_in(*journal(effect=0.6, seed=4))
    assert first == found_in(*journal(effect=0.6, seed=4))
    assert first


# --- before and after ----------------------------------------------------------------------------


def _paired_runs() -> tuple[list[Run], list[CheckIn]]:
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
    for i in range(10):  # walks without an effort: too few to show on their own
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
    return sorted(runs, key=lambda r: r.day), []


def test_before_after_change_by_effort_band_and_activity() -> None:
    found = found_in(*_paired_runs())
    easy = found["mood-change-easy"]
    assert easy.days_with == 40 and easy.days_without is None
    assert easy.kind is Kind.BEFORE_AFTER and easy.caveat == SESSION_CAVEAT
    assert easy.label is Label.CLEAR
    assert easy.difference == pytest.approx(1.5, abs=0.3)
    assert easy.low <= easy.difference <= easy.high
    assert easy.block_days >= 7
    assert easy.sentence.startswith(
        "Across 40 easy-effort sessions where you noted your mood before and after"
    )
    assert "points up" in easy.sentence

    hard = found["mood-change-hard"]
    assert hard.days_with == 30 and hard.label is Label.NONE

    assert "mood-change-moderate" not in found  # the walks carry no effort: no band of their own
    assert "mood-change-walk" not in found
    # 70 runs of 80 sessions: leaving out only 10 walks, it would say what "all" says.
    assert "mood-change-run" not in found
    assert found["mood-change"].days_with == 80
    assert not set(DAY_KEYS) & found.keys()  # no check-ins at all


def test_before_after_intervals_come_from_blocks_of_days() -> None:
    # Changes that come in spells (a good fortnight of runs, then a flat one) are less certain
    # than the same changes in random order.
    rng = np.random.default_rng(2)
    start = TODAY - timedelta(days=299)
    spells = np.repeat(rng.normal(1.0, 1.2, 20), 15)
    shuffled = rng.permutation(spells)

    def sessions(changes: np.ndarray) -> list[Run]:
        return [
            Run(day=start + timedelta(days=i), duration_s=1800, effort=5, mood_before=4,
                mood_after=int(np.clip(round(4 + c), 1, 10)))
            for i, c in enumerate(changes)
        ]  # fmt: skip

    in_spells = found_in(sessions(spells), [])["mood-change"]
    in_random_order = found_in(sessions(shuffled), [])["mood-change"]
    assert in_spells.block_days > 7
    assert in_spells.high - in_spells.low > 1.5 * (in_random_order.high - in_random_order.low)


# --- honesty across the family (the small version of tests/benchmarks/insights_honesty.py) -------


def _honesty():  # type: ignore[no-untyped-def]
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "insights_honesty.py"
    spec = importlib.util.spec_from_file_location("insights_honesty", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["insights_honesty"] = module
    spec.loader.exec_module(module)
    return module


def test_journals_with_no_relation_rarely_show_a_pattern_and_real_ones_are_found() -> None:
    honesty = _honesty()
    honesty.TRUTH_DAYS = 200_000  # enough for a truth within a few hundredths
    tallies = honesty.run(seeds=60, days=150, workers=1, conditions=[0, 1, 3])
    for name in ("no relation, random runs", "no relation, clustered runs"):
        none = tallies[name]
        assert none.any_clear / none.journals <= 0.1, name
        assert none.covered / none.intervals >= 0.95, name
        assert none.covered_95 / none.intervals >= 0.9, name
    real = tallies["real difference +1.0"]
    assert real.mood_clear_up / real.mood_shown >= 0.8
    assert real.change_clear_up / real.change_shown >= 0.85


# --- wording -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "entries",
    [journal(effect=1.0), journal(seed=2), journal(sleep_effect=0.8, seed=3), _paired_runs()],
    ids=["effect", "no-effect", "sleep", "before-after"],
)
def test_wording_is_plain_and_carries_the_caveat_of_its_kind(
    entries: tuple[list[Run], list[CheckIn]],
) -> None:
    found = found_in(*entries)
    assert found
    for insight in found.values():
        assert insight.caveat == (CAVEAT if insight.kind is Kind.RUN_DAYS else SESSION_CAVEAT)
        text = f"{insight.title} {insight.sentence} {insight.caveat} {insight.effect_size}".lower()
        assert not [word for word in FORBIDDEN if word in text], insight.sentence
        assert "nan" not in insight.sentence
    assert "not proof of cause" in CAVEAT and "good days may also make running more likely" in CAVEAT
    assert "the same sessions, not days with and without" in SESSION_CAVEAT


def test_sessions_crowded_into_a_few_days_are_not_enough() -> None:
    # Fourteen sessions on one day (or within a week) cannot show how a change varies over
    # time: a block bootstrap over them would give a range of zero width.
    day = TODAY - timedelta(days=40)
    crowded = [
        Run(day=day + timedelta(days=i % 5), duration_s=600, mood_before=5, mood_after=5 + i % 3)
        for i in range(20)
    ]
    assert "mood-change" not in found_in(crowded, [])
    spread_out = [r.replace(day=day + timedelta(days=2 * i)) for i, r in enumerate(crowded)]
    change = found_in(spread_out, [])["mood-change"]
    assert change.low < change.difference < change.high
    assert "across the 1 comparison shown" in change.sentence
