"""A second window on a journal another RunJournal has open, reached through a hard link
(which no lock file beside a name can see), is told so and writes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from runjournal.service.journal import Journal, JournalError
from runjournal.storage import journal_lock
from runjournal.ui import app as app_module
from runjournal.ui.dialogs.open_problem_dialog import OpenChoice, OpenOutcome, OpenProblemDialog

pytestmark = pytest.mark.skipif(os.name != "posix", reason="hard links and advisory locks")

HOLDER = """
import sys
from runjournal.service.journal import Journal
journal = Journal.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
journal.close()
"""


def test_a_second_window_through_a_hard_link_is_told_the_journal_is_in_use(
    qapp, qtbot, monkeypatch, journal_path: Path
) -> None:
    Journal.open(journal_path).close()
    hard = journal_path.with_name("hard.sqlite")
    os.link(journal_path, hard)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(journal_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    shown: list[OpenProblemDialog] = []

    def show(path: Path, error: JournalError) -> OpenOutcome:
        dialog = OpenProblemDialog(path, error, None)
        qtbot.addWidget(dialog)
        shown.append(dialog)
        return OpenOutcome(OpenChoice.QUIT, None)

    monkeypatch.setattr(app_module, "show_open_problem", show)
    monkeypatch.setattr(journal_lock, "WAIT_S", 0.3)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "open"
        assert app_module.open_journal(hard, None) == app_module.EXIT_UNUSABLE
    finally:
        first.communicate("", timeout=30)
    [dialog] = shown
    assert dialog.heading.text() == "Another program is using your journal"
    assert "has this journal open" in dialog.what.text()
    assert dialog.retry_button is not None
    assert not Path(f"{hard}-wal").exists()
