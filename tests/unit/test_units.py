"""Durations, distances, paces and clock times as people type and read them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runjournal.domain.model import DistanceUnit
from runjournal.domain.units import (
    METRES_PER_KM,
    METRES_PER_MILE,
    format_distance,
    format_duration,
    format_minutes,
    format_pace,
    pace_s_per_unit,
    parse_clock,
    parse_distance,
    parse_duration,
)

KM, MI = DistanceUnit.KM, DistanceUnit.MI


# --- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("32:10", 1930),
        ("1:05:00", 3900),
        ("45", 45 * 60),
        ("45 min", 45 * 60),
        ("45min", 45 * 60),
        ("  32:10  ", 1930),
        ("0:01", 1),
        ("5:3", 303),
        ("59:59", 3599),
        ("24:00:00", 86400),
        ("100:00:00", 360000),
        ("1:00:00", 3600),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("45,5", 45.5 * 60),
        ("45.5", 45.5 * 60),
        ("32:10,5", 1930.5),
        ("32:10.5", 1930.5),
        ("1:05:00,25", 3900.25),
        ("0,5", 30),
    ],
)
def test_parse_duration_accepts_decimal_comma_and_point(text: str, seconds: float) -> None:
    assert parse_duration(text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    ["abc", "32:", ":10", "1:2:3:4", "-5", "-5:00", "32;10", "32 10", "1e3", "32:10:", "5 km", "5,", "x:10"],
)
def test_parse_duration_rejects_garbage_with_a_readable_message(text: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_duration(text)
    message = str(excinfo.value)
    assert text.strip() in message
    assert "32:10" in message  # shows an example of what to type


@pytest.mark.parametrize("text", ["", "   ", "min"])
def test_parse_duration_empty_asks_for_a_duration(text: str) -> None:
    with pytest.raises(ValueError, match=r"Enter a duration, like 32:10 or 1:05:00\."):
        parse_duration(text)


@pytest.mark.parametrize("text", ["32:60", "32:75", "1:05:60", "0:99", "32:60,0"])
def test_parse_duration_refuses_seconds_of_60_or_more(text: str) -> None:
    with pytest.raises(ValueError, match="seconds must be below 60"):
        parse_duration(text)


def test_parse_duration_accepts_seconds_just_below_60() -> None:
    assert parse_duration("32:59,9") == pytest.approx(32 * 60 + 59.9)


@pytest.mark.parametrize("text", ["1:60:00", "1:75:00"])
def test_parse_duration_refuses_minutes_of_60_or_more_with_hours(text: str) -> None:
    with pytest.raises(ValueError, match="minutes must be below 60 when hours are given"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["0", "0,0", "0:00", "00:00", "0:00:00", "0 min", "0:00,0"])
def test_parse_duration_refuses_zero(text: str) -> None:
    with pytest.raises(ValueError, match=r"^Duration must be more than 0 minutes\.$"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (1, "0:01"),
        (59, "0:59"),
        (60, "1:00"),
        (1930, "32:10"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3900, "1:05:00"),
        (86400, "24:00:00"),
        (1930.4, "32:10"),
        (1930.6, "32:11"),
        (3599.6, "1:00:00"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@given(st.integers(min_value=1, max_value=86400 * 2))
def test_duration_round_trip_from_seconds(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


@st.composite
def canonical_durations(draw: st.DrawFn) -> str:
    hours = draw(st.integers(min_value=0, max_value=48))
    minutes = draw(st.integers(min_value=0, max_value=59))
    seconds = draw(st.integers(min_value=0, max_value=59))
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    if minutes == 0 and seconds == 0:
        seconds = 1  # zero is not a duration
    return f"{minutes}:{seconds:02d}"


@given(canonical_durations())
def test_duration_round_trip_from_text(text: str) -> None:
    assert format_duration(parse_duration(text)) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0 min"), (29, "0 min"), (45 * 60, "45 min"), (3600, "1 h 00 min"), (7500, "2 h 05 min")],
)
def test_format_minutes(seconds: float, text: str) -> None:
    assert format_minutes(seconds) == text


# --- distances ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "metres"),
    [
        ("5", KM, 5000.0),
        ("5.2", KM, 5200.0),
        ("5,2", KM, 5200.0),
        (" 10 ", KM, 10000.0),
        ("1", MI, METRES_PER_MILE),
        ("3,1", MI, 3.1 * METRES_PER_MILE),
        # A suffix overrides the person's unit.
        ("5 km", MI, 5000.0),
        ("5km", MI, 5000.0),
        ("5 KM", MI, 5000.0),
        ("3 mi", KM, 3 * METRES_PER_MILE),
        ("3mi", KM, 3 * METRES_PER_MILE),
        ("3 miles", KM, 3 * METRES_PER_MILE),
        ("3,5 Miles", KM, 3.5 * METRES_PER_MILE),
        ("5 km", KM, 5000.0),
    ],
)
def test_parse_distance(text: str, unit: DistanceUnit, metres: float) -> None:
    assert parse_distance(text, unit) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "unit", "label"),
    [
        ("abc", KM, "km"),
        ("", KM, "km"),
        ("-5", KM, "km"),
        ("5 furlongs", MI, "mi"),
        ("km", MI, "mi"),
        ("5.", KM, "km"),
    ],
)
def test_parse_distance_rejects_garbage_with_a_readable_message(
    text: str, unit: DistanceUnit, label: str
) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_distance(text, unit)
    message = str(excinfo.value)
    assert f"“{text.strip()}” is not a distance" in message
    assert f"type a number of {label}" in message


@pytest.mark.parametrize("text", ["0", "0,0", "0 km", "0 mi"])
def test_parse_distance_refuses_zero(text: str) -> None:
    expected = r"^Distance must be more than 0 \(leave it empty if you don't know it\)\.$"
    with pytest.raises(ValueError, match=expected):
        parse_distance(text, KM)


@pytest.mark.parametrize(
    ("metres", "unit", "decimals", "text"),
    [
        (5000, KM, 2, "5.00 km"),
        (5234, KM, 2, "5.23 km"),
        (5236, KM, 1, "5.2 km"),
        (METRES_PER_MILE, MI, 2, "1.00 mi"),
        (5000, MI, 2, "3.11 mi"),
        (42195, KM, 0, "42 km"),
    ],
)
def test_format_distance(metres: float, unit: DistanceUnit, decimals: int, text: str) -> None:
    assert format_distance(metres, unit, decimals) == text


@given(
    st.floats(min_value=10.0, max_value=1_000_000.0, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(DistanceUnit)),
)
def test_distance_round_trip_within_rounding(metres: float, unit: DistanceUnit) -> None:
    per_unit = METRES_PER_KM if unit is KM else METRES_PER_MILE
    back = parse_distance(format_distance(metres, unit), unit)
    # Two decimals: off by at most half a hundredth of the unit.
    assert abs(back - metres) <= 0.005 * per_unit + 1e-6


@given(
    st.integers(min_value=1, max_value=100_000),
    st.sampled_from(list(DistanceUnit)),
)
def test_distance_round_trip_from_text(hundredths: int, unit: DistanceUnit) -> None:
    text = f"{hundredths // 100}.{hundredths % 100:02d} {unit.value}"
    assert format_distance(parse_distance(text, unit), unit) == text


# --- paces --------------------------------------------------------------------------------


def test_pace_per_km() -> None:
    assert pace_s_per_unit(1930, 5000, KM) == pytest.approx(386)
    assert format_pace(1930, 5000, KM) == "6:26 /km"


def test_pace_per_mile() -> None:
    assert pace_s_per_unit(1930, 5000, MI) == pytest.approx(1930 / (5000 / METRES_PER_MILE))
    assert format_pace(1930, 5000, MI) == "10:21 /mi"
    assert format_pace(480, METRES_PER_MILE, MI) == "8:00 /mi"


def test_slow_pace_shows_hours() -> None:
    assert format_pace(2 * 3600, 1000, KM) == "2:00:00 /km"


@pytest.mark.parametrize("distance", [None, 0, 0.0, -5.0, float("nan")])
@pytest.mark.parametrize("unit", list(DistanceUnit))
def test_pace_unknown_without_a_distance(distance: float | None, unit: DistanceUnit) -> None:
    assert format_pace(1930, distance, unit) == ""
    if distance is None or distance <= 0:
        assert pace_s_per_unit(1930, distance, unit) is None


@pytest.mark.parametrize("duration", [0, -10])
def test_pace_unknown_without_a_duration(duration: float) -> None:
    assert pace_s_per_unit(duration, 5000, KM) is None
    assert format_pace(duration, 5000, KM) == ""


def test_pace_unknown_for_an_infinite_duration() -> None:
    assert format_pace(float("inf"), 5000, KM) == ""


# --- clock times --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("22:45", (22, 45)),
        ("7:05", (7, 5)),
        ("07:05", (7, 5)),
        ("00:00", (0, 0)),
        ("23:59", (23, 59)),
        (" 6:30 ", (6, 30)),
    ],
)
def test_parse_clock(text: str, clock: tuple[int, int]) -> None:
    assert parse_clock(text) == clock


@pytest.mark.parametrize(
    "text", ["24:00", "22:60", "2245", "22:5", "22.45", "", "abc", "123:00", "-1:00", "22:45:00"]
)
def test_parse_clock_rejects_with_a_readable_message(text: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_clock(text)
    message = str(excinfo.value)
    assert f"“{text.strip()}” is not a time of day" in message
    assert "HH:MM" in message


def test_a_day_in_a_sentence() -> None:
    from datetime import date

    from runjournal.domain.units import format_day

    assert format_day(date(2026, 11, 20)) == "Fri 20 Nov 2026"
    assert format_day(date(2026, 3, 2)) == "Mon 2 Mar 2026"  # no leading zero
