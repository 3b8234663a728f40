"""A composite read (the charts' figures, the weekly page, the whole journal for export) is
one read transaction: it never mixes two states of the journal, even when the window's
thread writes while a worker reads. And the page and the charts draw the same figures from
the same rows."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings, SupportContact
from runjournal.domain.weeks import IsoWeek
from runjournal.figures.charts import ChartRange
from runjournal.formats.journal_json import JournalDocument
from runjournal.service.journal import Journal
from runjournal.storage.repositories import RunRepository

WEEK = IsoWeek(2026, 47)
TODAY = WEEK.sunday
WAIT_S = 10


def _fill(journal: Journal) -> None:
    monday = WEEK.monday
    runs = [
        Run(day=monday, duration_s=2400, effort=4, mood_before=5, mood_after=7, title="Park loop"),
        Run(day=monday + timedelta(days=2), duration_s=2100, effort=7, mood_before=4, mood_after=6),
        Run(day=monday + timedelta(days=2), duration_s=900, mood_before=6),
        Run(day=monday - timedelta(days=10), duration_s=1800, effort=5, mood_before=3, mood_after=5),
    ]
    check_ins = [
        CheckIn(day=monday - timedelta(days=i), mood=(i % 9) + 1, stress=3, sleep_hours=7 + (i % 3) / 2)
        for i in range(-6, 30)
        if i % 4
    ]
    journal.add_entries(runs, check_ins, Settings(week_start=0))


class ReadCounter:
    def __init__(self, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = 0
        original = journal._read

        def counting():  # type: ignore[no-untyped-def]
            self.opened += 1
            return original()

        monkeypatch.setattr(journal, "_read", counting)


@pytest.mark.parametrize(
    "composite",
    [
        pytest.param(lambda j: j.chart_data(ChartRange.ALL, TODAY), id="charts"),
        pytest.param(lambda j: j.week_report(WEEK, TODAY), id="weekly-page"),
        pytest.param(lambda j: j.read_everything(), id="whole-journal"),
    ],
)
def test_a_composite_read_is_one_read_transaction(journal: Journal, monkeypatch, composite) -> None:
    _fill(journal)
    counter = ReadCounter(journal, monkeypatch)
    composite(journal)
    assert counter.opened == 1


def test_the_whole_journal_read_while_the_window_writes_is_one_state(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add_entries([Run(day=TODAY, duration_s=1800)], [CheckIn(day=TODAY, mood=6)])
    journal.save_coach_choice(CoachChoice("SLEEP-SHORT", disabled=True))
    journal.save_support_contacts([SupportContact("Sam", "0123")])
    read_runs, release = threading.Event(), threading.Event()
    original = RunRepository.between
    worker_result: list[JournalDocument] = []

    def pausing(repository: RunRepository, first: date | None = None, last: date | None = None) -> list[Run]:
        runs = original(repository, first, last)
        if threading.current_thread().name == "export":
            read_runs.set()
            assert release.wait(WAIT_S)
        return runs

    monkeypatch.setattr(RunRepository, "between", pausing)
    worker = threading.Thread(target=lambda: worker_result.append(journal.read_everything()), name="export")
    worker.start()
    assert read_runs.wait(WAIT_S), "the whole-journal read never read the runs"
    # The window's thread writes meanwhile: one more run and check-in, in one transaction.
    journal.add_entries(
        [Run(day=TODAY - timedelta(days=1), duration_s=1200)],
        [CheckIn(day=TODAY - timedelta(days=1), mood=4)],
    )
    journal.save_support_contacts([])
    release.set()
    worker.join(WAIT_S)
    assert not worker.is_alive() and worker_result, "the whole-journal read did not finish"

    document = worker_result[0]
    assert len(document.runs) == 1 and len(document.check_ins) == 1  # both from before the write
    assert [c.name for c in document.support_contacts] == ["Sam"]
    assert [c.rule_id for c in document.coach_choices] == ["SLEEP-SHORT"]
    assert len(journal.read_everything().runs) == 2  # and a read after the write sees it


def test_the_whole_journal_read_holds_every_record(journal: Journal) -> None:
    _fill(journal)
    journal.save_coach_choice(CoachChoice("VOL-LOW", snoozed_until=TODAY))
    journal.save_support_contacts([SupportContact("Alex", "555", "evenings")])
    document = journal.read_everything()
    assert list(document.runs) == journal.runs()
    assert list(document.check_ins) == journal.check_ins()
    assert document.settings == journal.settings()
    assert list(document.coach_choices) == list(journal.coach_choices().values())
    assert list(document.support_contacts) == journal.support_contacts()
    assert list(document.sources) == journal.source_files()


def test_the_weekly_page_and_the_charts_draw_the_same_figures_for_the_same_days(journal: Journal) -> None:
    _fill(journal)
    report = journal.week_report(WEEK, TODAY)
    charts = journal.chart_data(ChartRange.ALL, TODAY)
    first = report.daily["mood"].first
    for name, series in report.daily.items():
        chart_series = charts.daily[name]
        assert [chart_series.value_on(d) for d in series.days] == list(series.values)
        assert [chart_series.rolling_on(d) for d in series.days] == pytest.approx(list(series.rolling))
    assert report.run_days == tuple(d for d in charts.run_days if first <= d <= WEEK.sunday)
    assert report.mood_changes == tuple(c for c in charts.mood_changes if WEEK.monday <= c.day <= WEEK.sunday)
    assert [c.title for c in report.mood_changes] == ["Park loop", ""]
    assert report.weeks[-1] == charts.weeks[-1]
