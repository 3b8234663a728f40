"""`runjournal import`: one line (or JSON object) per file, duplicates skipped, bad files refused."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from runjournal.service.export import export
from runjournal.service.journal import Journal

DATA = Path(__file__).parents[1] / "data" / "activities"


def rj(*args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    result = subprocess.run(
        [sys.executable, "-m", "runjournal", *map(str, args)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result


def unpacked(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        target = tmp_path / name
        target.write_bytes(gzip.decompress((DATA / f"{name}.gz").read_bytes()))
        paths.append(target)
    return paths


def test_the_same_outing_in_three_formats_is_imported_once(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    files = unpacked(tmp_path, "activity_4801048867.gpx", "4801048867.fit", "activity_4801048867.tcx")
    result = rj("import", "--db", db, *files, "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    statuses = {Path(r["file"]).name: r["entries"][0]["status"] for r in records}
    assert statuses == {
        "activity_4801048867.gpx": "duplicate",
        "4801048867.fit": "new",
        "activity_4801048867.tcx": "duplicate",
    }
    with Journal.open(db, create=False) as journal:
        (run,) = journal.runs()
        assert run.source == "fit"
        # The watch's file, and the other two beside it as extra originals of the same run.
        assert len(journal.source_files()) == 3

    again = rj("import", "--db", db, files[1])
    assert again.returncode == 0
    assert "duplicate" in again.stdout and "0 new" in again.stdout


def test_a_bad_file_is_refused_without_spoiling_the_good_ones(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    (good,) = unpacked(tmp_path, "3173437224.tcx")
    fake = tmp_path / "watch.fit"
    fake.write_text("this is not a FIT file\n")
    empty = tmp_path / "empty.gpx"
    empty.write_bytes(b"")
    result = rj("import", "--db", db, good, fake, empty)
    assert result.returncode == 1  # some input was rejected
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{good}: new")
    assert lines[1].startswith(f"{fake}: can't import:")
    assert lines[2].startswith(f"{empty}: can't import:")
    with Journal.open(db, create=False) as journal:
        assert len(journal.runs()) == 1


def test_a_whole_journal_export_loads_into_a_new_journal(tmp_path: Path) -> None:
    source = tmp_path / "old.sqlite"
    with Journal.open(source) as journal:
        journal.store_import(journal.plan_import([]))
        from datetime import date

        from runjournal.domain.model import CheckIn, Run

        journal.log_run(Run(day=date(2026, 11, 3), duration_s=1800))
        journal.save_check_in(CheckIn(day=date(2026, 11, 3), mood=6))
        export(journal, tmp_path / "all.json")
    fresh = tmp_path / "new.sqlite"
    result = rj("import", "--db", fresh, tmp_path / "all.json")
    assert result.returncode == 0, result.stderr
    assert "1 run, 1 check-in" in result.stdout
    refused = rj("import", "--db", fresh, tmp_path / "all.json")
    assert refused.returncode == 1 and "empty journal" in refused.stderr


def test_a_folder_is_imported_as_the_activity_files_in_it(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    folder = tmp_path / "export" / "activities"
    folder.mkdir(parents=True)
    for name in ("4801048867.fit.gz", "4801048867_strava.gpx.gz", "3173437224.tcx.gz"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    (folder / "notes.txt").write_text("not an activity")
    result = rj("import", "--db", db, tmp_path / "export")
    assert result.returncode == 0, result.stderr
    assert "2 new, 1 also in another of these files" in result.stdout
    assert "notes.txt" not in result.stdout
    with Journal.open(db, create=False) as journal:
        assert len(journal.runs()) == 2
