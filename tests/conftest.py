"""Every test runs headless, on its own temporary journal, far from the real data folder."""

from __future__ import annotations

import os
import tempfile
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

import pytest  # noqa: E402

from runjournal.service.journal import Journal  # noqa: E402


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.sqlite"
    monkeypatch.setenv("RUNJOURNAL_DB", str(path))
    return path


@pytest.fixture
def journal(journal_path: Path):
    with Journal.open(journal_path) as opened:
        yield opened
