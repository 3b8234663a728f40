"""Every file RunJournal writes is readable by its owner only, whatever the umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.service.journal import Journal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def open_umask():
    """The common default, under which a file made without care is readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _modes(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): stat.S_IMODE(p.lstat().st_mode) for p in root.rglob("*")}


def test_everything_written_is_private_under_an_open_umask(open_umask, tmp_path: Path, capsys) -> None:
    home = tmp_path / "data" / "RunJournal"
    journal = home / "journal.sqlite"
    out = home / "out"
    assert main(["log-run", "--minutes", "30", "--note", "a private note", "--db", str(journal)]) == 0
    assert main(["check-in", "--mood", "6", "--db", str(journal)]) == 0
    assert main(["backup", "--db", str(journal)]) == 0
    out.mkdir(mode=0o700)
    assert main(["backup", "-o", str(out / "copy.sqlite"), "--db", str(journal)]) == 0
    assert main(["export", "-o", str(out / "all.json"), "--db", str(journal)]) == 0
    assert main(["export", "-o", str(out / "runs.csv"), "--db", str(journal)]) == 0
    # The printed page in a process of its own, as from a terminal (it starts Qt's painting).
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    printed = subprocess.run(
        [sys.executable, "-m", "runjournal", "report", "-o", str(out / "week.pdf"), "--db", str(journal)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.returncode == 0, printed.stderr
    today = date.today()
    period = subprocess.run(
        [sys.executable, "-m", "runjournal", "report", "--from", (today - timedelta(weeks=4)).isoformat(),
         "--to", today.isoformat(), "-o", str(out / "period.pdf"), "--db", str(journal)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert period.returncode == 0, period.stderr
    with Journal.open(journal) as opened:
        opened.log_run(opened.runs()[0].replace(id=None))
        while_open = _modes(home)
        assert {"journal.sqlite-wal", "journal.sqlite-shm"} <= set(while_open)
    modes = {**_modes(tmp_path / "data"), **{f"RunJournal/{k}": v for k, v in while_open.items()}}
    wrong = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode != (0o700 if (tmp_path / "data" / name).is_dir() or name in ("", "RunJournal") else 0o600)
    }
    assert wrong == {}
    assert {
        "RunJournal/out/week.pdf",
        "RunJournal/out/period.pdf",
        "RunJournal/out/runs.csv",
        "RunJournal/journal.sqlite",
    } <= set(modes)
