"""The desktop bundle as a person installs and starts it.

Builds the one-folder bundle and the .deb with `python packaging/build.py` once (about a
minute and a half), then starts the bundled app headless on a temporary journal, writes a
weekly PDF with it, checks the .deb's contents and validates the desktop file and the
AppStream metainfo, and installs and uninstalls it for one user under a temporary home.
Skipped only when PyInstaller is not installed (the reason is printed with -ra).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
METAINFO = RESOURCES / "io.github.runjournal.RunJournal.metainfo.xml"
pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed, so the desktop bundle cannot be built (pip install pyinstaller)",
)


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(
            f"{name} is missing: install the Debian package {package} (the README's test command does)."
        )
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return dist


def _run(launcher: Path, *args: str, home: Path, display: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RUNJOURNAL_DB", "DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    if not display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(launcher), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_the_bundle_starts_paints_its_window_and_writes_a_report(built: Path, tmp_path: Path) -> None:
    launcher = built / "RunJournal" / "RunJournal"
    assert launcher.is_file() and os.access(launcher, os.X_OK)
    from runjournal import __version__

    version = _run(launcher, "--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"RunJournal {__version__}"

    journal = tmp_path / "journal.sqlite"
    demo = _run(launcher, "demo", "--years", "1", "--db", str(journal), home=tmp_path)
    assert demo.returncode == 0, demo.stderr
    smoke = _run(launcher, "--smoke-test", "--db", str(journal), home=tmp_path)
    assert smoke.returncode == 0, smoke.stderr
    assert "window painted with" in smoke.stdout

    # The report command needs no display at all: no QT_QPA_PLATFORM, no DISPLAY.
    pdf = tmp_path / "week.pdf"
    report = _run(launcher, "report", "--db", str(journal), "-o", str(pdf), home=tmp_path, display=True)
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)


def test_the_bundle_carries_what_is_loaded_late(built: Path) -> None:
    internal = built / "RunJournal" / "_internal"
    versions = internal / "runjournal" / "storage" / "migrations" / "versions"
    assert sorted(p.name for p in versions.glob("0*.py"))[:3] == [
        "0001_runs_and_check_ins.py",
        "0002_coach_choices.py",
        "0003_source_files.py",
    ]
    assert (internal / "runjournal" / "ui" / "icons" / "runjournal.svg").is_file()
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller.utils.cliutils.archive_viewer",
            "-r",
            "-b",
            str(built / "RunJournal" / "RunJournal"),
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    for module in (
        "runjournal.ui.views.charts.charts_view",
        "pyqtgraph",
        "runjournal.formats.importers.fit",
        "fitdecode",
        "gpxpy",
    ):
        assert re.search(rf"^\s*{re.escape(module)}$", listing, re.MULTILINE), module


def test_icons_are_rendered_at_every_size(built: Path) -> None:
    hicolor = built / "RunJournal" / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 128, 256, 512):
        png = (hicolor / f"{size}x{size}" / "apps" / "runjournal.png").read_bytes()
        assert png.startswith(b"\x89PNG")
        assert struct.unpack(">II", png[16:24]) == (size, size)
    assert (hicolor / "scalable" / "apps" / "runjournal.svg").read_bytes() == (
        RESOURCES / "runjournal.svg"
    ).read_bytes()


def test_the_window_icon_is_the_master() -> None:
    assert (ROOT / "runjournal" / "ui" / "icons" / "runjournal.svg").read_bytes() == (
        RESOURCES / "runjournal.svg"
    ).read_bytes()


def test_the_deb_installs_the_app_its_launcher_menu_entry_and_icons(built: Path) -> None:
    dpkg_deb = _tool("dpkg-deb", "dpkg")
    (deb,) = built.glob("runjournal_*.deb")
    fields = subprocess.run([dpkg_deb, "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    assert "Package: runjournal" in fields
    for library in ("libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libxcb-cursor0"):
        assert library in fields
    contents = subprocess.run([dpkg_deb, "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in (
        "./opt/runjournal/RunJournal",
        "./usr/bin/runjournal -> /opt/runjournal/RunJournal",
        "./usr/share/applications/runjournal.desktop",
        "./usr/share/icons/hicolor/256x256/apps/runjournal.png",
        "./usr/share/icons/hicolor/scalable/apps/runjournal.svg",
        "./usr/share/metainfo/io.github.runjournal.RunJournal.metainfo.xml",
    ):
        assert path in contents, path
    assert "install-user.sh" not in contents
    assert "journal.sqlite" not in contents


def test_the_desktop_file_and_metainfo_are_valid() -> None:
    validate = _tool("desktop-file-validate", "desktop-file-utils")
    desktop = subprocess.run(
        [validate, str(RESOURCES / "runjournal.desktop")], capture_output=True, text=True
    )
    assert desktop.returncode == 0, desktop.stdout + desktop.stderr
    appstream = _tool("appstreamcli", "appstream")
    metainfo = subprocess.run(
        [appstream, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert metainfo.returncode == 0, metainfo.stdout + metainfo.stderr


def test_a_per_user_install_appears_in_the_menu_and_uninstalling_keeps_the_journal(
    built: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME",)}
    env["HOME"] = str(home)
    installer = built / "RunJournal" / "install-user.sh"
    done = subprocess.run([str(installer)], capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    data = home / ".local" / "share"
    entry = (data / "applications" / "runjournal.desktop").read_text()
    launcher = home / ".local" / "bin" / "runjournal"
    assert f"Exec={launcher}" in entry
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "runjournal.png").is_file()
    started = _run(launcher, "--version", home=home)
    assert started.returncode == 0 and started.stdout.startswith("RunJournal ")

    journal = data / "RunJournal" / "journal.sqlite"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"entries the person wrote")
    removed = subprocess.run(
        [str(installer), "--uninstall"], capture_output=True, text=True, env=env, check=False
    )
    assert removed.returncode == 0, removed.stderr
    assert not launcher.exists() and not (data / "applications" / "runjournal.desktop").exists()
    assert not (home / ".local" / "lib" / "runjournal").exists()
    assert journal.read_bytes() == b"entries the person wrote"


def test_the_bundle_opens_a_journal_locked_with_a_passphrase(built: Path, tmp_path: Path) -> None:
    """The bundle (and so the .deb, which carries it) brings SQLCipher: a locked journal opens
    with its passphrase from a private file, and a wrong one is one sentence."""
    from runjournal.service import protection
    from runjournal.storage import encryption

    launcher = built / "RunJournal" / "RunJournal"
    journal = tmp_path / "journal.sqlite"
    demo = _run(launcher, "demo", "--years", "1", "--db", str(journal), home=tmp_path)
    assert demo.returncode == 0, demo.stderr
    protection.protect(journal, "bundled passphrase", "bundled passphrase")
    encryption.forget_all()
    secret = tmp_path / "passphrase"
    secret.write_text("bundled passphrase\n", encoding="utf-8")
    secret.chmod(0o600)
    out = tmp_path / "copy.json"
    exported = _run(
        launcher,
        "export",
        "--db",
        str(journal),
        "--passphrase-file",
        str(secret),
        "-o",
        str(out),
        home=tmp_path,
    )
    assert exported.returncode == 0, exported.stderr
    assert "not encrypted" in exported.stderr and out.stat().st_size > 0
    secret.write_text("not the passphrase\n", encoding="utf-8")
    refused = _run(launcher, "coach", "--db", str(journal), "--passphrase-file", str(secret), home=tmp_path)
    assert refused.returncode == 3 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
