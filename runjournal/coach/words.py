"""What the coach says when it has no nudge: a welcome for an empty journal, else a kind line.

Neither claims that what the person does "is working": the coach cannot know that.
"""

from __future__ import annotations

WELCOME = (
    "Welcome to RunJournal. Log a run or a walk, or check in with how you feel, and the coach "
    "will have something to say. There is no target to meet yet."
)
QUIET = "Nothing to nudge you about today. Keep moving in ways that feel good."


def quiet_words(*, empty_journal: bool) -> str:
    return WELCOME if empty_journal else QUIET
