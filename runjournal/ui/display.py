"""Is there a screen to open the window on? Asked before Qt is, because Qt's own answer
to "no display" is to abort the process with a message about a platform plugin and a
library that is, as a rule, installed.

Qt on Linux and the other X11/Wayland systems finds its screen through `DISPLAY` (X11) or
`WAYLAND_DISPLAY`; a platform named in `QT_QPA_PLATFORM` (e.g. `offscreen` for tests) is
taken as chosen on purpose. Windows and macOS always have their own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = (
    "RunJournal cannot open its window: no display found (neither DISPLAY nor WAYLAND_DISPLAY "
    "is set, as happens over ssh or in a container). Start it from your desktop, or use its "
    "commands in this terminal: runjournal --help lists them."
)


def display_problem(environ: Mapping[str, str] | None = None, *, platform: str | None = None) -> str | None:
    """The sentence to show when there is no display to open a window on, else None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform in ("win32", "darwin"):
        return None
    if any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return NO_DISPLAY


EXIT_NO_DISPLAY = 3  # the command line's "cannot be used" (README: exit codes)


def refuse_without_display() -> int | None:
    """Says why on stderr and gives the exit code when there is no display; None when there is."""
    problem = display_problem()
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return EXIT_NO_DISPLAY
