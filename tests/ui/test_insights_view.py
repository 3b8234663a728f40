"""The Insights view works its numbers out in the background and shows what a person reads."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.insights.model import CAVEAT, SESSION_CAVEAT
from runjournal.samples import demo
from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.insights import InsightsView
from runjournal.ui.views.insights.insights_view import NOT_ENOUGH_TEXT, PAUSED_TEXT, SECTION_TITLES

TIMEOUT_MS = 20000


@pytest.fixture
def view(qtbot, journal):
    shown = InsightsView(JournalBridge(journal))
    shown.resize(900, 700)
    qtbot.addWidget(shown)
    return shown


def _show_and_wait(qtbot, view: InsightsView):
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS) as blocker:
        view.show()
    return blocker.args[0]


def _visible_texts(view: InsightsView) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]


def _add_demo(journal) -> None:
    d = demo.generate(2, end=date.today())
    journal.add_entries(d.runs, d.check_ins, d.settings)


def _add_known_entries(journal) -> None:
    """600 days ending today: mood a point higher on run days, sleep a quarter hour longer the
    night before a run, stress unrelated; easy runs lift mood by about a point and a half."""
    rng = np.random.default_rng(4)
    today = date.today()
    runs, check_ins = [], []
    for back in range(600):
        day = today - timedelta(days=back)
        ran = bool(rng.random() < 0.4)
        check_ins.append(
            CheckIn(
                day=day,
                mood=int(np.clip(round(6 + ran + rng.normal(0, 1.0)), 1, 10)),
                stress=int(np.clip(round(4 + rng.normal(0, 1.0)), 1, 10)),
                sleep_hours=round(float(7 + 0.25 * ran + rng.normal(0, 0.3)), 2),
            )
        )
        if ran:
            before = int(rng.integers(4, 7))
            after = int(np.clip(before + round(1.5 + rng.normal(0, 0.8)), 1, 10))
            runs.append(Run(day=day, duration_s=1800, effort=3, mood_before=before, mood_after=after))
    journal.add_entries(runs, check_ins)


def test_each_card_says_its_word_range_size_and_band_in_words_on_screen(qtbot, journal, view):
    _add_known_entries(journal)
    shown = _show_and_wait(qtbot, view)
    assert shown
    texts = _visible_texts(view)
    assert any(t.startswith("How to read these:") and f"shows {len(shown)} comparisons" in t for t in texts)
    assert SECTION_TITLES[shown[0].kind] in texts

    mood = view.card("mood-run-days")
    assert mood.verdict_label.text() == "Clear pattern"
    assert mood.sentence_label.text().startswith("On days you ran, your mood averaged")
    assert mood.range_label.text().startswith("Likely range of the difference: +")
    assert "Clear pattern: the whole likely range is above zero" in mood.range_label.text()
    assert "difference for you" in mood.size_label.text()
    assert "Shaded: less than half a point either way" in mood.band_label.text()
    assert mood.band_label.isVisibleTo(view)  # said on screen, not only in a tooltip
    assert mood.chart.axis_labels()[-1].endswith("pts")
    assert mood.caveat_label.text() == CAVEAT

    sleep = view.card("sleep-night-before")
    assert sleep.title_label.text() == "Sleep the night before a run"
    assert sleep.verdict_label.text() == "Small but consistent"
    assert "but the difference is under half an hour" in sleep.range_label.text()
    assert "half an hour either way" in sleep.band_label.text()
    assert sleep.chart.axis_labels()[-1].endswith("h")  # hours have their own axis
    assert (
        sleep.based_on_label.text().startswith("Based on ")
        and "nights before a run" in sleep.based_on_label.text()
    )

    assert view.card("stress-run-days").verdict_label.text() == "No clear pattern"
    assert "could be chance" in view.card("stress-run-days").range_label.text()

    change = view.card("mood-change")
    assert change.verdict_label.text() == "Clear pattern"
    assert change.caveat_label.text() == SESSION_CAVEAT
    assert SECTION_TITLES[change.insight.kind] in texts
    assert "Working out your insights…" not in texts


def test_two_years_of_a_sample_journal_show_cards_or_the_pause(qtbot, journal, view):
    _add_demo(journal)
    result = _show_and_wait(qtbot, view)
    texts = _visible_texts(view)
    if result is None:  # the sample person may be in a low stretch today
        assert PAUSED_TEXT in texts
        assert "Mood on days you ran" not in texts
    else:
        assert "Mood on days you ran" in texts
        assert {c.verdict_label.text() for c in view.cards} <= {
            "Clear pattern",
            "Small but consistent",
            "No clear pattern",
        }


def test_an_empty_journal_says_there_is_not_enough_yet(qtbot, view):
    assert _show_and_wait(qtbot, view) == []
    texts = _visible_texts(view)
    assert NOT_ENOUGH_TEXT in texts
    assert not any(t.startswith("How to read these:") for t in texts)


def test_working_text_shows_while_computing(qtbot, journal, view):
    _add_demo(journal)
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.show()
        assert "Working out your insights…" in _visible_texts(view)


def test_a_low_fortnight_pauses_insights_and_hides_every_card(qtbot, journal, view):
    _add_known_entries(journal)
    assert _show_and_wait(qtbot, view)
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS) as blocker:
        for back in range(12):
            journal.save_check_in(CheckIn(day=date.today() - timedelta(days=back), mood=3))
    assert blocker.args[0] is None
    texts = _visible_texts(view)
    assert PAUSED_TEXT in texts
    assert "Mood on days you ran" not in texts
    assert not any(t.startswith("How to read these:") for t in texts)


def test_new_entries_mark_a_visible_view_stale_and_it_recomputes(qtbot, journal, view):
    assert _show_and_wait(qtbot, view) == []
    assert not view.is_stale
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        _add_known_entries(journal)
        assert view.is_stale
    texts = _visible_texts(view)
    assert "Mood on days you ran" in texts
    assert NOT_ENOUGH_TEXT not in texts


def test_a_hidden_view_waits_until_it_is_shown(qtbot, journal, view, settle, timers_waiting):
    assert _show_and_wait(qtbot, view) == []
    view.hide()
    with qtbot.assertNotEmitted(view.insightsShown):
        journal.log_run(Run(day=date.today(), duration_s=1800))
        settle()
    assert _planned(timers_waiting(view)) == [] and not view.is_computing  # nothing planned for later
    assert view.is_stale
    _show_and_wait(qtbot, view)
    assert not view.is_stale


def test_showing_again_without_changes_does_not_recompute(qtbot, view, settle, timers_waiting):
    _show_and_wait(qtbot, view)
    view.hide()
    with qtbot.assertNotEmitted(view.insightsShown):
        view.show()
        settle()
    assert _planned(timers_waiting(view)) == [] and not view.is_computing


def test_only_the_newest_computation_is_shown(
    qtbot,
    journal: Journal,
    view: InsightsView,
    settle: Callable[[], None],
    timers_waiting: Callable[[object], list[int]],
) -> None:
    _add_demo(journal)
    emitted: list[object] = []
    view.insightsShown.connect(emitted.append)
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.show()
        view.refresh()
        view.refresh()
    settle()  # the older computations have finished and anything they sent has arrived
    assert len(emitted) == 1 and _planned(timers_waiting(view)) == []


def test_a_new_day_is_worked_out_again_even_with_no_new_entries(qtbot, journal, view):
    # MOOD-LOW looks at the last 14 days, so the pause can begin or end as days pass: the view
    # must not keep showing yesterday's answer when it is shown again on a new day.
    _add_known_entries(journal)
    assert _show_and_wait(qtbot, view)
    view.hide()
    tomorrow = date.today() + timedelta(days=1)
    view.today = lambda: tomorrow
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.show()
    assert view.computed_for == tomorrow


def test_a_view_left_open_past_midnight_works_the_new_day_out(qtbot, journal, view):
    _add_known_entries(journal)
    assert _show_and_wait(qtbot, view)
    tomorrow = date.today() + timedelta(days=1)
    view.today = lambda: tomorrow
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.check_the_day()  # what the view's minute timer calls
    assert view.computed_for == tomorrow


def _planned(timers: list[int]) -> list[int]:
    """What the view has planned besides its steady once-a-minute look at the date."""
    from runjournal.ui.views.insights.insights_view import DAY_CHECK_MS

    return [interval for interval in timers if interval != DAY_CHECK_MS]
