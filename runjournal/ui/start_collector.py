"""The cyclic garbage collector, paused while the window (or a command) starts.

Starting the window imports Qt, SQLAlchemy and our own modules and builds the first view:
some sixty thousand long-lived objects and next to no garbage. Left running, the
collector walks them all several times before the first paint (about 40 ms on a 10-year
journal, a full collection among them). Paused until the window is painted, then those
objects are frozen (moved out of the collector's sight, as they live as long as the app)
so later collections stay short; reference counting frees everything else as usual.

A command a person types is the same: its imports make tens of thousands of lasting
objects, frozen once they are loaded, so neither the command's first collections nor the
process's exit walk them again (about 60 ms of every command). A command called inside a
longer process, such as a test's, leaves the collector as it found it.
"""

from __future__ import annotations

import gc

_freeze_on_resume = True


def pause(*, freeze_on_resume: bool = True) -> None:
    """Rests the collector; `resume` then freezes what was made meanwhile, unless
    `freeze_on_resume` is False (a command running inside a longer process)."""
    global _freeze_on_resume
    _freeze_on_resume = freeze_on_resume
    gc.disable()


def resume(*, freeze: bool | None = None) -> None:
    """Runs the collector again, first freezing what start-up made (as `pause` was told,
    unless `freeze` says otherwise); harmless when it runs already."""
    if not gc.isenabled():
        if _freeze_on_resume if freeze is None else freeze:
            gc.freeze()
        gc.enable()
