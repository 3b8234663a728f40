"""Each format on real files, checked against what the device's own summary says."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from runjournal.domain.model import Activity, Source
from runjournal.domain.validation import validate_run
from runjournal.formats.importers import FileResult, read_file

CEST = timezone(timedelta(hours=2), "CEST")  # where the sweat example rides were recorded


def _one(result: FileResult):
    assert result.error is None, result.error
    assert len(result.runs) == 1
    run = result.runs[0]
    assert validate_run(run) == []
    assert run.id is None
    return run


def test_fit_uses_the_watch_summary(real, imported) -> None:
    path = real("4801048867.fit")
    result = imported("4801048867.fit")
    run = _one(result)
    assert result.kind == "fit" and result.data == path.read_bytes()
    assert run.source is Source.FIT
    assert run.activity is Activity.BIKE
    assert run.started_at == datetime(2020, 4, 18, 11, 10, 44, tzinfo=UTC)
    # The watch's local clock said 14:36:58 when UTC was 12:36:58.
    assert run.utc_offset_min == 120 and run.day == date(2020, 4, 18)
    assert run.duration_s == pytest.approx(5158.557)
    assert run.moving_s == pytest.approx(5158.557)
    assert run.distance_m == pytest.approx(36322.85)
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (130, 160, 79)
    assert run.outdoor
    assert run.effort is None and run.note == ""  # this watch was not asked for effort or feel
    assert run.title == "4801048867"


def test_fit_without_gps_is_indoor(imported) -> None:
    run = _one(imported("6449921903_ACTIVITY.fit"))
    assert run.activity is Activity.BIKE and not run.outdoor
    assert run.distance_m is None  # the session says 0 m
    assert run.duration_s == pytest.approx(324.513) and run.moving_s == pytest.approx(196.229)
    assert run.utc_offset_min == 60


def test_tcx_sums_the_laps(imported) -> None:
    run = _one(imported("activity_4801048867.tcx", CEST))
    assert run.source is Source.TCX and run.activity is Activity.BIKE
    assert run.started_at == datetime(2020, 4, 18, 11, 10, 44, tzinfo=UTC)
    assert run.distance_m == pytest.approx(36322.85)  # eight laps, as the watch counted them
    assert run.duration_s == 5158
    assert run.moving_s is None  # lap time equals elapsed time: there was no pause
    assert (run.avg_hr, run.max_hr) == (130, 160)
    assert run.utc_offset_min == 120


def test_tcx_with_a_pause_has_a_moving_time(imported) -> None:
    run = _one(imported("3173437224.tcx", UTC))
    assert run.activity is Activity.RUN
    assert run.duration_s == pytest.approx(3903.719)  # first to last track point
    assert run.moving_s == pytest.approx(3510.0)  # the laps' timer time
    assert run.distance_m == pytest.approx(4508.5, abs=0.01)
    assert run.day == date(2019, 1, 29)


def test_gpx_from_garmin_connect(imported) -> None:
    run = _one(imported("activity_4801048867.gpx", CEST))
    assert run.source is Source.GPX and run.activity is Activity.BIKE
    assert run.title == "Berkelland Fietsen"
    assert run.started_at == datetime(2020, 4, 18, 11, 10, 44, tzinfo=UTC)
    assert run.duration_s == 5158
    assert run.moving_s is not None and run.moving_s <= run.duration_s
    assert run.distance_m == pytest.approx(36322.85, rel=0.005)
    assert (run.avg_hr, run.max_hr) == (130, 160)  # from the track points' heart rates
    assert run.outdoor and run.day == date(2020, 4, 18)


def test_gpx_from_strava_with_a_numeric_type(imported) -> None:
    run = _one(imported("4801048867_strava.gpx", CEST))
    assert run.activity is Activity.BIKE  # Strava writes <type>1</type> for a ride
    assert run.title == "Rondje achterhoek"


def test_the_local_day_follows_the_zone(real) -> None:
    # 14:52 UTC is still 1 June at UTC−11, and already 2 June at UTC+10.
    west = _one(read_file(real("activity_5039744860.gpx"), local_zone=timezone(timedelta(hours=-11))))
    assert west.utc_offset_min == -660 and west.day == date(2020, 6, 1)
    east = _one(read_file(real("activity_5039744860.gpx"), local_zone=timezone(timedelta(hours=10))))
    assert east.utc_offset_min == 600 and east.day == date(2020, 6, 2)


def test_the_computer_zone_is_the_default(imported) -> None:
    run = _one(imported("activity_4801048867.gpx"))
    assert run.started_at is not None
    expected = run.started_at.astimezone().utcoffset()
    assert expected is not None and run.utc_offset_min == expected.total_seconds() / 60


SETS = {
    "4801048867": (
        "4801048867.fit",
        "activity_4801048867.tcx",
        "activity_4801048867.gpx",
        "4801048867_strava.gpx",
    ),
    "4078723797": (
        "4078723797.fit",
        "activity_4078723797.tcx",
        "activity_4078723797.gpx",
        "4078723797_strava.gpx",
    ),
}


@pytest.mark.parametrize("activity_id", SETS)
def test_every_format_of_one_ride_agrees_within_one_percent(imported, activity_id: str) -> None:
    runs = [_one(imported(name, CEST)) for name in SETS[activity_id]]
    watch = runs[0]
    for run in runs[1:]:
        assert run.distance_m == pytest.approx(watch.distance_m, rel=0.01), run.source
        assert run.duration_s == pytest.approx(watch.duration_s, rel=0.01), run.source
        assert run.started_at == watch.started_at and run.day == watch.day
        assert run.activity is watch.activity


def test_the_two_minute_ride_agrees_where_its_sources_do(imported) -> None:
    """Known disagreement, in the files themselves: the Edge 1000's session says 113 s
    elapsed, while its records (and Garmin Connect's TCX and GPX) span 126 s, and the GPX
    track wanders 900 m for a lap distance of 668 m. Only what the files share is checked."""
    fit = _one(imported("2020-06-01-16-52-40.fit"))
    tcx = _one(imported("activity_5039744860.tcx", CEST))
    gpx = _one(imported("activity_5039744860.gpx", CEST))
    assert tcx.distance_m == pytest.approx(fit.distance_m, rel=0.01)
    assert tcx.duration_s == gpx.duration_s == 126
    assert fit.duration_s == pytest.approx(113.15)
    assert fit.started_at == tcx.started_at == gpx.started_at


def test_a_gpx_in_latin_1() -> None:
    from runjournal.formats.importers import read_bytes

    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Côte à pied</name>'
        "<type>running</type><trkseg>"
        '<trkpt lat="48.0" lon="2.0"><time>2024-05-01T06:00:00Z</time></trkpt>'
        '<trkpt lat="48.01" lon="2.0"><time>2024-05-01T06:06:00Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    )
    run = _one(read_bytes("cote.gpx", text.encode("latin-1"), local_zone=UTC))
    assert run.title == "Côte à pied" and run.activity is Activity.RUN
    assert run.duration_s == 360 and run.distance_m == pytest.approx(1112, rel=0.01)
    assert run.avg_hr is None and run.outdoor


@pytest.mark.parametrize("name", ["activity_4801048867.gpx", "activity_4801048867.tcx"])
def test_a_real_file_saved_again_as_utf16_imports_the_same(real, name: str) -> None:
    """Windows tools save XML as UTF-16 with a byte order mark; the content is the same."""
    import re

    original = real(name).read_bytes()
    text = original.decode("utf-8-sig")
    text = re.sub(r"""encoding=["'][^"']+["']""", 'encoding="UTF-16"', text, count=1)
    as_utf16 = text.encode("utf-16")
    assert as_utf16[:2] in (b"\xff\xfe", b"\xfe\xff")
    (first,) = read_file(real(name)).runs
    converted = real(name).with_name("utf16-" + name)
    converted.write_bytes(as_utf16)
    result = read_file(converted)
    assert result.error is None, result.error
    (second,) = result.runs
    assert (second.distance_m, second.duration_s, second.started_at) == (
        first.distance_m,
        first.duration_s,
        first.started_at,
    )
