"""Taking everything out again: the whole journal as JSON, runs or check-ins as CSV.

Files are written to a temporary name and renamed into place, so an export that fails
(a full disk, say) never leaves a half-written file under the name the person chose.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from runjournal import __version__
from runjournal.domain.model import CheckIn, Run
from runjournal.domain.serialize import (
    CHECK_IN_CSV_COLUMNS,
    RUN_CSV_COLUMNS,
    check_in_to_dict,
    coach_choice_to_dict,
    run_to_dict,
    settings_to_dict,
)
from runjournal.domain.units import METRES_PER_KM, format_duration
from runjournal.service.journal import Journal
from runjournal.formats.journal_json import EXPORT_FORMAT, EXPORT_VERSION, source_to_dict


class ExportError(Exception):
    """The export could not be written; the message says why."""


def write_atomically(path: Path, text: str) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose a folder that does.")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ExportError(
            f"{path} could not be written: {error.strerror or error}. Nothing was written."
        ) from None


def _blank(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return value


def run_row(run: Run) -> dict[str, Any]:
    local = run.local_start
    return {
        "date": run.day.isoformat(),
        "start_local": local.strftime("%H:%M") if local else "",
        "utc_offset_min": run.utc_offset_min,
        "activity": str(run.activity),
        "duration": format_duration(run.duration_s),
        "duration_s": run.duration_s,
        "moving_s": run.moving_s,
        "distance_km": None if run.distance_m is None else round(run.distance_m / METRES_PER_KM, 3),
        "distance_m": run.distance_m,
        "effort": run.effort,
        "intensity": str(run.intensity) if run.effort is not None else "",
        "with": str(run.company),
        "outdoor": run.outdoor,
        "mindful": run.mindful,
        "mood_before": run.mood_before,
        "mood_after": run.mood_after,
        "stress_before": run.stress_before,
        "stress_after": run.stress_after,
        "avg_hr": run.avg_hr,
        "max_hr": run.max_hr,
        "ascent_m": run.ascent_m,
        "title": run.title,
        "note": run.note,
        "note_private": run.note_private,
        "source": str(run.source),
    }


def check_in_row(check_in: CheckIn) -> dict[str, Any]:
    return {
        "date": check_in.day.isoformat(),
        "mood": check_in.mood,
        "stress": check_in.stress,
        "anxiety": check_in.anxiety,
        "energy": check_in.energy,
        "sleep_hours": check_in.sleep_hours,
        "sleep_quality": check_in.sleep_quality,
        "bedtime": check_in.bedtime.strftime("%H:%M") if check_in.bedtime else None,
        "ill_or_injured": check_in.ill,
        "note": check_in.note,
    }


def _csv_text(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _blank(value) for key, value in row.items()})
    return buffer.getvalue()


def journal_document(journal: Journal) -> dict[str, Any]:
    """The whole journal as one JSON-ready document."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": settings_to_dict(journal.settings()),
        "coach_choices": [coach_choice_to_dict(c) for c in journal.coach_choices().values()],
        "support_contacts": [asdict(c) for c in journal.support_contacts()],
        "runs": [run_to_dict(r) for r in journal.runs()],
        "check_ins": [check_in_to_dict(c) for c in journal.check_ins()],
        "source_files": [source_to_dict(s) for s in journal.source_files()],
    }


def export(journal: Journal, path: Path, *, check_ins: bool = False) -> int:
    """Writes `path` by its extension: .json (everything) or .csv (runs, or check-ins).

    Returns the number of records written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if path.resolve() == journal.path.resolve():
        raise ExportError("An export cannot be written over the journal itself. Choose another file name.")
    if suffix == ".json":
        document = journal_document(journal)
        write_atomically(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return len(document["runs"]) + len(document["check_ins"])
    if suffix == ".csv":
        if check_ins:
            rows = [check_in_row(c) for c in journal.check_ins()]
            write_atomically(path, _csv_text(CHECK_IN_CSV_COLUMNS, rows))
        else:
            rows = [run_row(r) for r in journal.runs()]
            write_atomically(path, _csv_text(RUN_CSV_COLUMNS, rows))
        return len(rows)
    raise ExportError(f"{path.name}: choose a file ending in .json (the whole journal) or .csv (a table).")
