"""What the window's tests share: window state (QSettings) kept in the test's own folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from runjournal.ui import app as app_module


@pytest.fixture
def fresh_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window state lives in QSettings; a test that asks for this starts from none."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    QSettings().clear()
    yield
    QSettings().clear()
