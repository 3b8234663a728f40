"""Which backups to keep: grandfather-father-son rotation, as pure functions.

The policy reads only names and dates, so it can be tested across years of simulated
backups without writing a file; `storage.backup.prune_backups` does the deleting.

What is kept, out of the backups the app named itself (`<stem>-YYYYMMDD-HHMMSS[-reason][-N].sqlite`):

- the newest backup of each of the 7 most recent days that have one,
- the newest of each of the 4 most recent ISO weeks that have one,
- the newest of each of the 12 most recent months that have one,
- always the newest backup, and the newest one that passed its check,
- every backup made before a restore, an upgrade or a large import, or by the person
  (Back Up Now), for at least 30 days: each is a way back from one specific moment, so it
  must not be rotated away the next morning because a daily backup took its day,
- every backup that did not pass its check: it is listed as damaged so a person can
  decide; the rotation only ever deletes copies known to be good and superseded.

Files a person wrote elsewhere (`runjournal backup -o FILE`) or named themselves are not
candidates: they are always kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
KEEP_BEFORE_ACTION = timedelta(days=30)

DAILY = "daily"
BEFORE_RESTORE = "before-restore"
BEFORE_UPGRADE = "before-upgrade"
BEFORE_IMPORT = "before-import"
MANUAL = "manual"
PROTECTED_KINDS = frozenset({BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_IMPORT, MANUAL})

_NAME = re.compile(r"-(?P<day>\d{8})-(?P<clock>\d{6})(?:-(?P<rest>[^/\\]*))?\.sqlite$")


@dataclass(frozen=True)
class BackupName:
    """What an app-made backup's file name says: when, and why, it was made."""

    made_at: datetime  # local time, as in the name
    reason: str  # "" for a backup a person asked for; "daily", "before-restore", …

    @property
    def kind(self) -> str:
        """One of DAILY, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_IMPORT, MANUAL."""
        for kind in (DAILY, BEFORE_RESTORE, BEFORE_UPGRADE, BEFORE_IMPORT):
            if self.reason == kind or self.reason.startswith(f"{kind}-"):
                return kind
        return MANUAL


def parse_name(name: str, stem: str | None = None) -> BackupName | None:
    """Reads an app-made backup name; None for any other file.

    With `stem`, only backups of the journal with that file stem match, so two journals
    sharing one folder never rotate each other's backups.
    """
    match = _NAME.search(name)
    if match is None or (stem is not None and name[: match.start()] != stem):
        return None
    try:
        made_at = datetime.strptime(f"{match['day']}{match['clock']}", "%Y%m%d%H%M%S")
    except ValueError:
        return None
    rest = match["rest"] or ""
    if rest.isdigit():  # only the counter that keeps two backups of one second apart
        rest = ""
    return BackupName(made_at, rest)


def local_naive(moment: datetime) -> datetime:
    """Backup names carry local wall-clock time; an aware `now` is brought to it."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


def _newest_per_period(
    newest_first: list[tuple[Path, datetime]], period: Callable[[datetime], Hashable], count: int
) -> set[Path]:
    kept: set[Path] = set()
    seen: set[Hashable] = set()
    for path, made_at in newest_first:
        key = period(made_at)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(path)
    return kept


def keep(
    backups: list[tuple[Path, datetime]],
    now: datetime,
    good: Iterable[Path] | None = None,
) -> set[Path]:
    """The backups to keep out of `backups` (path, made at); the rest may be deleted.

    `good` is the backups that passed their check (None: all of them). Only good backups
    fill the day, week and month slots; the others are kept, see the module docstring.
    """
    now = local_naive(now)
    good_set = None if good is None else set(good)
    kept: set[Path] = set()
    candidates: list[tuple[Path, datetime, BackupName]] = []
    for path, made_at in backups:
        name = parse_name(path.name)
        if name is None or (good_set is not None and path not in good_set):
            kept.add(path)
        else:
            candidates.append((path, local_naive(made_at), name))
    if not candidates:
        return kept
    candidates.sort(key=lambda c: (c[1], c[0].name), reverse=True)
    newest_first = [(path, made_at) for path, made_at, _ in candidates]
    kept.add(newest_first[0][0])
    kept |= _newest_per_period(newest_first, lambda t: t.date(), KEEP_DAILY)
    kept |= _newest_per_period(newest_first, lambda t: t.isocalendar()[:2], KEEP_WEEKLY)
    kept |= _newest_per_period(newest_first, lambda t: (t.year, t.month), KEEP_MONTHLY)
    kept |= {
        path
        for path, made_at, name in candidates
        if name.kind in PROTECTED_KINDS and made_at >= now - KEEP_BEFORE_ACTION
    }
    return kept
