"""Text from outside (file names, titles read from files) made safe to print to a terminal.

A file name may hold any byte but "/" and NUL, escape sequences included: printed as it
is, "\\x1b]0;…\\x07" retitles the window and "\\x1b[2J" clears the screen, and worse
sequences exist. Every command that prints such text passes it through `for_terminal`,
which writes control characters as visible escapes ("\\x1b") and leaves everything else,
accents and emoji included, as it is.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

# Direction overrides make a name read differently from what it is ("exe.gpx" shown for
# "xpg.exe"); they are escaped too. Other format characters (joiners in emoji) are kept.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def _escaped(character: str) -> str:
    code = ord(character)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _is_control(character: str) -> bool:
    # Cc: C0 and C1 controls (ESC, BEL, CSI…); Cs: lone surrogates from undecodable names;
    # line and paragraph separators, which break a line like a newline. Imported here: most
    # text is printable and never gets this far, and the table costs every command ~2 ms.
    import unicodedata

    return character in _BIDI_CONTROLS or unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp")


def for_terminal(text: object) -> str:
    """`text` (a path, a name, a sentence holding one) with every control character,
    newlines and tabs included, written as a visible escape."""
    shown = str(text)
    if shown.isprintable():
        return shown
    return "".join(_escaped(c) if _is_control(c) else c for c in shown)


class TerminalStream:
    """A text stream (stdout, stderr) that passes everything written through `for_terminal`,
    keeping only newlines and tabs, so no command can print an escape sequence by mistake,
    whatever file name or imported title the text holds."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write("\n".join(for_terminal(line).replace("\\x09", "\t") for line in text.split("\n")))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminal_output() -> None:
    """Routes sys.stdout and sys.stderr through TerminalStream (once)."""
    if not isinstance(sys.stdout, TerminalStream):
        sys.stdout = TerminalStream(sys.stdout)
    if not isinstance(sys.stderr, TerminalStream):
        sys.stderr = TerminalStream(sys.stderr)
