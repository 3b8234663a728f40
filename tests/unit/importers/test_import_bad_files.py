"""Files that cannot be imported are refused quickly, with one sentence for a person."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

import runjournal.formats.files as files
import runjournal.formats.importers as importers
from runjournal.formats.importers import MAX_FILE_BYTES, FileResult, read_bytes, read_file

GPX_HEAD = b'<?xml version="1.0"?>\n'
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE ROOT [
 <!ENTITY a "laugh">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<ROOT xmlns="NS"><name>&i;</name></ROOT>"""


def _hostile(root: str, namespace: str, body: bytes) -> bytes:
    return body.replace(b"ROOT", root.encode()).replace(b"NS", namespace.encode())


def _external(root: str, namespace: str, secret: Path) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        f'<{root} version="1.1" xmlns="{namespace}"><trk><name>&x;</name></trk></{root}>'
    ).encode()


GPX_NS = "http://www.topografix.com/GPX/1/1"
TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def _refused(result: FileResult, *words: str) -> str:
    assert result.runs == () and result.data == b""
    message = result.error
    assert message, "the file should have been refused"
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".") and message.count(". ") == 0, message  # one sentence
    assert ";" in message, message  # what is wrong; what to do
    for word in words:
        assert word in message, message
    return message


@pytest.fixture
def fast():
    """The refusal does bounded work: it holds at most one file's worth of bytes (a read
    reserves room for the largest file accepted) and never expands a hostile one (an
    entity bomb would need gigabytes). Measured as memory, which a busy machine does not
    change; the time it takes is tests/benchmarks/bench_limits.py's job."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_FILE_BYTES + 64 * 2**20, f"{peak / 2**20:.0f} MB for a refusal"


def test_a_fit_file_named_gpx(real, tmp_path: Path, fast) -> None:
    wrong = tmp_path / "ride.gpx"
    wrong.write_bytes(real("6471559601_ACTIVITY.fit").read_bytes())
    result = read_file(wrong)
    _refused(result, "ride.gpx", "GPX", "FIT file")
    assert result.kind == "gpx"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ride.fit", GPX_HEAD + b'<gpx version="1.1"></gpx>'),
        ("ride.gpx", b"<!DOCTYPE html><html><body>Sign in to Strava</body></html>"),
        ("ride.tcx", GPX_HEAD + b'<gpx version="1.1"></gpx>'),
        ("runs.csv", b"name,phone\nSam,123\n"),
        ("runs.csv", b"\x00\x01\x02 binary"),
        ("ride.gpx", b"just some words"),
    ],
)
def test_content_that_is_not_what_the_name_says(name: str, data: bytes, fast) -> None:
    _refused(read_bytes(name, data), name, "Strava" if name.endswith(".csv") else "check")


@pytest.mark.parametrize("name", ["4801048867.fit", "activity_4801048867.tcx", "4801048867_strava.gpx"])
def test_a_truncated_file(real, tmp_path: Path, name: str, fast) -> None:
    data = real(name).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) // 3])
    result = read_file(cut)
    if name.endswith(".fit"):
        # A watch writes records as it goes: the third before the cut is kept, marked incomplete.
        assert result.error is None and result.incomplete
        assert 0 < result.runs[0].duration_s < 5158 / 2
        return
    _refused(result, name)


def test_a_fit_file_with_a_broken_checksum(real, fast) -> None:
    data = bytearray(real("6471559601_ACTIVITY.fit").read_bytes())
    data[200] ^= 0xFF
    _refused(read_bytes("multi.fit", bytes(data)), "damaged")


@pytest.mark.parametrize("name", ["a.gpx", "a.tcx", "a.fit", "a.csv"])
def test_an_empty_file(tmp_path: Path, name: str, fast) -> None:
    path = tmp_path / name
    path.touch()
    _refused(read_file(path), "empty")


def test_an_enormous_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch, fast) -> None:
    path = tmp_path / "huge.fit"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    monkeypatch.setattr(files, "open_regular", lambda *a, **k: pytest.fail("read"))
    _refused(read_file(path), "huge.fit", "200 MB")


def test_bytes_over_the_limit_are_refused(monkeypatch, fast) -> None:
    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 10)
    _refused(read_bytes("a.csv", b"date,start_local,utc_offset_min,activity,duration_s\n"), "a.csv")


@pytest.mark.parametrize(
    ("name", "root", "namespace"),
    [("bomb.gpx", "gpx", GPX_NS), ("bomb.tcx", "TrainingCenterDatabase", TCX_NS)],
)
def test_entity_expansion_is_refused(name: str, root: str, namespace: str, fast) -> None:
    _refused(read_bytes(name, _hostile(root, namespace, BILLION_LAUGHS)), name, "safety")


@pytest.mark.parametrize(
    ("name", "root", "namespace"),
    [("xxe.gpx", "gpx", GPX_NS), ("xxe.tcx", "TrainingCenterDatabase", TCX_NS)],
)
def test_external_entities_are_refused(tmp_path: Path, name: str, root: str, namespace: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    result = read_bytes(name, _external(root, namespace, secret))
    assert "TOP SECRET" not in _refused(result, "safety")


def test_gpxpy_alone_would_expand_entities() -> None:
    """Why GPX text goes through defusedxml first: gpxpy expands internal entities itself."""
    import gpxpy

    text = (
        '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "laugh">]>'
        f'<gpx version="1.1" xmlns="{GPX_NS}"><trk><name>&a;&a;</name></trk></gpx>'
    )
    assert gpxpy.parse(text).tracks[0].name == "laughlaugh"
    _refused(read_bytes("laughs.gpx", text.encode()), "safety")


@pytest.mark.parametrize("name", ["notes.docx", "track.kml", "README", "ride.gpx.zip"])
def test_an_unknown_extension(tmp_path: Path, name: str, fast) -> None:
    path = tmp_path / name
    path.write_bytes(b"whatever")
    result = read_file(path)
    _refused(result, ".gpx, .tcx, .fit or .csv")
    assert result.kind == ""


def test_an_unreadable_file(tmp_path: Path, monkeypatch, fast) -> None:
    path = tmp_path / "locked.gpx"
    path.write_bytes(GPX_HEAD + b"<gpx/>")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything; make the refusal happen as it would for a person

        def denied(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(files, "open_regular", denied)
    try:
        _refused(read_file(path), "locked.gpx", "permissions")
    finally:
        path.chmod(0o644)


def test_a_folder(tmp_path: Path, fast) -> None:
    folder = tmp_path / "exports.gpx"
    folder.mkdir()
    _refused(read_file(folder), "folder")
    _refused(read_file(tmp_path), "folder")


def test_a_missing_file(tmp_path: Path, fast) -> None:
    _refused(read_file(tmp_path / "gone.fit"), "could not be found")


@pytest.mark.parametrize(
    "data",
    [
        GPX_HEAD + b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"></gpx>',
        GPX_HEAD + b'<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"/></trkseg></trk></gpx>',
    ],
)
def test_a_gpx_without_times(data: bytes, fast) -> None:
    _refused(read_bytes("route.gpx", data), "times")


def test_a_tcx_without_activities(fast) -> None:
    data = (
        f'<?xml version="1.0"?><TrainingCenterDatabase xmlns="{TCX_NS}"><Courses/></TrainingCenterDatabase>'
    )
    _refused(read_bytes("course.tcx", data.encode()), "no recorded activity")


def test_a_csv_with_only_a_header(sample, fast) -> None:
    header = sample("garmin_activities.csv").read_bytes().splitlines()[0] + b"\n"
    _refused(read_bytes("Activities.csv", header), "no activities")


def test_nothing_escapes_even_when_a_parser_breaks(monkeypatch, fast) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(importers, "_parse", broken)
    _refused(read_bytes("ride.gpx", GPX_HEAD + b"<gpx/>"), "ride.gpx")


_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)  # fmt: skip


def _fit_crc(data: bytes) -> int:
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[nibble]
    return crc


def _tiny_fit(file_type: int) -> bytes:
    """A valid FIT file holding only a file_id message (fitdecode cannot write FIT)."""
    definition = bytes([0x40, 0, 0]) + (0).to_bytes(2, "little") + bytes([1, 0, 1, 0x00])
    records = definition + bytes([0x00, file_type])
    header = bytes([14, 0x10]) + (2093).to_bytes(2, "little") + len(records).to_bytes(4, "little") + b".FIT"
    header += _fit_crc(header).to_bytes(2, "little")
    body = header + records
    return body + _fit_crc(body).to_bytes(2, "little")


def test_a_fit_file_that_is_not_an_activity(fast) -> None:
    _refused(read_bytes("plan.fit", _tiny_fit(5)), "plan.fit", "FIT workout file")


def test_a_fit_activity_without_a_summary(fast) -> None:
    _refused(read_bytes("unfinished.fit", _tiny_fit(4)), "no activity summary")
