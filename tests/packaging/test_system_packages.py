"""The system packages a person is told to install, and the ones the .deb brings, agree.

Quick checks on the README and packaging/build.py; nothing is built here (the bundle and
the .deb themselves are tried in test_bundle.py).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# Needed on a fresh Debian 12 beside Qt's own libraries: without `fontconfig` there is no
# system font cache and every start writes one under ~/.cache; without `libcups2`
# Print… finds no printer.
EASILY_MISSED = ("fontconfig", "libcups2")


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("runjournal_build", ROOT / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up by name
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def _apt_packages(command: str) -> set[str]:
    """The packages of the `apt-get install` in one of the README's command lines."""
    match = re.search(r"apt-get install -y --no-install-recommends ([^&]+)&&", command)
    assert match, command
    return set(match.group(1).split())


def _readme_commands() -> tuple[str, str]:
    """The README's two set-up lines: install and start the app, install and run the tests."""
    lines = [line for line in README.read_text(encoding="utf-8").splitlines() if "apt-get install" in line]
    app = next(line for line in lines if line.endswith(".venv/bin/runjournal"))
    tests = next(line for line in lines if "pytest" in line)
    return app, tests


def _deb_depends() -> set[str]:
    return {name.strip() for name in _build_script().DEB_DEPENDS.split(",")}


def test_both_readme_commands_install_the_easily_missed_packages() -> None:
    for command in _readme_commands():
        assert set(EASILY_MISSED) <= _apt_packages(command), command


def test_the_deb_depends_on_every_system_package_the_app_install_brings() -> None:
    app, _ = _readme_commands()
    needed = _apt_packages(app) - {"python3-venv"}  # the bundle carries its own Python
    assert needed - _deb_depends() == set()


PYINSTALLER_OUTPUT = """\
592 WARNING: Failed to collect submodules for 'pyqtgraph.opengl' because importing 'pyqtgraph.opengl' raised: ModuleNotFoundError: No module named 'OpenGL'
45685 WARNING: Hidden import "pysqlite2" not found!
51417 WARNING: Library not found: could not resolve 'libgdk-3.so.0', dependency of '/v/site-packages/PySide6/Qt/plugins/platformthemes/libqgtk3.so'.
51418 WARNING: Library not found: could not resolve 'libgtk-3.so.0', dependency of '/v/site-packages/PySide6/Qt/plugins/platformthemes/libqgtk3.so'.
51419 WARNING: Library not found: could not resolve 'libxcb-cursor.so.0', dependency of '/v/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so'.
51420 WARNING: Library not found: could not resolve 'libfoo.so.1', dependency of '/v/site-packages/numpy/core/_multiarray_umath.so'.
51421 INFO: Looking for dynamic libraries
"""


def test_the_build_tells_expected_missing_libraries_from_unexpected_ones() -> None:
    """Qt plugins load their system libraries only on a desktop that has them (a GTK theme,
    X11, Wayland), so their absence at build time is expected; a library missing for
    anything else would break the bundle, and the build says so."""
    build = _build_script()
    report = build.missing_libraries(PYINSTALLER_OUTPUT)
    assert [(m.library, m.needed_by) for m in report.expected] == [
        ("libgdk-3.so.0", "platformthemes/libqgtk3.so"),
        ("libgtk-3.so.0", "platformthemes/libqgtk3.so"),
        ("libxcb-cursor.so.0", "platforms/libqxcb.so"),
    ]
    assert [m.library for m in report.unexpected] == ["libfoo.so.1"]
    summary = build.describe_missing(report)
    assert "expected" in summary and "libgtk-3.so.0" in summary
    assert "NOT expected" in summary and "libfoo.so.1" in summary
    assert build.describe_missing(build.missing_libraries("1 INFO: nothing missing\n")) == ""
