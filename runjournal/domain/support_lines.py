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


def as_text(contacts: list[tuple[str, str, str]], checked: str | None = None) -> str:
    """The whole card as plain text, one line each: for the clipboard and the command line.

    `contacts` are (name, number, note); `checked` is the date the lines were last checked,
    already in the person's words (the default is ISO, "2026-11-21").
    """
    lines = [TITLE, "", *(f"- {line}" for line in LINES), ""]
    if contacts:
        lines.append("Your own contacts:")
        for name, phone, note in contacts:
            lines.append(f"- {name}: {phone}" + (f" ({note})" if note else ""))
    else:
        lines.append("Your own contacts: none yet (add them in the app: Help → Need Support Now?).")
    lines += ["", f"Numbers last checked: {checked or LAST_CHECKED.isoformat()}", NEVER_CONTACTS]
    return "\n".join(lines)
