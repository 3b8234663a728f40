"""Real activity files for the importer tests, unpacked under their own names.

The files are kept gzipped in tests/data/activities to stay small; the importer itself
reads raw files, so each test gets the original bytes back in a temporary folder.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "data" / "activities"


@pytest.fixture(scope="session")
def real_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("activities")
    for packed in DATA.glob("*.gz"):
        (folder / packed.name.removesuffix(".gz")).write_bytes(gzip.decompress(packed.read_bytes()))
    return folder


@pytest.fixture
def real(real_dir: Path) -> Callable[[str], Path]:
    def path(name: str) -> Path:
        found = real_dir / name
        assert found.is_file(), f"{name} is not among the test files"
        return found

    return path


@pytest.fixture
def sample() -> Callable[[str], Path]:
    return lambda name: DATA / name


@pytest.fixture(scope="session")
def imported(real_dir: Path):
    """read_file on a real file, read once per session: the big rides take a second each."""
    from runjournal.formats.importers import FileResult, read_file

    cache: dict[tuple[str, object], FileResult] = {}

    def read(name: str, zone=None) -> FileResult:
        key = (name, zone)
        if key not in cache:
            cache[key] = read_file(real_dir / name, local_zone=zone)
        return cache[key]

    return read
