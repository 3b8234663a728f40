"""Restoring a backup takes its rows, never its schema: hostile and broken backups are made
here by hand, and a restore that fails leaves the journal exactly as it was."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.storage.backup.inspect import JournalError
from runjournal.storage.schema import HEAD

NOW = datetime(2026, 11, 22, 12, 0)


def _journal_with(path: Path, runs: int) -> Journal:
    journal = Journal.open(path)
    for i in range(runs):
        journal.log_run(
            Run(day=date(2026, 11, 1) + timedelta(days=i % 20), duration_s=1800 + i, note=f"n{i}")
        )
    journal.save_check_in(CheckIn(day=date(2026, 11, 1), mood=6))
    return journal


def _backup_of(journal: Journal, name: str) -> Path:
    return journal.backup(journal.path.parent / name).path


def _tamper(backup: Path, *statements: str) -> None:
    with closing(sqlite3.connect(backup)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


def _schema_objects(path: Path, kind: str) -> list[str]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))]


def test_a_trigger_in_a_backup_never_reaches_the_journal(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=78)
    backup = _backup_of(journal, "hostile.sqlite")
    _tamper(
        backup,
        "CREATE TRIGGER wipe AFTER INSERT ON runs BEGIN DELETE FROM runs WHERE id <> NEW.id; END",
        "CREATE VIEW everything AS SELECT * FROM runs",
        "CREATE INDEX ix_extra ON runs (note)",
    )
    with journal:
        journal.restore(backup)
        journal.log_run(Run(day=date(2026, 11, 21), duration_s=900))
        assert len(journal.runs()) == 79
        assert journal.check().ok and journal.check().runs == 79
    assert _schema_objects(journal.path, "trigger") == []
    assert _schema_objects(journal.path, "view") == []
    assert "ix_extra" not in _schema_objects(journal.path, "index")


def test_a_backup_that_would_bump_the_schema_leaves_a_journal_this_version_opens(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=3)
    backup = _backup_of(journal, "hostile.sqlite")
    _tamper(
        backup,
        "CREATE TRIGGER bump AFTER INSERT ON runs BEGIN UPDATE alembic_version SET version_num = '9999'; END",
        "PRAGMA user_version = 9999",
    )
    with journal:
        journal.restore(backup)
        journal.log_run(Run(day=date(2026, 11, 21), duration_s=900))
    with Journal.open(journal.path) as reopened:
        assert len(reopened.runs()) == 4
        assert reopened.check().revision == HEAD
    with closing(sqlite3.connect(journal.path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_backup_missing_a_column_is_refused_and_the_journal_kept(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=5)
    backup = _backup_of(journal, "broken.sqlite")
    _tamper(backup, "ALTER TABLE runs DROP COLUMN note")
    journal.log_run(Run(day=date(2026, 11, 25), duration_s=600, note="after the backup"))
    before = journal.runs()
    with journal:
        with pytest.raises(JournalError) as refused:
            journal.restore(backup)
        assert "note" in str(refused.value) and "nothing was changed" in str(refused.value).lower()
        assert journal.runs() == before
        journal.log_run(Run(day=date(2026, 11, 26), duration_s=600, note="still writable"))
        assert len(journal.runs()) == 7


def test_a_backup_that_cannot_be_brought_up_to_date_leaves_the_journal_as_it_was(
    tmp_path: Path, monkeypatch
) -> None:
    from runjournal.storage import migrate

    journal = _journal_with(tmp_path / "journal.sqlite", runs=4)
    backup = _backup_of(journal, "old.sqlite")
    _tamper(backup, "DROP TABLE source_files", "UPDATE alembic_version SET version_num = '0002'")
    journal.log_run(Run(day=date(2026, 11, 25), duration_s=600))
    journal.close()
    files_before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    real_upgrade = migrate.upgrade

    def failing(engine, revision: str = "head") -> None:
        if revision in ("head", HEAD):
            raise RuntimeError("the step to 0003 failed")
        real_upgrade(engine, revision)

    monkeypatch.setattr(migrate, "upgrade", failing)
    with Journal.open(journal.path) as reopened:
        with pytest.raises(JournalError) as refused:
            reopened.restore(backup)
        assert "nothing was changed" in str(refused.value).lower()
        assert len(reopened.runs()) == 5
    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == files_before
    # …and the same backup restores once its revision can be brought up to date.
    with Journal.open(journal.path) as reopened:
        reopened.restore(backup)
        assert len(reopened.runs()) == 4 and reopened.check().revision == HEAD


def test_the_command_line_restores_over_a_damaged_journal_and_keeps_the_damaged_file(
    journal_path: Path, capsys
) -> None:
    with _journal_with(journal_path, runs=6) as journal:
        backup = _backup_of(journal, "good.sqlite")
    data = bytearray(journal_path.read_bytes())
    data[100:4000] = os.urandom(3900)
    journal_path.write_bytes(bytes(data))
    assert main(["check"]) == 3
    capsys.readouterr()
    assert main(["restore", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "6 runs" in out
    with Journal.open(journal_path) as restored:
        assert len(restored.runs()) == 6 and restored.check().ok
    [kept] = journal_path.parent.glob("journal-damaged-*.sqlite")
    assert kept.read_bytes() == bytes(data) and kept.name in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_restoring_from_a_named_pipe_is_refused_at_once(journal_path: Path, tmp_path: Path) -> None:
    Journal.open(journal_path).close()
    pipe = tmp_path / "backup.sqlite"
    os.mkfifo(pipe)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-m", "runjournal", "restore", str(pipe)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_restoring_from_a_folder_is_refused_in_one_sentence(
    journal_path: Path, tmp_path: Path, capsys
) -> None:
    Journal.open(journal_path).close()
    before = journal_path.read_bytes()
    assert main(["restore", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "folder" in err and len(err.strip().splitlines()) == 1
    assert journal_path.read_bytes() == before


def test_a_backup_dated_in_the_future_does_not_stop_the_daily_backups(tmp_path: Path, caplog) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=2)
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o700)
    journal.backup(folder / "journal-20991231-030000-daily.sqlite")
    with caplog.at_level(logging.WARNING):
        made = journal.backup_if_due(NOW)
    assert made is not None and made.path.name.startswith("journal-20261122-120000-daily")
    assert "journal-20991231-030000-daily.sqlite" in caplog.text and "future" in caplog.text
    assert journal.backup_if_due(NOW + timedelta(hours=1)) is None
    assert (folder / "journal-20991231-030000-daily.sqlite").exists()  # kept, never deleted
    journal.close()


def _old_backups(journal: Journal, folder: Path, days: int) -> list[Path]:
    seed = journal.backup(journal.path.parent / "seed.sqlite").path
    made = []
    for i in range(days):
        target = folder / f"journal-{date(2024, 1, 1) + timedelta(days=i):%Y%m%d}-030000-daily.sqlite"
        target.write_bytes(seed.read_bytes())
        made.append(target)
    return made


def test_a_linked_backups_folder_is_refused_and_nothing_in_it_deleted(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=2)
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    files = _old_backups(journal, elsewhere, 40)
    (tmp_path / "backups").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(JournalError) as refused:
        journal.backup()
    assert "link" in str(refused.value)
    with pytest.raises(JournalError):
        journal.backup_if_due(NOW)
    assert sorted(elsewhere.iterdir()) == sorted(files)
    journal.close()


def test_rotation_deletes_only_regular_files_it_made_in_the_real_folder(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=2)
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o700)
    elsewhere = tmp_path / "mine"
    elsewhere.mkdir()
    target = elsewhere / "keep-me.sqlite"
    target.write_bytes(b"a person's file")
    _old_backups(journal, folder, 30)
    link = folder / "journal-20231201-030000-daily.sqlite"
    link.symlink_to(target)
    journal.backup_if_due(NOW)
    assert link.is_symlink() and target.read_bytes() == b"a person's file"
    journal.close()


def test_a_killed_backups_partial_file_is_cleared_at_the_next_backup(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=2)
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o700)
    left = folder / ".journal-20261120-030000-daily.sqlite.partial"
    left.write_bytes(b"half a backup")
    old = (NOW - timedelta(days=2)).timestamp()
    os.utime(left, (old, old))
    someone_elses = folder / ".notes.txt.partial"
    someone_elses.write_bytes(b"not ours")
    journal.backup()
    assert not left.exists()
    assert someone_elses.exists()
    journal.close()


def test_a_journal_left_at_an_unknown_schema_can_be_restored_from_its_saved_copy(
    journal_path: Path, capsys
) -> None:
    with _journal_with(journal_path, runs=3) as journal:
        saved = _backup_of(journal, "saved.sqlite")
    _tamper(journal_path, "UPDATE alembic_version SET version_num = '9999'", "PRAGMA user_version = 9999")
    left = journal_path.read_bytes()
    assert main(["log-run", "--minutes", "30"]) == 3
    capsys.readouterr()
    assert main(["restore", str(saved)]) == 0
    with Journal.open(journal_path) as restored:
        assert len(restored.runs()) == 3 and restored.check().revision == HEAD
    [kept] = journal_path.parent.glob("journal-damaged-*.sqlite")
    assert kept.read_bytes() == left


def test_a_backup_at_an_unknown_schema_is_refused_and_the_journal_kept(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=3)
    backup = _backup_of(journal, "newer.sqlite")
    _tamper(backup, "UPDATE alembic_version SET version_num = '9999'")
    with journal:
        with pytest.raises(JournalError, match="newer version"):
            journal.restore(backup)
        assert len(journal.runs()) == 3
        assert journal.backups() == []  # refused before anything was written


def test_a_backup_restores_where_there_is_no_journal_yet(tmp_path: Path, monkeypatch, capsys) -> None:
    with _journal_with(tmp_path / "old" / "journal.sqlite", runs=2) as journal:
        backup = _backup_of(journal, "copy.sqlite")
    fresh = tmp_path / "new computer" / "journal.sqlite"
    assert main(["restore", str(backup), "--db", str(fresh)]) == 0
    assert "There was no journal there before." in capsys.readouterr().out
    with Journal.open(fresh) as restored:
        assert len(restored.runs()) == 2


def test_a_backup_with_an_entry_the_app_cannot_read_is_refused(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite", runs=3)
    backup = _backup_of(journal, "odd.sqlite")
    _tamper(backup, "UPDATE runs SET day = 'the day after' WHERE id = 2")
    with journal:
        before = journal.runs()
        with pytest.raises(JournalError, match="cannot be read by RunJournal"):
            journal.restore(backup)
        assert journal.runs() == before


def test_a_restore_that_cannot_take_the_journals_place_leaves_the_folder_as_it_was(
    journal_path: Path, monkeypatch, capsys
) -> None:
    with _journal_with(journal_path, runs=2) as journal:
        backup = _backup_of(journal, "good.sqlite")
    journal_path.write_text("my running notes\n")
    folder_before = sorted(p.name for p in journal_path.parent.iterdir())
    real_replace = os.replace

    def refusing(source, target) -> None:
        if Path(target) == journal_path:
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", refusing)
    assert main(["restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert "left as it was" in err and len(err.strip().splitlines()) == 1
    assert journal_path.read_text() == "my running notes\n"
    assert sorted(p.name for p in journal_path.parent.iterdir()) == folder_before
