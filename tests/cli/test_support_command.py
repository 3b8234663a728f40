"""`runjournal support`, `coach` pointing to it on the hardest days, sources by short name in
the command line's words and JSON, and an ill check-in cleared from the command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from runjournal.coach.sources import SOURCES
from runjournal.domain.model import CheckIn, Run, SupportContact
from runjournal.service.journal import Journal

TODAY = date.today()
INTERNAL = re.compile(r"\b(seed|ours)\b", re.IGNORECASE)


def rj(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args, "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_support_prints_the_help_card_with_the_persons_contacts(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.save_support_contacts([SupportContact("Alex", "07700 900456", "best friend")])
    result = rj(path, "support")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Need support now?" in out
    assert "988" in out and "call or text" in out and "Samaritans 116 123" in out
    assert "findahelpline.com" in out and "emergency number" in out
    assert "Alex: 07700 900456 (best friend)" in out
    assert "Numbers last checked: 2026-11-21" in out
    assert "never contacts anyone" in out


def test_coach_names_runjournal_support_on_the_hardest_days_only(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.save_check_in(CheckIn(day=TODAY, mood=3))  # hard, not severe
    assert "runjournal support" not in rj(path, "coach").stdout
    with Journal.open(path) as journal:
        journal.save_check_in(CheckIn(day=TODAY, anxiety=9))  # severe
    out = rj(path, "coach").stdout
    assert "(HARD-DAY)" in out and "runjournal support" in out
    low = tmp_path / "low.sqlite"
    with Journal.open(low) as journal:
        for n in range(1, 12):
            journal.save_check_in(CheckIn(day=TODAY - timedelta(days=n), mood=4))
    out = rj(low, "coach").stdout
    assert "(MOOD-LOW)" in out and "runjournal support" in out


def test_coach_cites_short_names_and_no_internal_word(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        for n in range(0, 30):
            journal.log_run(
                Run(day=TODAY - timedelta(days=n), duration_s=1800 + 60 * n, effort=8, outdoor=False)
            )
    text = rj(path, "coach").stdout
    found = json.loads(rj(path, "coach", "--json").stdout)
    assert found and not INTERNAL.search(text) and not INTERNAL.search(json.dumps(found))
    for nudge in found:
        assert nudge["sources"] and all(name in SOURCES for name in nudge["sources"])
        assert nudge["source"] == "; ".join(nudge["sources"])
    assert "Sources:" in text or "Source:" in text


def test_an_empty_journal_is_welcomed_without_a_claim(tmp_path: Path) -> None:
    out = rj(tmp_path / "journal.sqlite", "coach").stdout
    assert "Welcome" in out and "working" not in out


def test_a_later_check_in_clears_ill_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    day = TODAY.isoformat()
    assert rj(path, "check-in", "--date", day, "--mood", "6", "--ill").returncode == 0
    with Journal.open(path) as journal:
        assert journal.check_in(TODAY).ill
    cleared = rj(path, "check-in", "--date", day, "--not-ill")
    assert cleared.returncode == 0, cleared.stderr
    assert "no longer ill or injured" in cleared.stdout
    with Journal.open(path) as journal:
        assert journal.check_in(TODAY).ill is False and journal.check_in(TODAY).mood == 6
    assert rj(path, "check-in", "--date", day, "--ill", "yes").returncode == 0
    assert rj(path, "check-in", "--date", day, "--ill", "no").returncode == 0
    with Journal.open(path) as journal:
        assert journal.check_in(TODAY).ill is False
    refused = rj(path, "check-in", "--date", day, "--ill", "maybe")
    assert refused.returncode == 1 and "neither yes nor no" in refused.stderr
