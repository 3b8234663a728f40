"""`runjournal insights`: comparisons with their intervals, or a plain word on why not yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def rj(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args, "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip


def test_two_years_of_entries_give_sourced_comparisons(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    assert rj(path, "demo", "--years", "2").returncode == 0
    result = rj(path, "insights", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    if payload["paused"]:  # the sample person may be in a low stretch today
        assert payload["insights"] == []
        return
    keys = {i["key"] for i in payload["insights"]}
    assert {"mood-run-days", "mood-change"} <= keys
    for insight in payload["insights"]:
        assert insight["low"] <= insight["difference"] <= insight["high"]
        assert "not proof of cause" in insight["caveat"]
    text = rj(path, "insights").stdout
    assert "95 % interval" in text and "not proof of cause" in text


def test_a_new_journal_says_what_is_needed(tmp_path: Path) -> None:
    result = rj(tmp_path / "journal.sqlite", "insights")
    assert result.returncode == 0 and "Not enough entries yet" in result.stdout
