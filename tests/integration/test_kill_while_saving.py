"""Killing the app while it saves never loses a save it reported done, nor leaves half of one.

A child process opens the journal and saves a stream of runs, check-ins and batches of runs,
printing a line after each call returns (the moment the window would say "Saved"). The test
kills it with SIGKILL after a random number of reported saves, inside the next one, checks a
copy of what is on disk (SQLite's integrity check, every reported save present with its
values, nothing partial), and lets the next child reopen the very same files, so every
round starts with SQLite recovering the write-ahead log a killed writer left behind.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal

ROUNDS = 25
BATCH = 10

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# The child: imports first, waits for "go" (so the next one can start while this one runs),
# then saves until it is killed. The records are a function of (round, i) alone, so the test
# can tell exactly what each one must hold.
CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from runjournal.domain.model import CheckIn, Run
    from runjournal.service.journal import Journal

    def run(r, i, k=None):
        tag = f"r{r} i{i}" if k is None else f"r{r} b{i} k{k}"
        return Run(
            day=date(2025, 1, 1) - timedelta(days=i % 365),
            duration_s=60.0 * (10 + i % 50) + r,
            distance_m=1000.0 + i,
            effort=1 + i % 10,
            mood_before=1 + r % 10,
            title=tag,
            note="saved by the kill test " + tag,
        )

    def check_in(r, i):
        return CheckIn(
            day=date(1920, 1, 1) + timedelta(days=r * 1000 + i),
            mood=1 + i % 10,
            sleep_hours=(i % 12) / 2,
            note=f"r{r} i{i}",
        )

    r = int(sys.argv[2])
    if sys.stdin.readline().strip() != "go":
        sys.exit(0)
    journal = Journal.open(sys.argv[1])
    print("writing", flush=True)
    i = 0
    while True:
        stored = journal.log_run(run(r, i))
        print(f"run {stored.id} {r} {i}", flush=True)
        if i % 3 == 0 and i < 1000:  # one day each, within the round's own 1000 days
            journal.save_check_in(check_in(r, i))
            print(f"check-in {r} {i}", flush=True)
        if i % 5 == 0:
            journal.add_entries([run(r, i, k) for k in range(BATCH)], [])
            print(f"batch {r} {i}", flush=True)
        i += 1
    """
).replace("BATCH", str(BATCH))


def expected_run(r: int, i: int, k: int | None = None) -> Run:
    tag = f"r{r} i{i}" if k is None else f"r{r} b{i} k{k}"
    return Run(
        day=date(2025, 1, 1) - timedelta(days=i % 365),
        duration_s=60.0 * (10 + i % 50) + r,
        distance_m=1000.0 + i,
        effort=1 + i % 10,
        mood_before=1 + r % 10,
        title=tag,
        note="saved by the kill test " + tag,
    )


def expected_check_in(r: int, i: int) -> CheckIn:
    return CheckIn(
        day=date(1920, 1, 1) + timedelta(days=r * 1000 + i),
        mood=1 + i % 10,
        sleep_hours=(i % 12) / 2,
        note=f"r{r} i{i}",
    )


def start_child(script: Path, path: Path, r: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(script), str(path), str(r)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def copy_of_disk(path: Path, into: Path) -> Path:
    """The journal and its write-ahead log as the killed process left them, copied so that
    checking them does not recover the log the next child must recover itself."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy2(f"{path}{suffix}", into / f"{path.name}{suffix}")
    return into / path.name


def check_round(copy: Path, r: int, lines: list[str], reported: dict[str, set]) -> None:
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for line in lines:
        kind, *fields = line.split()
        if kind == "run":
            reported["runs"].add((int(fields[0]), int(fields[1]), int(fields[2])))
        elif kind == "check-in":
            reported["check_ins"].add((int(fields[0]), int(fields[1])))
        elif kind == "batch":
            reported["batches"].add((int(fields[0]), int(fields[1])))

    with Journal.open(copy, create=False) as journal:
        runs = journal.runs()
        check_ins = journal.check_ins()
    by_id = {run.id: run for run in runs}

    # Every save reported done is there, with the values that were saved.
    for run_id, rr, i in reported["runs"]:
        assert by_id.get(run_id) == expected_run(rr, i).replace(id=run_id), f"run r{rr} i{i} lost"
    stored_check_ins = {c.day: c for c in check_ins}
    for rr, i in reported["check_ins"]:
        wanted = expected_check_in(rr, i)
        assert stored_check_ins.get(wanted.day) == wanted, f"check-in r{rr} i{i} lost"

    # Nothing partial: every stored record is whole, each batch is all there or not at all,
    # and only the one save in flight when the child died may be there unreported.
    batches: dict[tuple[int, int], int] = {}
    unreported = 0
    reported_ids = {run_id for run_id, _, _ in reported["runs"]}
    for run in runs:
        rr, what, *k = run.title.split()
        rr, n = int(rr[1:]), int(what[1:])
        if k:
            assert run.replace(id=None) == expected_run(rr, n, int(k[0][1:]))
            batches[rr, n] = batches.get((rr, n), 0) + 1
        else:
            assert run.replace(id=None) == expected_run(rr, n)
            unreported += run.id not in reported_ids
    for key, count in batches.items():
        assert count == BATCH, f"batch {key} is partial: {count} of {BATCH}"
        unreported += key not in reported["batches"]
    assert set(reported["batches"]) <= set(batches), "a batch reported saved is missing"
    for check_in in check_ins:
        rr, i = (int(part[1:]) for part in check_in.note.split())
        assert check_in == expected_check_in(rr, i)
        unreported += (rr, i) not in reported["check_ins"]
    assert unreported <= r + 1, "more unreported saves than rounds: something was saved twice"


@pytest.mark.slow
def test_killing_the_app_while_it_saves_loses_nothing_reported_and_leaves_no_half_record(
    tmp_path: Path, test_seed: int
) -> None:
    seed = test_seed  # RUNJOURNAL_TEST_SEED repeats the same moments of killing
    rng = random.Random(seed)
    script = tmp_path / "saver.py"
    script.write_text(CHILD, encoding="utf-8")
    path = tmp_path / "journal.sqlite"
    Journal.open(path).close()
    reported: dict[str, set] = {"runs": set(), "check_ins": set(), "batches": set()}

    upcoming: subprocess.Popen[str] | None = start_child(script, path, 0)
    for r in range(ROUNDS):
        child = upcoming
        assert child is not None and child.stdin is not None and child.stdout is not None
        assert child.stderr is not None
        child.stdin.write("go\n")
        child.stdin.flush()
        first = child.stdout.readline().strip()
        assert first == "writing", f"seed {seed}, round {r}: the child did not start: {child.stderr.read()}"
        upcoming = start_child(script, path, r + 1) if r + 1 < ROUNDS else None  # imports meanwhile
        # Killed while it goes on saving, just after a random number of saves it reported
        # done (none included): the kill lands inside the next run, check-in or batch.
        seen = [child.stdout.readline() for _ in range(rng.randrange(0, 40))]
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, f"seed {seed}, round {r}: the child stopped: {err}"

        copy = copy_of_disk(path, tmp_path / "copy")
        try:
            check_round(copy, r, "".join(seen).splitlines() + out.splitlines(), reported)
        except AssertionError as error:
            if upcoming is not None:
                upcoming.kill()
                upcoming.communicate()
            raise AssertionError(f"seed {seed}, round {r}: {error}") from error

    assert len(reported["runs"]) >= ROUNDS  # the children did get to save, many times
    with Journal.open(path, create=False) as journal:  # and the real file opens and is whole
        assert journal.check().ok
