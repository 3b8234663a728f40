"""Light, dark and the system's own look, chosen in Preferences."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from runjournal.ui import theme


@pytest.fixture
def app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(theme, "_system_style", None)  # as at a fresh start
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_following_the_system_at_start_leaves_its_look_alone(app: QApplication) -> None:
    style, window = app.style().name(), app.palette().color(QPalette.ColorRole.Window)
    theme.apply_theme(app, "system")
    assert app.style().name() == style
    assert app.palette().color(QPalette.ColorRole.Window) == window


def test_dark_and_back_to_the_system(app: QApplication) -> None:
    style = app.style().name()
    theme.apply_theme(app, "system")
    theme.apply_theme(app, "dark")
    assert app.style().name().lower() == "fusion"
    assert theme.is_dark(app.palette())
    theme.apply_theme(app, "system")
    assert app.style().name() == style
    assert not theme.is_dark(app.palette())
