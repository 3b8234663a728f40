"""The layer rules of docs/architecture.md, checked on the source and on what really gets imported."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "runjournal"
QT = ("PySide6", "pyqtgraph", "shiboken6")
QT_FREE = (
    "domain",
    "storage",
    "coach",
    "insights",
    "formats",
    "figures",
    "service",
    "samples",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _files(*parts: str) -> list[Path]:
    files: list[Path] = []
    for part in parts:
        target = PACKAGE / part
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else []
    return files


@pytest.mark.parametrize("path", _files(*QT_FREE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_core_never_imports_qt(path: Path) -> None:
    assert not {m for m in _imports(path) if m.split(".")[0] in QT}


@pytest.mark.parametrize("path", _files("domain"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_the_domain_imports_neither_qt_nor_sql(path: Path) -> None:
    roots = {m.split(".")[0] for m in _imports(path)}
    assert not roots & {*QT, "sqlalchemy", "alembic", "sqlite3"}


@pytest.mark.parametrize("path", _files("ui", "reports", "cli"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_storage_speaks_sql(path: Path) -> None:
    roots = {m.split(".")[0] for m in _imports(path)}
    assert not roots & {"sqlalchemy", "alembic", "sqlite3"}


def _modules_after(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(result.stdout.split())


def test_opening_a_current_journal_loads_neither_qt_nor_alembic(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    subprocess.run(
        [sys.executable, "-m", "runjournal", "--db", str(path), "check-in", "--mood", "5"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    loaded = _modules_after(
        f"from runjournal.service.journal import Journal\nj = Journal.open({str(path)!r})\nj.runs(); j.close()"
    )
    assert not {m for m in loaded if m.split(".")[0] in (*QT, "alembic")}


def test_the_first_window_loads_no_charting_or_migration_code() -> None:
    loaded = _modules_after("import runjournal.ui.app\nimport runjournal.ui.main_window")
    assert not {m for m in loaded if m.split(".")[0] in ("pyqtgraph", "alembic", "numpy")}
