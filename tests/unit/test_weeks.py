"""ISO weeks and the person's own weeks."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runjournal.domain.weeks import IsoWeek, week_start, week_starts

# The last ISO week of 9999 runs into year 10000, which `date` cannot hold.
LAST_FULL_WEEK_DAY = date(9999, 12, 26)
dates = st.dates(max_value=LAST_FULL_WEEK_DAY)


# --- parsing and printing -----------------------------------------------------------------


def test_parse_2026_w47() -> None:
    week = IsoWeek.parse("2026-W47")
    assert week == IsoWeek(2026, 47)
    assert week.monday == date(2026, 11, 16)
    assert week.sunday == date(2026, 11, 22)
    assert week.days() == [date(2026, 11, 16) + timedelta(days=i) for i in range(7)]


@pytest.mark.parametrize("text", ["2026-W47", "2026W47", "2026-w47", " 2026-W47 ", "2026-W47\n"])
def test_parse_accepts_variants(text: str) -> None:
    assert IsoWeek.parse(text) == IsoWeek(2026, 47)


def test_parse_single_digit_week() -> None:
    assert IsoWeek.parse("2026-W1") == IsoWeek(2026, 1)
    assert str(IsoWeek.parse("2026-W1")) == "2026-W01"


@pytest.mark.parametrize("text", ["2026-W47", "2026-W01", "2020-W53", "1999-W09", "0001-W01"])
def test_str_round_trip(text: str) -> None:
    assert str(IsoWeek.parse(text)) == text


@pytest.mark.parametrize(
    "text",
    ["", "2026", "2026-47", "W47", "26-W47", "2026-W", "2026-W123", "2026-X47", "2026--W47", "2026-W4 7"],
)
def test_parse_rejects_malformed_text(text: str) -> None:
    with pytest.raises(ValueError, match="is not a week: write it as 2026-W47"):
        IsoWeek.parse(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021-W53", "2021 has no week 53."),
        ("2026-W54", "2026 has no week 54."),
        ("2026-W00", "2026 has no week 0."),
        ("2026-W99", "2026 has no week 99."),
    ],
)
def test_parse_rejects_weeks_that_do_not_exist(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        IsoWeek.parse(text)


@pytest.mark.parametrize(("year", "week"), [(2021, 53), (2022, 53), (2026, 0), (2026, 54), (0, 1)])
def test_constructor_rejects_weeks_that_do_not_exist(year: int, week: int) -> None:
    with pytest.raises(ValueError, match=f"{year} has no week {week}"):
        IsoWeek(year, week)


@pytest.mark.parametrize("year", [2015, 2020, 2026, 2032])
def test_years_with_a_week_53(year: int) -> None:
    assert IsoWeek(year, 53).monday.isocalendar()[:2] == (year, 53)


def test_weeks_order_by_year_then_week() -> None:
    assert IsoWeek(2020, 53) < IsoWeek(2021, 1) < IsoWeek(2021, 2) < IsoWeek(2022, 1)
    assert sorted([IsoWeek(2021, 1), IsoWeek(2020, 53), IsoWeek(2020, 2)]) == [
        IsoWeek(2020, 2),
        IsoWeek(2020, 53),
        IsoWeek(2021, 1),
    ]


def test_weeks_are_hashable_values() -> None:
    assert len({IsoWeek(2026, 47), IsoWeek.parse("2026-W47"), IsoWeek.of(date(2026, 11, 20))}) == 1


# --- year boundaries ----------------------------------------------------------------------


def test_2020_w53_and_2021_w01() -> None:
    assert IsoWeek(2020, 53).monday == date(2020, 12, 28)
    assert IsoWeek(2020, 53).sunday == date(2021, 1, 3)
    assert IsoWeek(2021, 1).monday == date(2021, 1, 4)


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2021, 1, 3), IsoWeek(2020, 53)),
        (date(2021, 1, 1), IsoWeek(2020, 53)),
        (date(2020, 12, 28), IsoWeek(2020, 53)),
        (date(2021, 1, 4), IsoWeek(2021, 1)),
        (date(2024, 12, 30), IsoWeek(2025, 1)),  # a Monday in December that belongs to next year
        (date(2026, 12, 31), IsoWeek(2026, 53)),
        (date(2027, 1, 3), IsoWeek(2026, 53)),
        (date(2026, 11, 18), IsoWeek(2026, 47)),
    ],
)
def test_of_date(day: date, week: IsoWeek) -> None:
    assert IsoWeek.of(day) == week


# --- arithmetic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("week", "weeks", "expected"),
    [
        (IsoWeek(2020, 53), 1, IsoWeek(2021, 1)),
        (IsoWeek(2020, 52), 1, IsoWeek(2020, 53)),
        (IsoWeek(2021, 52), 1, IsoWeek(2022, 1)),
        (IsoWeek(2026, 47), 52, IsoWeek(2027, 46)),  # 2026 has 53 weeks
        (IsoWeek(2025, 47), 52, IsoWeek(2026, 47)),
        (IsoWeek(2026, 47), 0, IsoWeek(2026, 47)),
        (IsoWeek(2026, 47), -1, IsoWeek(2026, 46)),
        (IsoWeek(2026, 1), 104, IsoWeek(2027, 52)),
    ],
)
def test_adding_weeks(week: IsoWeek, weeks: int, expected: IsoWeek) -> None:
    assert week + weeks == expected


@pytest.mark.parametrize(
    ("week", "weeks", "expected"),
    [
        (IsoWeek(2021, 1), 1, IsoWeek(2020, 53)),
        (IsoWeek(2026, 1), 1, IsoWeek(2025, 52)),
        (IsoWeek(2022, 1), 2, IsoWeek(2021, 51)),
        (IsoWeek(2027, 46), 52, IsoWeek(2026, 47)),
        (IsoWeek(2026, 47), -2, IsoWeek(2026, 49)),
    ],
)
def test_subtracting_weeks(week: IsoWeek, weeks: int, expected: IsoWeek) -> None:
    assert week - weeks == expected


@given(dates, st.integers(min_value=-600, max_value=600))
def test_adding_then_subtracting_returns_the_same_week(day: date, weeks: int) -> None:
    week = IsoWeek.of(day)
    try:
        moved = week + weeks
    except OverflowError:
        return  # beyond the dates Python can hold
    assert (moved.monday - week.monday).days == 7 * weeks
    assert moved - weeks == week


# --- the person's own week ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "first_weekday", "start"),
    [
        (date(2026, 11, 18), 0, date(2026, 11, 16)),  # Wednesday, Monday weeks
        (date(2026, 11, 16), 0, date(2026, 11, 16)),  # the Monday itself
        (date(2026, 11, 22), 0, date(2026, 11, 16)),  # Sunday ends a Monday week
        (date(2026, 11, 18), 6, date(2026, 11, 15)),  # Wednesday, Sunday weeks
        (date(2026, 11, 22), 6, date(2026, 11, 22)),  # Sunday starts a Sunday week
        (date(2026, 11, 21), 6, date(2026, 11, 15)),  # Saturday ends a Sunday week
        (date(2026, 11, 18), 5, date(2026, 11, 14)),  # Saturday weeks
        (date(2021, 1, 2), 6, date(2020, 12, 27)),  # across the new year
        (date(2021, 1, 1), 0, date(2020, 12, 28)),
    ],
)
def test_week_start(day: date, first_weekday: int, start: date) -> None:
    assert week_start(day, first_weekday) == start


def test_week_start_defaults_to_monday() -> None:
    assert week_start(date(2026, 11, 18)) == date(2026, 11, 16)


@given(dates.filter(lambda d: d >= date(1, 1, 7)), st.integers(min_value=0, max_value=6))
def test_week_start_is_the_right_weekday_within_the_week(day: date, first_weekday: int) -> None:
    start = week_start(day, first_weekday)
    assert start.weekday() == first_weekday
    assert 0 <= (day - start).days < 7


def test_week_starts_monday() -> None:
    assert list(week_starts(date(2026, 11, 18), date(2026, 12, 2))) == [
        date(2026, 11, 16),
        date(2026, 11, 23),
        date(2026, 11, 30),
    ]


def test_week_starts_sunday() -> None:
    assert list(week_starts(date(2026, 11, 18), date(2026, 11, 29), first_weekday=6)) == [
        date(2026, 11, 15),
        date(2026, 11, 22),
        date(2026, 11, 29),
    ]


def test_week_starts_single_day_and_same_week() -> None:
    assert list(week_starts(date(2026, 11, 18), date(2026, 11, 18))) == [date(2026, 11, 16)]
    assert list(week_starts(date(2026, 11, 16), date(2026, 11, 22))) == [date(2026, 11, 16)]


def test_week_starts_across_the_year() -> None:
    assert list(week_starts(date(2020, 12, 30), date(2021, 1, 12))) == [
        date(2020, 12, 28),
        date(2021, 1, 4),
        date(2021, 1, 11),
    ]


def test_week_starts_empty_when_last_is_before_the_first_week() -> None:
    assert list(week_starts(date(2026, 11, 18), date(2026, 11, 1))) == []


@given(dates.filter(lambda d: d >= date(1, 1, 7)), st.integers(min_value=0, max_value=60), st.integers(0, 6))
def test_week_starts_cover_every_day(first: date, span: int, first_weekday: int) -> None:
    last = first + timedelta(days=span)
    if last > LAST_FULL_WEEK_DAY:
        return
    starts = list(week_starts(first, last, first_weekday))
    assert starts[0] == week_start(first, first_weekday)
    assert starts[-1] == week_start(last, first_weekday)
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(starts))


# --- properties ---------------------------------------------------------------------------


@given(dates)
def test_iso_week_of_a_date_contains_it(day: date) -> None:
    week = IsoWeek.of(day)
    assert week.monday <= day <= week.sunday
    assert day in week.days()
    assert day.isocalendar()[:2] == (week.year, week.week)


@given(dates)
def test_iso_week_str_round_trip(day: date) -> None:
    week = IsoWeek.of(day)
    assert IsoWeek.parse(str(week)) == week
