"""A bug inside a command reaches the log with its traceback, and the person reads a
sentence, not the traceback; the journal keeps what it had."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.service.journal import Journal


def test_a_bug_in_a_command_is_logged_and_said_in_words(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, caplog
) -> None:
    def broken(self: Journal, run: object) -> None:
        raise RuntimeError("a bug in the journal")

    monkeypatch.setattr(Journal, "log_run", broken)
    with caplog.at_level(logging.ERROR):
        code = main(["log-run", "--db", str(journal_path), "--minutes", "30"])

    err = capsys.readouterr().err
    assert code == 3
    assert "runjournal log-run:" in err and "a bug in the journal" in err and "Traceback" not in err
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and logged[0].exc_info[0] is RuntimeError
    with Journal.open(journal_path) as journal:
        assert journal.runs() == []
