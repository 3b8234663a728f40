"""What CI's exit code says: `.ci/run` passes only when the tests, ruff, ruff format and mypy
all passed, and otherwise ends with the first failure's own code.

Tried on a copy of the script beside a README whose test command is a stand-in, and a
stand-in .venv whose tools end as each case asks; nothing is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="CI's script is a bash script")


def _checkout(
    tmp_path: Path, test_command: str, *, ruff: int = 0, formatting: int = 0, mypy: int = 0
) -> Path:
    (tmp_path / ".ci").mkdir()
    shutil.copy2(ROOT / ".ci" / "run", tmp_path / ".ci" / "run")
    (tmp_path / "README.md").write_text(
        f"# Test\n\n<!-- test-command -->\n```sh\n{test_command}\n```\n<!-- /test-command -->\n",
        encoding="utf-8",
    )
    tools = tmp_path / ".venv" / "bin"
    tools.mkdir(parents=True)
    (tools / "ruff").write_text(
        f'#!/bin/sh\nif [ "$1" = format ]; then exit {formatting}; fi\nexit {ruff}\n', encoding="utf-8"
    )
    (tools / "python").write_text(f"#!/bin/sh\nexit {mypy}\n", encoding="utf-8")  # `python -m mypy`
    for tool in tools.iterdir():
        tool.chmod(0o755)
    return tmp_path


def _ci(checkout: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RUNJOURNAL_CI_AS_ROOT": "1"}  # no user is made for this
    return subprocess.run(
        ["bash", str(checkout / ".ci" / "run")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_all_passing_is_success(tmp_path: Path) -> None:
    result = _ci(_checkout(tmp_path, "true"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mypy: exit 0" in result.stdout


def test_no_tests_collected_is_a_failure(tmp_path: Path) -> None:
    result = _ci(_checkout(tmp_path, "exit 5"))  # pytest's "no tests collected"
    assert result.returncode == 5
    assert "tests: exit 5" in result.stdout


@pytest.mark.parametrize(("failing", "expected"), [("ruff", "ruff check: exit 1"),
                                                   ("formatting", "ruff format: exit 1"),
                                                   ("mypy", "mypy: exit 1")])  # fmt: skip
def test_a_failing_check_fails_the_run_after_passing_tests(
    tmp_path: Path, failing: str, expected: str
) -> None:
    result = _ci(_checkout(tmp_path, "true", **{failing: 1}))
    assert result.returncode == 1
    assert expected in result.stdout and "tests: exit 0" in result.stdout


def test_the_first_failure_gives_the_code(tmp_path: Path) -> None:
    result = _ci(_checkout(tmp_path, "exit 3", mypy=1))
    assert result.returncode == 3
    assert "mypy: exit 1" in result.stdout  # the checks still ran and said so


def test_a_readme_without_exactly_one_test_command_is_refused(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path, "true\ntrue")
    result = _ci(checkout)
    assert result.returncode == 2
    assert "exactly one command line" in result.stderr
