"""`runjournal import check-ins.csv`: the days and tags of a check-ins export come back;
a day the journal already has differently is kept unless asked; bad rows are named."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from runjournal.domain.model import CheckIn
from runjournal.service.journal import Journal
from tests.cli.test_import_command import rj


def test_a_check_ins_export_imports_into_a_new_journal_with_its_tags(tmp_path: Path) -> None:
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    assert (
        rj("check-in", "--db", old, "--date", "2026-11-30", "--mood", "7", "--tag", "therapy").returncode == 0
    )
    assert rj("check-in", "--db", old, "--date", "2026-12-01", "--stress", "8", "--ill").returncode == 0
    assert rj("export", "--db", old, "-o", tmp_path / "c.csv", "--check-ins").returncode == 0

    result = rj("import", "--db", new, tmp_path / "c.csv")
    assert result.returncode == 0, result.stderr
    assert "check-ins: 2 new days." in result.stdout and "2 days stored." in result.stdout
    with Journal.open(old, create=False) as before, Journal.open(new, create=False) as after:
        assert after.check_ins() == before.check_ins()
        assert after.check_ins()[0].tags == ("therapy",)

    again = rj("import", "--db", new, tmp_path / "c.csv")
    assert again.returncode == 0 and "2 days already in your journal" in again.stdout


def test_a_differing_day_is_kept_unless_asked_and_bad_rows_are_named(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    assert rj("check-in", "--db", db, "--date", "2026-11-30", "--mood", "3").returncode == 0
    table = tmp_path / "c.csv"
    table.write_text("date,mood\n2026-11-30,8\n2026-11-31,5\n")

    kept = rj("import", "--db", db, table)
    assert kept.returncode == 1
    assert "Row 3: the date “2026-11-31” is not a day of the calendar. It was left out." in kept.stderr
    assert "Mon 30 Nov 2026: mood 3 → 8" in kept.stdout and "--replace-differing" in kept.stdout
    with Journal.open(db, create=False) as journal:
        assert journal.check_ins() == [CheckIn(date(2026, 11, 30), mood=3)]

    replaced = rj("import", "--db", db, table, "--replace-differing")
    assert replaced.returncode == 1
    with Journal.open(db, create=False) as journal:
        assert journal.check_ins() == [CheckIn(date(2026, 11, 30), mood=8)]


def test_a_table_with_unknown_columns_is_refused_whole(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    table = tmp_path / "c.csv"
    table.write_text("date,mood,weather\n2026-11-30,8,sunny\n")
    result = rj("import", "--db", db, table)
    assert result.returncode == 1
    assert "columns a check-ins table doesn't have (“weather”)" in result.stderr
    assert "Nothing was imported." in result.stderr


def test_with_json_each_row_of_the_table_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    assert rj("check-in", "--db", db, "--date", "2026-11-30", "--mood", "3").returncode == 0
    table = tmp_path / "c.csv"
    table.write_text("date,mood,tags\n2026-11-30,8,\n2026-11-29,5,therapy\n2026-11-28,11,\n")
    result = rj("import", "--db", db, table, "--json")
    assert result.returncode == 1
    record = json.loads(result.stdout)
    assert (record["kind"], record["stored"]) == ("check-ins", 1)
    assert [(e["row"], e["status"], e["reason"], e["differences"]) for e in record["entries"]] == [
        (2, "differs from your journal", None, "mood 3 → 8"),
        (3, "new", None, None),
        (4, "can't import", "Row 4: mood “11” is outside 1 to 10 (a whole number, or an empty cell).", None),
    ]
