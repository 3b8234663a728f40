"""Small-sample statistics for one person's journal (docs/coach.md, "Insights").

Everything is seeded, so the same entries always give the same interval. Days are the
unit for the day comparisons; because neighbouring days are alike (a good week, a bad
week), their intervals come from a moving-block bootstrap over the calendar rather than
from resampling single days, which would make them look more certain than they are.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import date

import numpy as np

DEFAULT_SEED = 20_250_601
BLOCK_DAYS = 7
RESAMPLES = 2000
LEVEL = 0.95
_CHUNK = 256  # resamples gathered at a time, so ten years of days stay a few MB at once

#: A statistic over bootstrap resamples: two 2-D arrays, one row per resample, one column per
#: resampled day, holding the day's value where it belongs to that group and NaN elsewhere;
#: it returns one number per row.
Statistic = Callable[[np.ndarray, np.ndarray], np.ndarray]

DaySeries = Mapping[date, float] | Iterable[tuple[date, float]]


def mean_difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Mean of `a` minus mean of `b` along the last axis, ignoring NaN; NaN when a side is empty."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    a_ok = ~np.isnan(a)
    b_ok = ~np.isnan(b)
    a_n = a_ok.sum(axis=-1)
    b_n = b_ok.sum(axis=-1)
    a_sum = np.where(a_ok, a, 0.0).sum(axis=-1)
    b_sum = np.where(b_ok, b, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((a_n > 0) & (b_n > 0), a_sum / a_n - b_sum / b_n, np.nan)


def hedges_g(a: Iterable[float], b: Iterable[float]) -> float | None:
    """Hedges' g for `a` against `b`: the mean difference over the pooled SD, small-sample corrected.

    None when either side has fewer than two values or there is no spread at all.
    """
    x = np.asarray(list(a), dtype=float)
    y = np.asarray(list(b), dtype=float)
    n1, n2 = len(x), len(y)
    if n1 < 2 or n2 < 2:
        return None
    pooled = ((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n1 + n2 - 2)
    if pooled <= 0:
        return None
    correction = 1 - 3 / (4 * (n1 + n2) - 9)
    return float((x.mean() - y.mean()) / math.sqrt(pooled) * correction)


def hedges_g_change(changes: Iterable[float]) -> float | None:
    """Hedges' g for a set of within-session changes: mean change over its SD, corrected.

    None with fewer than two changes or when every change is the same.
    """
    x = np.asarray(list(changes), dtype=float)
    n = len(x)
    if n < 2:
        return None
    sd = x.std(ddof=1)
    if sd <= 0:
        return None
    correction = 1 - 3 / (4 * (n - 1) - 1)
    return float(x.mean() / sd * correction)


def _percentile_interval(estimates: np.ndarray, level: float) -> tuple[float, float]:
    finite = estimates[np.isfinite(estimates)]
    if finite.size == 0:
        return math.nan, math.nan
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def block_bootstrap_interval(
    a_days: DaySeries,
    b_days: DaySeries,
    statistic: Statistic = mean_difference,
    *,
    block: int = BLOCK_DAYS,
    resamples: int = RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = LEVEL,
) -> tuple[float, float]:
    """A percentile interval (95 % by default) for `statistic` of group a against group b.

    `a_days` and `b_days` give one value per calendar day (a mapping or (day, value) pairs);
    a day may belong to one group only. The two are laid out as one series over every
    calendar day from the first to the last (days with no value stay empty), and each
    resample strings together randomly placed runs of `block` consecutive days until it is
    as long as the series, each day keeping its value and its group. `statistic` sees the
    resamples as described at `Statistic`; by default the difference in means.
    Raises ValueError when a group is empty or a day is in both.
    """
    a = dict(a_days)
    b = dict(b_days)
    if not a or not b:
        raise ValueError("both groups need at least one day")
    if a.keys() & b.keys():
        raise ValueError("a day can belong to one group only")
    first = min(min(a), min(b))
    length = (max(max(a), max(b)) - first).days + 1
    values = np.full(length, np.nan)
    group = np.zeros(length, dtype=np.int8)  # 0 = no value, 1 = a, 2 = b
    for label, days in ((1, a), (2, b)):
        index = np.fromiter(((d - first).days for d in days), dtype=np.int64, count=len(days))
        values[index] = np.fromiter(days.values(), dtype=float, count=len(days))
        group[index] = label

    block = max(1, min(block, length))
    n_blocks = -(-length // block)
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, length - block + 1, size=(resamples, n_blocks))
    if statistic is mean_difference:
        return _percentile_interval(_block_mean_differences(values, group, starts, block), level)
    offsets = np.arange(block)
    estimates = np.empty(resamples)
    for at in range(0, resamples, _CHUNK):
        chunk = starts[at : at + _CHUNK]
        index = (chunk[:, :, None] + offsets).reshape(len(chunk), -1)[:, :length]
        v = values[index]
        g = group[index]
        estimates[at : at + len(chunk)] = statistic(np.where(g == 1, v, np.nan), np.where(g == 2, v, np.nan))
    return _percentile_interval(estimates, level)


def _block_mean_differences(
    values: np.ndarray, group: np.ndarray, starts: np.ndarray, block: int
) -> np.ndarray:
    """The mean difference for every resample from block sums, without laying out the days.

    Same resamples as the general path: full blocks of `block` days, and the last one cut
    so the resample is exactly as long as the series.
    """
    length = len(values)
    last = length - (starts.shape[1] - 1) * block  # days kept from the final block

    def prefix(x: np.ndarray) -> np.ndarray:
        return np.concatenate(([0.0], np.cumsum(x)))

    totals = []
    for label in (1, 2):
        mine = group == label
        for cumulative in (prefix(np.where(mine, values, 0.0)), prefix(mine.astype(float))):
            full = cumulative[starts[:, :-1] + block] - cumulative[starts[:, :-1]]
            tail = cumulative[starts[:, -1] + last] - cumulative[starts[:, -1]]
            totals.append(full.sum(axis=1) + tail)
    a_sum, a_n, b_sum, b_n = totals
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where((a_n > 0) & (b_n > 0), a_sum / a_n - b_sum / b_n, np.nan)


def bootstrap_mean_interval(
    values: Iterable[float],
    *,
    resamples: int = RESAMPLES,
    seed: int = DEFAULT_SEED,
    level: float = LEVEL,
) -> tuple[float, float]:
    """A plain seeded percentile bootstrap interval for the mean of independent values."""
    x = np.asarray(list(values), dtype=float)
    if x.size == 0:
        raise ValueError("need at least one value")
    rng = np.random.default_rng(seed)
    estimates = np.empty(resamples)
    for at in range(0, resamples, _CHUNK):
        rows = min(_CHUNK, resamples - at)
        estimates[at : at + rows] = x[rng.integers(0, x.size, size=(rows, x.size))].mean(axis=1)
    return _percentile_interval(estimates, level)
