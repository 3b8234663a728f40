"""Builds RunJournal for installing like any desktop app.

    python packaging/build.py            # icons, dist/RunJournal/ and, on Linux, the .deb
    python packaging/build.py --no-deb   # the bundle only
    python packaging/build.py --icons    # only render the icons (packaging/build/icons)

Renders every icon from the SVG master in resources/ (PNGs at the usual sizes, a .ico for
Windows and a .icns for macOS), runs PyInstaller with packaging/runjournal.spec, and on
Linux packs the bundle, launcher, desktop file, icons and AppStream metainfo into
dist/runjournal_<version>_<arch>.deb with dpkg-deb.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = PACKAGING / "build"
ICONS = BUILD / "icons"
DIST = ROOT / "dist"
RESOURCES = ROOT / "resources"
MASTER = RESOURCES / "runjournal.svg"
DESKTOP_FILE = RESOURCES / "runjournal.desktop"
METAINFO = RESOURCES / "io.github.runjournal.RunJournal.metainfo.xml"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size (Apple's icns format).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"ic12", 64), (b"ic07", 128),
    (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512), (b"ic10", 1024),
)  # fmt: skip
# What Qt needs from the system (the README's install command), as Debian package names:
# `fontconfig` builds the system font cache (without it every start writes one under
# ~/.cache), `libcups2` is how Print… finds printers.
DEB_DEPENDS = (
    "libegl1, libgl1, libxkbcommon0, libfontconfig1, fontconfig, libcups2, libdbus-1-3, libglib2.0-0, "
    "libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxkbcommon-x11-0, fonts-dejavu-core"
)


# PyInstaller's warning for a shared library it could not find on the build machine. (Its other
# warnings are expected too: SQLAlchemy's optional drivers pysqlite2 and MySQLdb, and
# pyqtgraph.opengl, which needs PyOpenGL; RunJournal uses none of them.)
MISSING_LIBRARY = re.compile(r"Library not found: could not resolve '([^']+)', dependency of '([^']+)'")
QT_PLUGINS = "/PySide6/Qt/plugins/"


@dataclass(frozen=True)
class MissingLibrary:
    library: str
    needed_by: str  # the Qt plugin (e.g. platformthemes/libqgtk3.so) or the file that needs it


@dataclass
class MissingLibraries:
    """PyInstaller's "Library not found" warnings, sorted into expected and not.

    Expected: libraries of Qt plugins. Qt loads a plugin only when it is wanted and its
    libraries are there (the GTK theme on a GTK desktop, xcb on X11, Wayland's on Wayland);
    then they come from the person's system, and the .deb depends on those Qt needs
    (DEB_DEPENDS). Anything else missing would be missing in the bundle too.
    """

    expected: list[MissingLibrary] = field(default_factory=list)
    unexpected: list[MissingLibrary] = field(default_factory=list)


def missing_libraries(output: str) -> MissingLibraries:
    found = MissingLibraries()
    for library, needed_by in MISSING_LIBRARY.findall(output):
        if QT_PLUGINS in needed_by:
            found.expected.append(MissingLibrary(library, needed_by.split(QT_PLUGINS, 1)[1]))
        else:
            found.unexpected.append(MissingLibrary(library, needed_by))
    return found


def describe_missing(found: MissingLibraries) -> str:
    """What the "Library not found" warnings above mean, for whoever runs the build."""
    lines = []
    if found.expected:
        lines.append(
            f'{len(found.expected)} of PyInstaller\'s "Library not found" warnings are expected: '
            "libraries of Qt plugins that Qt loads only on a desktop that has them (a GTK "
            "theme, X11, Wayland), from the system:"
        )
        lines += [f"  {m.library} (for {m.needed_by})" for m in found.expected]
    if found.unexpected:
        lines.append(
            f'{len(found.unexpected)} "Library not found" warnings are NOT expected: the bundle '
            "will lack these; install them on the build machine and build again:"
        )
        lines += [f"  {m.library} (for {m.needed_by})" for m in found.unexpected]
    return "\n".join(lines)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from runjournal import __version__

    return __version__


def render_png(size: int) -> bytes:
    """The master SVG drawn at `size` pixels, as PNG bytes (QtSvg, no display needed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        raise SystemExit(f"{MASTER} is not a valid SVG file.")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; Qt wants str
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (readable since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, images = b"", b""
    for size in ICO_SIZES:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_icons() -> Path:
    """PNGs in a hicolor tree, plus runjournal.ico and runjournal.icns, under packaging/build/icons."""
    pngs = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES, 1024})}
    for size in PNG_SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "runjournal.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    scalable = ICONS / "hicolor" / "scalable" / "apps" / "runjournal.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, scalable)
    (ICONS / "runjournal.ico").write_bytes(ico_bytes(pngs))
    (ICONS / "runjournal.icns").write_bytes(icns_bytes(pngs))
    print(f"icons: {ICONS}")
    return ICONS


def build_bundle() -> Path:
    """dist/RunJournal/ with PyInstaller: a one-folder bundle that still needs the system's Qt
    libraries. PyInstaller's messages pass through as they come; its "Library not found"
    warnings are then sorted into expected and not (describe_missing)."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
        str(PACKAGING / "runjournal.spec"),
    ]  # fmt: skip
    env = {**os.environ, "RUNJOURNAL_ICONS": str(ICONS)}
    output: list[str] = []
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        assert process.stdout is not None  # stdout=PIPE
        for line in process.stdout:
            print(line, end="", flush=True)
            output.append(line)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    if summary := describe_missing(missing_libraries("".join(output))):
        print(summary)
    bundle = DIST / "RunJournal"
    if sys.platform.startswith("linux"):
        # The desktop file, icons, metainfo and the per-user installer travel with the
        # bundle, so `dist/RunJournal/install-user.sh` installs it without root.
        share = bundle / "share"
        (share / "applications").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DESKTOP_FILE, share / "applications" / "runjournal.desktop")
        (share / "metainfo").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(METAINFO, share / "metainfo" / METAINFO.name)
        _copy_tree(ICONS / "hicolor", share / "icons" / "hicolor")
        installer = bundle / "install-user.sh"
        shutil.copyfile(PACKAGING / "linux" / "install-user.sh", installer)
        installer.chmod(0o755)
    launcher = bundle / ("RunJournal.exe" if sys.platform == "win32" else "RunJournal")
    print(f"bundle: {launcher}")
    return bundle


def deb_architecture() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "aarch64": "arm64", "armv7l": "armhf", "i686": "i386"}.get(machine, machine)


def _copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, symlinks=True, dirs_exist_ok=True)


def build_deb(bundle: Path) -> Path:
    """The .deb: the bundle under /opt/runjournal, /usr/bin/runjournal, the desktop file,
    hicolor icons and AppStream metainfo; the person's journal is never part of it."""
    ver, arch = version(), deb_architecture()
    stage = BUILD / "deb" / f"runjournal_{ver}_{arch}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(
        bundle, stage / "opt" / "runjournal", symlinks=True, ignore=shutil.ignore_patterns("install-user.sh")
    )
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "runjournal").symlink_to("/opt/runjournal/RunJournal")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(DESKTOP_FILE, share / "applications" / "runjournal.desktop")
    (share / "metainfo").mkdir(parents=True)
    shutil.copyfile(METAINFO, share / "metainfo" / METAINFO.name)
    _copy_tree(ICONS / "hicolor", share / "icons" / "hicolor")
    docs = share / "doc" / "runjournal"
    docs.mkdir(parents=True)
    shutil.copyfile(ROOT / "README.md", docs / "README.md")
    size_kb = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"""Package: runjournal
Version: {ver}
Section: utils
Priority: optional
Architecture: {arch}
Installed-Size: {size_kb}
Depends: {DEB_DEPENDS}
Maintainer: RunJournal <runjournal@users.noreply.github.com>
Homepage: https://github.com/runjournal/runjournal
Description: offline journal for people who run to feel better
 Log runs, walks, rides and swims and a daily check-in of mood, stress,
 anxiety, energy and sleep; see them side by side in charts, print a weekly
 page, and read gentle, sourced nudges. Everything stays on this computer.
 A wellness journal, not a medical device.
""",
        encoding="utf-8",
    )
    # Menus and icon caches pick the app up (and drop it again) without a log-out.
    refresh = (
        "#!/bin/sh\nset -e\n"
        "if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi\n"
        "if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true; fi\n"
        "exit 0\n"
    )
    for script in ("postinst", "postrm"):
        (control / script).write_text(refresh, encoding="utf-8")
        (control / script).chmod(0o755)
    # A person's daily reminder process ends with the app. Their autostart entry names the
    # program in TryExec, so once it is gone the desktop ignores the entry (a package never
    # touches files in people's homes).
    (control / "prerm").write_text(
        "#!/bin/sh\nset -e\npkill -f '^/opt/runjournal/RunJournal reminder run' || true\nexit 0\n",
        encoding="utf-8",
    )
    (control / "prerm").chmod(0o755)
    DIST.mkdir(exist_ok=True)
    target = DIST / f"runjournal_{ver}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--build", "--root-owner-group", str(stage), str(target)], check=True)
    print(f"deb: {target}")
    return target


def main() -> int:
    global DIST, BUILD, ICONS
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only")
    parser.add_argument("--icons", action="store_true", help="only render the icons")
    parser.add_argument(
        "--dist", type=Path, default=DIST, help="where the bundle and .deb go (default dist/)"
    )
    parser.add_argument("--work", type=Path, default=BUILD, help="build folder (default packaging/build/)")
    args = parser.parse_args()
    DIST, BUILD = args.dist.resolve(), args.work.resolve()
    ICONS = BUILD / "icons"
    render_icons()
    if args.icons:
        return 0
    if sys.platform.startswith("linux") and shutil.which("objdump") is None:
        print("PyInstaller needs objdump on Linux: sudo apt-get install binutils", file=sys.stderr)
        return 1
    try:
        bundle = build_bundle()
    except subprocess.CalledProcessError as error:
        print(f"PyInstaller failed (exit {error.returncode}); its messages are above.", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux") and not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            print(
                "dpkg-deb is not installed: the .deb was not built (apt-get install dpkg).", file=sys.stderr
            )
            return 1
        build_deb(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
