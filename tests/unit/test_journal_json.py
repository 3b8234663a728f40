"""The whole-journal JSON written as a stream reads back as the same journal."""

from __future__ import annotations

import io
import random
from datetime import UTC, date, datetime

import pytest

from runjournal.domain.model import CheckIn, Run, Settings
from runjournal.formats.journal_json import Original, read_document, write_document

SEED = 20261203


@pytest.mark.parametrize("sizes", [[], [1], [1, 2], [5, 7, 11], [3 * 256 * 1024 + 1, 2, 1]])
def test_originals_written_in_pieces_of_any_size_read_back_whole(sizes: list[int]) -> None:
    rng = random.Random(SEED)
    print(f"seed {SEED}")
    pieces = [rng.randbytes(size) for size in sizes]
    out = io.StringIO()
    written = write_document(
        out,
        app_version="test",
        settings=Settings(weekly_minutes_goal=120),
        coach_choices=[],
        support_contacts=[],
        runs=[Run(day=date(2025, 6, 1), duration_s=1800.0, id=1, note="=1+1 stays as typed here")],
        check_ins=[CheckIn(day=date(2025, 6, 1), mood=6)],
        originals=[Original("ab", "watch.fit", "fit", datetime(2025, 6, 1, 8, tzinfo=UTC), iter(pieces))],
        exported_at=datetime(2025, 6, 2, tzinfo=UTC),
    )
    assert written == 2
    document = read_document(out.getvalue().encode("utf-8"), "test.json")
    (source,) = document.sources
    assert source.data == b"".join(pieces)
    assert source.imported_at == datetime(2025, 6, 1, 8, tzinfo=UTC)
    assert document.runs[0].note == "=1+1 stays as typed here"  # JSON needs no formula guard
    assert document.settings.weekly_minutes_goal == 120
    assert document.check_ins == (CheckIn(day=date(2025, 6, 1), mood=6),)
