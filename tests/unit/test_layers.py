"""The layer rules of docs/architecture.md, checked on the source and on what really gets imported.

The picture (docs/architecture.md): ui/ and cli/ go through service/ and never reach
storage/; service/ is the one API and knows no Qt; coach/, insights/, figures/, formats/
and samples/ are pure (domain in, domain out); domain/ imports nothing of the app;
reports/ paints figures and never touches the journal. Every import counts, including
the ones inside functions that load a module late; only `if TYPE_CHECKING:` imports (which
never run) are left out. And no module may take part in an import cycle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
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


# The import contract -----------------------------------------------------------------

TOP = "runjournal"
PURE = frozenset({"coach", "insights", "figures", "formats", "samples"})
# What each part of the app may import of the app (itself always). "" is the package's
# own __init__ (the version); "paths" the helper that finds data and resources.
ALLOWED: dict[str, frozenset[str]] = {
    "": frozenset(),
    "paths": frozenset(),
    "logs": frozenset({"paths"}),  # the log beside the journal: never entry content
    "domain": frozenset(),
    **{pure: frozenset({"domain"}) for pure in PURE},
    "storage": frozenset({"", "paths", "domain"}),
    "service": frozenset({"", "paths", "logs", "domain", "storage", *PURE}),
    "reports": frozenset({"", "paths", "domain", "figures"}),
    # The window still reads figures' and formats' types and helpers directly (charts,
    # import review); the command line goes through the service for everything.
    "ui": frozenset({"", "paths", "logs", "domain", "service", "reports", *PURE}),
    "cli": frozenset({"", "paths", "logs", "domain", "service", "reports", "ui"}),
    "__main__": frozenset({"cli"}),
}
# Arrows between pure parts that are older than the version-2 picture, each named exactly
# so that no new one can slip in: the coach's Nudge and History types and its MOOD-LOW test,
# which belong in domain/ (issue 14, "one domain function for week progress").
KNOWN_CROSSINGS = frozenset(
    {
        ("runjournal.figures.week_report", "runjournal.coach.model"),
        ("runjournal.insights.comparisons", "runjournal.coach.engine"),
        ("runjournal.insights.comparisons", "runjournal.coach.model"),
        ("runjournal.reports.page_tables", "runjournal.coach.model"),
    }
)
# What the service hands back and ui/ or cli/ may name: the coach's and insights' records
# and their fixed wording.
RETURNED_TYPES = frozenset({"runjournal.coach.model", "runjournal.insights.model"})
SQL = ("sqlalchemy", "alembic", "sqlite3")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str  # a module of the app, or the top name of a library
    line: int

    def __str__(self) -> str:
        return f"{self.importer} imports {self.imported} (line {self.line})"


def module_names(package: Path) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    names: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = [package.name, *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If):
            test = node.test
            name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", "")
            if name == "TYPE_CHECKING":
                skipped |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
    return skipped


def imports_of(package: Path) -> Iterator[Import]:
    """Every import that runs, at the top of a module or inside a function, resolved to the
    app's module it loads (`from a.b import c` loads a.b.c when c is a module) or to the
    library's top name."""
    names = module_names(package)

    def app_module(dotted: str) -> str:
        while dotted not in names and "." in dotted:
            dotted = dotted.rpartition(".")[0]
        return dotted

    for module, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_only(tree)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".") if is_package else module.split(".")[:-1]
                    base = base[: len(base) - node.level + 1]
                    source = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    source = node.module or ""
                targets = [
                    f"{source}.{alias.name}" if f"{source}.{alias.name}" in names else source
                    for alias in node.names
                ]
            else:
                continue
            for target in dict.fromkeys(targets):  # `from a import b, c` loads a once
                if target.split(".")[0] == package.name:
                    resolved = app_module(target)
                    if resolved != module:
                        yield Import(module, resolved, node.lineno)
                else:
                    yield Import(module, target.split(".")[0], node.lineno)


def part_of(module: str) -> str:
    """`runjournal.service.journal` → "service"; the package itself → ""."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def arrows_against_the_picture(package: Path) -> list[str]:
    wrong = []
    for found in imports_of(package):
        if found.imported.split(".")[0] != package.name:
            continue
        source, target = part_of(found.importer), part_of(found.imported)
        allowed = ALLOWED.get(source, frozenset())
        if (
            source != target
            and target not in allowed
            and (found.importer, found.imported) not in KNOWN_CROSSINGS
            and not (source in ("ui", "cli") and found.imported in RETURNED_TYPES)
        ):
            wrong.append(f"{found}: {source or package.name}/ may not import {target or package.name}/")
    return wrong


def libraries_out_of_place(package: Path) -> list[str]:
    wrong = []
    for found in imports_of(package):
        source, library = part_of(found.importer), found.imported
        if library in SQL and source != "storage":
            wrong.append(f"{found}: only storage/ speaks SQL")
        if library in QT and source in (*PURE, "domain", "storage", "service"):
            wrong.append(f"{found}: {source}/ knows no Qt")
    return wrong


def import_cycles(package: Path) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    graph: dict[str, set[str]] = {name: set() for name in module_names(package)}
    for found in imports_of(package):
        if found.imported in graph:
            graph[found.importer].add(found.imported)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in order:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], order[target])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return cycles


def test_every_arrow_follows_the_picture() -> None:
    assert arrows_against_the_picture(PACKAGE) == []


def test_sql_stays_in_storage_and_qt_out_of_the_core() -> None:
    assert libraries_out_of_place(PACKAGE) == []


def test_no_module_takes_part_in_an_import_cycle() -> None:
    assert import_cycles(PACKAGE) == []


def test_the_contract_sees_a_broken_rule(tmp_path: Path) -> None:
    """The checks above would fail: a late import of storage from ui/, Qt in service/ and a
    cycle are each caught."""
    package = tmp_path / TOP
    for folder in ("ui", "storage", "service", "domain"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "storage" / "tables.py").write_text("import sqlalchemy\n")
    (package / "ui" / "panel.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from runjournal.storage import tables\n"
        "def late():\n    from runjournal.storage.tables import x\n"
    )
    (package / "service" / "a.py").write_text("from PySide6.QtCore import QObject\nfrom . import b\n")
    (package / "service" / "b.py").write_text("def f():\n    from runjournal.service import a\n")
    (package / "domain" / "model.py").write_text("")

    assert arrows_against_the_picture(package) == [
        "runjournal.ui.panel imports runjournal.storage.tables (line 5): ui/ may not import storage/"
    ]
    assert libraries_out_of_place(package) == [
        "runjournal.service.a imports PySide6 (line 1): service/ knows no Qt"
    ]
    assert import_cycles(package) == [["runjournal.service.a", "runjournal.service.b"]]


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


def test_a_plain_window_start_loads_no_command_module() -> None:
    loaded = _modules_after("from runjournal.cli import main, window_args\nwindow_args(['--db', 'x.sqlite'])")
    commands = {m for m in loaded if m.startswith("runjournal.cli.")}
    assert commands <= {
        "runjournal.cli.common",
        "runjournal.cli.entry",
        "runjournal.cli.parser",
        "runjournal.cli.values",
    }
    assert not {m for m in loaded if m.split(".")[0] in (*QT, "sqlalchemy")}
