"""Small-sample statistics for one person's journal (docs/coach.md, "Insights").

Neighbouring days are alike (a good week, a bad week, an active month), so resampling single
days would make every interval look more certain than it is. Intervals therefore come from a
moving-block bootstrap over the calendar: each resample strings together randomly placed
runs of consecutive days. How long those runs are is read from the data (Politis and White's
automatic choice), never shorter than a week. Everything is seeded, so the same entries
always give the same numbers.

The functions work on plain numpy arrays laid out one row per calendar day, so the cost
grows with the number of days, not with the number of runs logged on them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

DEFAULT_SEED = 20_250_601
MIN_BLOCK_DAYS = 7
RESAMPLES = 2000
MIN_RESAMPLES = 400
_WORK_CELLS = 10_000_000  # block sums gathered in all per family, so decades of entries stay quick
_CELLS_PER_CHUNK = 1_500_000  # gathered values at a time, so long journals stay a few MB at once


def resamples_for(length: int, block: int, width: int) -> int:
    """How many resamples to draw: RESAMPLES for a journal of a few years, fewer (never under
    MIN_RESAMPLES) for decades of entries, where each resample already averages thousands of
    blocks and the standard error of 400 resamples is within about 4 % of its limit."""
    full = max(1, length // max(1, block))
    return int(max(MIN_RESAMPLES, min(RESAMPLES, _WORK_CELLS // (full * max(1, width)))))


@dataclass(frozen=True)
class BlockChoice:
    """A block length and how much the bootstrap variance with it should be scaled up by."""

    days: int
    variance_correction: float


def choose_block(
    outcome: np.ndarray, grouping: np.ndarray | None = None, *, minimum: int = MIN_BLOCK_DAYS
) -> BlockChoice:
    """The block length for a moving-block bootstrap of a mean (or a difference of means).

    Politis and White (2004), as corrected by Patton, Politis and White (2009): a flat-top
    window over the autocorrelations (up to twice the first lag after which they stay small)
    gives Σ γ(k) and G = Σ |k| γ(k), and the block grows as (G / Σ γ)^(2/3) · n^(1/3).

    For a difference between run days and other days, what matters is how alike neighbouring
    days are in mood *and* in running at once: the autocorrelation of their product, here
    the outcome's autocorrelation times the grouping's. Each of the two is clear in a short
    journal while their product, read directly, drowns in noise, and would let spells of
    active weeks pass unseen. Without a grouping the outcome's own autocorrelation is used.

    Blocks of b days see likeness only within themselves, so the bootstrap variance falls
    short by about G / b (Künsch 1989); `variance_correction` undoes that (1 when days are
    unlike their neighbours, never above 2). Never below `minimum`, never above a third of
    the series, so every resample mixes at least three blocks. NaN counts as the mean.
    """
    n = np.asarray(outcome).size
    ceiling = max(minimum, n // 3)
    first = _autocorrelation(outcome)
    if first is None:
        return BlockChoice(max(1, min(minimum, n)), 1.0)
    rho, reach = first
    if grouping is not None:
        second = _autocorrelation(grouping)
        if second is None:
            return BlockChoice(min(minimum, ceiling), 1.0)
        rho = rho * second[0]
        reach = min(reach, second[1])  # beyond either reach the product is noise
    lags = np.arange(-reach, reach + 1)
    window = _flat_top(lags / reach)
    r = rho[np.abs(lags)]
    long_run = float(np.sum(window * r))
    g = float(np.sum(window * np.abs(lags) * r))
    if long_run <= 0 or g <= 0:
        return BlockChoice(min(minimum, ceiling), 1.0)
    block = (2 * g * g / ((4 / 3) * long_run * long_run)) ** (1 / 3) * n ** (1 / 3)
    days = int(min(ceiling, max(minimum, math.ceil(block))))
    return BlockChoice(days, 1.0 / (1.0 - min(0.5, g / (days * long_run))))


def automatic_block_length(series: np.ndarray, *, minimum: int = MIN_BLOCK_DAYS) -> int:
    """Politis and White's block length for the mean of one series (see `choose_block`)."""
    return choose_block(series, minimum=minimum).days


def _autocorrelation(series: np.ndarray) -> tuple[np.ndarray, int] | None:
    """Autocorrelations up to √n + K lags, and the flat-top window's reach (2 m̂, at least 2):
    None when the series is too short or does not vary."""
    x = np.asarray(series, dtype=float)
    n = x.size
    if n < 8 or not np.isfinite(x).any():
        return None
    x = np.where(np.isnan(x), np.nanmean(x), x)
    x = x - x.mean()
    variance = float(x @ x) / n
    if variance <= 0:
        return None
    k_n = max(5, math.ceil(math.sqrt(math.log10(n))))
    max_lag = min(n - 1, math.ceil(math.sqrt(n)) + k_n)
    size = 1 << (2 * n - 1).bit_length()  # zero-padded, so the FFT's products do not wrap around
    spectrum = np.fft.rfft(x, size)
    rho = np.fft.irfft(spectrum * spectrum.conj(), size)[: max_lag + 1] / n / variance
    threshold = 2.0 * math.sqrt(math.log10(n) / n)
    small = np.abs(rho[1:]) < threshold  # small[j] is lag j + 1
    m_hat = max(1, max_lag - k_n)
    for m in range(0, max_lag - k_n + 1):
        if small[m : m + k_n].all():
            m_hat = m
            break
    return rho, min(2 * max(m_hat, 1), max_lag)


def _flat_top(t: np.ndarray) -> np.ndarray:
    a = np.abs(t)
    return np.where(a <= 0.5, 1.0, np.where(a <= 1.0, 2.0 * (1.0 - a), 0.0))


def block_resample_sums(
    columns: np.ndarray, block: int, *, resamples: int = RESAMPLES, seed: int = DEFAULT_SEED
) -> np.ndarray:
    """Column sums of moving-block bootstrap resamples of the rows of `columns` (one row a day).

    Each resample is as long as the series: `length // block` blocks of `block` consecutive
    days, each placed at random, and one shorter block for the days left over. Returns one
    row per resample. Every column sees the same resampled days, so sums and counts of the
    same comparison stay paired (and comparisons of one family move together, as their
    entries do).
    """
    data = np.asarray(columns, dtype=float)
    if data.ndim == 1:
        data = data[:, None]
    length, width = data.shape
    block = max(1, min(block, length))
    full, rest = divmod(length, block)
    cumulative = np.vstack([np.zeros((1, width)), np.cumsum(data, axis=0)])
    # One row per possible start; single precision halves the memory the gathering walks
    # through, and a block's sum needs no more than its seven significant digits.
    block_sums = (cumulative[block:] - cumulative[:-block]).astype(np.float32)
    rng = np.random.default_rng(seed)
    tail_starts = rng.integers(0, length - rest + 1, size=resamples)
    totals = np.empty((resamples, width))
    step = max(1, _CELLS_PER_CHUNK // max(1, full * width))
    for at in range(0, resamples, step):  # starts drawn chunk by chunk: never all in memory
        rows = min(step, resamples - at)
        starts = rng.integers(0, length - block + 1, size=(rows, full))
        totals[at : at + rows] = block_sums[starts].sum(axis=1, dtype=np.float64)
    if rest:
        totals += cumulative[tail_starts + rest] - cumulative[tail_starts]
    return totals


def centring_correction(length: int, block: int) -> float:
    """The moving-block bootstrap's variance of a mean falls short by about block / length,
    because each block is compared with a mean it helped make (Künsch 1989): this undoes it."""
    return 1.0 / (1.0 - min(0.5, block / max(1, length)))


def spread(estimates: np.ndarray) -> float:
    """The bootstrap standard error: the spread of the finite resampled estimates."""
    finite = estimates[np.isfinite(estimates)]
    if finite.size < 2:
        return math.nan
    return float(finite.std(ddof=1))


def t_quantile(p: float, df: float) -> float:
    """The `p` quantile of Student's t with `df` degrees of freedom (numpy has none).

    Exact for one and two degrees of freedom; otherwise the Cornish–Fisher expansion around
    the normal quantile (Abramowitz and Stegun 26.7.5), within 0.5 % from three degrees of
    freedom at the tails used here.
    """
    if not 0 < p < 1:
        raise ValueError("p must lie strictly between 0 and 1")
    if df <= 1:
        return math.tan(math.pi * (p - 0.5))
    if df <= 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    z = NormalDist().inv_cdf(p)
    v = float(df)
    return (
        z
        + (z**3 + z) / (4 * v)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
    )


def interval_at(estimate: float, standard_error: float, *, tail: float, blocks: int) -> tuple[float, float]:
    """`estimate` ± Student's t for a two-sided `tail`, times the standard error.

    One degree of freedom fewer than the independent blocks the entries fall in, which widens
    short journals where the standard error itself is uncertain.
    """
    if not (math.isfinite(estimate) and math.isfinite(standard_error)):
        return math.nan, math.nan
    width = t_quantile(1 - tail / 2, max(2, blocks - 1)) * standard_error
    return estimate - width, estimate + width


def adjusted_interval(
    estimate: float, standard_error: float, *, family: int, blocks: int, level: float = 0.95
) -> tuple[float, float]:
    """Bonferroni's interval for one of `family` comparisons: 1 − (1 − level) / family each."""
    return interval_at(estimate, standard_error, tail=(1 - level) / max(1, family), blocks=blocks)


def hedges_g(a: np.ndarray, b: np.ndarray) -> float | None:
    """Hedges' g for `a` against `b`: the mean difference over the pooled SD, small-sample corrected.

    None when either side has fewer than two values or there is no spread at all.
    """
    x = np.asarray(a, dtype=float)
    y = np.asarray(b, dtype=float)
    n1, n2 = x.size, y.size
    if n1 < 2 or n2 < 2:
        return None
    pooled = ((n1 - 1) * x.var(ddof=1) + (n2 - 1) * y.var(ddof=1)) / (n1 + n2 - 2)
    if pooled <= 0:
        return None
    correction = 1 - 3 / (4 * (n1 + n2) - 9)
    return float((x.mean() - y.mean()) / math.sqrt(pooled) * correction)


def hedges_g_change(changes: np.ndarray) -> float | None:
    """Hedges' g for within-session changes: the mean change over their SD, corrected.

    None with fewer than two changes or when every change is the same.
    """
    x = np.asarray(changes, dtype=float)
    n = x.size
    if n < 2:
        return None
    sd = x.std(ddof=1)
    if sd <= 0:
        return None
    correction = 1 - 3 / (4 * (n - 1) - 1)
    return float(x.mean() / sd * correction)


def holm_tails(
    estimates: np.ndarray,
    standard_errors: np.ndarray,
    blocks: np.ndarray,
    weights: np.ndarray | None = None,
    *,
    level: float = 0.95,
) -> np.ndarray:
    """Each comparison's two-sided tail by Holm's weighted step-down (Holm 1979).

    At each step every undecided comparison gets its weighted share of 1 − `level` (its
    weight over the undecided ones' total: Bonferroni's share, which holds whatever the
    comparisons have in common); each whose interval then leaves out zero is decided, and
    the rest are judged again as a smaller family, with the larger shares that allows, until
    a step decides none. Deciding all that pass at once decides the same ones as Holm's one
    at a time. A decided comparison keeps the tail it was decided with, the undecided ones
    the last step's, so each interval agrees with its word: it leaves out zero exactly when
    its comparison was decided. One comparison alone, or the last one left, gets the whole
    1 − `level`: its plain interval. `blocks` is what `interval_at` takes.
    """
    estimate = np.asarray(estimates, dtype=float)
    error = np.asarray(standard_errors, dtype=float)
    share = np.ones(estimate.size) if weights is None else np.asarray(weights, dtype=float)
    alpha = 1 - level
    tails = np.full(estimate.size, alpha)
    open_ = np.ones(estimate.size, dtype=bool)
    while open_.any():
        tails[open_] = alpha * share[open_] / share[open_].sum()
        decided = np.zeros_like(open_)
        for j in np.flatnonzero(open_):
            low, high = interval_at(
                float(estimate[j]), float(error[j]), tail=float(tails[j]), blocks=int(blocks[j])
            )
            decided[j] = math.isfinite(low) and (low > 0 or high < 0)
        if not decided.any():
            break
        open_ &= ~decided
    return tails
