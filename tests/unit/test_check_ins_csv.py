"""Reading a check-ins table back: RunJournal's own export and the same table as a
spreadsheet leaves it; every bad row named with what is wrong."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runjournal.domain.model import CheckIn, Run
from runjournal.formats.check_ins_csv import (
    CheckInTableError,
    looks_like_check_ins,
    read_check_ins_csv,
)
from runjournal.formats.csv_files import check_ins_table, runs_table

TODAY = date(2026, 12, 3)


def _read(text: str) -> list:
    return list(read_check_ins_csv(text.encode(), "check-ins.csv", TODAY).rows)


def test_the_export_reads_back_as_the_same_check_ins() -> None:
    days = [
        CheckIn(
            date(2026, 11, 30), mood=7, stress=3, anxiety=2, energy=6, sleep_hours=7.5, sleep_quality=8,
            bedtime=time(23, 15), ill=False, note="=SUM(A1) ran, felt light", tags=("therapy", "time outside"),
        ),
        CheckIn(date(2026, 12, 1), mood=3, ill=True, note="'quoted", tags=("slept badly",)),
        CheckIn(date(2026, 12, 2), tags=("period",)),
    ]  # fmt: skip
    data = check_ins_table(days).encode()
    assert looks_like_check_ins(data)
    table = read_check_ins_csv(data, "check-ins.csv", TODAY)
    assert table.check_ins == days
    assert table.problems == []


def test_columns_in_another_order_left_out_or_empty_are_read() -> None:
    rows = _read(
        "tags,mood,date,Ill or injured\r\n"
        "therapy ; time outside;,7,2026-11-30,TRUE\r\n"
        ",,2026-12-01,\r\n"
        "\r\n"
        'Therapy; therapy,"6,0",2026-12-02,no\r\n'
    )
    assert [row.check_in for row in rows] == [
        CheckIn(date(2026, 11, 30), mood=7, ill=True, tags=("therapy", "time outside")),
        CheckIn(date(2026, 12, 1)),
        CheckIn(date(2026, 12, 2), mood=6, tags=("Therapy",)),
    ]
    assert [row.line for row in rows] == [2, 3, 5]  # the blank line 4 is left out


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (
            "3/12/2026,5,",
            "Row 2: the date “3/12/2026” is not written as year-month-day (such as 2026-12-03).",
        ),
        ("2026-02-30,5,", "Row 2: the date “2026-02-30” is not a day of the calendar."),
        ("2026-11-30,12,", "Row 2: mood “12” is outside 1 to 10 (a whole number, or an empty cell)."),
        ("2026-11-30,great,", "Row 2: mood “great” is not a number from 1 to 10."),
        ("2026-11-30,5,25", "Row 2: hours slept “25” is outside 0 to 16."),
        ("2027-06-01,5,", "Row 2: the date 2027-06-01 is in the future."),
    ],
)
def test_a_bad_row_is_named_with_what_is_wrong(row: str, words: str) -> None:
    (only,) = _read(f"date,mood,sleep_hours\r\n{row}\r\n")
    assert only.check_in is None
    assert only.problem == words


def test_a_day_twice_is_refused_on_its_second_row() -> None:
    rows = _read("date,mood\r\n2026-11-30,5\r\n2026-11-30,6\r\n")
    assert rows[0].check_in == CheckIn(date(2026, 11, 30), mood=5)
    assert rows[1].problem == "Row 3: 2026-11-30 is also on row 2; keep one row a day."


def test_bad_bedtime_ill_and_tags_are_named() -> None:
    rows = _read(
        "date,bedtime,ill_or_injured,tags\r\n"
        "2026-11-28,25:10,,\r\n"
        "2026-11-29,,maybe,\r\n"
        f"2026-11-30,,,{'x' * 41}\r\n"
    )
    assert [row.problem for row in rows] == [
        "Row 2: bedtime “25:10” is not a time of day written as 23:15.",
        "Row 3: ill or injured “maybe” is neither yes nor no.",
        "Row 4: tags: a tag is a name of 1 to 40 characters, without spaces around it.",
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("mood,stress\r\n5,5\r\n", "has no “date” column"),
        (
            "date,mood,distance_km\r\n2026-11-30,5,3\r\n",
            "columns a check-ins table doesn't have (“distance_km”)",
        ),
        ("date,mood\r\n", "has a header but no days in it"),
        ("", "is empty"),
    ],
)
def test_a_file_that_is_no_check_ins_table_is_refused_as_a_whole(text: str, words: str) -> None:
    with pytest.raises(CheckInTableError, match=re.escape(words)):
        read_check_ins_csv(text.encode(), "check-ins.csv", TODAY)


def test_a_runs_table_is_not_taken_for_check_ins() -> None:
    runs = runs_table([Run(day=date(2026, 11, 30), duration_s=1800)]).encode()
    assert not looks_like_check_ins(runs)
    assert not looks_like_check_ins(b"date\r\n2026-11-30\r\n")  # nothing but days


def test_a_check_ins_table_with_an_extra_column_is_recognised_so_the_column_can_be_named() -> None:
    assert looks_like_check_ins(b"Date,Mood,weather\r\n2026-11-30,5,sunny\r\n")
    assert not looks_like_check_ins(b"Activity Type,Date,Title,Distance\r\nRunning,2026-11-30,x,5\r\n")


_TAG_NAMES = ("therapy", "time outside", "Café", "=odd", "-late", "'quoted", "a, b", 'say "hi"')


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.builds(
            CheckIn,
            day=st.dates(date(1990, 1, 1), TODAY),
            mood=st.none() | st.integers(1, 10),
            stress=st.none() | st.integers(1, 10),
            anxiety=st.none() | st.integers(1, 10),
            energy=st.none() | st.integers(1, 10),
            sleep_hours=st.none() | st.integers(0, 64).map(lambda quarters: quarters / 4),
            sleep_quality=st.none() | st.integers(1, 10),
            bedtime=st.none() | st.times().map(lambda t: t.replace(second=0, microsecond=0)),
            ill=st.booleans(),
            note=st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
            tags=st.lists(st.sampled_from(_TAG_NAMES), unique=True, max_size=4).map(tuple),
        ),
        min_size=1,
        max_size=8,
        unique_by=lambda check_in: check_in.day,
    )
)
def test_any_check_ins_come_back_from_their_export_unchanged(days: list[CheckIn]) -> None:
    table = read_check_ins_csv(check_ins_table(days).encode(), "check-ins.csv", TODAY)
    assert table.problems == []
    assert table.check_ins == days
