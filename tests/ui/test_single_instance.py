"""One window per journal: a second start raises the first; a crash's stale lock is taken over."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runjournal.storage.app_lock import held_by_app, lock_path, read_lock
from runjournal.ui.single_instance import ALREADY_OPEN, SingleInstance

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication, QTimer
    from runjournal.ui.single_instance import SingleInstance

    app = QCoreApplication([])
    instance = SingleInstance(Path(sys.argv[1]))
    print("held" if instance.acquire() else "refused", flush=True)
    QTimer.singleShot(60_000, app.quit)
    app.exec()
    """
)


@pytest.fixture
def instance(qapp, journal_path: Path):
    first = SingleInstance(journal_path)
    yield first
    first.release()


@pytest.fixture
def held_elsewhere(journal_path: Path):
    """Another process holding the journal, as a second RunJournal window would."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)],
        stdout=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    yield holder
    holder.kill()
    holder.wait(timeout=10)


def _dead_pid() -> int:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(finished.stdout)


def test_the_first_start_holds_a_private_lock(instance: SingleInstance, journal_path: Path) -> None:
    assert instance.acquire()
    lock = lock_path(journal_path)
    assert lock.exists() and lock.name == "journal.sqlite.lock"
    if os.name == "posix":
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    info = read_lock(journal_path)
    assert info is not None and info.pid == os.getpid() and info.host == socket.gethostname()
    instance.release()
    assert not lock.exists()


def test_a_second_start_brings_the_first_window_to_the_front(
    qtbot, instance: SingleInstance, journal_path: Path
) -> None:
    assert instance.acquire()
    with qtbot.waitSignal(instance.raiseRequested, timeout=20_000):
        second = subprocess.Popen(
            [sys.executable, "-m", "runjournal", "--db", str(journal_path)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        )  # fmt: skip
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert ALREADY_OPEN in out
    assert "Traceback" not in err
    assert instance.held  # the first keeps the journal


def test_acquire_in_another_process_fails_and_raises_the_first(
    qtbot, instance: SingleInstance, journal_path: Path
) -> None:
    assert instance.acquire()
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from runjournal.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        other = SingleInstance(Path(sys.argv[1]))
        print(other.acquire(), other.raised_other, other.message, sep="|")
        """
    )
    with qtbot.waitSignal(instance.raiseRequested, timeout=20_000):
        other = subprocess.Popen(
            [sys.executable, "-c", script, str(journal_path)], stdout=subprocess.PIPE, text=True, env=ENV
        )
    out, _ = other.communicate(timeout=60)
    acquired, raised, message = out.strip().split("|")
    assert (acquired, raised, message) == ("False", "True", ALREADY_OPEN)


def test_the_window_comes_to_the_front_when_asked(qtbot, instance: SingleInstance) -> None:
    from PySide6.QtWidgets import QWidget

    from runjournal.ui.single_instance import bring_to_front

    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    instance.raiseRequested.connect(lambda: bring_to_front(window))
    instance.raiseRequested.emit()
    assert window.isVisible() and not window.isMinimized()


def test_a_stale_lock_left_by_a_crash_is_recovered(instance: SingleInstance, journal_path: Path) -> None:
    lock = lock_path(journal_path)
    dead = _dead_pid()
    lock.write_text(f"{dead}\n{Path(sys.executable).resolve().name}\n{socket.gethostname()}\n")
    assert held_by_app(journal_path) is None  # the terminal does not count it either
    assert instance.acquire()
    info = read_lock(journal_path)
    assert info is not None and info.pid == os.getpid()


def test_a_journal_held_by_a_running_window_is_refused(journal_path: Path, held_elsewhere, qapp) -> None:
    other = SingleInstance(journal_path)
    assert not other.acquire(notify=False)
    assert "already open" in other.message
    assert f"process {held_elsewhere.pid}" in (held_by_app(journal_path) or "")


def test_switching_journals_moves_the_lock(
    instance: SingleInstance, journal_path: Path, tmp_path: Path
) -> None:
    assert instance.acquire()
    other = tmp_path / "other.sqlite"
    assert instance.switch_to(other)
    assert lock_path(other).exists() and not lock_path(journal_path).exists()
    assert instance.switch_to(other)  # the same journal again: nothing to do
    assert instance.switch_to(journal_path)
    assert lock_path(journal_path).exists() and not lock_path(other).exists()


def test_switching_to_a_journal_open_elsewhere_keeps_the_current_one(
    qapp, tmp_path: Path, journal_path: Path, held_elsewhere
) -> None:
    mine = SingleInstance(tmp_path / "mine.sqlite")
    try:
        assert mine.acquire()
        assert not mine.switch_to(journal_path)
        assert mine.path == tmp_path / "mine.sqlite" and mine.held
        assert lock_path(tmp_path / "mine.sqlite").exists()
    finally:
        mine.release()


def test_the_smoke_test_fails_plainly_on_a_journal_open_elsewhere(journal_path: Path, held_elsewhere) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", "--smoke-test", "--db", str(journal_path)],
        capture_output=True, text=True, env=ENV, timeout=120,
    )  # fmt: skip
    assert result.returncode == 3
    assert "already open" in result.stderr and "Traceback" not in result.stderr


def test_a_second_start_waits_for_a_window_that_is_not_listening_yet(
    qtbot, instance: SingleInstance, journal_path: Path, tmp_path: Path
) -> None:
    """The window listens just after its first paint; a start in that moment still gets through."""
    assert instance.acquire(listen=False)
    trying = tmp_path / "trying"
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from runjournal.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        other = SingleInstance(Path(sys.argv[1]))
        Path(sys.argv[2]).touch()
        print(other.acquire(), other.raised_other, other.message, sep="|")
        """
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(journal_path), str(trying)],
        stdout=subprocess.PIPE, text=True, env=ENV,
    )  # fmt: skip
    qtbot.waitUntil(trying.exists, timeout=20_000)
    with qtbot.waitSignal(instance.raiseRequested, timeout=20_000):
        instance.listen()
    out, _ = other.communicate(timeout=60)
    acquired, raised, message = out.strip().split("|")
    assert (acquired, raised, message) == ("False", "True", ALREADY_OPEN)


def test_a_start_from_the_reminder_asks_the_open_window_for_todays_check_in(
    qtbot, instance: SingleInstance, journal_path: Path
) -> None:
    assert instance.acquire()
    with qtbot.waitSignals([instance.raiseRequested, instance.checkInRequested], timeout=20_000):
        second = subprocess.Popen(
            [sys.executable, "-m", "runjournal", "--db", str(journal_path), "--check-in"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
        )  # fmt: skip
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert ALREADY_OPEN in out
    assert instance.held
