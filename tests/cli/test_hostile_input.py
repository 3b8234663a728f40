"""The command line given hostile input: a sentence and an exit code, never a traceback,
a hang, or an escape sequence reaching the terminal; the journal is left as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from runjournal.service.journal import Journal
from tests.hostile_files import gpx_bytes

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def rj(*args: object, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "runjournal", *map(str, args)],
            capture_output=True, text=True, env=env, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"runjournal {args[0]} was still waiting after {timeout} s")
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _journal_is_empty(db: Path) -> bool:
    if not db.exists():
        return True
    with Journal.open(db, create=False) as journal:
        return journal.is_empty() and not journal.source_files()


# Named pipes --------------------------------------------------------------------------


@needs_fifo
@pytest.mark.parametrize("name", ["runs.json", "track.gpx"])
def test_importing_a_named_pipe_is_refused_in_a_sentence(tmp_path: Path, name: str) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    result = rj("import", "--db", tmp_path / "j.sqlite", pipe, timeout=30)
    assert result.returncode == 1
    assert "not an ordinary file" in result.stdout + result.stderr


@needs_fifo
def test_a_folder_import_passes_over_a_named_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    os.mkfifo(folder / "activities.csv")
    (folder / "morning.gpx").write_bytes(gpx_bytes())
    db = tmp_path / "j.sqlite"
    result = rj("import", "--db", db, folder, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 new" in result.stdout and "activities.csv" not in result.stdout


# Whole-journal JSON that is not what it claims ------------------------------------------

RUN: dict[str, Any] = {
    "id": 1, "day": "2025-06-01", "duration_s": 1800.0, "activity": "run",
    "started_at": "2025-06-01T07:00:00+00:00", "utc_offset_min": 0, "title": "Canal", "note": "",
}  # fmt: skip


def _document(**parts: Any) -> dict[str, Any]:
    return {"format": "runjournal", "version": 1, "settings": {}, "runs": [RUN], "check_ins": [], **parts}


def _deeply_nested() -> str:
    text = json.dumps(_document())
    return text[:-1] + ', "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"


HOSTILE_DOCUMENTS = {
    "deep nesting": _deeply_nested(),
    "a title that is a number": json.dumps(_document(runs=[{**RUN, "title": 5}])),
    "a duration that is text": json.dumps(_document(runs=[{**RUN, "duration_s": "long"}])),
    "runs that are not a list": json.dumps(_document(runs={"a": 1})),
    "a run that is not a record": json.dumps(_document(runs=[7])),
    "a check-in that is a list": json.dumps(_document(check_ins=[["2025-06-01", 5]])),
    "settings that are text": json.dumps(_document(settings="metric")),
    "two runs with one id": json.dumps(_document(runs=[RUN, {**RUN, "day": "2025-06-02"}])),
    "two check-ins on one day": json.dumps(
        _document(check_ins=[{"day": "2025-06-01", "mood": 5}, {"day": "2025-06-01", "mood": 6}])
    ),
    "a lone surrogate in a note": json.dumps(_document(runs=[{**RUN, "note": "\ud800"}])),
    "a lone surrogate in a file name": json.dumps(
        _document(source_files=[{"hash": "ab", "name": "\udc80.gpx", "kind": "gpx", "data_base64": ""}])
    ),
    "a version that is not a number": json.dumps({**_document(), "version": True}),
    "a number of five thousand digits": json.dumps(_document())[:-1] + ', "extra": ' + "7" * 5_000 + "}",
    "an id beyond what a file can store": json.dumps(_document(runs=[{**RUN, "id": 10**30}])),
    "a start time at the end of time": json.dumps(
        _document(runs=[{**RUN, "started_at": "9999-12-31T23:59:00+00:00", "utc_offset_min": 60}])
    ),
}


@pytest.mark.parametrize("what", HOSTILE_DOCUMENTS)
def test_a_damaged_whole_journal_export_is_refused_in_a_sentence(tmp_path: Path, what: str) -> None:
    document = tmp_path / "journal.json"
    document.write_text(HOSTILE_DOCUMENTS[what], encoding="utf-8")
    db = tmp_path / "j.sqlite"
    result = rj("import", "--db", db, document)
    assert result.returncode == 1, result.stdout
    assert result.stderr.strip() and "journal.json" in result.stderr
    assert _journal_is_empty(db)
    assert rj("export", "--db", db, "-o", tmp_path / "runs.csv").returncode in (0, 3)


def test_a_start_time_at_the_end_of_time_never_reaches_the_csv_export(tmp_path: Path) -> None:
    document = tmp_path / "journal.json"
    document.write_text(HOSTILE_DOCUMENTS["a start time at the end of time"], encoding="utf-8")
    db = tmp_path / "j.sqlite"
    rj("import", "--db", db, document)
    rj("log-run", "--db", db, "--date", "2025-06-03", "--minutes", "30")
    exported = rj("export", "--db", db, "-o", tmp_path / "runs.csv")
    assert exported.returncode == 0, exported.stderr


# Dates at the ends of the calendar -------------------------------------------------------


def test_coach_for_the_first_day_of_the_calendar_says_why_not(tmp_path: Path) -> None:
    result = rj("coach", "--db", tmp_path / "j.sqlite", "--date", "0001-01-01")
    assert result.returncode in (1, 2)
    assert "0001-01-01" in result.stderr


def test_a_report_for_the_last_week_of_the_calendar_says_why_not(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    rj("log-run", "--db", db, "--date", "2025-06-03", "--minutes", "30")
    result = rj("report", "--db", db, "--week", "9999-W52", "-o", tmp_path / "week.pdf")
    assert result.returncode in (1, 2)
    assert "9999-W52" in result.stderr
    assert not (tmp_path / "week.pdf").exists()


# Escape sequences in names ---------------------------------------------------------------

ESCAPE = "\x1b]0;owned\x07\x1b[2J"


def test_file_names_reach_the_terminal_with_their_control_characters_escaped(tmp_path: Path) -> None:
    bad = tmp_path / f"run{ESCAPE}.gpx"
    bad.write_bytes(b"not xml at all")
    good = tmp_path / f"walk{ESCAPE}.gpx"
    good.write_bytes(gpx_bytes(title="Walk"))
    db = tmp_path / "j.sqlite"
    result = rj("import", "--db", db, bad, good)
    shown = result.stdout + result.stderr
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b" in shown  # the name is still recognisable
    exported = rj("export", "--db", db, "-o", tmp_path / f"out{ESCAPE}.csv")
    assert exported.returncode == 0
    assert "\x1b" not in exported.stdout + exported.stderr
    refused = rj("export", "--db", db, "-o", tmp_path / f"out{ESCAPE}.txt")
    assert refused.returncode == 1 and "\x1b" not in refused.stderr


def test_an_escape_in_the_report_file_name_is_escaped(tmp_path: Path) -> None:
    db = tmp_path / "j.sqlite"
    rj("log-run", "--db", db, "--date", "2025-06-03", "--minutes", "30")
    result = rj("report", "--db", db, "--week", "2025-W23", "-o", tmp_path / f"week{ESCAPE}.txt")
    assert result.returncode == 2 and "\x1b" not in result.stderr


def test_every_command_escapes_what_it_prints_even_where_a_name_comes_from_an_error(tmp_path: Path) -> None:
    missing = tmp_path / f"gone{ESCAPE}" / "j.sqlite"
    for command in (["check"], ["coach"], ["insights"], ["backup"], ["export", "-o", tmp_path / "x.csv"]):
        result = rj(*command, "--db", missing)
        assert "\x1b" not in result.stdout + result.stderr, command
        assert "\x07" not in result.stdout + result.stderr, command


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there are always Unicode")
def test_a_file_whose_name_is_not_utf8_imports_under_a_readable_name(tmp_path: Path) -> None:
    folder = tmp_path / "old-disk"
    folder.mkdir()
    latin1_name = os.fsencode(folder) + b"/caf\xe9.gpx"  # written on a Latin-1 system
    with open(latin1_name, "wb") as handle:
        handle.write(gpx_bytes(title=""))
    db = tmp_path / "j.sqlite"
    result = rj("import", "--db", db, folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 new" in result.stdout
    with Journal.open(db, create=False) as journal:
        (run,) = journal.runs()
        assert run.title == "caf\ufffd"
        assert [source.name for source in journal.source_files()] == ["caf\ufffd.gpx"]
    assert rj("export", "--db", db, "-o", tmp_path / "all.json").returncode == 0
