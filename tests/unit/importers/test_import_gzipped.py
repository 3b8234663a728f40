"""Gzipped activity files (Strava's bulk export names them "123.fit.gz") read like the files inside."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import runjournal.formats.importers as importers
from runjournal.formats.importers import read_bytes, read_file

PACKED = ["4801048867.fit.gz", "activity_4801048867.tcx.gz", "4801048867_strava.gpx.gz", "3173437224.tcx.gz"]


@pytest.mark.parametrize("name", PACKED)
def test_a_gzipped_file_gives_the_runs_of_the_file_inside(sample, real, name: str) -> None:
    packed = read_file(sample(name))
    plain = read_file(real(name.removesuffix(".gz")))
    assert packed.error is None and packed.runs
    assert packed.kind == plain.kind
    assert packed.runs == plain.runs  # same times, distances, titles and hashes
    assert packed.data == plain.data  # the file inside is what the journal keeps
    assert ".fit" not in packed.runs[0].title and ".gz" not in packed.runs[0].title


def test_the_same_activity_gzipped_or_not_is_recognised_as_one(sample, real) -> None:
    packed = read_file(sample("4801048867.fit.gz"))
    plain = read_file(real("4801048867.fit"))
    assert packed.runs[0].content_hash == plain.runs[0].content_hash


def _refused(message: str | None, *words: str) -> None:
    assert message and "Traceback" not in message and ";" in message, message
    for word in words:
        assert word in message, message


def test_a_gzipped_file_cut_short_is_refused_plainly(sample) -> None:
    data = sample("4801048867.fit.gz").read_bytes()
    result = read_bytes("4801048867.fit.gz", data[: len(data) // 2])
    assert result.runs == ()
    _refused(result.error, "4801048867.fit.gz", "could not be unpacked", "again")


def test_a_plain_file_named_gz_is_refused_plainly(real) -> None:
    result = read_bytes("ride.fit.gz", real("4801048867.fit").read_bytes())
    _refused(result.error, "ride.fit.gz", "could not be unpacked")


def test_gzipped_content_that_is_not_what_the_name_says(real) -> None:
    result = read_bytes("ride.gpx.gz", gzip.compress(real("4801048867.fit").read_bytes()))
    _refused(result.error, "ride.gpx.gz", "GPX", "FIT file")


def test_a_small_file_that_unpacks_to_far_too_much_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 1024 * 1024)
    bomb = gzip.compress(b"\0" * (4 * 1024 * 1024))
    assert len(bomb) < 10 * 1024
    result = read_bytes("bomb.fit.gz", bomb)
    _refused(result.error, "bomb.fit.gz", "larger than 1 MB")


def test_an_empty_gzipped_file_is_refused_plainly() -> None:
    _refused(read_bytes("nothing.tcx.gz", gzip.compress(b"")).error, "nothing.tcx.gz", "empty")


def test_other_names_still_say_what_can_be_read(tmp_path: Path) -> None:
    odd = tmp_path / "ride.zip"
    odd.write_bytes(b"PK\x03\x04")
    _refused(read_file(odd).error, "ride.zip", ".fit.gz")
