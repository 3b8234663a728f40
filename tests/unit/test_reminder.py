"""The daily reminder's schedule and its resident loop, with a fake clock and a fake desktop."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn
from runjournal.domain.reminder import (
    BODY,
    EVERY_DAY,
    TITLE,
    ReminderInputError,
    ReminderSchedule,
    parse_days,
    parse_time,
)
from runjournal.service.journal import Journal
from runjournal.service.notifications import Click
from runjournal.service.reminder import ReminderSettings
from runjournal.service.reminder_loop import ReminderLoop

TZ = timezone(timedelta(hours=1))
THURSDAY = datetime(2026, 12, 3, 19, 0, tzinfo=TZ)


def test_the_next_reminder_is_later_today_or_on_the_next_chosen_day() -> None:
    every_day = ReminderSchedule(time(20, 0))
    assert every_day.next_due(THURSDAY) == THURSDAY.replace(hour=20)
    assert every_day.next_due(THURSDAY.replace(hour=20)) == THURSDAY.replace(hour=20) + timedelta(days=1)
    weekdays = ReminderSchedule(time(20, 0), parse_days("weekdays"))
    friday_night = THURSDAY.replace(hour=21) + timedelta(days=1)
    assert weekdays.next_due(friday_night) == datetime(2026, 12, 7, 20, 0, tzinfo=TZ)  # Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [("20:00", time(20, 0)), ("7:05", time(7, 5)), ("23:59:30", time(23, 59, 30))],
)
def test_times_are_read_as_a_person_types_them(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "20", "8pm", "20:5", "", "12:60"])
def test_a_time_that_is_not_one_says_how_to_type_it(text: str) -> None:
    with pytest.raises(ReminderInputError, match="HH:MM"):
        parse_time(text)


def test_days_are_read_by_name_and_by_group() -> None:
    assert parse_days("mon,wed,fri") == {0, 2, 4}
    assert parse_days("Monday, Tuesday") == {0, 1}
    assert parse_days("weekends") == {5, 6}
    assert parse_days("every day") == EVERY_DAY
    with pytest.raises(ReminderInputError, match="not a day of the week"):
        parse_days("mon,funday")


def test_the_words_carry_nothing_of_the_entries_and_no_guilt() -> None:
    words = f"{TITLE} {BODY}".lower()
    assert "how was today" in words
    for pushy in ("streak", "missed", "don't forget", "you haven't", "must"):
        assert pushy not in words


class FakeDesktop:
    """A notification service and a clock: waiting for a click moves the clock on."""

    def __init__(self, start: datetime) -> None:
        self.now = start
        self.shown: list[tuple[str, str, dict[str, str]]] = []
        self.clicks: list[Click] = []
        self.loop: ReminderLoop | None = None
        self.stop_at = start + timedelta(days=3)

    def clock(self) -> datetime:
        return self.now

    def notify(self, app_name: str, title: str, body: str, actions: dict[str, str], icon: str = "") -> int:
        self.shown.append((title, body, actions))
        return len(self.shown)

    def wait_for_click(self, timeout: float) -> Click | None:
        self.now += timedelta(seconds=timeout)
        if self.now >= self.stop_at and self.loop is not None:
            self.loop.stop()
        return self.clicks.pop(0) if self.clicks else None

    def close(self) -> None:
        pass


def _loop(desktop: FakeDesktop, settings: ReminderSettings, opened: list[Path]) -> ReminderLoop:
    loop = ReminderLoop(desktop, lambda: settings, desktop.clock, opened.append)
    desktop.loop = loop
    return loop


def test_one_reminder_a_chosen_day_and_none_on_a_day_already_checked_in(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:  # Friday is already checked in
        journal.save_check_in(CheckIn(day=date(2026, 12, 4), mood=6))
    desktop = FakeDesktop(THURSDAY)
    opened: list[Path] = []
    _loop(desktop, ReminderSettings(ReminderSchedule(time(20, 0)), path), opened).run()
    # Thursday and Saturday remind; Friday, with its check-in, stays quiet.
    assert [title for title, _, _ in desktop.shown] == [TITLE, TITLE]
    assert desktop.shown[0][2]["default"] == "Check in"


def test_days_not_chosen_stay_quiet(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path).close()
    desktop = FakeDesktop(THURSDAY)
    weekends = ReminderSchedule(time(20, 0), parse_days("weekends"))
    _loop(desktop, ReminderSettings(weekends, path), []).run()
    assert len(desktop.shown) == 1  # Saturday only, of Thursday to Saturday


def test_a_click_on_the_reminder_opens_that_journal_and_others_clicks_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    Journal.open(path).close()
    desktop = FakeDesktop(THURSDAY)
    desktop.stop_at = THURSDAY + timedelta(hours=2)
    opened: list[Path] = []
    loop = _loop(desktop, ReminderSettings(ReminderSchedule(time(20, 0)), path), opened)
    real_notify = desktop.notify

    def notify_then_click(*args: object, **kwargs: object) -> int:
        shown = real_notify(*args, **kwargs)  # type: ignore[arg-type]
        desktop.clicks += [Click(shown + 40, "default"), Click(shown, "default"), Click(shown, "default")]
        return shown

    desktop.notify = notify_then_click  # type: ignore[method-assign]
    loop.run()
    assert opened == [path]  # once: another program's click and a second click change nothing


def test_a_journal_that_is_not_there_yet_gets_no_reminder(tmp_path: Path) -> None:
    desktop = FakeDesktop(THURSDAY)
    _loop(desktop, ReminderSettings(ReminderSchedule(time(20, 0)), tmp_path / "none.sqlite"), []).run()
    assert desktop.shown == []
