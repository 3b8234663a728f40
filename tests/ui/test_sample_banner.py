"""While the sample journal is open, every view says so and offers the way back, and
nothing typed into the sample reaches the person's own journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from runjournal.service.journal import Journal
from runjournal.ui import app as app_module
from runjournal.ui.main_window import MainWindow

TODAY = date.today()


pytestmark = pytest.mark.usefixtures("fresh_qsettings")


@pytest.fixture
def window(qtbot, journal: Journal) -> MainWindow:
    window = MainWindow(journal)
    qtbot.addWidget(window)
    window.resize(1100, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_persons_own_journal_shows_no_banner(window: MainWindow) -> None:
    assert not window.sample_banner.isVisible()


def test_every_view_of_the_sample_says_so_and_the_button_goes_back(qtbot, window: MainWindow) -> None:
    mine = window.bridge.journal.path
    app_module.open_sample(window)
    assert window.bridge.journal.path.name == app_module.SAMPLE_FILE
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.sample_banner.isVisible()
        assert (
            window.sample_banner.visibleRegion().boundingRect().height() >= window.sample_banner.height() - 1
        )
    assert "This is a sample journal" in window.sample_banner.message.text()
    assert window.sample_banner.open_mine_button.text() == "Open my journal"

    qtbot.mouseClick(window.sample_banner.open_mine_button, Qt.MouseButton.LeftButton)
    assert window.bridge.journal.path == mine
    assert not window.sample_banner.isVisible()


def test_a_check_in_typed_into_the_sample_stays_in_the_sample(
    qtbot, window: MainWindow, journal_path: Path
) -> None:
    app_module.open_sample(window)
    sample_path = window.bridge.journal.path
    window.tabs.setCurrentWidget(window.today)
    panel = window.today.check_in
    assert "sample" in panel.status.text().lower() or panel.bridge.journal.check_in(TODAY) is None
    panel.sliders["mood"].slider.setFocus()
    qtbot.keyClick(panel.sliders["mood"].slider, Qt.Key.Key_3)
    panel.note.setPlainText("typed into the sample")
    assert panel.flush()
    assert "sample" in panel.status.text().lower()
    assert "your journal" not in panel.status.text().lower()

    qtbot.mouseClick(window.sample_banner.open_mine_button, Qt.MouseButton.LeftButton)
    assert window.bridge.journal.path == journal_path
    assert window.bridge.journal.check_in(TODAY) is None
    assert panel.sliders["mood"].value() is None and panel.note.toPlainText() == ""
    window.close()
    with Journal.open(sample_path) as sample:
        saved = sample.check_in(TODAY)
        assert saved is not None and saved.mood == 3 and saved.note == "typed into the sample"
