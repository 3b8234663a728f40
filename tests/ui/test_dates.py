"""Dates in the window go through one formatter: the person's locale when they have set
one, else an unambiguous "Thu 3 Dec 2026" (never "3 12 2026")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from runjournal.domain.model import DistanceUnit
from runjournal.ui import dates
from runjournal.ui.dialogs.run_dialog import RunDialog
from runjournal.ui.views.today.day_navigator import DayNavigator

DAY = date(2026, 12, 3)


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # what the app sets when nothing is set
    yield


@pytest.fixture
def us_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    previous = QLocale(QLocale().name())  # a copy: QLocale() would follow the new default
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(previous)


def test_without_a_locale_dates_are_unambiguous(no_locale: None) -> None:
    assert dates.short_day(DAY) == "Thu 3 Dec 2026"
    assert dates.long_day(DAY) == "Thursday 3 December 2026"


def test_with_a_locale_dates_follow_it(us_locale: None) -> None:
    assert dates.short_day(DAY) == "12/3/2026"
    assert dates.long_day(DAY) == "Thursday, December 3, 2026"


def test_the_navigator_and_the_run_form_show_the_same_unambiguous_day(qtbot, no_locale: None) -> None:
    navigator = DayNavigator(today=lambda: DAY)
    qtbot.addWidget(navigator)
    assert navigator.date_button.text() == "Thursday 3 December 2026"
    dialog = RunDialog(DistanceUnit.KM)
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(dialog.date_edit.date().fromString("2026-12-03", "yyyy-MM-dd"))
    assert dialog.date_edit.text() == "2026-12-03"  # a box to type into: ISO, never "3 12 2026"


def test_the_run_log_and_the_date_boxes_use_the_same_formatter(qtbot, no_locale: None) -> None:
    from runjournal.ui.views.runs.run_table_model import date_edit_format, locale_date

    assert locale_date(QLocale(), DAY) == "3 Dec 2026"  # the log puts the weekday before it
    assert date_edit_format(QLocale()) == dates.UNAMBIGUOUS_EDIT_FORMAT


def test_the_run_log_follows_a_set_locale(us_locale: None) -> None:
    from runjournal.ui.views.runs.run_table_model import locale_date

    assert locale_date(QLocale(), DAY) == "12/3/2026"


def test_the_run_log_shows_each_day_once_unambiguously(qtbot, no_locale: None, journal) -> None:
    from runjournal.domain.model import Run
    from runjournal.ui.views.runs.run_table_model import COL_DATE, RunTableModel

    model = RunTableModel()
    model.set_runs([Run(day=DAY, duration_s=1800)], DistanceUnit.KM)
    assert model.data(model.index(0, COL_DATE)) == "Thu 3 Dec 2026"


def test_a_day_without_its_weekday_keeps_the_locales_order(no_locale: None) -> None:
    assert dates.long_day(DAY, with_weekday=False) == "3 December 2026"


def test_a_day_without_its_weekday_follows_a_set_locale(us_locale: None) -> None:
    assert dates.long_day(DAY, with_weekday=False) == "December 3, 2026"


def test_a_tables_day_has_its_weekday_first(no_locale: None) -> None:
    assert dates.table_day(DAY) == "Thu 3 Dec 2026"


def test_a_tables_day_follows_a_set_locale(us_locale: None) -> None:
    assert dates.table_day(DAY) == "Thu 12/3/2026"


def test_a_day_inside_a_named_week_has_no_year(no_locale: None) -> None:
    assert dates.day_in_week(DAY) == "Thu 3 Dec"


def test_a_day_inside_a_named_week_follows_a_set_locale(us_locale: None) -> None:
    assert dates.day_in_week(DAY) == "Thu Dec 3"


def test_a_week_is_named_by_its_ends_with_the_year_once(no_locale: None) -> None:
    assert dates.week_span(date(2026, 11, 30), date(2026, 12, 6)) == "30 Nov – 6 Dec 2026"
    assert dates.week_span(date(2026, 12, 28), date(2027, 1, 3)) == "28 Dec 2026 – 3 Jan 2027"


def test_a_week_follows_a_set_locale(us_locale: None) -> None:
    assert dates.week_span(date(2026, 11, 30), date(2026, 12, 6)) == "Nov 30 – Dec 6 2026"


def test_this_weeks_span_may_leave_the_year_off_unless_it_runs_into_the_next(no_locale: None) -> None:
    assert dates.week_span(date(2026, 11, 30), date(2026, 12, 6), with_year=False) == "30 Nov – 6 Dec"
    assert (
        dates.week_span(date(2026, 12, 28), date(2027, 1, 3), with_year=False) == "28 Dec 2026 – 3 Jan 2027"
    )
