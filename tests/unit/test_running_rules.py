"""The running rules, each just inside and just outside its trigger (docs/coach.md)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from runjournal.coach import running_rules as rr
from runjournal.coach.engine import with_sources
from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.sources import SOURCES
from runjournal.domain.model import Activity, Company, Run, Settings

TODAY = date(2026, 3, 18)  # a Wednesday
VETERAN = Settings(started_running=TODAY - timedelta(days=365))


def run(days_ago: int, minutes: float = 30, **fields: object) -> Run:
    return Run(day=TODAY - timedelta(days=days_ago), duration_s=minutes * 60, **fields)  # type: ignore[arg-type]


def hist(*runs: Run, settings: Settings = VETERAN) -> History:
    return History(
        today=TODAY, runs=tuple(sorted(runs, key=lambda r: r.day)), check_ins=(), settings=settings
    )


def fires(rule, h: History, level: Level) -> Nudge:
    nudge = rule(h)
    assert nudge is not None
    assert nudge.level is level
    return nudge


# --- SPIKE-RUN -----------------------------------------------------------------------------


def test_spike_at_11_percent_fires_with_the_first_band() -> None:
    n = fires(rr.spike_run, hist(run(20, distance_m=10_000), run(0, distance_m=11_100)), Level.CAUTION)
    assert n.rule_id == "SPIKE-RUN"
    assert n.numbers["increase_pct"] == 11.0
    assert n.numbers["band"] == "10–30 %"
    assert n.numbers["hazard_ratio"] == 1.64
    assert "11 %" in n.why and "11.1 km" in n.why


def test_spike_at_10_percent_is_silent() -> None:
    assert rr.spike_run(hist(run(20, distance_m=10_000), run(0, distance_m=11_000))) is None


@pytest.mark.parametrize(
    ("metres", "band", "hazard"), [(14_000, "30–100 %", 1.52), (25_000, "> 100 %", 2.28)]
)
def test_spike_bands(metres: float, band: str, hazard: float) -> None:
    n = fires(rr.spike_run, hist(run(10, distance_m=10_000), run(1, distance_m=metres)), Level.CAUTION)
    assert n.numbers["band"] == band
    assert n.numbers["hazard_ratio"] == hazard
    assert band in n.why


def test_spike_compares_minutes_when_a_distance_is_missing() -> None:
    n = fires(rr.spike_run, hist(run(5, 40, distance_m=8000), run(0, 50)), Level.CAUTION)
    assert n.numbers["compared_by"] == "minutes"
    assert n.numbers["increase_pct"] == 25.0
    assert rr.spike_run(hist(run(5, 40, distance_m=8000), run(0, 44))) is None


def test_spike_is_silent_without_runs_in_the_90_days_before_or_when_the_run_is_old() -> None:
    assert rr.spike_run(hist(run(91, distance_m=5000), run(0, distance_m=20_000))) is None
    assert rr.spike_run(hist(run(90, distance_m=5000), run(0, distance_m=20_000))) is not None
    assert rr.spike_run(hist(run(30, distance_m=5000), run(0, distance_m=20_000))) is not None
    assert rr.spike_run(hist(run(20, distance_m=5000), run(7, distance_m=20_000))) is None
    assert rr.spike_run(hist(run(0, distance_m=20_000))) is None


def test_spike_ignores_walks() -> None:
    walk = run(0, 120, activity=Activity.WALK, distance_m=12_000)
    assert rr.spike_run(hist(run(3, distance_m=5000), walk)) is None


# --- REST ----------------------------------------------------------------------------------


def test_rest_after_4_run_days_in_a_row() -> None:
    n = fires(rr.rest, hist(*(run(d) for d in range(4))), Level.CAUTION)
    assert n.rule_id == "REST"
    assert n.numbers["days_in_a_row"] == 4
    assert "4 days" in n.why


def test_rest_silent_after_3_run_days_or_a_walk_day() -> None:
    assert rr.rest(hist(*(run(d) for d in range(3)))) is None
    assert rr.rest(hist(run(0), run(1), run(2, activity=Activity.WALK), run(3))) is None


def test_rest_in_the_first_8_weeks_after_2_days() -> None:
    new = Settings(started_running=TODAY - timedelta(days=10))
    n = fires(rr.rest, hist(run(0), run(1), settings=new), Level.CAUTION)
    assert n.numbers == {"days_in_a_row": 2, "first_8_weeks": True}
    assert rr.rest(hist(run(0), run(2), settings=new)) is None
    assert rr.rest(hist(run(0), settings=new)) is None
    # Without a start date, the first logged run marks the start.
    assert rr.rest(hist(run(0), run(1), settings=Settings())) is not None


# --- BE-GENTLE -----------------------------------------------------------------------------


def test_be_gentle_when_2_of_the_last_3_runs_felt_worse() -> None:
    worse_mood = {"mood_before": 6, "mood_after": 4}
    worse_stress = {"stress_before": 3, "stress_after": 5}
    h = hist(run(9, **worse_mood), run(5), run(3, **worse_mood), run(1, **worse_stress))
    n = fires(rr.be_gentle, h, Level.SUGGEST)
    assert n.numbers == {"runs_felt_worse": 2, "runs_looked_at": 3}


def test_be_gentle_silent_when_1_of_3_felt_worse() -> None:
    h = hist(run(5, mood_before=6, mood_after=4), run(3, mood_before=4, mood_after=7), run(1))
    assert rr.be_gentle(h) is None
    # The fourth-last run is not one of the last 3.
    assert (
        rr.be_gentle(hist(run(9, mood_before=6, mood_after=4), *[run(d) for d in (1, 3)], h.runs[0])) is None
    )


# --- EASY-SHARE ----------------------------------------------------------------------------


def test_easy_share_at_24_percent() -> None:
    h = hist(run(0, 24, effort=3), run(2, 26, effort=5), run(4, 25, effort=7), run(6, 25, effort=6))
    n = fires(rr.easy_share, h, Level.SUGGEST)
    assert n.numbers["easy_share_pct"] == 24.0
    assert n.numbers["runs"] == 4
    assert "24 %" in n.why


def test_easy_share_silent_at_25_percent_or_with_3_runs() -> None:
    e = {"effort": 5}
    assert (
        rr.easy_share(hist(run(0, 25, effort=4), run(2, 25, effort=5), run(4, 25, **e), run(6, 25, **e)))
        is None
    )
    assert rr.easy_share(hist(run(0, 25, effort=7), run(2, 25, **e), run(4, 25, **e))) is None
    # A run 14 days ago is outside the window.
    assert (
        rr.easy_share(hist(run(0, 25, effort=7), run(2, 25, **e), run(4, 25, **e), run(14, 25, **e))) is None
    )


# --- RAMP ----------------------------------------------------------------------------------


def test_ramp_55_days_after_the_first_run() -> None:
    n = fires(rr.ramp, hist(run(55), run(1), settings=Settings()), Level.SUGGEST)
    assert n.numbers["days_since_start"] == 55


def test_ramp_silent_56_days_after_the_first_run() -> None:
    assert rr.ramp(hist(run(56), run(1), settings=Settings())) is None
    assert rr.ramp(hist(settings=Settings())) is None


def test_ramp_prefers_the_start_date_in_settings() -> None:
    assert rr.ramp(hist(run(3), settings=VETERAN)) is None
    recent = Settings(started_running=TODAY - timedelta(days=20))
    n = rr.ramp(hist(settings=recent))
    assert n is not None and n.numbers["days_since_start"] == 20


# --- RETURN --------------------------------------------------------------------------------


def test_return_after_a_14_day_gap_following_4_runs() -> None:
    before = [run(d) for d in (35, 25, 20, 14)]
    n = fires(rr.return_, hist(*before), Level.SUGGEST)
    assert n.numbers["gap_days"] == 14 and n.numbers["runs_before_gap"] == 4
    # ...and on coming back, while the run back is in the last 7 days.
    n = fires(rr.return_, hist(*[run(d + 3) for d in (35, 25, 20, 14)], run(3)), Level.SUGGEST)
    assert n.numbers["gap_days"] == 14
    assert rr.return_(hist(*[run(d + 7) for d in (35, 25, 20, 14)], run(7))) is None


def test_return_silent_after_13_days_or_3_runs() -> None:
    assert rr.return_(hist(*[run(d) for d in (34, 24, 19, 13)])) is None
    assert rr.return_(hist(*[run(d) for d in (25, 20, 14)])) is None
    # The fourth run is more than 28 days before the gap.
    assert rr.return_(hist(*[run(d) for d in (42, 25, 20, 14)])) is None


# --- SOCIAL, MINDFUL, OUTSIDE --------------------------------------------------------------


def test_social_with_4_solo_runs_in_28_days() -> None:
    n = fires(rr.social, hist(*[run(d) for d in (0, 9, 18, 27)]), Level.SUGGEST)
    assert n.numbers["runs"] == 4


def test_social_silent_with_3_runs_or_company() -> None:
    assert rr.social(hist(*[run(d) for d in (0, 9, 18, 28)])) is None
    assert rr.social(hist(*[run(d) for d in (0, 9, 18)], run(27, company=Company.GROUP))) is None


def test_mindful_with_3_runs_in_14_days() -> None:
    n = fires(rr.mindful, hist(*[run(d) for d in (0, 6, 13)]), Level.SUGGEST)
    assert n.numbers["runs"] == 3


def test_mindful_silent_with_2_runs_or_one_mindful() -> None:
    assert rr.mindful(hist(*[run(d) for d in (0, 6, 14)])) is None
    assert rr.mindful(hist(run(0), run(6), run(13, mindful=True))) is None


def test_outside_with_3_indoor_runs() -> None:
    n = fires(rr.outside, hist(*[run(d, outdoor=False) for d in (0, 6, 13)]), Level.SUGGEST)
    assert n.numbers["indoor_runs"] == 3


def test_outside_silent_with_one_outdoor_run_or_2_runs() -> None:
    assert rr.outside(hist(run(0, outdoor=False), run(6, outdoor=False), run(13))) is None
    assert rr.outside(hist(run(0, outdoor=False), run(6, outdoor=False))) is None
    # An indoor walk is not a run.
    walk = run(3, outdoor=False, activity=Activity.WALK)
    assert rr.outside(hist(run(0, outdoor=False), run(6, outdoor=False), walk)) is None


# --- ROUTINE -------------------------------------------------------------------------------


def test_routine_with_a_run_in_each_of_4_iso_weeks() -> None:
    # Monday this week, and Sundays of the three weeks before.
    n = fires(rr.routine, hist(*[run(d) for d in (2, 3, 10, 17)]), Level.CELEBRATE)
    assert n.numbers["weeks_in_a_row"] == 4
    assert "4 weeks" in n.title


def test_routine_silent_with_3_weeks() -> None:
    assert rr.routine(hist(*[run(d) for d in (2, 3, 10)])) is None
    # A run four ISO weeks ago does not stand in for none three weeks ago.
    assert rr.routine(hist(*[run(d) for d in (2, 3, 10, 24)])) is None
    # No run yet this week.
    assert rr.routine(hist(*[run(d) for d in (3, 10, 17, 24)])) is None


def test_routine_counts_the_row_back_to_the_first_week_without_a_run() -> None:
    # Two runs a week for the ten weeks up to this one; a week with none before them; then
    # a year of weekly runs that do not belong to this row.
    recent = [run(d) for week in range(10) for d in (week * 7 + 1, week * 7 + 2)]
    older = [run(11 * 7 + 2 + week * 7) for week in range(52)]
    n = fires(rr.routine, hist(*recent, *older), Level.CELEBRATE)
    assert n.numbers["weeks_in_a_row"] == 10


# --- MILESTONE -----------------------------------------------------------------------------


def test_milestone_on_the_10th_run() -> None:
    n = fires(rr.milestone, hist(*[run(d, 20) for d in range(0, 30, 3)]), Level.CELEBRATE)
    assert n.numbers["run_number"] == 10
    assert "10th" in n.title


def test_milestone_silent_on_the_11th_run_or_an_old_10th() -> None:
    assert rr.milestone(hist(*[run(d, 20) for d in range(0, 33, 3)])) is None
    assert rr.milestone(hist(*[run(d, 20) for d in range(7, 37, 3)])) is None


@pytest.mark.parametrize(
    ("n", "fired"), [(1, True), (25, True), (50, True), (100, True), (120, False), (150, True)]
)
def test_milestone_numbers(n: int, fired: bool) -> None:
    h = hist(*[run(d, 5) for d in range(n)])
    assert (rr.milestone(h) is not None) is fired


def test_milestone_first_150_week_this_week_or_last() -> None:
    # 2 runs only: no run-count milestone, but the first 150 week (walks count).
    n = fires(
        rr.milestone, hist(run(20, 30), run(1, 100), run(0, 50, activity=Activity.WALK)), Level.CELEBRATE
    )
    assert n.numbers["first_goal_week"] == (TODAY - timedelta(days=2)).isoformat()
    assert "moderate-equivalent minutes" in n.title
    assert n.numbers["run_number"] is None
    assert rr.milestone(hist(run(20, 30), run(5, 150))) is not None  # last week
    assert rr.milestone(hist(run(20, 30), run(10, 150))) is None  # two weeks ago
    assert rr.milestone(hist(run(20, 150), run(1, 150))) is None  # not the first


# --- every rule ----------------------------------------------------------------------------

FIRING = {
    "SPIKE-RUN": hist(run(20, distance_m=5000), run(0, distance_m=11_000)),
    "REST": hist(*(run(d) for d in range(4))),
    "BE-GENTLE": hist(run(1, mood_before=6, mood_after=3), run(0, stress_before=2, stress_after=6)),
    "EASY-SHARE": hist(*(run(d, effort=6) for d in range(0, 8, 2))),
    "RAMP": hist(run(3), settings=Settings()),
    "RETURN": hist(*(run(d) for d in (30, 25, 20, 15)), run(0)),
    "SOCIAL": hist(*(run(d) for d in range(0, 20, 5))),
    "MINDFUL": hist(*(run(d) for d in range(3))),
    "OUTSIDE": hist(*(run(d, outdoor=False) for d in range(3))),
    "ROUTINE": hist(*(run(d) for d in range(0, 28, 7))),
    "MILESTONE": hist(run(0)),
}
NUDGES = [
    *(rule(FIRING[rule_id]) for rule_id, rule in rr.RUNNING_RULES),
    rr.milestone(hist(run(0), run(2, 200))),
]
FORBIDDEN = ("diagnose", "treat", "screen for", "prevent injury", "clinically proven", "failed", "streak")


def test_the_table_order_and_ids() -> None:
    assert [rule_id for rule_id, _ in rr.RUNNING_RULES] == list(FIRING)
    for (rule_id, _rule), nudge in zip(rr.RUNNING_RULES, NUDGES, strict=False):
        assert nudge is not None, rule_id
        assert nudge.rule_id == rule_id
        shown = with_sources(nudge)  # as the coach shows it
        assert shown.source and all(name in SOURCES for name in shown.sources), rule_id


@pytest.mark.parametrize("nudge", NUDGES, ids=lambda n: n.rule_id + "-" + n.level if n else "none")
def test_no_forbidden_words(nudge: Nudge | None) -> None:
    assert nudge is not None
    for text in (nudge.title, nudge.message, nudge.why):
        assert text.strip() and "\n" not in nudge.title
        for word in FORBIDDEN:
            assert word not in text.lower(), (word, text)
    assert re.search(r"\d", nudge.why), "why shows the person's own numbers"
