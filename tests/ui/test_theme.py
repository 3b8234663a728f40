"""Light, dark and the system's own look, chosen in Preferences."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from runjournal.ui import theme


@pytest.fixture
def app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(theme, "_system_style", None)  # as at a fresh start
    style, palette = theme.style_name(qapp.style()), QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_following_the_system_at_start_leaves_its_look_alone(app: QApplication) -> None:
    style, window = theme.style_name(app.style()), app.palette().color(QPalette.ColorRole.Window)
    theme.apply_theme(app, "system")
    assert theme.style_name(app.style()) == style
    assert app.palette().color(QPalette.ColorRole.Window) == window


def test_dark_and_back_to_the_system(app: QApplication) -> None:
    style = theme.style_name(app.style())
    theme.apply_theme(app, "system")
    theme.apply_theme(app, "dark")
    assert theme.style_name(app.style()).lower() == "fusion"
    assert theme.is_dark(app.palette())
    theme.apply_theme(app, "system")
    assert theme.style_name(app.style()) == style
    assert not theme.is_dark(app.palette())
