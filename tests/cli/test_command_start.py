"""A command a person types starts with only what it needs: its own grammar, not every
command's, and Python's cyclic collector resting while modules load — and back afterwards."""

from __future__ import annotations

import contextlib
import gc
import subprocess
import sys
from pathlib import Path

import pytest

from runjournal.cli import main
from runjournal.cli.parser import COMMANDS

LOADED_AFTER = """
import sys
from runjournal.cli import main
code = main(sys.argv[1:])
others = sorted(
    name for name in sys.modules
    if name.startswith("runjournal.cli.") and name.rsplit(".", 1)[1] in {OTHER_MODULES!r}
)
print("LOADED", code, " ".join(others))
"""


def _loaded(*args: str) -> tuple[int, list[str]]:
    others = {module for name, (module, _) in COMMANDS.items() if name != "check-in"}
    program = LOADED_AFTER.replace("{OTHER_MODULES!r}", repr(others))
    result = subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, timeout=120, check=True
    )
    last = result.stdout.strip().splitlines()[-1]  # after what the command itself printed
    _, code, *modules = last.split()
    return int(code), modules


def test_a_check_in_loads_no_other_command(journal_path: Path) -> None:
    code, others = _loaded("check-in", "--db", str(journal_path), "--mood", "7")
    assert code == 0
    assert others == []


def test_options_before_the_command_still_work(journal_path: Path) -> None:
    code, _ = _loaded("--db", str(journal_path), "check-in", "--mood", "6")
    assert code == 0


def test_overall_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(name in listed for name in COMMANDS)


def test_a_mistyped_command_is_explained_with_every_choice(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["chek-in", "--mood", "7"])
    said = capsys.readouterr().err
    assert "invalid choice" in said and "check-in" in said and "coach" in said


def test_a_command_s_own_help_is_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check-in", "--help"])
    assert "--mood" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args",
    [
        ["check-in", "--mood", "7"],
        ["check-in", "--mood", "eleven"],  # rejected
        ["check-in", "--no-such-option"],  # a usage error ends in SystemExit
        ["check"],  # a command that opens no journal through the shared helper
    ],
)
def test_the_collector_runs_again_after_any_command(journal_path: Path, args: list[str]) -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with contextlib.suppress(SystemExit):  # a usage error ends that way
        main([*args, "--db", str(journal_path)])
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen  # inside a longer process (this test's): nothing frozen


AS_ITS_OWN_PROGRAM = """
import gc, sys
from runjournal.cli import main
sys.argv = ["runjournal", *sys.argv[1:]]
code = main()
print("COLLECTOR", code, gc.isenabled(), gc.get_freeze_count())
"""


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (["check-in", "--mood", "7"], "0"),  # opens the journal once its modules are loaded
        (["check"], "3"),  # opens no journal through the shared helper (and finds none)
    ],
)
def test_a_command_run_as_its_own_program_freezes_what_its_imports_made(
    journal_path: Path, args: list[str], exit_code: str
) -> None:
    """Tens of thousands of objects that live until the command ends: frozen, so neither the
    command's first collections nor the process's exit walk them all again (about 60 ms of
    every command a person types)."""
    result = subprocess.run(
        [sys.executable, "-c", AS_ITS_OWN_PROGRAM, *args, "--db", str(journal_path)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    _, code, enabled, frozen = result.stdout.strip().splitlines()[-1].split()
    assert code == exit_code
    assert enabled == "True"
    assert int(frozen) > 10_000  # none before: each collection walked them
