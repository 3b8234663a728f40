"""The poorer recording is already in the journal and the richer one arrives later (issue 21,
problem 3): a power meter's file without distance was imported last week, Zwift's file of
the same ride with 36.9 km and heart rate comes now. The review offers to replace the
journal's measurements with the richer file's, keeping what the person wrote about the ride,
and one Undo takes the replacement back.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from runjournal.domain.model import Activity, Company, DistanceUnit, Run, Source
from runjournal.formats.importers import FileResult
from runjournal.service.import_plan import Status, plan_import
from runjournal.service.journal import Journal
from runjournal.ui.importing.review_model import COL_FILE, COL_STATUS, ReviewModel

START = datetime(2024, 6, 1, 6, 0, tzinfo=UTC)


def _file(name: str, data: bytes, run: Run) -> FileResult:
    kind = name.rsplit(".", 1)[-1]
    tagged = run.replace(content_hash=hashlib.sha256(data).hexdigest(), source=Source(kind))
    return FileResult(path=Path(name), kind=kind, runs=(tagged,), data=data)


def _gpx(start: datetime, seconds: int, step_deg: float, hr: int | None = None) -> bytes:
    """A ride written as GPX, one point a second; no movement gives no distance."""
    extra = f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions>"
    points = "".join(
        f'<trkpt lat="52.0" lon="{13.0 + i * step_deg:.6f}">'
        f"<time>{start + timedelta(seconds=i):%Y-%m-%dT%H:%M:%SZ}</time>{extra if hr else ''}</trkpt>"
        for i in range(seconds + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1" '
        'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
        f"<trk><type>cycling</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def _power_meter() -> FileResult:
    ride = Run(
        day=START.date(), duration_s=3600, activity=Activity.BIKE, started_at=START, utc_offset_min=120
    )
    return _file("power-meter.fit", b"power meter bytes", ride)


def _zwift(**changes: object) -> FileResult:
    ride = Run(
        day=START.date(),
        duration_s=3660,
        activity=Activity.BIKE,
        started_at=START + timedelta(seconds=40),
        utc_offset_min=120,
        moving_s=3590,
        distance_m=36_900,
        avg_hr=141,
        max_hr=172,
        ascent_m=310,
    ).replace(**changes)
    return _file("zwift.fit", b"zwift bytes", ride)


def _journal_with_the_poorer_ride(journal: Journal) -> Run:
    journal.store_import(journal.plan_import([_power_meter()]))
    (stored,) = journal.runs()
    edited = stored.replace(
        title="Rain ride with Sam",
        note="Legs heavy, head clear after.",
        effort=6,
        mood_before=2,
        mood_after=4,
        company=Company.BUDDY,
        mindful=True,
    )
    journal.update_run(edited)
    return edited


def test_a_richer_recording_of_a_stored_run_is_offered_as_its_replacement(journal: Journal) -> None:
    _journal_with_the_poorer_ride(journal)
    plan = journal.plan_import([_zwift()])
    (item,) = plan.items
    assert item.status is Status.NEW and item.included  # clearly richer: ticked
    assert item.replaces is not None
    assert "replace" in item.label
    assert plan.new_runs == []  # nothing new is added beside it
    assert "1 to replace with a richer recording" in plan.summary()


def test_replacing_keeps_the_persons_words_and_takes_the_measurements(journal: Journal) -> None:
    edited = _journal_with_the_poorer_ride(journal)
    done = journal.store_import(journal.plan_import([_zwift()]))

    (ride,) = journal.runs()
    assert ride.id == edited.id
    assert (ride.distance_m, ride.avg_hr, ride.max_hr, ride.ascent_m, ride.moving_s) == (
        36_900,
        141,
        172,
        310,
        3590,
    )
    assert ride.duration_s == 3660 and ride.started_at == START + timedelta(seconds=40)
    assert (ride.title, ride.note, ride.effort, ride.mood_before, ride.mood_after) == (
        edited.title,
        edited.note,
        6,
        2,
        4,
    )
    assert ride.company is Company.BUDDY and ride.mindful and ride.activity is Activity.BIKE
    # The new file is the run's original; the old one stays as an extra original.
    assert ride.content_hash == hashlib.sha256(b"zwift bytes").hexdigest()
    assert journal.imported_before(hashlib.sha256(b"zwift bytes").hexdigest())
    assert journal.imported_before(hashlib.sha256(b"power meter bytes").hexdigest())

    journal.undo_import(done)
    assert journal.runs() == [edited]
    assert not journal.imported_before(hashlib.sha256(b"zwift bytes").hexdigest())
    assert journal.imported_before(hashlib.sha256(b"power meter bytes").hexdigest())

    journal.redo_import(done)
    (again,) = journal.runs()
    assert again.distance_m == 36_900 and again.title == edited.title


def test_a_recording_that_adds_only_a_moving_time_is_offered_but_not_ticked() -> None:
    stored = _power_meter().runs[0].replace(id=7)
    later = _file("watch.fit", b"watch bytes", stored.replace(id=None, moving_s=3500, content_hash=None))
    plan = plan_import([later], [stored], set())
    (item,) = plan.items
    assert item.replaces == stored and not item.included
    assert plan.replacements == []


def test_a_poorer_or_equal_recording_is_still_only_a_duplicate() -> None:
    rich = _zwift().runs[0].replace(id=3)
    poorer = _power_meter()
    plan = plan_import([poorer], [rich], set())
    (item,) = plan.items
    assert item.status is Status.DUPLICATE and item.replaces is None


def test_the_review_shows_the_replacement_and_unticking_it_keeps_the_journal_as_it_is(qapp) -> None:
    stored = _power_meter().runs[0].replace(id=5, title="Rain ride")
    plan = plan_import([_zwift()], [stored], set())
    model = ReviewModel()
    model.set_rows(list(plan.items), units=DistanceUnit.KM)
    status = model.data(model.index(0, COL_STATUS))
    assert isinstance(status, str) and "replace" in status
    assert model.data(model.index(0, COL_FILE), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value

    (merged,) = plan.with_choices(model.included(), model.activities()).replacements
    assert merged.id == 5 and merged.title == "Rain ride" and merged.distance_m == 36_900

    model.setData(model.index(0, COL_FILE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    edited = plan.with_choices(model.included(), model.activities())
    assert edited.replacements == [] and edited.stored_sources == ()


def test_the_review_tooltip_says_what_a_replacement_keeps(qapp) -> None:
    stored = _power_meter().runs[0].replace(id=5)
    plan = plan_import([_zwift()], [stored], set())
    model = ReviewModel()
    model.set_rows(list(plan.items), units=DistanceUnit.KM)
    tip = model.data(model.index(0, COL_STATUS), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and "will be added" not in tip
    assert "title" in tip and "extra original" in tip


def test_the_command_line_says_how_many_runs_it_replaced(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite"
    power = tmp_path / "a-power-meter.gpx"
    power.write_bytes(_gpx(START, 600, 0.0))
    zwift = tmp_path / "zwift.gpx"
    zwift.write_bytes(_gpx(START + timedelta(seconds=3), 600, 0.0001, hr=140))
    env = {k: v for k, v in os.environ.items() if k != "RUNJOURNAL_DB"}
    for path in (power, zwift):
        result = subprocess.run(
            [sys.executable, "-m", "runjournal", "import", "--db", str(db), str(path)],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "1 replaced with a richer recording" in result.stdout
    with Journal.open(db, create=False) as journal:
        (ride,) = journal.runs()
        assert ride.distance_m and ride.avg_hr == 140


def test_a_richer_recording_with_an_impossible_speed_asks_before_it_replaces_the_stored_run(qapp) -> None:
    # 369 km in an hour: a unit slip in the app's export, not a ride anyone can do.
    stored = _power_meter().runs[0].replace(id=5, title="Rain ride")
    plan = plan_import([_zwift(distance_m=369_000)], [stored], set())
    (item,) = plan.items
    assert item.replaces == stored
    assert not item.included  # left out unless the person ticks it
    assert "km/h" in item.reason and "faster than a bike" in item.reason
    assert item.label.startswith("check")
    assert plan.replacements == []  # the journal keeps its run as it is
    assert "1 to check" in plan.summary() and "to replace" not in plan.summary()

    model = ReviewModel()
    model.set_rows(list(plan.items), units=DistanceUnit.KM)
    status = model.data(model.index(0, COL_STATUS))
    assert isinstance(status, str) and status.startswith("?") and "km/h" in status
    assert (
        model.data(model.index(0, COL_FILE), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value
    )

    # Ticking it anyway is the person's call: then the journal's run takes the recording.
    model.setData(model.index(0, COL_FILE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    (merged,) = plan.with_choices(model.included(), model.activities()).replacements
    assert merged.id == 5 and merged.distance_m == 369_000


def test_the_speed_is_judged_for_the_activity_the_run_keeps_in_the_journal() -> None:
    # The person logged this outing as a run; a replacement keeps their activity, so a
    # recording at 37 km/h would turn it into a run no one can do.
    stored = _power_meter().runs[0].replace(id=5, activity=Activity.RUN)
    plan = plan_import([_zwift(activity=Activity.RUN)], [stored], set())
    (item,) = plan.items
    assert item.replaces == stored and not item.included
    assert "faster than a run" in item.reason

    believable = plan_import([_zwift(activity=Activity.RUN, distance_m=12_000)], [stored], set())
    (fine,) = believable.items
    assert fine.included and fine.reason == ""


def test_below_the_list_a_flagged_replacement_says_what_ticking_it_would_replace(
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtGui import QUndoStack

    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.importing.import_dialog import ImportDialog

    stored = _power_meter().runs[0].replace(id=5, title="Rain ride")
    plan = plan_import([_zwift(distance_m=369_000)], [stored], set())
    with Journal.open(tmp_path / "j.sqlite") as journal:
        dialog = ImportDialog(JournalBridge(journal), QUndoStack(), [], None)
        qtbot.addWidget(dialog)
        dialog._show_plan(plan)
        dialog.table.selectRow(0)

        said = dialog.reason_text()
        assert "replaces the recording in your journal" in said
        assert "km/h" in said and "left out unless you tick it" in said


def test_the_activity_choice_follows_the_selected_row(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QUndoStack

    from runjournal.ui.bridge import JournalBridge
    from runjournal.ui.importing.import_dialog import ImportDialog

    stored = _power_meter().runs[0].replace(id=5, title="Rain ride")
    plan = plan_import([_zwift()], [stored], set())
    with Journal.open(tmp_path / "j.sqlite") as journal:
        dialog = ImportDialog(JournalBridge(journal), QUndoStack(), [], None)
        qtbot.addWidget(dialog)
        dialog._show_plan(plan)
        dialog.table.selectRow(0)

        # A ride selected: the choice offers what it is, so Change is not a silent switch to Run.
        assert dialog.activity_choice.currentData() == Activity.BIKE.value
