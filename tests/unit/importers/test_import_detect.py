"""Sniffing the kind of a file, mapping sport names, and keeping heavy imports lazy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from runjournal.domain.model import Activity
from runjournal.formats.importers.activity_types import activity_of, is_indoor
from runjournal.formats.importers.detect import kind_of_name, sniff


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("4801048867.fit", "fit"),
        ("activity_4801048867.tcx", "tcx"),
        ("4801048867_strava.gpx", "gpx"),
        ("3173437224.tcx", "tcx"),
    ],
)
def test_real_files_are_recognised(real, name: str, kind: str) -> None:
    assert sniff(real(name).read_bytes()) == kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><gpx version="1.1"/>', "gpx"),
        (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><gpx/>', "gpx"),
        (b"<TrainingCenterDatabase xmlns='x'/>", "tcx"),
        (b"<html><body>gpx</body></html>", ""),
        (b"date,start_local,utc_offset_min,activity,duration_s\n", "csv"),
        (b"\xef\xbb\xbfActivity ID,Activity Date,Activity Name,Activity Type,Elapsed Time\n", "csv"),
        (b"Activity Type,Date,Favorite,Title,Distance,Calories,Time\n", "csv"),
        (b"name,phone\n", ""),
        (b"", ""),
    ],
)
def test_sniffing(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_names() -> None:
    assert kind_of_name("RIDE.GPX") == "gpx" and kind_of_name("a.b.fit") == "fit"
    assert kind_of_name("ride.fit.gz") == "fit" and kind_of_name("RIDE.TCX.GZ") == "tcx"
    assert kind_of_name("ride.gz") == "" and kind_of_name("ride.zip") == "" and kind_of_name("README") == ""


@pytest.mark.parametrize(
    ("names", "activity", "indoor"),
    [
        (("running",), Activity.RUN, False),
        (("running", "trail"), Activity.RUN, False),
        (("running", "treadmill"), Activity.RUN, True),
        (("Treadmill Running",), Activity.RUN, True),
        (("TrailRun",), Activity.RUN, False),
        (("walking",), Activity.WALK, False),
        (("Hiking",), Activity.WALK, False),
        (("cycling", "indoor_cycling"), Activity.BIKE, True),
        (("Biking",), Activity.BIKE, False),
        (("VirtualRide",), Activity.BIKE, True),
        (("Virtual Ride",), Activity.BIKE, True),
        (("swimming", "lap_swimming"), Activity.SWIM, True),
        (("Open Water Swimming",), Activity.SWIM, False),
        (("rowing",), Activity.OTHER, False),
        (("Strength Training",), Activity.OTHER, False),
        (("9",), Activity.RUN, False),
        (("1",), Activity.BIKE, False),
        ((None,), Activity.OTHER, False),
    ],
)
def test_sport_names(names: tuple, activity: Activity, indoor: bool) -> None:
    assert activity_of(*names) is activity
    assert is_indoor(*names) is indoor


def test_importing_the_package_loads_no_parser() -> None:
    """The first window imports the journal, which imports this package: it must stay light."""
    code = (
        "import sys, runjournal.formats.importers, runjournal.formats.importers.duplicates;"
        "print(sorted(m for m in ('gpxpy', 'fitdecode', 'defusedxml', 'PySide6', 'sqlalchemy')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
