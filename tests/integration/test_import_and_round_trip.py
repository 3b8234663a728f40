"""Importing into the journal: review first, store all at once, undo all at once; and the
whole-journal JSON export read back into an empty journal gives the same journal."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from runjournal.domain.model import (
    Activity,
    CheckIn,
    CoachChoice,
    Company,
    Run,
    Settings,
    Source,
    SupportContact,
)
from runjournal.formats.importers import FileResult
from runjournal.formats.journal_json import DocumentError, read_document
from runjournal.service.export import export
from runjournal.service.import_plan import Status
from runjournal.service.journal import Journal, ValidationError


def _file(name: str, data: bytes, *runs: Run) -> FileResult:
    digest = hashlib.sha256(data).hexdigest()
    kind = name.rsplit(".", 1)[-1]
    source = {"fit": Source.FIT, "gpx": Source.GPX, "tcx": Source.TCX}[kind]
    tagged = [
        r.replace(content_hash=digest if len(runs) == 1 else f"{digest}:{i}", source=source)
        for i, r in enumerate(runs)
    ]
    return FileResult(path=Path(name), kind=kind, runs=tuple(tagged), data=data)


def _outing(hour: int, minutes: float, km: float, day: date = date(2026, 11, 3)) -> Run:
    return Run(
        day=day,
        started_at=datetime.combine(day, time(hour, 0), tzinfo=UTC),
        utc_offset_min=60,
        duration_s=minutes * 60,
        distance_m=km * 1000,
    )


def test_an_import_is_reviewed_then_stored_then_undone_as_one(journal: Journal) -> None:
    watch = _file("morning.fit", b"fit bytes", _outing(7, 32, 5.0))
    strava = _file("morning.gpx", b"gpx bytes", _outing(7, 32.2, 5.03))  # the same outing again
    evening = _file("evening.tcx", b"tcx bytes", _outing(18, 45, 8.0))
    bad = FileResult(path=Path("broken.fit"), kind="fit", runs=(), error="the file is cut short.")

    plan = journal.plan_import([strava, watch, evening, bad])

    assert [(i.path.name, i.status) for i in plan.items] == [
        ("morning.gpx", Status.DUPLICATE),  # the watch's own file wins over the GPX
        ("morning.fit", Status.NEW),
        ("evening.tcx", Status.NEW),
        ("broken.fit", Status.REFUSED),
    ]
    assert plan.items[3].label == "can't import: the file is cut short."
    assert plan.summary() == "2 new, 1 also in another of these files, 1 can't be imported"
    assert journal.runs() == []  # nothing is stored by reviewing

    done = journal.store_import(plan)
    assert len(journal.runs()) == 2
    # The GPX of the same outing is kept too, as an extra original of the watch's run.
    assert {s.name for s in journal.source_files()} == {"morning.fit", "morning.gpx", "evening.tcx"}
    assert journal.source_files()[0].data in (b"fit bytes", b"gpx bytes", b"tcx bytes")  # kept whole

    again = journal.plan_import([watch, strava])
    assert {i.status for i in again.items} == {Status.DUPLICATE}
    assert all("imported before" in item.reason for item in again.items)
    assert again.summary() == "0 new, 2 already in your journal"

    journal.undo_import(done)
    assert journal.runs() == [] and journal.source_files() == []
    journal.redo_import(done)
    assert [r.id for r in journal.runs()] == [r.id for r in done.runs]


def test_a_run_typed_in_by_hand_is_recognised_in_an_import(journal: Journal) -> None:
    journal.log_run(_outing(7, 32, 5.0).replace(started_at=None))
    plan = journal.plan_import([_file("a.fit", b"x", _outing(7, 32.3, 5.02))])
    assert plan.items[0].status is Status.DUPLICATE
    assert "already has this run (Tue 3 Nov 2026)" in plan.items[0].reason


def test_a_multi_sport_file_gives_one_entry_per_sport(journal: Journal) -> None:
    ride = _outing(9, 40, 15.0).replace(activity=Activity.BIKE)
    run = _outing(10, 20, 4.0)
    plan = journal.plan_import([_file("brick.fit", b"multi", ride, run)])
    assert [i.status for i in plan.items] == [Status.NEW, Status.NEW]
    journal.store_import(plan)
    assert len(journal.runs()) == 2 and len(journal.source_files()) == 1


def _full_journal(journal: Journal) -> None:
    journal.save_settings(Settings(weekly_minutes_goal=180, week_start=6, started_running=date(2024, 5, 1)))
    journal.log_run(
        Run(
            day=date(2026, 11, 2),
            duration_s=1930.5,
            distance_m=5012.3,
            effort=4,
            company=Company.BUDDY,
            outdoor=False,
            mindful=True,
            mood_before=4,
            mood_after=7,
            stress_before=6,
            stress_after=3,
            avg_hr=141,
            max_hr=170,
            ascent_m=31.5,
            title="Park loop",
            note="Felt lighter — ✓",
            note_private=True,
        )
    )
    journal.store_import(
        journal.plan_import([_file("long.fit", bytes(range(256)) * 4, _outing(7, 95, 16.1))])
    )
    journal.save_check_in(
        CheckIn(
            day=date(2026, 11, 2),
            mood=7,
            stress=3,
            anxiety=2,
            energy=6,
            sleep_hours=7.25,
            sleep_quality=8,
            bedtime=time(22, 45),
            ill=False,
            note="Good day",
        )
    )
    journal.save_check_in(CheckIn(day=date(2026, 11, 4), ill=True))
    journal.save_coach_choice(CoachChoice("BUDDY", disabled=True))
    journal.snooze_rule("REST", today=date(2026, 11, 4))
    journal.save_support_contacts([SupportContact("Sam", "+44 7700 900123", "sister")])


def _everything(journal: Journal) -> tuple:
    return (
        journal.settings(),
        journal.runs(),
        journal.check_ins(),
        journal.coach_choices(),
        journal.support_contacts(),
        [(s.hash, s.name, s.kind, s.data, s.imported_at) for s in journal.source_files()],
    )


def test_a_whole_journal_export_loads_into_an_empty_journal_unchanged(
    journal: Journal, tmp_path: Path
) -> None:
    _full_journal(journal)
    exported = tmp_path / "everything.json"
    export(journal, exported)
    assert json.loads(exported.read_text())["source_files"][0]["data_base64"]

    with Journal.open(tmp_path / "copy.sqlite") as copy:
        copy.load_document(read_document(exported.read_bytes(), exported.name))
        assert _everything(copy) == _everything(journal)
        with pytest.raises(ValidationError):  # a second load would double everything
            copy.load_document(read_document(exported.read_bytes()))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json", "not readable JSON"),
        (b'{"format": "other"}', "not a journal exported by RunJournal"),
        (b'{"format": "runjournal", "version": 99}', "newer RunJournal"),
        (b'{"format": "runjournal", "version": 1, "runs": [{"day": "yesterday"}]}', "damaged"),
    ],
)
def test_a_file_that_is_not_a_readable_export_is_refused(content: bytes, expected: str) -> None:
    with pytest.raises(DocumentError, match=expected):
        read_document(content, "x.json")


def test_a_row_of_a_table_that_cannot_be_read_is_listed_with_its_reason(journal: Journal) -> None:
    table = _file("activities.fit", b"table", _outing(7, 30, 5.0))
    table = FileResult(
        path=Path("activities.csv"),
        kind="csv",
        runs=table.runs,
        data=b"table",
        skipped=("row 4 … is missing",),
    )
    plan = journal.plan_import([table])
    assert [(i.status, i.reason) for i in plan.items] == [
        (Status.REFUSED, "row 4 … is missing"),
        (Status.NEW, ""),
    ]
    assert plan.summary() == "1 new, 1 can't be imported"


def test_files_are_packed_while_reviewed_so_storing_only_copies(journal: Journal, monkeypatch) -> None:
    import zlib

    from runjournal.storage import source_files

    watch = _file("morning.fit", b"fit bytes " * 100, _outing(7, 32, 5.0))
    plan = journal.plan_import([watch])  # on the import's reading thread in the window
    assert set(plan.packed) == {s.hash for s in plan.sources}
    assert zlib.decompress(plan.packed[plan.sources[0].hash]) == b"fit bytes " * 100

    def no_packing(data: bytes) -> bytes:
        raise AssertionError("storing a reviewed import should not pack again")

    monkeypatch.setattr(source_files, "pack", no_packing)
    done = journal.store_import(plan)
    journal.undo_import(done)
    journal.redo_import(done)  # puts the same bytes back
    monkeypatch.undo()
    assert [s.data for s in journal.source_files()] == [b"fit bytes " * 100]


# Hostile content: formulas in tables, bombs among the originals, oversized exports ------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rreturned"]


def test_csv_exports_neutralise_formulas_but_keep_negative_numbers(journal: Journal, tmp_path: Path) -> None:
    import csv

    from runjournal.formats.importers import read_file

    for minute, text in enumerate(FORMULAS):
        journal.log_run(
            Run(
                day=date(2026, 11, 2),
                duration_s=1800.0 + minute,
                started_at=datetime(2026, 11, 2, 12, minute, tzinfo=UTC),
                utc_offset_min=-300,
                title=f"{text} title"[:200],
                note=text,
            )
        )
    journal.save_check_in(CheckIn(day=date(2026, 11, 2), mood=5, note="=1+1"))
    runs_csv, check_ins_csv = tmp_path / "runs.csv", tmp_path / "check-ins.csv"
    export(journal, runs_csv)
    export(journal, check_ins_csv, check_ins=True)

    rows = list(csv.DictReader(runs_csv.open(encoding="utf-8", newline="")))
    assert sorted(row["note"] for row in rows) == sorted("'" + text for text in FORMULAS)
    assert all(row["title"].startswith("'") for row in rows)
    assert {row["utc_offset_min"] for row in rows} == {"-300"}  # a number stays a number
    (check_in_row,) = csv.DictReader(check_ins_csv.open(encoding="utf-8", newline=""))
    assert check_in_row["note"] == "'=1+1"

    # RunJournal reads its own table back as it was written by the person.
    back = read_file(runs_csv)
    assert back.error is None
    assert sorted(run.note for run in back.runs) == sorted(FORMULAS)
    assert sorted(run.title for run in back.runs) == sorted(f"{text} title" for text in FORMULAS)


def test_an_apostrophe_the_person_typed_survives_the_csv_round_trip(journal: Journal, tmp_path: Path) -> None:
    from runjournal.formats.importers import read_file

    typed = ["'=quoted on purpose", "'plain", "''", "it's fine"]
    for minute, text in enumerate(typed):
        journal.log_run(Run(day=date(2026, 11, 2), duration_s=1800.0 + minute, note=text))
    runs_csv = tmp_path / "runs.csv"
    export(journal, runs_csv)
    assert sorted(run.note for run in read_file(runs_csv).runs) == sorted(typed)


def test_a_stored_original_that_unpacks_to_a_bomb_stops_the_json_export_with_a_sentence(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runjournal.domain.model import SourceFile
    from runjournal.formats import importers
    from runjournal.service.export import ExportError
    from tests.hostile_files import zlib_bomb

    monkeypatch.setattr(importers, "MAX_FILE_BYTES", 1024 * 1024)
    journal.log_run(Run(day=date(2026, 11, 2), duration_s=1800.0))
    with journal._write() as uow:  # as a damaged or hostile journal file would hold it
        uow.source_files.add(SourceFile("ab" * 32, "bomb.fit", "fit", b""), zlib_bomb(3 * 1024 * 1024))
        uow.commit()
    target = tmp_path / "everything.json"
    with pytest.raises(ExportError, match=r"bomb\.fit"):
        export(journal, target)
    assert not target.exists() and not list(tmp_path.glob(".everything*"))
    export(journal, tmp_path / "runs.csv")  # the runs themselves still come out


def test_a_whole_journal_export_larger_than_the_bound_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from runjournal.cli import main
    from runjournal.formats import journal_json

    with Journal.open(tmp_path / "full.sqlite") as full:
        _full_journal(full)
        export(full, tmp_path / "everything.json")
    monkeypatch.setattr(journal_json, "MAX_DOCUMENT_BYTES", 1024, raising=False)
    empty = tmp_path / "empty.sqlite"
    assert main(["import", "--db", str(empty), str(tmp_path / "everything.json")]) == 1
    assert "larger than" in capsys.readouterr().err
    with Journal.open(empty) as journal:
        assert journal.is_empty()


def test_a_file_in_the_journal_is_recognised_by_its_bytes_before_parsing(
    journal: Journal, tmp_path: Path
) -> None:
    from runjournal.formats.importers import read_file
    from runjournal.formats.importers.common import sha256_hex

    watch = _file("morning.fit", b"fit bytes", _outing(7, 32, 5.0))
    journal.store_import(journal.plan_import([watch]))
    assert journal.imported_before(sha256_hex(b"fit bytes"))
    assert not journal.imported_before(sha256_hex(b"other bytes"))
    # The same bytes again, under another name: recognised without being parsed (they are
    # not a real FIT file, so parsing them would refuse them instead).
    again = tmp_path / "copy.fit"
    again.write_bytes(b"fit bytes")
    result = read_file(again, known=journal.imported_before)
    plan = journal.plan_import([result])
    assert [item.status for item in plan.items] == [Status.DUPLICATE]
    assert "imported before" in plan.items[0].reason
