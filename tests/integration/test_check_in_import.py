"""Check-ins come back through CSV: export, import into a new journal, the same days and
tags; a day the person already has is never overwritten unasked; one Undo takes it away."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from runjournal.domain.model import MAX_TAGS, SUGGESTED_TAGS, CheckIn
from runjournal.formats.check_ins_csv import read_check_ins_csv
from runjournal.service.check_in_import import (
    DayStatus,
    plan_check_in_import,
    read_check_ins_file,
    redo_check_in_import,
    store_check_in_import,
    undo_check_in_import,
)
from runjournal.service.export import export
from runjournal.service.journal import Journal

DAYS = [
    CheckIn(
        date(2026, 11, 28), mood=7, stress=3, anxiety=2, energy=6, sleep_hours=7.5, sleep_quality=8,
        bedtime=time(23, 15), note="Long walk; felt light.\nSecond line.", tags=("therapy", "yoga class"),
    ),
    CheckIn(date(2026, 11, 29), mood=4, ill=True, tags=("slept badly",)),
    CheckIn(date(2026, 11, 30), stress=8, note="-deadline-"),
]  # fmt: skip


def _journal_with(path: Path, check_ins: list[CheckIn], tags: tuple[str, ...] | None = None) -> Journal:
    journal = Journal.open(path)
    if tags is not None:
        journal.save_settings(journal.settings().replace(tags=tags))
    for check_in in check_ins:
        journal.save_check_in(check_in)
    return journal


def test_export_then_import_into_a_new_journal_gives_the_same_check_ins_and_tags(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "old.sqlite", DAYS, (*SUGGESTED_TAGS, "yoga class")) as old:
        export(old, tmp_path / "check-ins.csv", check_ins=True)
    with Journal.open(tmp_path / "new.sqlite") as new:
        plan = plan_check_in_import(new, read_check_ins_file(tmp_path / "check-ins.csv"))
        assert [item.status for item in plan.items] == [DayStatus.NEW] * 3
        done = store_check_in_import(new, plan)
        assert new.check_ins() == DAYS
        # "yoga class" was the person's own tag: it joins their list, after the suggested ones.
        assert new.settings().tags == (*SUGGESTED_TAGS, "yoga class")
        assert new.days_with_tag("yoga class") == {date(2026, 11, 28)}
        assert done.days == 3


def test_unchanged_days_are_skipped_and_a_differing_day_is_kept_unless_chosen(tmp_path: Path) -> None:
    mine = [DAYS[0], CheckIn(date(2026, 11, 29), mood=6, tags=("therapy",))]
    with _journal_with(tmp_path / "j.sqlite", mine) as journal:
        table = read_check_ins_csv(_csv_of(DAYS), "check-ins.csv")
        plan = plan_check_in_import(journal, table)
        assert [item.status for item in plan.items] == [DayStatus.SAME, DayStatus.DIFFERS, DayStatus.NEW]
        assert plan.items[1].differences == "mood 6 → 4; ill or injured; tags + slept badly, − therapy"
        assert plan.summary().startswith(
            "1 new day, 1 day that differs from your journal (0 to replace with the file's, 1 to keep"
        )

        store_check_in_import(journal, plan)  # as the review starts: the journal's day kept
        assert journal.check_in(date(2026, 11, 29)) == mine[1]
        assert journal.check_in(date(2026, 11, 30)) == DAYS[2]


def test_a_chosen_replacement_and_the_whole_import_go_with_one_undo(tmp_path: Path) -> None:
    mine = [CheckIn(date(2026, 11, 29), mood=6, tags=("therapy",))]
    with _journal_with(tmp_path / "j.sqlite", mine) as journal:
        tags_before = journal.settings().tags
        plan = plan_check_in_import(journal, read_check_ins_csv(_csv_of(DAYS), "check-ins.csv"))
        plan = plan.with_choices({1: True})
        done = store_check_in_import(journal, plan)
        assert journal.check_ins() == DAYS
        assert "yoga class" in journal.settings().tags

        undo_check_in_import(journal, done)
        assert journal.check_ins() == mine
        assert journal.settings().tags == tags_before

        redo_check_in_import(journal, done)
        assert journal.check_ins() == DAYS
        assert journal.settings().tags == (*tags_before, "yoga class")


def test_bad_rows_are_named_and_change_nothing_while_the_good_ones_are_imported(tmp_path: Path) -> None:
    text = "date,mood,tags\r\n2026-11-28,5,therapy\r\n2026-13-01,5,\r\n2026-11-30,11,\r\n"
    with _journal_with(tmp_path / "j.sqlite", [DAYS[1]]) as journal:
        plan = plan_check_in_import(journal, read_check_ins_csv(text.encode(), "mine.csv"))
        assert plan.problems == [
            "Row 3: the date “2026-13-01” is not a day of the calendar.",
            "Row 4: mood “11” is outside 1 to 10 (a whole number, or an empty cell).",
        ]
        store_check_in_import(journal, plan)
        assert journal.check_ins() == [CheckIn(date(2026, 11, 28), mood=5, tags=("therapy",)), DAYS[1]]


def test_a_day_checked_in_after_the_review_is_not_overwritten(tmp_path: Path) -> None:
    with _journal_with(tmp_path / "j.sqlite", []) as journal:
        plan = plan_check_in_import(journal, read_check_ins_csv(_csv_of(DAYS), "check-ins.csv"))
        typed_meanwhile = CheckIn(date(2026, 11, 30), mood=9)
        journal.save_check_in(typed_meanwhile)
        done = store_check_in_import(journal, plan)
        assert journal.check_in(date(2026, 11, 30)) == typed_meanwhile
        assert len(done.added) == 2
        undo_check_in_import(journal, done)
        assert journal.check_ins() == [typed_meanwhile]


def test_tags_in_another_case_take_the_lists_spelling_and_a_full_list_keeps_them_on_their_days(
    tmp_path: Path,
) -> None:
    full = tuple(f"tag {n}" for n in range(MAX_TAGS))
    text = "date,tags\r\n2026-11-28,TAG 3; new one\r\n"
    with _journal_with(tmp_path / "j.sqlite", [], full) as journal:
        plan = plan_check_in_import(journal, read_check_ins_csv(text.encode(), "check-ins.csv"))
        assert "list of tags is full (30), so new one stay" in plan.summary()
        store_check_in_import(journal, plan)
        assert journal.check_in(date(2026, 11, 28)) == CheckIn(date(2026, 11, 28), tags=("tag 3", "new one"))
        assert journal.settings().tags == full


def _csv_of(check_ins: list[CheckIn]) -> bytes:
    from runjournal.formats.csv_files import check_ins_table

    return check_ins_table(check_ins).encode()


def test_reimporting_an_export_finds_every_day_already_there(tmp_path: Path) -> None:
    precise = CheckIn(date(2026, 11, 27), sleep_hours=7.333333, note="  spaced  ")
    with _journal_with(tmp_path / "j.sqlite", [*DAYS, precise]) as journal:
        export(journal, tmp_path / "check-ins.csv", check_ins=True)
        plan = plan_check_in_import(journal, read_check_ins_file(tmp_path / "check-ins.csv"))
        assert [item.status for item in plan.items] == [DayStatus.SAME] * 4
        assert plan.chosen == 0


def test_replacing_a_day_is_preceded_by_a_checked_backup_and_adding_a_few_is_not(tmp_path: Path) -> None:
    mine = [CheckIn(date(2026, 11, 29), mood=6, tags=("therapy",))]
    with _journal_with(tmp_path / "j.sqlite", mine) as journal:
        table = read_check_ins_csv(_csv_of(DAYS), "check-ins.csv")
        store_check_in_import(journal, plan_check_in_import(journal, table))  # keeps the differing day
        assert [b.reason for b in journal.backups()] == []
        store_check_in_import(journal, plan_check_in_import(journal, table).with_choices({1: True}))
        (backup,) = journal.backups()
        assert (backup.reason, backup.ok, backup.check_ins) == ("before-import", True, 3)
