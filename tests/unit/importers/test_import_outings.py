"""The same outing from two devices or services (issue 21, problems 2, 3, 4 and 6).

A watch's FIT counts timer time (paused at a café: 113 s) while Garmin Connect's TCX of
the same outing counts the wall clock (126 s); a power meter's recording has no distance
while Zwift's of the same ride has 36.9 km. Each test writes the files it needs as GPX
(any format reaches the plan as the same runs) and plans their import.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from runjournal.domain.model import Activity, Run
from runjournal.formats.importers import FileResult, read_file
from runjournal.formats.importers.common import sha256_hex
from runjournal.service.import_plan import Status, plan_import

START = datetime(2024, 6, 1, 6, 0, tzinfo=UTC)


def _gpx(start: datetime, seconds: int, step_deg: float, kind: str, hr: int | None = None) -> bytes:
    points = []
    for i in range(seconds + 1):
        extra = (
            f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>"
            "</gpxtpx:TrackPointExtension></extensions>"
            if hr
            else ""
        )
        moment = start + timedelta(seconds=i)
        points.append(
            f'<trkpt lat="52.0" lon="{13.0 + i * step_deg:.6f}"><time>{moment:%Y-%m-%dT%H:%M:%SZ}</time>{extra}</trkpt>'
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><type>{kind}</type><trkseg>{''.join(points)}</trkseg></trk></gpx>"
    ).encode()


def _read(tmp_path: Path, name: str, data: bytes) -> FileResult:
    path = tmp_path / name
    path.write_bytes(data)
    result = read_file(path)
    assert result.error is None, result.error
    return result


def test_timer_and_wall_clock_of_one_outing_are_one_run(tmp_path: Path) -> None:
    watch = _read(tmp_path, "watch.gpx", _gpx(START, 113, 0.00005, "running", hr=150))
    connect = _read(tmp_path, "connect.gpx", _gpx(START + timedelta(seconds=5), 126, 0.00005, "running"))
    plan = plan_import([watch, connect], [], set())
    assert [item.status for item in plan.items].count(Status.NEW) == 1
    assert plan.count(Status.DUPLICATE) == 1


def test_a_cafe_stop_does_not_make_two_outings() -> None:
    ride = Run(day=START.date(), duration_s=3 * 3600, activity=Activity.BIKE, started_at=START,
               distance_m=60_000, moving_s=2.5 * 3600, content_hash="a")  # fmt: skip
    wall = ride.replace(
        duration_s=4 * 3600, moving_s=None, started_at=START + timedelta(minutes=2), content_hash="b"
    )
    plan = plan_import([FileResult(Path("w.fit"), "fit", (ride,), data=b"a"),
                        FileResult(Path("c.tcx"), "tcx", (wall,), data=b"b")], [], set())  # fmt: skip
    assert plan.count(Status.NEW) == 1


def test_different_activities_starting_together_stay_apart() -> None:
    run = Run(day=START.date(), duration_s=1800, activity=Activity.RUN, started_at=START, content_hash="a")
    walk = run.replace(activity=Activity.WALK, content_hash="b")
    plan = plan_import([FileResult(Path("a.fit"), "fit", (run,), data=b"a"),
                        FileResult(Path("b.fit"), "fit", (walk,), data=b"b")], [], set())  # fmt: skip
    assert plan.count(Status.NEW) == 2


def test_the_richer_recording_is_kept_and_the_other_is_an_extra_original(tmp_path: Path) -> None:
    # Named so the poorer file comes first, as "a-power-meter" before "zwift".
    power = _read(tmp_path, "a-power-meter.gpx", _gpx(START, 600, 0.0, "cycling"))
    zwift = _read(tmp_path, "zwift.gpx", _gpx(START + timedelta(seconds=3), 600, 0.0001, "cycling", hr=140))
    assert power.runs[0].distance_m is None
    plan = plan_import([power, zwift], [], set())
    (kept,) = plan.new_runs
    assert kept.distance_m is not None and kept.avg_hr == 140
    duplicate = next(item for item in plan.items if item.status is Status.DUPLICATE)
    assert duplicate.path.name == "a-power-meter.gpx"
    assert {source.name for source in plan.sources} == {"zwift.gpx", "a-power-meter.gpx"}
    assert "kept as an extra original" in duplicate.reason


def test_a_silly_speed_is_asked_about_and_not_ticked(tmp_path: Path) -> None:
    ride = Run(day=START.date(), duration_s=57, activity=Activity.RUN, started_at=START, distance_m=4580,
               content_hash="a")  # fmt: skip
    plan = plan_import([FileResult(Path("five-times.gpx"), "gpx", (ride,), data=b"a")], [], set())
    (item,) = plan.items
    assert item.status is Status.NEW and not item.included
    assert "289 km/h" in item.reason
    assert plan.new_runs == []


def test_an_incomplete_file_says_so_in_the_review() -> None:
    ride = Run(day=START.date(), duration_s=5000, activity=Activity.BIKE, started_at=START, content_hash="a")
    plan = plan_import([FileResult(Path("cut.fit"), "fit", (ride,), data=b"a", incomplete=True)], [], set())
    (item,) = plan.items
    assert item.included and "incomplete" in item.label


def test_a_file_already_in_the_journal_is_known_before_it_is_parsed(tmp_path: Path, monkeypatch) -> None:
    data = _gpx(START, 60, 0.0001, "running")
    path = tmp_path / "again.gpx"
    path.write_bytes(data)

    def no_parsing(*args, **kwargs):
        raise AssertionError("the file was parsed")

    monkeypatch.setattr("runjournal.formats.importers.gpx.read_gpx", no_parsing)
    known = {sha256_hex(data)}
    result = read_file(path, known=known.__contains__)
    assert result.error is None and result.runs == () and result.known_hash == sha256_hex(data)
    plan = plan_import([result], [], known)
    (item,) = plan.items
    assert item.status is Status.DUPLICATE and "imported before" in item.reason


def test_unticking_the_kept_recording_keeps_no_extra_original_either(tmp_path: Path) -> None:
    power = _read(tmp_path, "a-power-meter.gpx", _gpx(START, 600, 0.0, "cycling"))
    zwift = _read(tmp_path, "zwift.gpx", _gpx(START + timedelta(seconds=3), 600, 0.0001, "cycling", hr=140))
    plan = plan_import([power, zwift], [], set())
    assert {source.name for source in plan.stored_sources} == {"zwift.gpx", "a-power-meter.gpx"}
    kept = next(row for row, item in enumerate(plan.items) if item.status is Status.NEW)
    edited = plan.with_choices({kept: False}, {})
    assert edited.new_runs == [] and edited.stored_sources == ()
