"""Whether RunJournal's window has a journal open, for the command line and a second start.

The window holds a lock file beside the journal while it has it open; commands that write
refuse then, so the window never shows a journal that changed underneath it.
"""

from __future__ import annotations

from runjournal.storage.app_lock import LockInfo, held_by_app, is_live, lock_path, read_lock

__all__ = ["LockInfo", "held_by_app", "is_live", "lock_path", "read_lock"]
