"""What the window's tests share: window state (QSettings) kept in the test's own folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.views.today.check_in_panel import CheckInPanel


@pytest.fixture
def fresh_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window state lives in QSettings; a test that asks for this starts from none."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    app_module.make_application()
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def check_in_panel(qtbot: QtBot, journal: Journal, stack: QUndoStack) -> Callable[[int], CheckInPanel]:
    """Opens the check-in panel on its own, shown and active, the given number of pixels wide."""

    def open_panel(width: int) -> CheckInPanel:
        widget = CheckInPanel(JournalBridge(journal), stack)
        qtbot.addWidget(widget)
        widget.resize(width, 700)
        widget.show()
        widget.activateWindow()
        qtbot.waitExposed(widget)
        return widget

    return open_panel
