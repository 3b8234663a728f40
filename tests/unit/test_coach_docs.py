"""docs/coach.md lists the rules and sources as built, so it cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from runjournal.coach.engine import PRIORITY
from runjournal.coach.sources import RULE_SOURCES, SOURCES, source_line

DOC = Path(__file__).resolve().parents[2] / "docs" / "coach.md"


def test_every_rule_is_documented_with_its_sources() -> None:
    text = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| ")}
    for rule_id in RULE_SOURCES:
        assert rule_id in rows, rule_id
        assert rows[rule_id].rstrip(" |").endswith(source_line(rule_id)), rule_id
    assert set(RULE_SOURCES) == {r for r in PRIORITY if not r.startswith("MILESTONE:")}


def test_every_source_is_spelled_out_in_full() -> None:
    text = DOC.read_text(encoding="utf-8")
    for short, full in SOURCES.items():
        assert f"| {short} | {full} |" in text, short
    assert "## Insights (n-of-1 statistics), as built" in text  # the statistics, as built
