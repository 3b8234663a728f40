"""The fixed words of the "Need support now?" card, kept apart from Qt.

Plain data so the window, the coach panel and any printout show exactly the same lines,
and so the date they were last checked sits right beside them and is updated together.
"""

from __future__ import annotations

from datetime import date

TITLE = "Need support now?"

INTRO = (
    "If you are struggling or feel unsafe, you don't have to manage alone. Reaching out to someone can help."
)

# The day someone last confirmed that every number below still works as described.
LAST_CHECKED = date(2026, 11, 21)

LINES: tuple[str, ...] = (
    "Your local emergency number (112 in the EU, 999 in the UK, 911 in the US and Canada, 000 in Australia)",
    "988 — call or text, US and Canada (Suicide & Crisis Lifeline)",
    "Samaritans 116 123 — UK and Ireland, free, any time",
    "findahelpline.com — helplines in other countries",
)

NEVER_CONTACTS = "RunJournal never contacts anyone by itself."
