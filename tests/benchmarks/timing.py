"""What every benchmark here shares: the median time of repeated runs of an action, and of
several actions taken in turn within each round."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def interleaved_medians(actions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The median time of each action, run once each per round, in turn: a busy moment of
    the machine hits an action and the floor that bounds it alike, so their ratio holds."""
    timings: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            timings[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in timings.items()}
