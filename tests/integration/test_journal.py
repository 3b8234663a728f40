"""The Journal service: one transaction per call, validation first, change notices after."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings, ValidationError
from runjournal.service.journal import Change, Journal, JournalError

DAY = date(2026, 10, 5)  # a Monday


def saved_id(run: Run) -> int:
    """The id the journal gave a run it stored."""
    assert run.id is not None
    return run.id


@pytest.fixture
def heard(journal: Journal) -> list[Change]:
    changes: list[Change] = []
    journal.changes.subscribe(changes.append)
    return changes


def test_log_edit_delete_and_undo_a_run(journal: Journal, heard: list[Change]) -> None:
    run = journal.log_run(Run(day=DAY, duration_s=1930, distance_m=5000, effort=3))
    assert journal.runs() == [run]
    edited = journal.update_run(run.replace(distance_m=5100.0))
    assert journal.run(saved_id(run)).distance_m == 5100.0
    deleted = journal.delete_run(saved_id(run))
    assert deleted == edited and journal.runs() == []
    restored = journal.log_run(deleted)  # undo: the run comes back under its old id
    assert restored.id == run.id and journal.runs() == [edited]
    assert heard == [Change.RUNS] * 4


def test_an_invalid_run_is_refused_whole_and_nothing_is_heard(journal: Journal, heard: list[Change]) -> None:
    with pytest.raises(ValidationError) as refused:
        journal.log_run(Run(day=DAY, duration_s=0, effort=11, mood_before=0))
    assert {p.field for p in refused.value.problems} == {"duration_s", "effort", "mood_before"}
    assert journal.runs() == [] and heard == []


def test_updating_or_deleting_a_missing_run_says_so(journal: Journal) -> None:
    ghost = Run(day=DAY, duration_s=600, id=42)
    with pytest.raises(KeyError):
        journal.update_run(ghost)
    with pytest.raises(KeyError):
        journal.delete_run(42)


def test_check_in_merges_nothing_and_an_empty_one_removes_the_day(
    journal: Journal, heard: list[Change]
) -> None:
    saved = journal.save_check_in(CheckIn(day=DAY, mood=6, stress=4))
    assert journal.check_in(DAY) == saved
    assert journal.save_check_in(CheckIn(day=DAY)) is None
    assert journal.check_in(DAY) is None
    assert heard == [Change.CHECK_INS, Change.CHECK_INS]
    assert journal.delete_check_in(DAY) is None


def test_check_ins_between_days(journal: Journal) -> None:
    for offset in range(10):
        journal.save_check_in(CheckIn(day=DAY + timedelta(days=offset), mood=offset % 10 + 1))
    found = journal.check_ins(DAY + timedelta(days=2), DAY + timedelta(days=4))
    assert [c.mood for c in found] == [3, 4, 5]


def test_settings_are_checked_and_kept(journal: Journal, heard: list[Change]) -> None:
    with pytest.raises(ValidationError):
        journal.save_settings(Settings(weekly_sessions_goal=0))
    journal.save_settings(Settings(weekly_minutes_goal=120))
    assert journal.settings().weekly_minutes_goal == 120
    assert heard == [Change.SETTINGS]


def test_snoozing_a_rule_keeps_it_quiet_for_seven_days(journal: Journal) -> None:
    choice = journal.snooze_rule("SLEEP-SHORT", DAY)
    assert choice.is_quiet_on(DAY + timedelta(days=6))
    assert not choice.is_quiet_on(DAY + timedelta(days=7))
    journal.save_coach_choice(CoachChoice("SOCIAL", disabled=True))
    assert set(journal.coach_choices()) == {"SLEEP-SHORT", "SOCIAL"}


def test_week_totals_include_empty_weeks(journal: Journal) -> None:
    journal.log_run(Run(day=DAY, duration_s=1800, effort=3))
    journal.log_run(Run(day=DAY + timedelta(days=14), duration_s=1200, effort=7))
    weeks = journal.week_totals(DAY + timedelta(days=2), DAY + timedelta(days=15))
    assert [w.week_start for w in weeks] == [DAY + timedelta(days=7 * i) for i in range(3)]
    assert [w.moderate_equivalent_minutes for w in weeks] == [30, 0, 40]


def test_week_totals_use_the_week_start_setting(journal: Journal) -> None:
    journal.save_settings(Settings(week_start=6))  # weeks from Sunday
    journal.log_run(Run(day=DAY, duration_s=1800))
    (week,) = journal.week_totals(DAY, DAY)
    assert week.week_start == DAY - timedelta(days=1) and week.sessions == 1


def test_add_entries_is_all_or_nothing(journal: Journal) -> None:
    good = [Run(day=DAY, duration_s=1800)]
    bad = [Run(day=DAY, duration_s=1800), Run(day=DAY, duration_s=-5)]
    with pytest.raises(ValidationError, match="Run on 2026-10-05"):
        journal.add_entries(bad, [CheckIn(day=DAY, mood=5)])
    assert journal.is_empty()
    assert journal.add_entries(good, [CheckIn(day=DAY, mood=5)]) == (1, 1)
    counts = journal.counts()
    assert (counts.runs, counts.check_ins, counts.first_day, counts.last_day) == (1, 1, DAY, DAY)


def test_backup_check_and_restore(journal: Journal, heard: list[Change]) -> None:
    first = journal.log_run(Run(day=DAY, duration_s=1800))
    backup = journal.backup()
    assert (backup.runs, backup.check_ins) == (1, 0)
    journal.log_run(Run(day=DAY, duration_s=900))
    before = journal.restore(backup.path)
    assert journal.runs() == [first]
    assert before.runs == 2 and "before-restore" in before.path.name
    assert journal.check().ok
    assert heard[-1] == Change.EVERYTHING
    # The journal keeps working after a restore.
    journal.log_run(Run(day=DAY, duration_s=600))
    assert len(journal.runs()) == 2


def test_restoring_something_that_is_not_a_backup_changes_nothing(journal: Journal, tmp_path: Path) -> None:
    journal.log_run(Run(day=DAY, duration_s=1800))
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("not a backup")
    with pytest.raises(JournalError, match="not a RunJournal journal"):
        journal.restore(bogus)
    assert len(journal.runs()) == 1
    assert not (journal.path.parent / "backups").exists()


def test_a_backup_cannot_overwrite_the_journal(journal: Journal) -> None:
    with pytest.raises(JournalError, match="over the journal itself"):
        journal.backup(journal.path)


def test_a_backup_is_one_whole_file(journal: Journal, tmp_path: Path) -> None:
    journal.log_run(Run(day=DAY, duration_s=1800))
    target = tmp_path / "elsewhere" / "copy.sqlite"
    info = journal.backup(target)
    assert info.path == target and not Path(f"{target}-wal").exists()
    with closing(sqlite3.connect(target)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)


def test_saved_entries_survive_reopening(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        journal.log_run(Run(day=DAY, duration_s=1800, note="Windy"))
        journal.save_check_in(CheckIn(day=DAY, mood=8))
    with Journal.open(journal_path) as journal:
        assert journal.runs()[0].note == "Windy"
        assert journal.check_in(DAY).mood == 8


def test_deleting_several_runs_and_putting_them_back(journal: Journal, heard: list[Change]) -> None:
    runs = [journal.log_run(Run(day=DAY, duration_s=600 * (i + 1))) for i in range(3)]
    assert journal.delete_runs([saved_id(runs[0]), saved_id(runs[2])]) == [runs[0], runs[2]]
    assert journal.runs() == [runs[1]]
    with pytest.raises(KeyError):
        journal.delete_runs([saved_id(runs[1]), 999])
    assert journal.runs() == [runs[1]]  # nothing deleted when one is missing
    journal.restore_runs([runs[0], runs[2]])
    assert sorted(journal.runs(), key=saved_id) == runs


def test_support_contacts_are_kept_in_the_journal(journal_path: Path) -> None:
    from runjournal.domain.model import SupportContact

    with Journal.open(journal_path) as journal:
        assert journal.support_contacts() == []
        journal.save_support_contacts([SupportContact("Sam", "07700 900123", "sister"), SupportContact("  ")])
    with Journal.open(journal_path) as journal:
        assert journal.support_contacts() == [SupportContact("Sam", "07700 900123", "sister")]
        assert journal.settings() == Settings()  # contacts never disturb the settings


def test_the_json_export_carries_the_support_contacts(journal: Journal, tmp_path: Path) -> None:
    import json

    from runjournal.domain.model import SupportContact
    from runjournal.service.export import export

    journal.save_support_contacts([SupportContact("Sam", "07700 900123")])
    export(journal, tmp_path / "all.json")
    document = json.loads((tmp_path / "all.json").read_text())
    assert document["support_contacts"] == [{"name": "Sam", "phone": "07700 900123", "note": ""}]


def test_the_latest_run_is_the_newest_up_to_the_day_asked(journal: Journal) -> None:
    assert journal.latest_run(date(2026, 11, 21)) is None
    journal.log_run(Run(day=date(2023, 1, 5), duration_s=1200))
    journal.log_run(Run(day=date(2026, 11, 20), duration_s=1500))
    assert journal.latest_run(date(2026, 11, 21)).duration_s == 1500  # type: ignore[union-attr]
    assert journal.latest_run(date(2026, 11, 19)).day == date(2023, 1, 5)  # type: ignore[union-attr]
    assert journal.latest_run(date(2022, 12, 31)) is None
