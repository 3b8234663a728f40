"""A journal locked with a passphrase: nothing readable on disk, the wrong passphrase
changes nothing, and every change of lock keeps every entry."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run, ValidationError
from runjournal.logs import log_beside, stop_logging
from runjournal.service import protection
from runjournal.service.journal import Journal, JournalError
from runjournal.storage import encryption
from runjournal.storage.backup.backup import list_backups

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _forget_passphrases() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


def _fill(journal: Journal, days: int = 40) -> None:
    start = date(2025, 3, 1)
    for i in range(days):
        day = start + timedelta(days=i)
        journal.save_check_in(
            CheckIn(day=day, mood=1 + i % 10, anxiety=1 + i % 7, note=f"check-in {i} ünïcode")
        )
        if i % 2 == 0:
            journal.log_run(Run(day=day, duration_s=1800 + i, distance_m=5000 + i, title=f"run {i}"))


def _everything(journal: Journal) -> tuple[list[Run], list[CheckIn]]:
    return journal.runs(), journal.check_ins()


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def _protected(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    protection.protect(journal_path, PASSPHRASE, PASSPHRASE)


def _note_written_into(journal_path: Path, note: str, passphrase: str | None) -> None:
    log_beside(journal_path)
    try:
        with Journal.open(journal_path, passphrase=passphrase) as journal:
            journal.save_check_in(CheckIn(day=date(2025, 6, 1), mood=3, note=note))
            logging.getLogger("runjournal.test").warning("saved a check-in")
            journal.backup()  # Back Up Now
            journal.backup(reason="daily")
    finally:
        stop_logging()


def test_a_note_typed_into_an_encrypted_journal_is_in_no_file_under_the_data_folder(
    tmp_path: Path, journal_path: Path
) -> None:
    note = "panic on the bridge 7f3c9a1e-unique"
    # The same steps on a plain journal leave the note readable: the search below can find it.
    plain_path = tmp_path / "plain" / "journal.sqlite"
    _note_written_into(plain_path, note, None)
    assert any(note.encode() in data for data in _all_bytes(plain_path.parent).values())

    _protected(journal_path)
    encryption.forget_all()
    _note_written_into(journal_path, note, PASSPHRASE)

    files = _all_bytes(journal_path.parent)
    files = {path: data for path, data in files.items() if plain_path.parent not in path.parents}
    assert any(path.parent.name == "backups" for path in files), files.keys()
    assert any(path.parent.name == "logs" for path in files), files.keys()
    readable = [
        path
        for path, data in files.items()
        if note.encode() in data or b"bridge" in data or PASSPHRASE.encode() in data
    ]
    assert readable == []
    with Journal.open(journal_path, passphrase=PASSPHRASE) as journal:
        saved = journal.check_in(date(2025, 6, 1))
    assert saved is not None and saved.note == note


def test_the_wrong_passphrase_changes_nothing_and_is_one_sentence(
    journal_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    _protected(journal_path)
    encryption.forget_all()
    before = _all_bytes(journal_path.parent)
    capfd.readouterr()

    with pytest.raises(protection.WrongPassphrase) as refused:
        Journal.open(journal_path, passphrase="not the passphrase")
    with pytest.raises(protection.PassphraseNeeded):
        Journal.open(journal_path)

    said = str(refused.value)
    assert said.count(". ") <= 1 and "Nothing was changed" in said and "\n" not in said
    out, err = capfd.readouterr()
    assert err == "" and out == ""  # SQLCipher's own lines never reach the terminal
    assert _all_bytes(journal_path.parent) == before


def test_changing_the_passphrase_and_removing_it_keep_every_entry(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        _fill(journal)
        entries = _everything(journal)
    protection.protect(journal_path, PASSPHRASE, PASSPHRASE)
    assert protection.is_protected(journal_path)
    encryption.forget_all()
    with Journal.open(journal_path, passphrase=PASSPHRASE) as journal:
        assert _everything(journal) == entries

    protection.change_passphrase(journal_path, PASSPHRASE, "a new one, longer", "a new one, longer")
    encryption.forget_all()
    with pytest.raises(protection.WrongPassphrase):
        Journal.open(journal_path, passphrase=PASSPHRASE)
    with Journal.open(journal_path, passphrase="a new one, longer") as journal:
        assert _everything(journal) == entries

    protection.remove_protection(journal_path, "a new one, longer")
    encryption.forget_all()
    assert not protection.is_protected(journal_path)
    with Journal.open(journal_path) as journal:
        assert _everything(journal) == entries


def test_a_wrong_old_passphrase_leaves_the_journal_as_it_was(journal_path: Path) -> None:
    _protected(journal_path)
    encryption.forget_all()
    before = _all_bytes(journal_path.parent)
    with pytest.raises(protection.WrongPassphrase):
        protection.change_passphrase(
            journal_path, "not it at all", "another passphrase", "another passphrase"
        )
    with pytest.raises(protection.WrongPassphrase):
        protection.remove_protection(journal_path, "not it at all")
    assert _all_bytes(journal_path.parent) == before


def test_a_short_or_mistyped_new_passphrase_is_refused_in_words(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    with pytest.raises(ValidationError, match="at least 8 characters"):
        protection.protect(journal_path, "short", "short")
    with pytest.raises(ValidationError, match="not the same"):
        protection.protect(journal_path, PASSPHRASE, PASSPHRASE + "!")
    assert not protection.is_protected(journal_path)


def test_backups_follow_the_journal_lock(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        _fill(journal, days=6)
        plain_backup = journal.backup().path
    assert not encryption.is_encrypted(plain_backup)

    protection.protect(journal_path, PASSPHRASE, PASSPHRASE)
    assert encryption.is_encrypted(plain_backup)  # the earlier backup is locked too
    with Journal.open(journal_path, passphrase=PASSPHRASE) as journal:
        new_backup = journal.backup().path
        listed = journal.backups()
    assert encryption.is_encrypted(new_backup)
    assert {entry.path for entry in listed} >= {plain_backup, new_backup}
    assert all(entry.ok and entry.check_ins == 6 for entry in listed)

    protection.remove_protection(journal_path, PASSPHRASE)
    encryption.forget_all()
    assert [entry.ok for entry in list_backups(journal_path)] == [True, True]


def test_a_backup_of_an_encrypted_journal_restores(journal_path: Path) -> None:
    _protected(journal_path)
    with Journal.open(journal_path, passphrase=PASSPHRASE) as journal:
        _fill(journal, days=5)
        entries = _everything(journal)
        made = journal.backup().path
        journal.delete_check_in(date(2025, 3, 1))
        journal.restore(made)
        assert _everything(journal) == entries
    assert protection.is_protected(journal_path)


def test_a_plain_journal_cannot_be_protected_twice_or_unprotected(journal_path: Path) -> None:
    Journal.open(journal_path).close()
    with pytest.raises(JournalError, match="no passphrase"):
        protection.remove_protection(journal_path, PASSPHRASE)
    protection.protect(journal_path, PASSPHRASE)
    with pytest.raises(JournalError, match="already locked"):
        protection.protect(journal_path, PASSPHRASE)


def test_noise_in_place_of_a_journal_with_plain_backups_is_damage_not_a_lock(journal_path: Path) -> None:
    with Journal.open(journal_path) as journal:
        _fill(journal, days=3)
        journal.backup()
    journal_path.write_bytes(bytes(range(256)) * 32)  # 8 KiB that read as noise
    assert protection.is_protected(journal_path)  # looks locked…
    assert not protection.asks_for_passphrase(journal_path)  # …but its backups were never locked
    _protected_elsewhere = journal_path.with_name("locked.sqlite")
    Journal.open(_protected_elsewhere).close()
    protection.protect(_protected_elsewhere, PASSPHRASE)
    assert protection.asks_for_passphrase(_protected_elsewhere)
