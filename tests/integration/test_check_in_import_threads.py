"""The review of a check-ins table is worked out on a worker while the window's thread may
write (a check-in saved, a tag added): it is one read transaction, so it compares the
table with one state of the journal, never half of one and half of the next."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from runjournal.domain.model import CheckIn, Settings
from runjournal.formats.check_ins_csv import read_check_ins_csv
from runjournal.formats.csv_files import check_ins_table
from runjournal.service.check_in_import import CheckInImportPlan, DayStatus, plan_check_in_import
from runjournal.service.journal import Journal
from runjournal.storage.repositories import SettingsRepository

WAIT_S = 10
FILE_DAYS = [CheckIn(date(2026, 11, 29), mood=7, tags=("yoga class",)), CheckIn(date(2026, 11, 30), mood=5)]


def test_the_plan_made_while_the_window_writes_compares_with_one_state_of_the_journal(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.save_settings(Settings(tags=("therapy",)))
    table = read_check_ins_csv(check_ins_table(FILE_DAYS).encode(), "check-ins.csv")
    read_settings, release = threading.Event(), threading.Event()
    original = SettingsRepository.load
    planned: list[CheckInImportPlan] = []

    def pausing(repository: SettingsRepository) -> Settings:
        settings = original(repository)
        if threading.current_thread().name == "check-ins review":
            read_settings.set()
            assert release.wait(WAIT_S)
        return settings

    monkeypatch.setattr(SettingsRepository, "load", pausing)
    worker = threading.Thread(
        target=lambda: planned.append(plan_check_in_import(journal, table)), name="check-ins review"
    )
    worker.start()
    assert read_settings.wait(WAIT_S), "the plan never read the person's tags"
    # Meanwhile the person checks in on the 30th and adds the file's tag to their list.
    journal.save_check_in(CheckIn(date(2026, 11, 30), mood=2))
    journal.save_settings(journal.settings().replace(tags=("therapy", "Yoga Class")))
    release.set()
    worker.join(WAIT_S)
    assert not worker.is_alive() and planned, "the plan was not made"

    plan = planned[0]
    assert [item.status for item in plan.items] == [DayStatus.NEW, DayStatus.NEW]  # as before the write
    assert plan.tags_before == ("therapy",)
    assert plan.tags_after == ("therapy", "yoga class")
    # A plan made after the write sees both changes.
    again = plan_check_in_import(journal, table)
    assert [item.status for item in again.items] == [DayStatus.NEW, DayStatus.DIFFERS]
    assert again.tags_after == ("therapy", "Yoga Class")
