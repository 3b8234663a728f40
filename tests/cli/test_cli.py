"""The `runjournal` command as a person meets it: the real program, in a subprocess.

Each test looks only at what a person would notice: the exit code, the words on stdout
and stderr, and what the journal (or the exported file) holds afterwards. Journals are
prepared and read back in this process through `Journal`, which keeps the number of
subprocesses (and the run time) down.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

import runjournal
from runjournal.cli import main, window_args
from runjournal.domain.model import Activity, CheckIn, Company, DistanceUnit, Run, Settings, Source
from runjournal.service.journal import Journal

TIMEOUT_S = 60
METRES_PER_MILE = 1609.344
COMMANDS = ("log-run", "check-in", "export", "backup", "restore", "check", "demo")
FUTURE = (date.today() + timedelta(days=30)).isoformat()  # later than validation allows
FIRST_RUN = Run(day=date(2025, 3, 10), duration_s=1800.0, distance_m=5000.0, effort=4, note="First run")


def rj(
    *args: object, db: Path | None = None, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs `python -m runjournal ARGS [--db DB]` as a person would, and never with a traceback."""
    command = [sys.executable, "-m", "runjournal", *map(str, args)]
    if db is not None:
        command += ["--db", str(db)]
    environment = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd or (db.parent if db is not None else None),
        timeout=TIMEOUT_S,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    return result


def contents(path: Path) -> tuple[list[Run], list[CheckIn]]:
    with Journal.open(path, create=False) as journal:
        return journal.runs(), journal.check_ins()


def counts(path: Path) -> tuple[int, int]:
    with Journal.open(path, create=False) as journal:
        found = journal.counts()
    return found.runs, found.check_ins


def assert_unchanged(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before, f"{path} was changed"


def sqlite_reports_damage(path: Path, scratch: Path) -> bool:
    """True when SQLite itself, on a copy, finds the file broken."""
    scratch.mkdir(exist_ok=True)
    probe = scratch / f"{path.name}.probe"
    shutil.copyfile(path, probe)
    try:
        with closing(sqlite3.connect(probe)) as db:
            return db.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    except sqlite3.DatabaseError:
        return True


@pytest.fixture
def one_run(journal_path: Path) -> Path:
    """A journal file holding exactly one run (FIRST_RUN) and nothing else."""
    with Journal.open(journal_path) as journal:
        journal.log_run(FIRST_RUN)
    assert not journal_path.with_name(journal_path.name + "-wal").exists()
    return journal_path


@pytest.fixture(scope="session")
def big_journal(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a real journal with a few hundred runs, spread over many b-tree pages."""
    path = tmp_path_factory.mktemp("big") / "journal.sqlite"
    start = date(2024, 1, 1)
    runs = [
        Run(
            day=start + timedelta(days=i),
            duration_s=1500.0 + i,
            distance_m=4000.0 + i,
            effort=1 + i % 10,
            note=f"Run {i}: " + "steady and calm " * 8,
        )
        for i in range(400)
    ]
    check_ins = [CheckIn(day=start + timedelta(days=i), mood=1 + i % 10, note="ok") for i in range(300)]
    with Journal.open(path) as journal:
        journal.add_entries(runs, check_ins)
    data = path.read_bytes()
    assert len(data) // 4096 >= 20, "the journal should span many pages"
    return data


# log-run --------------------------------------------------------------------------------


def test_log_run_stores_every_option_in_si_units(journal_path: Path) -> None:
    result = rj(
        "log-run", "--date", "2025-03-14", "--time", "07:30", "--minutes", "32:10", "--km", "5",
        "--effort", "3", "--with", "buddy", "--indoor", "--mindful", "--mood-before", "4",
        "--mood-after", "7", "--stress-before", "6", "--stress-after", "3",
        "--note", "Felt lighter afterwards", "--private",
        db=journal_path, env={"TZ": "XYZ-2"},  # a fixed UTC+2, whatever the machine's zone
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    for phrase in ("Logged a run on Fri 14 Mar 2025", "32:10", "5.00 km", "6:26 /km", "effort 3 (easy)"):
        assert phrase in result.stdout
    runs, check_ins = contents(journal_path)
    assert check_ins == []
    [run] = runs
    assert run.day == date(2025, 3, 14)
    assert run.activity is Activity.RUN
    assert run.duration_s == pytest.approx(1930.0)
    assert run.distance_m == pytest.approx(5000.0)
    assert run.effort == 3
    assert run.company is Company.BUDDY
    assert run.outdoor is False
    assert run.mindful is True
    assert (run.mood_before, run.mood_after, run.stress_before, run.stress_after) == (4, 7, 6, 3)
    assert run.note == "Felt lighter afterwards"
    assert run.note_private is True
    assert run.source is Source.MANUAL
    assert run.started_at == datetime(2025, 3, 14, 5, 30, tzinfo=UTC)
    assert run.utc_offset_min == 120
    assert run.local_start is not None and run.local_start.strftime("%H:%M") == "07:30"


def test_log_run_in_miles_is_stored_in_metres(journal_path: Path) -> None:
    result = rj("log-run", "--date", "2025-03-14", "--minutes", "30", "--mi", "3.1", db=journal_path)

    assert result.returncode == 0, result.stderr
    [run], _ = contents(journal_path)
    assert run.distance_m == pytest.approx(3.1 * METRES_PER_MILE)


@pytest.mark.parametrize(("minutes", "seconds"), [("45", 45 * 60), ("1:05:00", 3900)])
def test_log_run_reads_durations(journal_path: Path, minutes: str, seconds: float) -> None:
    result = rj("log-run", "--date", "2025-03-14", "--minutes", minutes, db=journal_path)

    assert result.returncode == 0, result.stderr
    [run], _ = contents(journal_path)
    assert run.duration_s == pytest.approx(seconds)
    assert run.distance_m is None and run.effort is None  # not given, so not recorded


@pytest.mark.parametrize(
    ("option", "value", "phrases"),
    [
        ("--effort", "11", ["Effort", "1–10 scale", "11"]),
        ("--stress-before", "five", ["Stress before", "not a whole number from 1 to 10"]),
        ("--date", "2025-02-30", ["Date", "is not a date", "YYYY-MM-DD"]),
        ("--date", FUTURE, ["in the future"]),
        ("--minutes", "abc", ["Duration", "is not a duration", "32:10"]),
        ("--km", "far", ["Distance", "is not a distance"]),
        ("--activity", "jog", ["Activity", "is not one of run, walk, bike, swim, other"]),
        ("--with", "dog", ["With", "is not one of solo, buddy, group, event"]),
        ("--time", "25:00", ["Start time", "is not a time of day"]),
    ],
)
def test_log_run_rejects_an_invalid_value_and_stores_nothing(
    one_run: Path, option: str, value: str, phrases: list[str]
) -> None:
    before = one_run.read_bytes()

    result = rj("log-run", "--date", "2025-03-14", "--minutes", "30", option, value, db=one_run)

    assert result.returncode == 1
    for phrase in (*phrases, "nothing was stored"):
        assert phrase in result.stderr
    assert result.stdout == ""
    assert_unchanged(one_run, before)
    assert counts(one_run) == (1, 0)


def test_log_run_reports_every_problem_at_once(one_run: Path) -> None:
    before = one_run.read_bytes()

    result = rj(
        "log-run", "--date", "2025-13-01", "--minutes", "169:00:00", "--effort", "11",
        "--activity", "jog", "--mood-after", "0", "--km", "0", "--hr", "300",
        db=one_run,
    )  # fmt: skip

    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("runjournal log-run:")]
    assert len(problems) == 8  # seven problems and "nothing was stored"
    for phrase in ("is not a date", "at most 7 days", "Effort is on a 1–10 scale", "is not one of run",
                   "Mood after is on a 1–10 scale", "Distance must be more than 0",
                   "heart rate must be between 25 and 250", "nothing was stored"):  # fmt: skip
        assert phrase in result.stderr
    assert_unchanged(one_run, before)
    assert counts(one_run) == (1, 0)


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["log-run", "--date", "2025-03-14"], "--minutes"),
        (["frobnicate"], "invalid choice"),
        (["log-run", "--minutes", "30", "--km", "5", "--mi", "3"], "not allowed with"),
    ],
    ids=["no-minutes", "unknown-command", "km-and-mi"],
)
def test_usage_errors_exit_2(one_run: Path, args: list[str], phrase: str) -> None:
    before = one_run.read_bytes()

    result = rj(*args, db=one_run)

    assert result.returncode == 2
    assert phrase in result.stderr
    assert "usage:" in result.stderr
    assert_unchanged(one_run, before)
    assert counts(one_run) == (1, 0)


# check-in -------------------------------------------------------------------------------


def test_check_in_creates_then_updates_only_the_given_fields(journal_path: Path) -> None:
    first = rj(
        "check-in", "--date", "2025-03-14", "--mood", "6", "--stress", "4", "--sleep-hours", "7.5",
        "--bedtime", "22:45", "--note", "Slept well",
        db=journal_path,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    for phrase in (
        "Check-in for Fri 14 Mar 2025 saved",
        "mood 6",
        "stress 4",
        "sleep 7.5 h",
        "bedtime 22:45",
    ):
        assert phrase in first.stdout

    second = rj("check-in", "--date", "2025-03-14", "--mood", "8", "--ill", db=journal_path)

    assert second.returncode == 0, second.stderr
    assert "mood 8" in second.stdout and "ill or injured" in second.stdout
    runs, [check_in] = contents(journal_path)
    assert runs == []
    assert check_in == CheckIn(
        day=date(2025, 3, 14),
        mood=8,
        stress=4,
        sleep_hours=7.5,
        bedtime=time(22, 45),
        ill=True,
        note="Slept well",
    )


def test_check_in_with_nothing_to_record_is_a_usage_error(one_run: Path) -> None:
    before = one_run.read_bytes()

    result = rj("check-in", "--date", "2025-03-14", db=one_run)

    assert result.returncode == 2
    assert "nothing to record" in result.stderr
    assert_unchanged(one_run, before)


def test_check_in_rejects_invalid_values_and_stores_nothing(one_run: Path) -> None:
    before = one_run.read_bytes()

    result = rj(
        "check-in", "--date", "2025-03-14", "--mood", "11", "--energy", "x", "--sleep-hours", "20",
        "--bedtime", "25:00", "--anxiety", "5",
        db=one_run,
    )  # fmt: skip

    assert result.returncode == 1
    for phrase in ("Mood is on a 1–10 scale", "Energy", "not a whole number from 1 to 10",
                   "0 to 16 hours", "Bedtime", "is not a time of day", "nothing was stored"):  # fmt: skip
        assert phrase in result.stderr
    assert_unchanged(one_run, before)
    assert counts(one_run) == (1, 0)


# export ---------------------------------------------------------------------------------


@pytest.fixture
def full_journal(one_run: Path) -> Path:
    """One run logged by hand, a second run, one check-in, and settings in miles."""
    with Journal.open(one_run) as journal:
        journal.log_run(
            Run(
                day=date(2025, 3, 14),
                duration_s=1930.0,
                distance_m=5000.0,
                effort=3,
                company=Company.BUDDY,
                note="Felt lighter",
            )
        )
        journal.save_check_in(CheckIn(day=date(2025, 3, 14), mood=7, sleep_hours=7.5, bedtime=time(22, 45)))
        journal.save_settings(Settings(units=DistanceUnit.MI, weekly_minutes_goal=180))
    return one_run


def test_export_json_holds_runs_check_ins_and_settings(full_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "journal.json"

    result = rj("export", "-o", target, db=full_journal)

    assert result.returncode == 0, result.stderr
    assert "Exported 3 records" in result.stdout
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == "runjournal"
    assert document["app_version"] == runjournal.__version__
    assert [run["day"] for run in document["runs"]] == ["2025-03-10", "2025-03-14"]
    second = document["runs"][1]
    assert second["duration_s"] == pytest.approx(1930.0)
    assert second["distance_m"] == pytest.approx(5000.0)
    assert (second["effort"], second["company"], second["note"]) == (3, "buddy", "Felt lighter")
    [check_in] = document["check_ins"]
    assert (check_in["day"], check_in["mood"], check_in["sleep_hours"], check_in["bedtime"]) == (
        "2025-03-14",
        7,
        7.5,
        "22:45",
    )
    assert check_in["stress"] is None  # not recorded stays not recorded
    assert document["settings"]["units"] == "mi"
    assert document["settings"]["weekly_minutes_goal"] == 180


def test_export_runs_csv_has_a_header_and_a_row_per_run(full_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "runs.csv"

    result = rj("export", "-o", target, db=full_journal)

    assert result.returncode == 0, result.stderr
    assert "Exported 2 runs" in result.stdout
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2
    assert {"date", "duration", "distance_km", "effort", "with"} <= set(rows[0])
    assert [row["date"] for row in rows] == ["2025-03-10", "2025-03-14"]
    assert rows[1]["duration"] == "32:10"
    assert rows[1]["distance_km"] == "5"
    assert rows[1]["with"] == "buddy"


def test_export_check_ins_csv(full_journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "check-ins.csv"

    result = rj("export", "-o", target, "--check-ins", db=full_journal)

    assert result.returncode == 0, result.stderr
    assert "Exported 1 check-in" in result.stdout
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert (rows[0]["date"], rows[0]["mood"], rows[0]["bedtime"]) == ("2025-03-14", "7", "22:45")
    assert "duration" not in rows[0]


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("journal.txt", "choose a file ending in .json"),
        ("missing/folder/journal.json", "does not exist"),
        ("taken.json", "could not be written"),  # a folder stands where the file would go
    ],
    ids=["unknown-extension", "missing-folder", "write-fails"],
)
def test_export_refused_leaves_no_file(one_run: Path, tmp_path: Path, name: str, phrase: str) -> None:
    out = tmp_path / "out"
    (out / "taken.json").mkdir(parents=True)
    before = sorted(out.rglob("*"))

    result = rj("export", "-o", out / name, db=one_run)

    assert result.returncode == 1
    assert phrase in result.stderr
    assert result.stdout == ""
    assert sorted(out.rglob("*")) == before  # nothing new: no file, no partial file
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".partial")]


# backup and restore ---------------------------------------------------------------------


def test_backup_goes_to_the_backups_folder_privately(one_run: Path) -> None:
    result = rj("backup", db=one_run)

    assert result.returncode == 0, result.stderr
    assert "Backed up to" in result.stdout and "checked" in result.stdout
    [copy] = (one_run.parent / "backups").glob("*.sqlite")
    assert copy.name in result.stdout
    assert re.search(r"\b1 runs?\b", result.stdout)
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
    assert counts(copy) == (1, 0)


def test_backup_to_a_chosen_file(one_run: Path, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "mine.sqlite"

    result = rj("backup", "-o", target, db=one_run)

    assert result.returncode == 0, result.stderr
    assert str(target) in result.stdout and "checked" in result.stdout
    assert counts(target) == (1, 0)


def test_backup_over_the_journal_itself_is_refused_input(one_run: Path) -> None:
    """Refusing a wrong -o is "input rejected" (1): the journal itself is fine, not unusable (3)."""
    before = one_run.read_bytes()

    result = rj("backup", "-o", one_run, db=one_run)

    assert "over the journal itself" in result.stderr
    assert_unchanged(one_run, before)
    assert result.returncode == 1


def test_restore_puts_back_the_backup_and_keeps_the_journal_as_it_was(one_run: Path, tmp_path: Path) -> None:
    backup = tmp_path / "saved.sqlite"
    assert rj("backup", "-o", backup, db=one_run).returncode == 0
    with Journal.open(one_run) as journal:
        journal.log_run(Run(day=date(2025, 3, 12), duration_s=1200.0))
    assert counts(one_run) == (2, 0)

    result = rj("restore", backup, db=one_run)

    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout
    [run], _ = contents(one_run)
    assert (run.day, run.note) == (FIRST_RUN.day, FIRST_RUN.note)
    found = re.search(r"kept at (.+)\.$", result.stdout.strip())
    assert found, result.stdout
    kept = Path(found.group(1))
    kept = kept if kept.is_absolute() else one_run.parent / kept
    assert kept.parent == one_run.parent / "backups"
    assert counts(kept) == (2, 0)


def test_restore_refuses_a_file_that_is_not_a_journal(one_run: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Monday: 5 km easy\n" * 50, encoding="utf-8")
    before = one_run.read_bytes()

    result = rj("restore", notes, db=one_run)

    assert result.returncode == 1
    assert "not a RunJournal journal" in result.stderr
    assert_unchanged(one_run, before)
    assert counts(one_run) == (1, 0)


def test_restore_from_a_missing_file(one_run: Path, tmp_path: Path) -> None:
    before = one_run.read_bytes()

    result = rj("restore", tmp_path / "nowhere.sqlite", db=one_run)

    assert result.returncode == 1
    assert "there is no file" in result.stderr
    assert_unchanged(one_run, before)


# check, and files that cannot be used ---------------------------------------------------


def test_check_a_healthy_journal(one_run: Path) -> None:
    before = one_run.read_bytes()

    result = rj("check", db=one_run)

    assert result.returncode == 0, result.stderr
    assert "is whole" in result.stdout
    assert re.search(r"\b1 runs?\b", result.stdout) and "0 check-ins" in result.stdout
    assert_unchanged(one_run, before)


def _zeroed_pages(journal: bytes) -> bytes:
    damaged = bytearray(journal)
    damaged[4096 : 4096 * 9] = bytes(4096 * 8)  # pages 2..9: tables and indexes
    return bytes(damaged)


def _random_pages(journal: bytes) -> bytes:
    damaged = bytearray(journal)
    noise = random.Random(2024).randbytes(4096 * 6)
    damaged[4096 * 3 : 4096 * 9] = noise
    return bytes(damaged)


BAD_FILES = {
    "zeroed-pages": (_zeroed_pages, "is damaged", True),
    "random-pages": (_random_pages, "is damaged", True),
    "truncated": (lambda journal: journal[: len(journal) // 2], "is damaged", True),
    "text": (lambda _: b"date,minutes\n2025-03-14,30\n" * 40, "not a RunJournal journal", False),
    "random-bytes": (lambda _: random.Random(7).randbytes(20_000), "not a RunJournal journal", False),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_file_that_cannot_be_used_is_refused_and_left_alone(
    big_journal: bytes, tmp_path: Path, kind: str
) -> None:
    make, phrase, is_sqlite = BAD_FILES[kind]
    path = tmp_path / "journal.sqlite"
    path.write_bytes(make(big_journal))
    before = path.read_bytes()
    if is_sqlite:
        assert sqlite_reports_damage(path, tmp_path / "probe"), "the damage should be real"

    checked = rj("check", db=path)
    logged = rj("log-run", "--date", "2025-03-14", "--minutes", "30", db=path)

    for result in (checked, logged):
        assert result.returncode == 3, (result.stdout, result.stderr)
        assert phrase in result.stderr
        assert "not changed" in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 3  # a plain message, not a dump
        assert result.stdout == ""
    assert_unchanged(path, before)


def test_a_database_that_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "photos.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        db.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
        db.commit()
    before = path.read_bytes()

    for args in (["check"], ["log-run", "--date", "2025-03-14", "--minutes", "30"]):
        result = rj(*args, db=path)
        assert result.returncode == 3
        assert "not a RunJournal journal" in result.stderr
    assert_unchanged(path, before)


def test_a_journal_from_a_newer_version(one_run: Path) -> None:
    with closing(sqlite3.connect(one_run)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.commit()
    before = one_run.read_bytes()

    for args in (["check"], ["log-run", "--date", "2025-03-14", "--minutes", "30"]):
        result = rj(*args, db=one_run)
        assert result.returncode == 3
        assert "newer version" in result.stderr
    assert_unchanged(one_run, before)


# demo -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Two sample journals written with the same seed, each with its JSON export."""

    def make(name: str) -> tuple[Path, Path]:
        folder = tmp_path_factory.mktemp(f"demo-{name}")
        path, exported = folder / "journal.sqlite", folder / "journal.json"
        result = rj("demo", "--years", "1", "--seed", "7", db=path)
        assert result.returncode == 0, result.stderr
        assert "Wrote a sample journal" in result.stdout
        assert rj("export", "-o", exported, db=path).returncode == 0
        return path, exported

    names = ("first", "second")
    with ThreadPoolExecutor(max_workers=2) as pool:  # two separate files: side by side is fine
        return dict(zip(names, pool.map(make, names), strict=True))


def test_demo_fills_an_empty_journal(demo_exports: dict[str, tuple[Path, Path]]) -> None:
    path, _ = demo_exports["first"]
    runs, check_ins = counts(path)
    assert runs > 50 and check_ins > 50


def test_demo_with_the_same_seed_writes_the_same_journal(demo_exports: dict[str, tuple[Path, Path]]) -> None:
    first, second = (
        json.loads(exported.read_text(encoding="utf-8")) for _, exported in demo_exports.values()
    )
    first.pop("exported_at")
    second.pop("exported_at")
    assert first["runs"]
    assert first == second


def test_demo_into_a_journal_with_entries_adds_nothing(one_run: Path) -> None:
    result = rj("demo", "--years", "1", db=one_run)

    assert result.returncode == 1
    assert "already holds" in result.stderr
    assert counts(one_run) == (1, 0)


@pytest.mark.parametrize("years", ["0", "abc"])
def test_demo_rejects_a_bad_number_of_years(journal_path: Path, years: str) -> None:
    result = rj("demo", "--years", years, db=journal_path)

    assert result.returncode == 1
    assert "Years" in result.stderr and "nothing was stored" in result.stderr
    assert not journal_path.exists()


# the command itself ---------------------------------------------------------------------


def test_version() -> None:
    result = rj("--version")

    assert result.returncode == 0
    assert runjournal.__version__ in result.stdout


def test_help_lists_the_commands() -> None:
    result = rj("--help")

    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "Exit codes" in result.stdout


def test_the_journal_can_be_given_by_environment_variable(tmp_path: Path) -> None:
    path = tmp_path / "from-env.sqlite"

    result = rj(
        "log-run", "--date", "2025-03-14", "--minutes", "30",
        env={"RUNJOURNAL_DB": str(path)}, cwd=tmp_path,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert counts(path) == (1, 0)


def test_db_may_come_before_the_command(tmp_path: Path) -> None:
    path = tmp_path / "before.sqlite"

    result = rj("--db", path, "log-run", "--date", "2025-03-14", "--minutes", "30", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert counts(path) == (1, 0)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, False)),
        (["--db", "j.sqlite"], ("j.sqlite", False)),
        (["--db=j.sqlite", "--smoke-test"], ("j.sqlite", True)),
    ],
)
def test_a_plain_start_of_the_window_is_read_without_the_commands(argv: list[str], expected: tuple) -> None:
    args = window_args(argv)
    assert args is not None and args.command is None
    assert (args.db, args.smoke_test) == expected


@pytest.mark.parametrize(
    "argv", [["check"], ["--db", "j.sqlite", "coach"], ["--db"], ["-h"], ["--version"], ["--frobnicate"]]
)
def test_everything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert window_args(argv) is None


def test_an_unknown_option_is_a_usage_error_that_names_the_commands() -> None:
    result = rj("--frobnicate")

    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr and "usage:" in result.stderr


def test_a_failed_save_asks_for_the_command_again(tmp_path: Path, monkeypatch, capsys) -> None:
    from runjournal.storage import errors

    def disk_full(self, run):
        raise errors.StorageError(errors.DISK_FULL)

    monkeypatch.setattr(Journal, "log_run", disk_full)
    code = main(["--db", str(tmp_path / "j.sqlite"), "log-run", "--minutes", "30"])
    said = capsys.readouterr().err
    assert code == 3
    assert "The disk is full" in said and said.rstrip().endswith("then run the command again.")
    assert "what you typed" not in said
