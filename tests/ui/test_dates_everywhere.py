"""The help card, Preferences, the import review and the weekly totals write days the way
the rest of the window does (ui/dates.py): never one language's weekday beside another's
month, never a week's year left off one of its ends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from runjournal.domain import support_lines
from runjournal.domain.model import Run, Settings, WeekTotals
from runjournal.service.import_plan import ImportItem, Status
from runjournal.ui import dates

DAY = date(2026, 12, 3)


@pytest.fixture
def no_locale_but_qt_in_german(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No locale chosen by the person, while Qt's default locale is another one (as when a
    desktop sets Qt's language but the session has no LANG): the window's rule decides."""
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    previous = QLocale(QLocale().name())
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def us_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    previous = QLocale(QLocale().name())
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(previous)


def test_the_help_cards_last_checked_day_is_the_windows(qtbot, journal, no_locale_but_qt_in_german) -> None:
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog

    dialog = HelpCardDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    assert dialog.checked_label.text() == "Numbers last checked: 21 November 2026"
    assert dates.long_day(support_lines.LAST_CHECKED, with_weekday=False) == "21 November 2026"


def test_the_help_card_follows_a_set_locale(qtbot, journal, us_locale) -> None:
    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.dialogs.help_card_dialog import HelpCardDialog

    dialog = HelpCardDialog(JournalBridge(journal))
    qtbot.addWidget(dialog)
    assert dialog.checked_label.text() == "Numbers last checked: November 21, 2026"


def test_preferences_date_box_is_the_windows_date_box(qtbot, us_locale) -> None:
    from runjournal.ui.dialogs.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(Settings(started_running=date(2026, 3, 5)), "light")
    qtbot.addWidget(dialog)
    assert dialog.started.displayFormat() == dates.edit_format() == "M/d/yyyy"
    assert dialog.started.text() == "3/5/2026"


def test_the_import_review_writes_each_day_in_one_language(qtbot, no_locale_but_qt_in_german) -> None:
    from runjournal.ui.importing.review_model import COL_DATE, ReviewModel

    model = ReviewModel()
    item = ImportItem(Path("a.gpx"), "gpx", Status.NEW, Run(day=DAY, duration_s=1800), included=True)
    model.set_rows([item], Settings().units)
    assert model.data(model.index(0, COL_DATE)) == "Thu 3 Dec 2026"


def test_the_import_review_follows_a_set_locale(qtbot, us_locale) -> None:
    from runjournal.ui.importing.review_model import COL_DATE, ReviewModel

    model = ReviewModel()
    item = ImportItem(Path("a.gpx"), "gpx", Status.NEW, Run(day=DAY, duration_s=1800), included=True)
    model.set_rows([item], Settings().units)
    assert model.data(model.index(0, COL_DATE)) == "Thu 12/3/2026"


def test_a_week_across_new_year_names_both_years(qtbot, no_locale_but_qt_in_german) -> None:
    from runjournal.ui.views.runs.week_totals_table import WeekTotalsTable

    table = WeekTotalsTable()
    qtbot.addWidget(table)
    weeks = [WeekTotals(date(2026, 12, 21)), WeekTotals(date(2026, 12, 28))]
    table.show_weeks(weeks, Settings(), date(2027, 1, 2))
    assert table.item(0, 0).text().startswith("21 Dec – 27 Dec 2026")
    assert table.item(1, 0).text().startswith("28 Dec 2026 – 3 Jan 2027")
