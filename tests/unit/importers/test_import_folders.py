"""A folder stands for the activity files in it, at any depth, as Strava's bulk export lays them out."""

from __future__ import annotations

import shutil
from pathlib import Path

from runjournal.formats.importers import read_file
from runjournal.formats.importers.folders import expand_folders


def _strava_export(root: Path, sample) -> Path:
    export = root / "export_12345"
    (export / "activities").mkdir(parents=True)
    (export / "media").mkdir()
    (export / ".cache").mkdir()
    shutil.copy(sample("strava_activities.csv"), export / "activities.csv")
    (export / "profile.csv").write_text("Athlete ID,Email Address,First Name\n1,a@b.c,Sam\n")
    for name in ("4801048867.fit.gz", "4078723797_strava.gpx.gz", "3173437224.tcx.gz"):
        shutil.copy(sample(name), export / "activities" / name)
    (export / "media" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (export / ".cache" / "old.fit").write_bytes(b"hidden")
    (export / "activities" / ".DS_Store").write_bytes(b"\0")
    return export


def test_an_export_folder_gives_its_activity_files_in_name_order(tmp_path: Path, sample) -> None:
    export = _strava_export(tmp_path, sample)
    found = expand_folders([export])
    assert [p.relative_to(export).as_posix() for p in found] == [
        "activities.csv",  # Strava's list of activities; profile.csv holds none and is passed over
        "activities/3173437224.tcx.gz",
        "activities/4078723797_strava.gpx.gz",
        "activities/4801048867.fit.gz",
    ]


def test_files_and_folders_together_keep_their_order(tmp_path: Path, sample) -> None:
    export = _strava_export(tmp_path, sample)
    alone = tmp_path / "ride.fit"
    alone.write_bytes(b"anything")
    found = expand_folders([alone, export / "activities"])
    assert found[0] == alone and len(found) == 4


def test_a_folder_without_activity_files_is_kept_to_be_explained(tmp_path: Path) -> None:
    empty = tmp_path / "Photos"
    empty.mkdir()
    (empty / "beach.jpg").write_bytes(b"\xff\xd8\xff")
    assert expand_folders([empty]) == [empty]
    message = read_file(empty).error
    assert message and "“Photos” is a folder with no activity files" in message and ";" in message
