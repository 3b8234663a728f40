"""The reminder's resident process: waits for the chosen time, then shows one notification.

It is quiet on a day whose check-in already exists, and on days not chosen. Clicking the
notification (or its "Check in" button) starts RunJournal on Today with the cursor on
Mood; when the window is already open, that start only brings it to the front (one window
per journal). The process holds no entry in memory: at each reminder time it opens the
journal to read one day, and closes it. Its log holds times and outcomes, never entries.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import Protocol

from runjournal.domain.reminder import ACTION_LABEL, BODY, TITLE
from runjournal.service import reminder
from runjournal.service.notifications import Click, NotificationError, NotificationService

log = logging.getLogger(__name__)

POLL_S = 30.0  # a changed clock, a suspended laptop or a new time zone is noticed within this


class Notifier(Protocol):
    def notify(
        self, app_name: str, title: str, body: str, actions: dict[str, str], icon: str = ""
    ) -> int: ...
    def wait_for_click(self, timeout: float) -> Click | None: ...
    def close(self) -> None: ...


def has_check_in(journal: Path, day: date) -> bool:
    """True when the journal holds a check-in for `day`. A journal that cannot be read
    counts as checked in: better no reminder than one about a journal that is not there."""
    from runjournal.service.journal import Journal, JournalError

    if not journal.is_file():
        log.info("No journal at the reminder's path yet; no reminder today.")
        return True
    try:
        with Journal.open(journal, create=False) as opened:
            return opened.check_in(day) is not None
    except (JournalError, OSError):
        log.warning("The reminder could not read the journal; no reminder today.", exc_info=True)
        return True


_windows: list[subprocess.Popen[bytes]] = []


def open_check_in(journal: Path) -> None:
    """Starts RunJournal on today's check-in (or brings its open window to the front)."""
    _windows[:] = [window for window in _windows if window.poll() is None]  # collects closed ones
    _windows.append(
        subprocess.Popen(
            [*reminder.app_command(), "--db", str(journal), "--check-in"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    )


def collect_closed_windows() -> None:
    _windows[:] = [window for window in _windows if window.poll() is None]


class ReminderLoop:
    def __init__(
        self,
        notifier: Notifier,
        settings_source: Callable[[], reminder.ReminderSettings | None] = reminder.read_settings,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        on_click: Callable[[Path], None] = open_check_in,
    ) -> None:
        self._notifier = notifier
        self._settings_source = settings_source
        self._now = now
        self._on_click = on_click
        self._stopped = False
        self._shown: dict[int, Path] = {}

    def stop(self) -> None:
        self._stopped = True

    def run(self) -> int:
        settings = self._settings_source()
        if settings is None:
            return 0
        due = settings.schedule.next_due(self._now())
        log.info("Waiting: next reminder %s.", f"{due:%a %d %b %H:%M:%S}")
        while not self._stopped:
            now = self._now()
            if now >= due:
                self._remind(settings, now.date())
                settings = self._settings_source()
                if settings is None:
                    return 0
                due = settings.schedule.next_due(self._now())
                log.info("Waiting: next reminder %s.", f"{due:%a %d %b %H:%M:%S}")
                continue
            wait = min(POLL_S, max((due - now).total_seconds(), 0.05))
            click = self._notifier.wait_for_click(wait)
            collect_closed_windows()
            if click is not None:
                self._clicked(click)
        return 0

    def _remind(self, settings: reminder.ReminderSettings, today: date) -> None:
        if not settings.schedule.is_reminder_day(today):
            return
        if has_check_in(settings.journal, today):
            log.info("Reminder time: quiet, today's check-in already exists.")
            return
        try:
            shown = self._notifier.notify(
                "RunJournal", TITLE, BODY, {"default": ACTION_LABEL, "check-in": ACTION_LABEL}, "runjournal"
            )
        except NotificationError as error:
            log.warning("No reminder could be shown: %s", error)
            return
        self._shown[shown] = settings.journal
        log.info("Reminder time: notification %d shown.", shown)

    def _clicked(self, click: Click) -> None:
        journal = self._shown.pop(click.notification, None)
        if journal is None:
            return  # another program's notification, or one already answered
        log.info("Notification %d clicked: opening today's check-in.", click.notification)
        self._on_click(journal)


def _log_to_file(path: Path) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o600)
    handler = logging.StreamHandler(os.fdopen(descriptor, "a", encoding="utf-8"))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def run_resident() -> int:
    """The entry of `runjournal reminder run`: one resident process per person."""
    if not reminder.claim_pid_file():
        return 0
    _log_to_file(reminder.log_path())
    try:
        notifier = NotificationService()
    except NotificationError as error:
        log.warning("The reminder cannot run: %s", error)
        reminder.release_pid_file()
        return 3
    loop = ReminderLoop(notifier)

    def stop(_signum: int, _frame: FrameType | None) -> None:
        loop.stop()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        return loop.run()
    finally:
        notifier.close()
        reminder.release_pid_file()
