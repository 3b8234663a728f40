"""Automatic, rotated, checked backups on real files: "never lose an entry"."""

from __future__ import annotations

import os
import shutil
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from runjournal.storage.backup.backup import backup_due, last_backup, list_backups, prune_backups
from runjournal.storage.backup.rotation import (
    BEFORE_IMPORT,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    DAILY,
    MANUAL,
    keep,
    parse_name,
)

NOW = datetime(2026, 11, 22, 12, 0)  # a Sunday
FIRST = date(2025, 9, 22)  # 14 months of daily backups before NOW
LAST = NOW.date()


def _daily_names(first: date = FIRST, last: date = LAST) -> dict[date, str]:
    days = (last - first).days + 1
    return {
        first + timedelta(days=i): f"journal-{(first + timedelta(days=i)):%Y%m%d}-030000-daily.sqlite"
        for i in range(days)
    }


# What GFS keeps of one backup a day at 03:00 from FIRST to NOW, worked out by hand.
EXPECTED_DAYS = {
    # the 7 most recent days
    *(date(2026, 11, d) for d in range(16, 23)),
    # newest of the 4 most recent ISO weeks: this week's is Nov 22, then the Sundays before
    date(2026, 11, 15),
    date(2026, 11, 8),
    date(2026, 11, 1),
    # newest of the 12 most recent months: this month's is Nov 22, then each month's last day
    date(2026, 10, 31),
    date(2026, 9, 30),
    date(2026, 8, 31),
    date(2026, 7, 31),
    date(2026, 6, 30),
    date(2026, 5, 31),
    date(2026, 4, 30),
    date(2026, 3, 31),
    date(2026, 2, 28),
    date(2026, 1, 31),
    date(2025, 12, 31),
}


def _journal_with(path: Path, runs: int = 2, check_ins: int = 1) -> Journal:
    journal = Journal.open(path)
    for i in range(runs):
        journal.log_run(Run(day=date(2026, 11, 1) + timedelta(days=i), duration_s=1800 + i))
    for i in range(check_ins):
        journal.save_check_in(CheckIn(day=date(2026, 11, 1) + timedelta(days=i), mood=6))
    return journal


def _fill_folder(journal: Journal, names: list[str]) -> Path:
    """Copies of one real, checked backup under app-made names, as 14 months would leave."""
    seed = journal.backup(journal.path.parent / "seed.sqlite").path
    folder = journal.path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    for name in names:
        shutil.copyfile(seed, folder / name)
    seed.unlink()
    return folder


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 3000] = b"\xa5" * 3000
    path.write_bytes(bytes(data))


# The policy alone ----------------------------------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly_across_14_months() -> None:
    names = _daily_names()
    backups = [(Path(name), parse_name(name).made_at) for name in names.values()]  # type: ignore[union-attr]
    kept = keep(backups, NOW)
    assert kept == {Path(names[day]) for day in EXPECTED_DAYS}
    assert len(kept) == 7 + 3 + 11


def test_rotation_keeps_backups_before_an_action_for_30_days() -> None:
    names = {
        "journal-20261030-101500-before-restore.sqlite": True,  # 23 days old
        "journal-20261101-090000-before-upgrade-0002-to-0003.sqlite": True,
        "journal-20261025-090000-before-import-2.sqlite": True,
        "journal-20261010-101500-before-restore.sqlite": False,  # 43 days old
        "journal-20261011-101500-before-import.sqlite": False,
    }
    daily = _daily_names(date(2026, 10, 1))
    backups = [(Path(n), parse_name(n).made_at) for n in [*names, *daily.values()]]  # type: ignore[union-attr]
    kept = keep(backups, NOW)
    for name, stays in names.items():
        assert (Path(name) in kept) is stays, name


def test_only_good_backups_fill_the_slots_and_damaged_ones_are_never_chosen_for_deletion() -> None:
    names = list(_daily_names(date(2026, 11, 1)).values())
    good = [Path(names[3])]  # Nov 4 is the only copy that passes its check
    backups = [(Path(n), parse_name(n).made_at) for n in names]  # type: ignore[union-attr]
    assert keep(backups, NOW, good=good) == {Path(n) for n in names}
    assert keep(backups, NOW, good=[]) == {Path(n) for n in names}


def test_names_the_app_did_not_write_are_always_kept() -> None:
    others = [Path("my copy.sqlite"), Path("journal-before-holiday.sqlite"), Path("notes.txt")]
    backups = [(p, datetime(2020, 1, 1)) for p in others]
    assert keep(backups, NOW) == set(others)


@pytest.mark.parametrize(
    ("name", "kind", "reason"),
    [
        ("journal-20261122-071500.sqlite", MANUAL, ""),
        ("journal-20261122-071500-3.sqlite", MANUAL, ""),
        ("journal-20261122-071500-daily.sqlite", DAILY, "daily"),
        ("journal-20261122-071500-before-restore-2.sqlite", BEFORE_RESTORE, "before-restore-2"),
        ("journal-20261122-071500-before-import.sqlite", BEFORE_IMPORT, "before-import"),
        ("journal-20261122-071500-before-upgrade-0001-to-0003.sqlite", BEFORE_UPGRADE, None),
    ],
)
def test_backup_names_say_when_and_why(name: str, kind: str, reason: str | None) -> None:
    parsed = parse_name(name, "journal")
    assert parsed is not None and parsed.made_at == datetime(2026, 11, 22, 7, 15)
    assert parsed.kind == kind
    if reason is not None:
        assert parsed.reason == reason
    assert parse_name(name, "other") is None
    assert parse_name("journal-2-20261122-071500.sqlite", "journal") is None


# On disk -------------------------------------------------------------------------------


def test_pruning_across_14_months_leaves_exactly_the_rotation_and_foreign_files(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        names = _daily_names()
        folder = _fill_folder(journal, list(names.values()))
        mine = folder / "my copy before the marathon.sqlite"
        other_journal = folder / "other-20250101-030000-daily.sqlite"
        shutil.copyfile(folder / names[FIRST], mine)
        shutil.copyfile(folder / names[FIRST], other_journal)

        deleted = prune_backups(journal.path, NOW)

        left = {p.name for p in folder.iterdir()}
        assert left == {names[d] for d in EXPECTED_DAYS} | {mine.name, other_journal.name}
        assert len(deleted) == len(names) - len(EXPECTED_DAYS)
        assert not any(p.exists() for p in deleted)
        # Pruning again the same day changes nothing.
        assert prune_backups(journal.path, NOW) == []


def test_the_only_good_backup_is_never_deleted(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        names = _daily_names(date(2026, 9, 1))
        folder = _fill_folder(journal, list(names.values()))
        only_good = names[date(2026, 9, 15)]  # an ordinary day no slot would pick
        for name in names.values():
            if name != only_good:
                _damage(folder / name)

        assert prune_backups(journal.path, NOW) == []
        assert (folder / only_good).exists()
        assert len(list(folder.iterdir())) == len(names)
        assert last_backup(journal.path).path == folder / only_good  # type: ignore[union-attr]


def test_nothing_is_deleted_when_every_backup_is_damaged(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        names = _daily_names(date(2026, 10, 1))
        folder = _fill_folder(journal, list(names.values()))
        for name in names.values():
            _damage(folder / name)
        assert prune_backups(journal.path, NOW) == []
        assert len(list(folder.iterdir())) == len(names)
        assert last_backup(journal.path) is None
        assert backup_due(journal.path, NOW)


def test_a_backup_is_made_at_start_only_when_the_last_is_over_a_day_old(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        first = journal.backup_if_due(NOW)
        assert first is not None and first.path.name == "journal-20261122-120000-daily.sqlite"
        assert (first.runs, first.check_ins) == (2, 1)
        assert journal.backup_if_due(NOW + timedelta(hours=23)) is None
        assert journal.backup_if_due(NOW + timedelta(hours=24)) is None
        second = journal.backup_if_due(NOW + timedelta(hours=25))
        assert second is not None and second.path.name == "journal-20261123-130000-daily.sqlite"
        assert [e.path for e in journal.backups()] == [second.path, first.path]
        assert journal.last_backup().path == second.path  # type: ignore[union-attr]


def test_any_good_backup_counts_and_a_damaged_one_does_not(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        made = journal.backup()  # "Back Up Now", stamped with the real clock
        assert journal.backup_if_due() is None
        _damage(made.path)
        assert journal.last_backup() is None
        assert journal.backup_if_due() is not None


def test_an_empty_journal_is_not_backed_up_at_start(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite") as journal:
        assert journal.backup_if_due(NOW) is None
        assert not (tmp_path / "backups").exists()


def test_daily_backups_rotate_as_the_months_go_by(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite", runs=1, check_ins=0) as journal:
        moment = datetime(2026, 1, 1, 8, 0)
        while moment < datetime(2026, 4, 1):
            journal.backup_if_due(moment)
            moment += timedelta(days=1, hours=1)
        kinds = {e.kind for e in journal.backups()}
        days = [e.made_at.date() for e in journal.backups()]
    assert kinds == {DAILY}
    assert len(days) == len(set(days)) <= 7 + 4 + 12
    assert days[0] == date(2026, 3, 31) and date(2026, 1, 31) in days and date(2026, 2, 28) in days


def test_the_list_counts_entries_and_flags_a_damaged_copy_without_changing_it(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite", runs=3, check_ins=2) as journal:
        good = journal.backup()
        damaged = good.path.with_name("journal-20200101-030000-daily.sqlite")
        shutil.copyfile(good.path, damaged)
        _damage(damaged)
        empty = good.path.with_name("journal-20200102-030000.sqlite")
        empty.touch()
        before = damaged.read_bytes()
        folder_before = sorted(p.name for p in good.path.parent.iterdir())

        entries = journal.backups()

        assert [e.path for e in entries] == [good.path, empty, damaged]
        newest = entries[0]
        assert (newest.ok, newest.runs, newest.check_ins, newest.kind) == (True, 3, 2, MANUAL)
        assert newest.size == good.path.stat().st_size
        assert not entries[2].ok and "damaged" in entries[2].problem
        assert str(damaged) not in entries[2].problem and "runjournal restore" not in entries[2].problem
        assert not entries[1].ok and "empty" in entries[1].problem
        assert damaged.read_bytes() == before
        assert sorted(p.name for p in good.path.parent.iterdir()) == folder_before
        assert list_backups(journal.path) == entries


def test_restoring_from_the_list_brings_entries_back_and_keeps_the_journal_as_it_was(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite", runs=2, check_ins=1) as journal:
        kept_runs = journal.runs()
        journal.backup()
        journal.log_run(Run(day=date(2026, 11, 10), duration_s=600))
        journal.save_check_in(CheckIn(day=date(2026, 11, 10), mood=3))
        [entry] = journal.backups()

        before = journal.restore(entry.path)

        assert journal.runs() == kept_runs and len(journal.check_ins()) == 1
        listed = {e.path: e for e in journal.backups()}
        assert before.path in listed and entry.path in listed
        saved = listed[before.path]
        assert (saved.kind, saved.ok, saved.runs, saved.check_ins) == (BEFORE_RESTORE, True, 3, 2)
        # …and that copy brings the later entries back in turn.
        journal.restore(saved.path)
        assert len(journal.runs()) == 3 and len(journal.check_ins()) == 2


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_backups_are_private(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "journal.sqlite") as journal:
        info = journal.backup_if_due(NOW)
        assert info is not None
        assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(info.path.parent.stat().st_mode) == 0o700
        before = journal.restore(info.path)
        assert stat.S_IMODE(before.path.stat().st_mode) == 0o600


def test_a_backup_made_by_the_person_survives_a_later_backup_the_same_day(tmp_path: Path) -> None:
    journal = _journal_with(tmp_path / "journal.sqlite")
    mine = journal.backup()  # File → Back Up Now
    journal.log_run(Run(day=date(2026, 11, 20), duration_s=600))
    journal.backup(reason="before-restore")
    assert mine.path.exists()
    assert [b.path for b in journal.backups()][-1] == mine.path
