"""The three CSV flavours: RunJournal's own export, Strava's and Garmin Connect's."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from runjournal.domain.model import Activity, Company, DistanceUnit, Run, Source
from runjournal.domain.validation import validate_run
from runjournal.formats.csv_files import clock_seconds, garmin_number
from runjournal.formats.importers import read_bytes, read_file

CET = timezone(timedelta(hours=1), "CET")


def _runs(result) -> tuple[Run, ...]:
    assert result.error is None, result.error
    assert result.kind == "csv"
    for run in result.runs:
        assert validate_run(run) == [], run
        assert run.source is Source.CSV and run.id is None
    return result.runs


def test_each_row_has_its_own_hash(sample) -> None:
    path = sample("garmin_activities.csv")
    runs = _runs(read_file(path, local_zone=CET))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert [r.content_hash for r in runs] == [f"{digest}:{i}" for i in range(len(runs))]


def test_runjournal_export(sample) -> None:
    first, walk, treadmill = _runs(read_file(sample("runjournal_runs.csv"), local_zone=UTC))
    assert first.day == date(2026, 3, 2)
    assert first.started_at == datetime(2026, 3, 2, 6, 15, tzinfo=UTC)  # 07:15 at UTC+1
    assert first.utc_offset_min == 60
    assert (first.duration_s, first.moving_s, first.distance_m) == (1930, 1900, 5012.4)
    assert (first.effort, first.mood_before, first.mood_after) == (4, 5, 7)
    assert (first.stress_before, first.stress_after) == (6, 3)
    assert first.mindful and first.outdoor and (first.avg_hr, first.max_hr, first.ascent_m) == (142, 161, 35)
    assert first.title == "Morning loop" and first.note == "Cold, but the sun came out"
    assert walk.activity is Activity.WALK and walk.company is Company.BUDDY and walk.distance_m == 3500
    assert treadmill.started_at is None and treadmill.utc_offset_min is None
    assert not treadmill.outdoor and treadmill.note_private and treadmill.company is Company.GROUP


def test_runjournal_export_round_trip() -> None:
    """What the runs table RunJournal writes reads back as the same run."""
    from runjournal.formats.csv_files import runs_table

    run = Run(
        day=date(2026, 1, 5),
        duration_s=2712.0,
        started_at=datetime(2026, 1, 5, 23, 30, tzinfo=UTC),
        utc_offset_min=-300,
        distance_m=7012.5,
        effort=6,
        mood_before=3,
        avg_hr=150,
        max_hr=171,
        title="Evening, after work",
        note='He said "keep going"',
    )
    (back,) = _runs(read_bytes("runs.csv", runs_table([run]).encode()))
    assert back.replace(source=Source.MANUAL, content_hash=None) == run


def test_strava_export(sample) -> None:
    run, swim, zwift = _runs(read_file(sample("strava_activities.csv"), local_zone=CET))
    assert run.activity is Activity.RUN and run.title == "Morning Run"
    assert run.started_at == datetime(2023, 11, 3, 7, 12, 45, tzinfo=UTC)  # Strava's dates are UTC
    assert run.utc_offset_min == 60 and run.day == date(2023, 11, 3)
    assert run.duration_s == 2040 and run.moving_s == 1985
    assert run.distance_m == pytest.approx(5021.3, abs=0.01)  # the metres column, not 5.02 km
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.effort) == (149, 171, 42, 5)
    # 23:30 UTC on 4 November is already 5 November at UTC+1.
    assert swim.activity is Activity.SWIM and swim.day == date(2023, 11, 5) and swim.distance_m == 1500
    assert zwift.activity is Activity.BIKE and not zwift.outdoor
    assert zwift.avg_hr is None  # Strava's 0.0 means no heart rate


def test_strava_first_distance_column_is_km_when_the_metres_are_missing(sample) -> None:
    lines = sample("strava_activities.csv").read_text().splitlines()
    header = lines[0].split(",")
    values = [""] * len(header)
    values[header.index("Activity Date")] = '"Jan 2, 2024, 6:00:00 PM"'
    values[header.index("Activity Type")] = "Run"
    values[header.index("Elapsed Time")] = "1800"
    values[header.index("Distance")] = "5.5"
    (run,) = _runs(
        read_bytes("activities.csv", (lines[0] + "\n" + ",".join(values)).encode(), local_zone=UTC)
    )
    assert run.distance_m == 5500


def test_garmin_export_in_km(sample) -> None:
    run, treadmill, swim = _runs(read_file(sample("garmin_activities.csv"), local_zone=CET))
    # Garmin writes the local wall-clock time: 17:06:03 at UTC+1.
    assert run.started_at == datetime(2025, 2, 6, 16, 6, 3, tzinfo=UTC)
    assert run.utc_offset_min == 60 and run.day == date(2025, 2, 6)
    assert run.duration_s == 32 * 60 + 57 and run.moving_s == 31 * 60 + 8  # Elapsed and Moving Time
    assert run.distance_m == pytest.approx(5480)
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (153, 176, 215)
    assert run.title == "Wellington Running" and run.outdoor
    assert treadmill.activity is Activity.RUN and not treadmill.outdoor
    assert treadmill.duration_s == pytest.approx(3900.5)
    assert (treadmill.avg_hr, treadmill.max_hr, treadmill.ascent_m) == (None, None, None)  # "--"
    assert swim.activity is Activity.SWIM and swim.distance_m == 1500  # swims are in metres


def test_garmin_export_in_miles(sample) -> None:
    run, _, swim = _runs(
        read_file(sample("garmin_activities.csv"), local_zone=CET, csv_units=DistanceUnit.MI)
    )
    assert run.distance_m == pytest.approx(5.48 * 1609.344)
    assert run.ascent_m == pytest.approx(215 * 0.3048)  # feet
    assert swim.distance_m == pytest.approx(1500 * 0.9144)  # yards


def test_garmin_times_and_numbers() -> None:
    assert clock_seconds("00:32:10") == 1930
    assert clock_seconds("1:05:00.5") == 3900.5
    assert clock_seconds("32:10") == 1930
    assert clock_seconds("--") is None
    assert garmin_number("1,034.56") == 1034.56
    assert garmin_number("4,808") == 4808
    assert garmin_number("7,00") == 7.0
    assert garmin_number("--") is None


def test_unreadable_rows_are_left_out(sample) -> None:
    text = sample("garmin_activities.csv").read_text()
    header, first, *_ = text.splitlines()
    broken = first.replace("2025-02-06 17:06:03", "yesterday")
    result = read_bytes("Activities.csv", "\n".join([header, broken, first]).encode(), local_zone=CET)
    runs = _runs(result)
    assert len(runs) == 1 and runs[0].content_hash and runs[0].content_hash.endswith(":1")
    # The person hears which row was left out, by its line number in a spreadsheet.
    assert result.skipped == (
        "row 2 of “Activities.csv” could not be read as an activity (a date or duration is missing or wrong).",
    )


def test_a_table_it_does_not_know() -> None:
    result = read_bytes("check_ins.csv", b"date,mood,stress\n2026-01-01,5,5\n")
    assert result.error and "Strava" in result.error and "Garmin" in result.error


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 3, 2023, 7:12:45 AM", datetime(2023, 11, 3, 7, 12, 45, tzinfo=UTC)),
        ("Nov 3, 2023, 12:05:00 AM", datetime(2023, 11, 3, 0, 5, tzinfo=UTC)),
        ("Sep 30, 2023, 11:59:59 PM", datetime(2023, 9, 30, 23, 59, 59, tzinfo=UTC)),
        ("3 Nov 2023, 07:12:45", datetime(2023, 11, 3, 7, 12, 45, tzinfo=UTC)),
        ("2023-11-03 07:12:45", datetime(2023, 11, 3, 7, 12, 45, tzinfo=UTC)),
    ],
)
def test_strava_dates(text: str, expected: datetime) -> None:
    from runjournal.formats.csv_files import _strava_date

    assert _strava_date(text) == expected


@pytest.mark.parametrize("text", ["Nov 31, 2023, 7:00:00 AM", "Nov 3, 2023, 13:00:00 PM", "Brumaire 3, 2023"])
def test_strava_dates_that_are_not_dates(text: str) -> None:
    from runjournal.formats.csv_files import _strava_date

    with pytest.raises(ValueError, match="not a Strava date"):
        _strava_date(text)


GERMAN_DESKTOP = """
import sys
from PySide6.QtWidgets import QApplication
from runjournal.formats.importers import read_file

app = QApplication([])  # sets the C library's locale from the desktop's, as the window does
result = read_file(sys.argv[1])
print(result.error or f"{len(result.runs)} {result.runs[0].started_at.isoformat()}")
"""


def test_a_strava_export_reads_the_same_on_a_german_desktop(sample, tmp_path) -> None:
    """Strava writes English month names; a desktop in another language must not matter."""
    import os
    import shutil
    import subprocess
    import sys

    localedef = shutil.which("localedef")
    made = localedef and subprocess.run(
        [localedef, "-i", "de_DE", "-f", "UTF-8", str(tmp_path / "de_DE.UTF-8")], capture_output=True
    )
    if not made or not (tmp_path / "de_DE.UTF-8").exists():
        pytest.skip("the German locale cannot be made on this machine")
    env = {**os.environ, "LOCPATH": str(tmp_path), "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", GERMAN_DESKTOP, str(sample("strava_activities.csv"))],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "2023-11-03T07:12:45+00:00"]
