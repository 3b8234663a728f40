"""Waiting for another process's state (a print queue, a desktop's notification server, a
window's lock file), which sends this test no signal: the condition is checked again and
again until it holds or the deadline passes, first often, then less (5 ms doubling up to
200 ms), so a quick answer is seen at once and a slow one costs little."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    pause = 0.005
    never_set = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        never_set.wait(pause)
        pause = min(pause * 2, 0.2)
