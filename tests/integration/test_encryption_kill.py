"""Killing the app while it locks, re-locks or unlocks the journal leaves a whole journal.

A child process converts the journal back and forth (plain → locked → new passphrase →
plain …), printing a line at each step of a conversion. The test kills it with SIGKILL
just after a step chosen at random (seeded), then opens what is under the journal's name:
plain or with either passphrase, it must pass SQLite's integrity check and hold every
entry. The next round starts from whatever the killed one left, hidden half-made copies
included.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.storage import encryption

ROUNDS = 30
STEPS = 4  # the steps of one conversion the child announces
FIRST, SECOND = "first passphrase", "second passphrase"

pytestmark = [
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
    pytest.mark.slow,
]

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from runjournal.storage import encryption

    path = Path(sys.argv[1])
    locks = [None, "first passphrase", "second passphrase"]
    encryption.remember("first passphrase")
    encryption.remember("second passphrase")
    current = encryption.passphrase_for(path)

    def announced(name, step):
        def announcing(*args, **kwargs):
            print("step", name, flush=True)  # the test kills just after a chosen one of these
            return step(*args, **kwargs)
        return announcing

    # The steps of a conversion: clearing leftovers, proving the copy (made by then),
    # making it durable, and making its folder durable once it has replaced the journal.
    for name in ("clear_leftovers", "_prove", "fsync_file", "fsync_folder"):
        setattr(encryption, name, announced(name, getattr(encryption, name)))
    print("ready", flush=True)
    while True:
        following = locks[(locks.index(current) + 1) % len(locks)]
        encryption.convert(path, current, following)
        current = following
        print("converted", flush=True)
    """
)


def _fill(path: Path) -> tuple[list[Run], list[CheckIn]]:
    with Journal.open(path) as journal:
        for i in range(120):
            day = date(2024, 1, 1) + timedelta(days=i)
            journal.save_check_in(CheckIn(day=day, mood=1 + i % 10, note=f"kept through every kill {i}"))
            journal.log_run(Run(day=day, duration_s=1500 + i, distance_m=4000 + i, title=f"run {i}"))
        return journal.runs(), journal.check_ins()


def _what_is_there(path: Path) -> tuple[list[Run], list[CheckIn]]:
    encryption.forget_all()
    for passphrase in (None, FIRST, SECOND):
        try:
            opened = Journal.open(path, passphrase=passphrase, write=False)
        except encryption.WrongPassphrase:
            continue
        except encryption.PassphraseNeeded:
            continue
        with opened as journal:
            report = journal.check()
            assert report.ok, report.problems
            return journal.runs(), journal.check_ins()
    raise AssertionError(f"nothing opens {path} after the kill")


def test_a_conversion_killed_at_any_moment_leaves_a_whole_journal(journal_path: Path, test_seed: int) -> None:
    entries = _fill(journal_path)
    draw = random.Random(test_seed)
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    seen_kinds = set()
    for _ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(journal_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
        )
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n", child.stderr.read() if child.stderr else ""
        # Killed just after a step of one of the first four conversions, chosen at random:
        # while the copy is proved, made durable, swapped in, or as the next one starts.
        for _ in range(draw.randrange(1, 4 * STEPS + 1)):
            while (line := child.stdout.readline()) and not line.startswith("step"):
                pass
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert _what_is_there(journal_path) == entries
        seen_kinds.add(encryption.is_encrypted(journal_path))
    encryption.forget_all()
    assert seen_kinds == {True, False}  # the kills fell both before and after swaps
    leftovers = [p.name for p in journal_path.parent.iterdir() if p.name.endswith(encryption.CONVERTING)]
    assert len(leftovers) <= 1  # a killed round's half-made copy is cleared by the next one
