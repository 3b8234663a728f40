"""The Insights view works its numbers out in the background and shows what a person reads."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from runjournal.samples import demo
from runjournal.domain.model import CheckIn, Run
from runjournal.insights.model import CAVEAT
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.insights import InsightsView
from runjournal.ui.views.insights.insights_view import NOT_ENOUGH_TEXT, PAUSED_TEXT

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


def test_two_years_of_entries_show_the_run_day_insight_and_the_caveat(qtbot, journal, view):
    _add_demo(journal)
    result = _show_and_wait(qtbot, view)
    texts = _visible_texts(view)
    if result is None:
        assert PAUSED_TEXT in texts
        assert "Mood on days you ran" not in texts
    else:
        assert "Mood on days you ran" in texts
        assert CAVEAT in texts
        card = view.card("mood-run-days")
        assert card is not None
        assert card.sentence_label.text().startswith("On days you ran, your mood averaged")
        assert card.verdict_label.text() in ("Clear pattern", "No clear pattern")
        assert card.based_on_label.text().startswith("Based on ")
        assert "Working out your insights…" not in texts


def test_an_empty_journal_says_there_is_not_enough_yet(qtbot, view):
    assert _show_and_wait(qtbot, view) == []
    texts = _visible_texts(view)
    assert NOT_ENOUGH_TEXT in texts
    assert CAVEAT not in texts


def test_working_text_shows_while_computing(qtbot, journal, view):
    _add_demo(journal)
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.show()
        assert "Working out your insights…" in _visible_texts(view)


def test_a_low_fortnight_pauses_insights(qtbot, journal, view):
    today = date.today()
    for back in range(12):
        journal.save_check_in(CheckIn(day=today - timedelta(days=back), mood=3))
    assert _show_and_wait(qtbot, view) is None
    assert PAUSED_TEXT in _visible_texts(view)


def test_new_entries_mark_a_visible_view_stale_and_it_recomputes(qtbot, journal, view):
    assert _show_and_wait(qtbot, view) == []
    assert not view.is_stale
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS) as blocker:
        _add_demo(journal)
        assert view.is_stale
    texts = _visible_texts(view)
    if blocker.args[0] is None:
        assert PAUSED_TEXT in texts
    else:
        assert "Mood on days you ran" in texts
        assert NOT_ENOUGH_TEXT not in texts


def test_a_hidden_view_waits_until_it_is_shown(qtbot, journal, view, settle, timers_waiting):
    assert _show_and_wait(qtbot, view) == []
    view.hide()
    with qtbot.assertNotEmitted(view.insightsShown):
        journal.log_run(Run(day=date.today(), duration_s=1800))
        settle()
    assert timers_waiting(view) == [] and not view.is_computing  # nothing planned for later
    assert view.is_stale
    _show_and_wait(qtbot, view)
    assert not view.is_stale


def test_showing_again_without_changes_does_not_recompute(qtbot, view, settle, timers_waiting):
    _show_and_wait(qtbot, view)
    view.hide()
    with qtbot.assertNotEmitted(view.insightsShown):
        view.show()
        settle()
    assert timers_waiting(view) == [] and not view.is_computing


def test_only_the_newest_computation_is_shown(qtbot, journal, view, settle, timers_waiting):
    _add_demo(journal)
    emitted: list[object] = []
    view.insightsShown.connect(emitted.append)
    with qtbot.waitSignal(view.insightsShown, timeout=TIMEOUT_MS):
        view.show()
        view.refresh()
        view.refresh()
    settle()  # the older computations have finished and anything they sent has arrived
    assert len(emitted) == 1 and timers_waiting(view) == []
