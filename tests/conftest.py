"""Every test runs headless, on its own temporary journal, far from the real data folder.

Randomness is seeded: one seed per run, printed in pytest's header (and again at the end
when something failed), taken from RUNJOURNAL_TEST_SEED when that is set, so a run that
failed can be repeated exactly. It seeds Hypothesis, Python's `random` and numpy's global
generator before each test, and tests that draw their own numbers take it from the
`test_seed` fixture.
"""

from __future__ import annotations

import os
import random
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

# Before any QApplication exists: with no display Qt would abort the whole run.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# appdirs reads these; pointing them at a throwaway folder keeps a slip in a test from
# ever reaching the person's real journal.
_SANDBOX = Path(tempfile.mkdtemp(prefix="runjournal-tests-"))
os.environ["HOME"] = str(_SANDBOX / "home")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ.pop("RUNJOURNAL_DB", None)

SEED_ENV = "RUNJOURNAL_TEST_SEED"
SETTLE_TIMEOUT_MS = 10_000


def _seed_of_this_run() -> int:
    given = os.environ.get(SEED_ENV, "").strip()
    if not given:
        return random.SystemRandom().randrange(2**32)
    try:
        return int(given)
    except ValueError:
        raise SystemExit(f"{SEED_ENV} must be a whole number (it was {given!r}).") from None


SEED = _seed_of_this_run()

import numpy  # noqa: E402  (loaded whole here: a window's charts load it in a thread meanwhile)
import pytest  # noqa: E402
from pytestqt.qtbot import QtBot  # noqa: E402

from runjournal.service.journal import Journal  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("hypothesis_seed", None) is None:  # --hypothesis-seed still wins
        from hypothesis import core

        core.global_force_seed = SEED  # type: ignore[assignment]  # what --hypothesis-seed sets


def pytest_report_header(config: pytest.Config) -> str:
    return f"random seed: {SEED} (repeat this run with {SEED_ENV}={SEED})"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int) -> None:
    if exitstatus != pytest.ExitCode.OK:
        terminalreporter.write_line(f"random seed: {SEED} (repeat this run with {SEED_ENV}={SEED})")


@pytest.fixture
def test_seed() -> int:
    """The seed of this run, for a test that draws its own random numbers."""
    return SEED


@pytest.fixture(autouse=True)
def _seeded_global_randomness(request: pytest.FixtureRequest) -> None:
    """Each test starts from the run's seed (mixed with its name, so the order of the tests
    does not change what any one of them draws)."""
    seed = random.Random(f"{SEED}:{request.node.nodeid}").randrange(2**32)
    random.seed(seed)
    numpy.random.seed(seed)


@pytest.fixture
def settle(qtbot: QtBot) -> Callable[[], None]:
    """Waits until the background work already started has finished and everything it (and
    the window's own zero-delay timers) queued has arrived: a condition, not a fixed time.
    Timers with a delay of their own are not waited for; a test checks those are idle."""
    from PySide6.QtCore import QCoreApplication, QThreadPool

    def settle() -> None:
        pool = QThreadPool.globalInstance()
        for _ in range(20):  # work that arrives may start more work; it settles in a few turns
            qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=SETTLE_TIMEOUT_MS)
            QCoreApplication.processEvents()
            QCoreApplication.sendPostedEvents()
            if pool.activeThreadCount() == 0:
                return
        raise AssertionError("background work kept starting more work")

    return settle


@pytest.fixture
def timers_waiting() -> Callable[[object], list[int]]:
    """The intervals of a widget's timers still waiting to fire: what it plans to do later.
    An empty list after `settle()` means nothing more will happen by itself."""
    from PySide6.QtCore import QObject, QTimer

    def waiting(widget: object) -> list[int]:
        assert isinstance(widget, QObject)
        return [timer.interval() for timer in widget.findChildren(QTimer) if timer.isActive()]

    return waiting


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("RUNJOURNAL_DB", str(path))
    return path


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    with Journal.open(journal_path) as opened:
        yield opened
