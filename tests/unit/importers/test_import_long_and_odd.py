"""Files as real watches and apps write them (issue 21): multi-day events, GPX tracks out
of order or without a time fix, sparse timestamps, and FIT files cut short.

Each test writes the file that shows the problem, the way the devices named in the issue
write them: Garmin's desktop apps (MapSource, BaseCamp) write a GPX's tracks in name
order, a GPS without a time fix stamps every point 1901-12-13 (the smallest 32-bit Unix
time), and a watch whose battery dies leaves a FIT file cut off part-way through.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import Activity
from runjournal.domain.validation import validate_run
from runjournal.formats.importers import read_file

START = datetime(2024, 6, 1, 6, 0, tzinfo=UTC)


def _point(lat: float, lon: float, moment: datetime | None) -> str:
    stamp = f"<time>{moment:%Y-%m-%dT%H:%M:%SZ}</time>" if moment is not None else ""
    return f'<trkpt lat="{lat:.6f}" lon="{lon:.6f}">{stamp}</trkpt>'


def _track(name: str, points: list[str], kind: str = "running") -> str:
    return f"<trk><name>{name}</name><type>{kind}</type><trkseg>{''.join(points)}</trkseg></trk>"


def _gpx(tracks: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">'
        + "".join(tracks)
        + "</gpx>"
    ).encode()


def _line(start: datetime | None, count: int, step_s: float, lon0: float = 13.0, step_deg: float = 0.0001,
          timed: set[int] | None = None) -> list[str]:  # fmt: skip
    """Points eastwards along 52° N, `step_deg` of longitude apart (about 6.9 m per 0.0001°)."""
    points = []
    for i in range(count):
        moment = (
            None
            if start is None or (timed is not None and i not in timed)
            else start + timedelta(seconds=i * step_s)
        )
        points.append(_point(52.0, lon0 + i * step_deg, moment))
    return points


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_28_hour_ride_is_imported(tmp_path: Path) -> None:
    # 28.7 hours: a point every 10 minutes, 2 km apart (a brevet's pace).
    points = _line(START, 173, 600, step_deg=0.029)
    path = _write(tmp_path, "brevet.gpx", _gpx([_track("Brevet 400", points, "cycling")]))
    result = read_file(path)
    assert result.error is None, result.error
    (run,) = result.runs
    assert run.duration_s == pytest.approx(172 * 600)
    assert run.activity is Activity.BIKE
    assert validate_run(run) == []


def test_eight_days_is_refused_naming_the_seven_day_limit(tmp_path: Path) -> None:
    points = _line(START, 20, 8 * 86400 / 19)
    result = read_file(_write(tmp_path, "eight-days.gpx", _gpx([_track("Too long", points)])))
    assert result.error is not None
    assert "8 days" in result.error and "7 days" in result.error


def test_tracks_in_name_order_span_earliest_to_latest(tmp_path: Path) -> None:
    # "A" was recorded second, "B" first: written in name order, as MapSource does.
    first = _line(START, 60, 10)
    second = _line(START + timedelta(minutes=20), 60, 10, lon0=13.05)
    path = _write(tmp_path, "name-order.gpx", _gpx([_track("A", second), _track("B", first)]))
    result = read_file(path)
    assert result.error is None, result.error
    (run,) = result.runs
    assert run.started_at == START
    assert run.duration_s == pytest.approx(20 * 60 + 59 * 10)


def test_every_point_at_1901_is_refused_as_no_time_fix(tmp_path: Path) -> None:
    no_fix = datetime(1901, 12, 13, 20, 45, 52, tzinfo=UTC)
    points = [_point(52.0, 13.0 + i * 0.0001, no_fix) for i in range(50)]
    result = read_file(_write(tmp_path, "no-fix.gpx", _gpx([_track("Lost", points)])))
    assert result.error is not None
    assert "time fix" in result.error


def test_one_timed_point_is_refused_as_too_few(tmp_path: Path) -> None:
    points = _line(START, 100, 1, timed={0})
    result = read_file(_write(tmp_path, "one-time.gpx", _gpx([_track("Sparse", points)])))
    assert result.error is not None
    assert "only 1 of its 100 points" in result.error


def test_distance_counts_only_timed_points_and_a_silly_speed_is_questioned(tmp_path: Path) -> None:
    # 296 points 6.9 m apart (about 2 km), times on 5 of them, the last 57 s after the first.
    timed = {0, 1, 2, 3, 4}
    points = _line(START, 296, 14.25, timed=timed)
    result = read_file(_write(tmp_path, "five-times.gpx", _gpx([_track("Sparse", points)])))
    assert result.error is None, result.error
    (run,) = result.runs
    assert run.duration_s == pytest.approx(57)
    assert run.distance_m == pytest.approx(4 * 6.85, rel=0.05)  # the four steps between timed points
    from runjournal.formats.importers.common import speed_doubt

    # A track whose untimed points count too would be 2 km in 57 s: asked about, not stored silently.
    fast = run.replace(distance_m=4580.0)
    doubt = speed_doubt(fast)
    assert doubt is not None and "289 km/h" in doubt
    assert speed_doubt(run) is None


def test_speed_limits_follow_the_activity() -> None:
    from runjournal.domain.model import Run
    from runjournal.formats.importers.common import speed_doubt

    ride = Run(day=START.date(), duration_s=3600, activity=Activity.BIKE, distance_m=45_000)
    assert speed_doubt(ride) is None
    assert speed_doubt(ride.replace(activity=Activity.RUN)) is not None


def test_a_fit_file_cut_at_99_percent_keeps_the_records_before_the_cut(real, tmp_path: Path) -> None:
    whole = real("4801048867.fit").read_bytes()
    path = _write(tmp_path, "battery-died.fit", whole[: int(len(whole) * 0.99)])
    result = read_file(path)
    assert result.error is None, result.error
    assert result.incomplete
    (run,) = result.runs
    assert run.started_at == datetime(2020, 4, 18, 11, 10, 44, tzinfo=UTC)
    # Most of the 5,158 s ride and 36.3 km were before the cut.
    assert 0.9 * 5158 < run.duration_s <= 5159
    assert run.distance_m is not None and 0.9 * 36322 < run.distance_m <= 36323
    assert validate_run(run) == []


def test_a_fit_file_cut_before_any_record_is_refused_in_words(real, tmp_path: Path) -> None:
    whole = real("4801048867.fit").read_bytes()
    result = read_file(_write(tmp_path, "cut-early.fit", whole[:40]))
    assert result.error is not None and "ends early" in result.error


def _tcx(lap_start: datetime, times: list[datetime], total_s: float | None = None) -> bytes:
    points = "".join(f"<Trackpoint><Time>{t:%Y-%m-%dT%H:%M:%SZ}</Time></Trackpoint>" for t in times)
    total = f"<TotalTimeSeconds>{total_s}</TotalTimeSeconds>" if total_s is not None else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{lap_start:%Y-%m-%dT%H:%M:%SZ}</Id>'
        f'<Lap StartTime="{lap_start:%Y-%m-%dT%H:%M:%SZ}">{total}<Track>{points}</Track></Lap>'
        "</Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def test_a_tcx_whose_points_start_before_its_lap_spans_from_the_earliest(tmp_path: Path) -> None:
    times = [START + timedelta(minutes=m) for m in (30, 0, 10, 20)]  # not in order either
    path = _write(tmp_path, "early-points.tcx", _tcx(START + timedelta(minutes=5), times))
    result = read_file(path)
    assert result.error is None, result.error
    (run,) = result.runs
    assert run.started_at == START and run.duration_s == 30 * 60


def test_a_tcx_over_seven_days_is_refused_naming_the_limit(tmp_path: Path) -> None:
    times = [START, START + timedelta(days=9)]
    result = read_file(_write(tmp_path, "nine-days.tcx", _tcx(START, times)))
    assert result.error is not None and "9 days" in result.error and "7 days" in result.error


def test_a_30_hour_tcx_is_imported(tmp_path: Path) -> None:
    times = [START + timedelta(hours=h) for h in range(31)]
    result = read_file(_write(tmp_path, "24-hour-race.tcx", _tcx(START, times, 30 * 3600.0)))
    assert result.error is None, result.error
    assert result.runs[0].duration_s == 30 * 3600
