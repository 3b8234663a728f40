"""`runjournal coach`: the day's nudges from the person's own entries, with their sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from runjournal.domain.model import Run
from runjournal.service.journal import Journal

TODAY = date.today()


def coach(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", "coach", "--db", str(path), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_four_days_of_running_in_a_row_brings_a_rest_day_nudge(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        for days_ago in range(70, 10, -7):  # a steady runner for two months
            journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=1800, effort=4))
        for days_ago in range(4):
            journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=1800, effort=4))
    result = coach(path, "--json")
    assert result.returncode == 0, result.stderr
    nudges = json.loads(result.stdout)
    assert 1 <= len(nudges) <= 3
    rest = next(n for n in nudges if n["rule_id"] == "REST")
    assert rest["level"] == "caution" and rest["source"] and rest["why"]
    text = coach(path).stdout
    assert "(REST)" in text and "Sources: WebMD 2021; NHS Couch to 5K" in text and "Why:" in text


def test_a_snoozed_rule_stays_quiet(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        for days_ago in range(70, 10, -7):
            journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=1800, effort=4))
        for days_ago in range(4):
            journal.log_run(Run(day=TODAY - timedelta(days=days_ago), duration_s=1800, effort=4))
        assert "REST" in [n.rule_id for n in journal.nudges(TODAY)]
        choice = journal.snooze_rule("REST", TODAY)
        assert "REST" not in [n.rule_id for n in journal.nudges(TODAY)]
    assert choice.snoozed_until == TODAY + timedelta(days=6)  # quiet for 7 days, today included
    assert "REST" not in coach(path, "--json").stdout


def test_an_empty_journal_gets_a_kind_word_not_a_blank(tmp_path: Path) -> None:
    result = coach(tmp_path / "journal.sqlite")
    assert result.returncode == 0 and "Welcome" in result.stdout and "working" not in result.stdout


def test_a_bad_date_is_refused(tmp_path: Path) -> None:
    result = coach(tmp_path / "journal.sqlite", "--date", "soon")
    assert result.returncode == 1 and "is not a date" in result.stderr
