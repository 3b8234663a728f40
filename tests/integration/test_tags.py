"""Tags for what shaped the day: kept per check-in, in the person's own list, through an
upgrade, a backup and restore, the whole-journal export and the command line."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.domain.model import SUGGESTED_TAGS, CheckIn, Settings, ValidationError
from runjournal.formats.csv_files import check_ins_table
from runjournal.formats.journal_json import read_document, write_document
from runjournal.service.journal import Journal
from runjournal.storage.database import make_engine
from runjournal.storage.migrate import upgrade

DAY = date(2026, 11, 2)


def _journal_of_the_previous_release(path: Path) -> None:
    """A journal at schema 0003 (today's release) with entries in it."""
    path.touch()
    engine = make_engine(path)
    upgrade(engine, "0003")
    engine.dispose()
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "INSERT INTO runs (day, activity, duration_s, distance_m, company, outdoor, mindful,"
            " title, note, note_private, source) VALUES ('2026-11-02', 'run', 1800, 5000, 'solo',"
            " 1, 0, '', 'Easy', 0, 'manual')"
        )
        db.execute(
            "INSERT INTO check_ins (day, mood, stress, sleep_hours, ill, note)"
            " VALUES ('2026-11-02', 7, 3, 7.5, 1, 'calm')"
        )
        db.execute("INSERT INTO settings VALUES ('weekly_minutes_goal', '180')")
        db.commit()


def test_a_journal_of_the_previous_release_upgrades_with_nothing_lost_and_takes_tags(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    _journal_of_the_previous_release(path)
    with Journal.open(path) as journal:
        check_in = journal.check_in(DAY)
        assert check_in == CheckIn(day=DAY, mood=7, stress=3, sleep_hours=7.5, ill=True, note="calm")
        assert check_in is not None and check_in.tags == ()
        assert [(r.day, r.distance_m, r.note) for r in journal.runs()] == [(DAY, 5000.0, "Easy")]
        assert journal.settings().weekly_minutes_goal == 180
        assert journal.settings().tags == SUGGESTED_TAGS
        journal.save_check_in(check_in.replace(tags=("therapy", "time outside")))
    with Journal.open(path) as journal:
        assert journal.check_in(DAY).tags == ("therapy", "time outside")


def test_a_day_with_only_tags_is_kept(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite") as journal:
        assert journal.save_check_in(CheckIn(day=DAY, tags=("alcohol",))) is not None
        assert journal.check_in(DAY) == CheckIn(day=DAY, tags=("alcohol",))


@pytest.mark.parametrize(
    ("tags", "words"),
    [
        (("",), "1 to 40 characters"),
        (("x" * 41,), "1 to 40 characters"),
        (("therapy", "Therapy"), "twice"),
        (tuple(f"tag {n}" for n in range(31)), "at most 30"),
        # The check-ins table writes a day's tags as "a; b": a name with ";" would come back as two.
        (("work; stress",), "“;”"),
    ],
)
def test_bad_tags_are_refused_with_a_sentence_and_leave_the_journal_as_it_was(
    tmp_path: Path, tags: tuple[str, ...], words: str
) -> None:
    with Journal.open(tmp_path / "j.sqlite") as journal:
        with pytest.raises(ValidationError, match=words):
            journal.save_check_in(CheckIn(day=DAY, mood=5, tags=tags))
        with pytest.raises(ValidationError, match=words):
            journal.save_settings(journal.settings().replace(tags=tags))
        assert journal.check_in(DAY) is None
        assert journal.settings().tags == SUGGESTED_TAGS


def test_the_persons_list_is_kept_as_they_edit_it(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "j.sqlite") as journal:
        journal.save_settings(journal.settings().replace(tags=("slept well", "therapy")))
    with Journal.open(tmp_path / "j.sqlite") as journal:
        assert journal.settings().tags == ("slept well", "therapy")


def test_tags_survive_a_backup_and_restore(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.sqlite") as journal:
        journal.save_check_in(CheckIn(day=DAY, mood=6, tags=("social time",)))
        journal.backup()
        journal.save_check_in(CheckIn(day=DAY, mood=6))
        [entry] = journal.backups()
        journal.restore(entry.path)
        assert journal.check_in(DAY).tags == ("social time",)


def _document(check_ins: list[CheckIn], settings: Settings) -> bytes:
    out = io.StringIO()
    write_document(
        out,
        app_version="test",
        settings=settings,
        coach_choices=[],
        support_contacts=[],
        runs=[],
        check_ins=check_ins,
        originals=[],
        exported_at=datetime(2026, 11, 3, tzinfo=UTC),
    )
    return out.getvalue().encode("utf-8")


def test_tags_go_out_and_come_back_in_the_whole_journal_export() -> None:
    check_ins = [
        CheckIn(day=DAY, mood=4, tags=("work stress", "caffeine late")),
        CheckIn(day=date(2026, 11, 3)),
    ]
    settings = Settings(tags=("work stress", "caffeine late", "yoga"))
    document = read_document(_document(check_ins, settings), "export.json")
    assert list(document.check_ins) == check_ins
    assert document.settings.tags == ("work stress", "caffeine late", "yoga")


def test_an_export_of_the_previous_version_without_tags_still_loads() -> None:
    data = json.loads(_document([CheckIn(day=DAY, mood=4)], Settings()))
    for check_in in data["check_ins"]:
        del check_in["tags"]
    del data["settings"]["tags"]
    document = read_document(json.dumps(data).encode("utf-8"), "old.json")
    assert document.check_ins == (CheckIn(day=DAY, mood=4),)
    assert document.settings.tags == SUGGESTED_TAGS


def test_damaged_tags_in_an_export_are_refused_with_a_sentence() -> None:
    data = json.loads(_document([CheckIn(day=DAY, mood=4)], Settings()))
    data["check_ins"][0]["tags"] = "therapy"
    with pytest.raises(ValueError, match="tags"):
        read_document(json.dumps(data).encode("utf-8"), "bad.json")


def test_the_check_ins_csv_has_a_tags_column() -> None:
    text = check_ins_table([CheckIn(day=DAY, mood=4, tags=("therapy", "time outside"))])
    header, row = text.splitlines()[:2]
    assert header.split(",")[-1] == "tags"
    assert row.endswith("therapy; time outside")


def test_check_in_tag_on_the_command_line_adds_unknown_tags_to_the_list(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "j.sqlite")
    code = main(["check-in", "--db", db, "--date", "2026-11-02", "--tag", "Therapy", "--tag", "climbing"])
    assert code == 0
    out = capsys.readouterr().out
    assert "therapy" in out and "climbing" in out and "added “climbing” to your tags" in out
    with Journal.open(Path(db)) as journal:
        assert journal.check_in(DAY).tags == ("therapy", "climbing")
        assert journal.settings().tags == (*SUGGESTED_TAGS, "climbing")


def test_check_in_tag_refuses_a_name_too_long_with_a_sentence(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "j.sqlite")
    code = main(["check-in", "--db", db, "--date", "2026-11-02", "--tag", "x" * 41])
    assert code != 0
    assert "1 to 40 characters" in capsys.readouterr().err
    assert not Path(db).exists() or Journal.open(Path(db)).check_in(DAY) is None


def test_a_whole_journal_export_loads_with_its_tags_and_bad_tag_names_are_refused(tmp_path: Path) -> None:
    good = read_document(
        _document([CheckIn(day=DAY, mood=4, tags=("yoga",))], Settings(tags=("yoga",))), "export.json"
    )
    with Journal.open(tmp_path / "loaded.sqlite") as journal:
        journal.load_document(good)
        assert journal.check_in(DAY).tags == ("yoga",) and journal.settings().tags == ("yoga",)
    data = json.loads(_document([CheckIn(day=DAY, mood=4)], Settings()))
    data["check_ins"][0]["tags"] = ["y" * 41]
    bad = read_document(json.dumps(data).encode("utf-8"), "bad.json")
    with Journal.open(tmp_path / "refused.sqlite") as journal:
        with pytest.raises(ValidationError, match="1 to 40 characters"):
            journal.load_document(bad)
        assert journal.holds_nothing()
