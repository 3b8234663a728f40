"""Runs kept between writes are never older than the journal: a read on a worker thread that
started before a write cannot store its copy after the write."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from runjournal.domain.model import Run
from runjournal.service.journal import Journal
from runjournal.storage.repositories import RunRepository

TODAY = date(2026, 11, 21)
WAIT_S = 10  # a generous limit on each hand-over: reached only if the test itself is broken


class PausedReads:
    """Makes `RunRepository.between` on one worker thread stop after reading, until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read_done = threading.Event()
        self.release = threading.Event()
        self.worker: threading.Thread | None = None
        original = RunRepository.between

        def between(
            repository: RunRepository, first: date | None = None, last: date | None = None
        ) -> list[Run]:
            runs = original(repository, first, last)
            if threading.current_thread() is self.worker:
                self.read_done.set()
                assert self.release.wait(WAIT_S), "the test never released the worker"
            return runs

        monkeypatch.setattr(RunRepository, "between", between)

    def run_on_worker(self, work: object) -> threading.Thread:
        failures: list[BaseException] = []

        def target() -> None:
            try:
                work()  # type: ignore[operator]
            except BaseException as error:  # handed back to the test below
                failures.append(error)

        self.worker = threading.Thread(target=target, name="worker")
        self.worker.failures = failures  # type: ignore[attr-defined]
        self.worker.start()
        assert self.read_done.wait(WAIT_S), "the worker never read the runs"
        return self.worker

    def finish(self) -> None:
        assert self.worker is not None
        self.release.set()
        self.worker.join(WAIT_S)
        assert not self.worker.is_alive()
        assert not self.worker.failures, self.worker.failures  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "worker_read",
    [
        pytest.param(lambda journal: journal.insights(TODAY), id="insights"),
        pytest.param(lambda journal: journal.runs(), id="every-run"),
        pytest.param(lambda journal: journal.coach_history(TODAY), id="coach-history"),
    ],
)
def test_a_run_logged_while_a_worker_reads_is_seen_by_every_later_read(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, worker_read
) -> None:
    journal.log_run(Run(day=TODAY - timedelta(days=2), duration_s=1800))
    paused = PausedReads(monkeypatch)
    paused.run_on_worker(lambda: worker_read(journal))  # reads one run, then waits

    second = journal.log_run(Run(day=TODAY, duration_s=1500))  # the window's thread writes
    paused.finish()  # the worker's copy, read before the write, comes back now

    assert len(journal.runs()) == 2
    assert journal.latest_run(TODAY) == second
    assert len(journal.coach_history(TODAY).runs) == 2
    assert [r.day for r in journal.coach_history(TODAY).runs] == [TODAY - timedelta(days=2), TODAY]


def test_a_read_that_finishes_with_no_write_meanwhile_is_kept(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.log_run(Run(day=TODAY, duration_s=1800))
    journal.runs()  # kept now
    reads: list[int] = []
    original = RunRepository.between

    def counting(repository: RunRepository, first: date | None = None, last: date | None = None) -> list[Run]:
        if first is None:  # a read of every run (the coach reads only recent weeks)
            reads.append(1)
        return original(repository, first, last)

    monkeypatch.setattr(RunRepository, "between", counting)
    assert len(journal.runs()) == 1 and journal.latest_run(TODAY) is not None
    journal.coach_history(TODAY)
    assert reads == []  # no read of every run again: the copy kept between writes


def test_a_read_between_a_writes_commit_and_its_notice_sees_the_new_run(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.log_run(Run(day=TODAY - timedelta(days=2), duration_s=1800))
    assert len(journal.runs()) == 1  # kept now
    committed, release = threading.Event(), threading.Event()
    original_emit = journal.changes.emit

    def slow_notice(change):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "writer":
            committed.set()
            assert release.wait(WAIT_S)
        original_emit(change)

    monkeypatch.setattr(journal.changes, "emit", slow_notice)
    writer = threading.Thread(target=lambda: journal.log_run(Run(day=TODAY, duration_s=1500)), name="writer")
    writer.start()
    assert committed.wait(WAIT_S), "the write never committed"
    try:
        # Stored, but nobody has been told yet: a read now already sees the run.
        assert len(journal.runs()) == 2
        assert [r.day for r in journal.coach_history(TODAY).runs] == [TODAY - timedelta(days=2), TODAY]
    finally:
        release.set()
        writer.join(WAIT_S)
    assert len(journal.runs()) == 2
