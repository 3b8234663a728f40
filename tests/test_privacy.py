"""Privacy, proved on the real program: no network, a private data folder, nothing elsewhere.

The main flows (log a run, check in, import real watch files, export, the PDF report, the
coach, insights, the window and its charts) run as separate processes, the way a person
runs them, with
- every Internet socket blocked: a `sitecustomize` module (on PYTHONPATH only for these
  processes) replaces socket connect/connect_ex/sendto, create_connection, getaddrinfo and
  gethostbyname with a guard that records the attempt and refuses it. Local (AF_UNIX)
  sockets stay allowed: the window's single-instance QLocalServer and D-Bus use them.
  Qt's own C++ networking would not pass through Python's socket module, so the source is
  also checked for any network client at all;
- HOME, every XDG folder, TMPDIR and the working folder inside one temporary tree, and the
  usual umask 022, so that files the program does not make private would show up as 0644.
Afterwards the tree is compared with a snapshot taken before.
"""

from __future__ import annotations

import gzip
import os
import re
import stat
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "runjournal"
ACTIVITIES = Path(__file__).resolve().parent / "data" / "activities"

pytestmark = pytest.mark.slow

GUARD = textwrap.dedent(
    """
    # Installed in every process of the privacy test: refuses and records Internet use.
    import os
    import socket

    _LOG = os.environ["RUNJOURNAL_NET_LOG"]
    _INTERNET = {socket.AF_INET, socket.AF_INET6}
    with open(_LOG + ".loaded", "a", encoding="utf-8") as loaded:
        loaded.write(f"{os.getpid()}\\n")  # so the test knows every process had the guard


    def _record(what):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {what}\\n")
        raise OSError(101, f"network blocked by the privacy test: {what}")


    def _guard(name):
        original = getattr(socket.socket, name)

        def guarded(self, *args, **kwargs):
            if self.family in _INTERNET:
                _record(f"socket.{name}{args!r}")
            return original(self, *args, **kwargs)

        setattr(socket.socket, name, guarded)


    for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
        _guard(_name)


    def _refuse(name):
        def refused(*args, **kwargs):
            _record(f"socket.{name}{args!r}")

        setattr(socket, name, refused)


    for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        _refuse(_name)
    """
)

CHARTS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from runjournal.service.journal import Journal
    from runjournal.paths import journal_path
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.views.charts.charts_tab import ChartsTab

    journal = Journal.open(journal_path(), create=False)
    tab = ChartsTab(JournalBridge(journal))
    tab.resize(1000, 800)
    view = tab.ensure_view()
    shown = []
    view.chartsShown.connect(lambda data: (shown.append(data), app.quit()))
    tab.show()
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    if not shown or not shown[0].has_runs:
        sys.exit("the charts were never shown with the runs")
    print("charts shown")
    journal.close()
    """
)


@dataclass
class Flows:
    root: Path  # HOME, XDG folders, TMPDIR and the working folder all live in here
    data: Path  # the data folder: the journal and everything beside it
    exported: set[Path]  # what the test asked to be written outside the data folder
    config_file: Path  # the window's QSettings file
    before: dict[Path, tuple[int, int]]
    after: dict[Path, tuple[int, int]]
    attempts: str
    processes: int  # how many processes ran
    guarded: int  # how many of them had the guard installed


def _files(root: Path) -> dict[Path, tuple[int, int]]:
    """Every file under `root` with its size and modification time."""
    return {p: (p.lstat().st_size, p.lstat().st_mtime_ns) for p in root.rglob("*") if not p.is_dir()}


@pytest.fixture(scope="module")
def flows(tmp_path_factory: pytest.TempPathFactory) -> Flows:
    harness = tmp_path_factory.mktemp("harness")  # outside the watched tree
    (harness / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    (harness / "charts.py").write_text(CHARTS, encoding="utf-8")
    net_log = harness / "attempts.log"
    net_log.touch()

    root = tmp_path_factory.mktemp("person")
    home, cwd, downloads = root / "home", root / "work", root / "downloads"
    xdg = {name: root / name.lower() for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                                  "XDG_STATE_HOME", "XDG_RUNTIME_DIR")}  # fmt: skip
    for folder in (home, cwd, downloads, root / "tmp", *xdg.values()):
        folder.mkdir()
    xdg["XDG_RUNTIME_DIR"].chmod(0o700)  # as the session manager makes it
    activities = []
    for packed in sorted(ACTIVITIES.glob("*.gz"))[:4]:
        target = downloads / packed.name.removesuffix(".gz")
        target.write_bytes(gzip.decompress(packed.read_bytes()))
        activities.append(target)

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "RUNJOURNAL_", "PYTHON")) and key not in ("HOME", "TMPDIR")
    }
    env.update({name: str(folder) for name, folder in xdg.items()})
    env.update(
        HOME=str(home),
        TMPDIR=str(root / "tmp"),
        PYTHONPATH=str(harness),
        PYTHONDONTWRITEBYTECODE="1",
        RUNJOURNAL_NET_LOG=str(net_log),
        QT_QPA_PLATFORM="offscreen",
        PYQTGRAPH_QT_LIB="PySide6",
    )
    exported = {cwd / "journal.json", cwd / "runs.csv", cwd / "check-ins.csv", cwd / "week.pdf"}
    before = _files(root)

    processes = 0

    def run(*args: str) -> str:
        nonlocal processes
        processes += 1
        result = subprocess.run(
            [sys.executable, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            umask=0o022,
        )
        assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
        return result.stdout

    runjournal = ("-m", "runjournal")
    run(*runjournal, "log-run", "--minutes", "32:10", "--km", "5", "--effort", "4", "--mood-before", "4",
        "--mood-after", "7", "--note", "Easy loop by the river")  # fmt: skip
    run(*runjournal, "check-in", "--mood", "6", "--stress", "3", "--sleep-hours", "7.5", "--note", "Calmer")
    run(*runjournal, "import", *map(str, activities))
    run(*runjournal, "export", "-o", "journal.json")
    run(*runjournal, "export", "-o", "runs.csv")
    run(*runjournal, "export", "-o", "check-ins.csv", "--check-ins")
    run(*runjournal, "report", "-o", "week.pdf", "--include-notes")
    run(*runjournal, "coach")
    run(*runjournal, "insights", "--json")
    run(*runjournal, "backup")
    assert "smoke test: window painted" in run(*runjournal, "--smoke-test")
    assert "charts shown" in run(str(harness / "charts.py"))

    return Flows(
        root=root,
        data=xdg["XDG_DATA_HOME"] / "RunJournal",
        exported=exported,
        config_file=xdg["XDG_CONFIG_HOME"] / "RunJournal" / "RunJournal.conf",
        before=before,
        after=_files(root),
        attempts=net_log.read_text(encoding="utf-8"),
        processes=processes,
        guarded=len(Path(f"{net_log}.loaded").read_text(encoding="utf-8").split()),
    )


def test_the_main_flows_work_with_the_network_blocked_and_never_try_it(flows: Flows) -> None:
    assert flows.guarded >= flows.processes == 12
    assert flows.attempts == ""
    assert (flows.data / "journal.sqlite").is_file()
    assert all(path in flows.after for path in flows.exported)


def test_the_guard_does_block_and_record_internet_use(tmp_path: Path) -> None:
    """Without this the test above would pass with a guard that never loaded."""
    (tmp_path / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "attempts.log"
    script = (
        "import socket\n"
        "a, b = socket.socketpair()\n"  # local sockets still work
        "a.sendall(b'x'); assert b.recv(1) == b'x'\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 443), timeout=1)\n"
        "except OSError as error:\n"
        "    print('refused', error.errno)\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        "try:\n"
        "    s.connect(('192.0.2.1', 443))\n"
        "except OSError as error:\n"
        "    print('refused', error.errno)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "RUNJOURNAL_NET_LOG": str(log)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.count("refused 101") == 2, result.stdout + result.stderr
    assert log.read_text(encoding="utf-8").count("192.0.2.1") == 2


NETWORK_CLIENTS = re.compile(
    r"\b(QtNetwork\.Q(?!Local)\w+|QNetworkAccessManager|QTcpSocket|QUdpSocket|QSslSocket|QHostInfo|"
    r"QtWebEngine\w*|urllib\.request|http\.client|requests|httpx|aiohttp|socket\.socket|smtplib|ftplib|"
    r"QDesktopServices\.openUrl\(\s*QUrl\(\s*[\"']https?:)"
)


def test_the_source_uses_no_network_client(flows: Flows) -> None:
    """Qt's C++ networking would not meet the Python guard; no module may use any of it."""
    found = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for match in NETWORK_CLIENTS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_data_folder_is_for_its_owner_only(flows: Flows) -> None:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    folders = [flows.data, *(p for p in flows.data.rglob("*") if p.is_dir())]
    files = [p for p in flows.data.rglob("*") if not p.is_dir()]
    assert any(p.parent.name == "backups" for p in files), "the backup is checked too"
    wrong = [
        f"{p.relative_to(flows.root)} {stat.S_IMODE(p.stat().st_mode):o}"
        for p in folders
        if stat.S_IMODE(p.stat().st_mode) != 0o700
    ]
    wrong += [
        f"{p.relative_to(flows.root)} {stat.S_IMODE(p.lstat().st_mode):o}"
        for p in files
        if stat.S_IMODE(p.lstat().st_mode) != 0o600
    ]
    assert wrong == []


def test_nothing_is_written_outside_the_data_folder_but_what_was_asked(flows: Flows) -> None:
    appeared = {
        p for p, seen in flows.after.items() if flows.before.get(p) != seen and flows.data not in p.parents
    }  # new or changed
    # Written on request: the exports and the report the test asked for, by name.
    # The window's own preferences (QSettings: window size and place, the theme, whether
    # the welcome was seen) hold no entries and live where the desktop keeps settings.
    allowed = flows.exported | {flows.config_file}
    unexpected = sorted(map(str, appeared - allowed))
    # Without the system's font cache (Debian's `fontconfig` package) Qt's fontconfig writes
    # one under ~/.cache at every start; root writes the system's instead, so only a normal
    # user sees it.
    font_cache = any("/fontconfig/" in path for path in unexpected)
    assert unexpected == [], "a font cache: install fontconfig, as the README says" if font_cache else ""
    assert set(flows.before) <= set(flows.after)  # nothing the person had was removed
    assert not list((flows.root / "tmp").iterdir())  # no temporary files left behind
