"""`runjournal insights`: comparisons with their intervals, or a plain word on why not yet."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal


def rj(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    return subprocess.run(
        [sys.executable, "-m", "runjournal", *args, "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip


def _known_journal(path: Path) -> None:
    """300 days ending today, mood a point higher on run days, moods noted around each run."""
    rng = np.random.default_rng(9)
    today = date.today()
    runs, check_ins = [], []
    for back in range(300):
        day = today - timedelta(days=back)
        ran = bool(rng.random() < 0.4)
        check_ins.append(
            CheckIn(
                day=day,
                mood=int(np.clip(round(6 + ran + rng.normal(0, 1.0)), 1, 10)),
                anxiety=int(np.clip(round(4 + rng.normal(0, 1.0)), 1, 10)),
                stress=int(np.clip(round(4 + rng.normal(0, 1.0)), 1, 10)),
                sleep_hours=round(float(7 + rng.normal(0, 0.6)), 1),
            )
        )
        if ran:
            before = int(rng.integers(4, 7))
            runs.append(
                Run(
                    day=day,
                    duration_s=1800,
                    effort=5,
                    mood_before=before,
                    mood_after=before + int(rng.integers(0, 3)),
                )
            )
    with Journal.open(path) as journal:
        journal.add_entries(runs, check_ins)


def test_json_carries_every_comparison_with_its_adjusted_interval_label_size_and_caveat(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite"
    _known_journal(path)
    result = rj(path, "insights", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["paused"] is False
    found = {i["key"]: i for i in payload["insights"]}
    assert set(found) == {
        "mood-run-days", "anxiety-run-days", "stress-run-days", "mood-next-day", "sleep-night-before",
        "mood-change",
    }  # fmt: skip
    for insight in found.values():
        assert insight["family_size"] == 6
        assert insight["adjustment"] == "weighted-holm"
        assert insight["weight"] == (2.0 if insight["key"] in ("mood-run-days", "mood-change") else 1.0)
        assert 0.95 <= insight["level"] <= 1 - 0.05 * insight["weight"] / 8 + 1e-12
        assert insight["low"] <= insight["difference"] <= insight["high"]
        assert insight["label"] in ("Clear pattern", "Small but consistent", "No clear pattern")
        assert insight["clear"] == (insight["label"] == "Clear pattern")
        assert insight["effect_size"].endswith("difference for you")
        assert insight["block_days"] >= 7
    assert found["mood-run-days"]["label"] == "Clear pattern"
    assert found["mood-run-days"]["unit"] == "points" and found["sleep-night-before"]["unit"] == "hours"
    assert "not proof of cause" in found["mood-run-days"]["caveat"]
    assert "the same sessions" in found["mood-change"]["caveat"]

    text = rj(path, "insights")
    assert text.returncode == 0, text.stderr
    assert "Mood on days you ran: Clear pattern" in text.stdout
    assert "Sleep the night before a run:" in text.stdout
    assert "likely range" in text.stdout and "not proof of cause" in text.stdout
    assert "difference for you" in text.stdout


def test_two_years_of_a_sample_journal_give_comparisons_or_the_pause(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    assert rj(path, "demo", "--years", "2").returncode == 0
    result = rj(path, "insights", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    if payload["paused"]:  # the sample person may be in a low stretch today
        assert payload["insights"] == []
        return
    assert {"mood-run-days", "mood-change"} <= {i["key"] for i in payload["insights"]}


def test_a_new_journal_says_what_is_needed(tmp_path: Path) -> None:
    result = rj(tmp_path / "journal.sqlite", "insights")
    assert result.returncode == 0 and "Not enough entries yet" in result.stdout
