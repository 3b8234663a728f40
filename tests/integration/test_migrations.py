"""Migrations: a fresh journal, an older journal brought up to date, and a newer one refused."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from runjournal.domain.model import CheckIn
from runjournal.service.journal import Journal, JournalError
from runjournal.storage.backup.inspect import NewerJournalError
from runjournal.storage.database import make_engine
from runjournal.storage.migrate import script_revisions, upgrade
from runjournal.storage.schema import HEAD, KNOWN_REVISIONS
from runjournal.storage.tables import metadata


def test_the_known_revisions_match_the_migration_scripts() -> None:
    assert tuple(script_revisions()) == KNOWN_REVISIONS


def _schema(path: Path) -> dict[str, dict[str, object]]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        inspector = inspect(engine)
        return {
            table: {
                "columns": sorted(
                    (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
                ),
                "indexes": sorted(str(i["name"]) for i in inspector.get_indexes(table)),
            }
            for table in inspector.get_table_names()
            if table != "alembic_version"
        }
    finally:
        engine.dispose()


def test_migrations_build_exactly_the_tables_the_code_uses(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "migrated.sqlite"):
        pass
    engine = create_engine(f"sqlite:///{tmp_path / 'declared.sqlite'}")
    metadata.create_all(engine)
    engine.dispose()
    assert _schema(tmp_path / "migrated.sqlite") == _schema(tmp_path / "declared.sqlite")


def test_a_fresh_journal_is_at_the_newest_schema_with_wal(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        assert journal.upgrade_copy is None
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def _old_journal(path: Path) -> None:
    """A journal as the first released schema left it, with entries in it."""
    path.touch()
    engine = make_engine(path)
    upgrade(engine, "0001")
    engine.dispose()
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "INSERT INTO runs (day, activity, duration_s, distance_m, effort, company, outdoor, mindful,"
            " title, note, note_private, source) VALUES ('2026-11-02', 'run', 1800, 5000, 4, 'buddy',"
            " 1, 0, 'Sunday', 'Lovely', 0, 'manual')"
        )
        db.execute(
            "INSERT INTO check_ins (day, mood, sleep_hours, ill, note) VALUES ('2026-11-02', 7, 7.5, 0, '')"
        )
        db.execute("INSERT INTO settings VALUES ('weekly_minutes_goal', '180')")
        db.commit()


def test_an_older_journal_is_upgraded_with_nothing_lost_and_a_copy_kept(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _old_journal(path)
    with Journal.open(path) as journal:
        runs = journal.runs()
        assert [(r.day, r.duration_s, r.distance_m, r.effort, str(r.company), r.note) for r in runs] == [
            (date(2026, 11, 2), 1800.0, 5000.0, 4, "buddy", "Lovely")
        ]
        check_in = journal.check_in(date(2026, 11, 2))
        assert (check_in.mood, check_in.sleep_hours) == (7, 7.5)
        assert journal.settings().weekly_minutes_goal == 180
        # The new schema works: coach choices arrived with 0002.
        journal.snooze_rule("REST", date(2026, 11, 2))
        assert "REST" in journal.coach_choices()
        copy = journal.upgrade_copy
    assert copy is not None and copy.parent == tmp_path / "backups" and "before-upgrade-0001" in copy.name
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)


def test_a_journal_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        journal.save_check_in(CheckIn(day=date(2026, 11, 2), mood=6))
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099'")
        db.commit()
    before = path.read_bytes()
    with pytest.raises(NewerJournalError, match="newer version of RunJournal"):
        Journal.open(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_failed_migration_leaves_the_journal_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "journal.sqlite"
    _old_journal(path)
    before = path.read_bytes()

    def broken_upgrade(engine, revision="head"):
        with engine.connect() as connection:
            connection.info["write"] = True
            with connection.begin():
                connection.exec_driver_sql("CREATE TABLE half_done (x)")
                raise RuntimeError("disk trouble")

    monkeypatch.setattr("runjournal.storage.migrate.upgrade", broken_upgrade)
    with pytest.raises(JournalError, match="could not be brought up to date"):
        Journal.open(path)
    with closing(sqlite3.connect(path)) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)
    assert len(before) > 0
