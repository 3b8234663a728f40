"""The cyclic garbage collector, paused while the window (or a command) starts.

Starting the window imports Qt, SQLAlchemy and our own modules and builds the first view:
some sixty thousand long-lived objects and next to no garbage. Left running, the
collector walks them all several times before the first paint (about 40 ms on a 10-year
journal, a full collection among them). Paused until the window is painted, then those
objects are frozen (moved out of the collector's sight, as they live as long as the app)
so later collections stay short; reference counting frees everything else as usual.
"""

from __future__ import annotations

import gc


def pause() -> None:
    gc.disable()


def resume(*, freeze: bool = True) -> None:
    """Runs the collector again, first freezing what start-up made (unless `freeze` is
    False: a command's process is short and may run inside a longer one, such as a test's);
    harmless when it runs already."""
    if not gc.isenabled():
        if freeze:
            gc.freeze()
        gc.enable()
