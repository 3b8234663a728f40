"""Print… reaches a real printer: the weekly page goes through Qt's print path to a CUPS queue.

The test starts its own `cupsd` (its own configuration, spool and socket under tmp_path),
adds a cups-pdf queue with `lpadmin` and prints from a separate process, as the window
does after the person picks the printer in the print dialog. cups-pdf writes what the
printer received as a PDF, which is read back with poppler's `pdfinfo` and `pdftotext`.

Needs the Debian packages `cups`, `printer-driver-cups-pdf` and `poppler-utils`, and root
(cups-pdf runs as root); elsewhere the test is skipped with the reason printed.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from runjournal.domain.model import CheckIn, Run
from runjournal.service.journal import Journal
from tests.waiting import wait_until

CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
QUEUE = "RunJournal_Test_PDF"
TODAY = date(2026, 11, 18)
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class CupsQueue:
    socket: Path
    name: str
    spool: Path  # the documents as the queue received them (kept: PreserveJobFiles)
    output_folder: Path  # where cups-pdf writes a job of this user (its `Out ${HOME}/PDF`)


def _missing() -> str | None:
    for tool in ("cupsd", "lpadmin", "lpstat", "pdfinfo", "pdftotext"):
        if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists():
            return f"{tool} is not installed (apt-get install cups printer-driver-cups-pdf poppler-utils)"
    if not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
        return "the cups-pdf printer is not installed (apt-get install printer-driver-cups-pdf)"
    if os.geteuid() != 0:
        return "cups-pdf runs as root, and this test is not running as root"
    return None


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path("/usr/sbin", name))


@pytest.fixture
def cups_queue() -> Iterator[CupsQueue]:
    reason = _missing()
    if reason:
        print(f"SKIPPED printing test: {reason}")
        pytest.skip(reason)
    # The filters run as the unprivileged `lp` user: they read the spooled page and the
    # printer's PPD and write temporary files, so the scheduler's folders are not in the
    # private tmp_path.
    base = Path(tempfile.mkdtemp(prefix="runjournal-cups-"))
    base.chmod(0o755)
    for folder in ("conf", "spool", "cache", "state", "log", "tmp"):
        (base / folder).mkdir(mode=0o755)
    filter_temp = base / "tmp"
    filter_temp.chmod(0o1777)
    socket = base / "cups.sock"
    (base / "conf" / "cupsd.conf").write_text(
        textwrap.dedent(
            f"""\
            Listen {socket}
            LogLevel warn
            WebInterface No
            Browsing No
            PreserveJobFiles Yes
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>
            """
        )
    )
    (base / "conf" / "cups-files.conf").write_text(
        textwrap.dedent(
            f"""\
            ServerRoot {base / "conf"}
            RequestRoot {base / "spool"}
            CacheDir {base / "cache"}
            StateDir {base / "state"}
            TempDir {filter_temp}
            ErrorLog {base / "log" / "error_log"}
            AccessLog {base / "log" / "access_log"}
            PageLog {base / "log" / "page_log"}
            FileDevice No
            Sandboxing Relaxed
            """
        )
    )
    env = {**os.environ, "CUPS_SERVER": str(socket)}
    scheduler = subprocess.Popen(
        [
            _tool("cupsd"),
            "-f",
            "-c",
            str(base / "conf" / "cupsd.conf"),
            "-s",
            str(base / "conf" / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:

        def running() -> bool:
            if scheduler.poll() is not None:
                _out, errors = scheduler.communicate()
                pytest.skip(f"cupsd could not start here: {errors.strip()[-300:]}")
            answer = subprocess.run([_tool("lpstat"), "-r"], env=env, capture_output=True, text=True)
            return "is running" in answer.stdout and "not" not in answer.stdout

        wait_until(running, "cupsd to start", 20)
        subprocess.run(
            [_tool("lpadmin"), "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        home = Path(pwd.getpwuid(os.geteuid()).pw_dir)
        yield CupsQueue(socket=socket, name=QUEUE, spool=base / "spool", output_folder=home / "PDF")
    finally:
        scheduler.terminate()
        try:
            scheduler.wait(timeout=10)
        except subprocess.TimeoutExpired:
            scheduler.kill()
            scheduler.wait()
        shutil.rmtree(base, ignore_errors=True)


# Runs in its own process: libcups reads CUPS_SERVER once per process, so the test's queue
# must be known before Qt first asks for printers.
PRINT_FROM_THE_DIALOG = """
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from runjournal.service.journal import Journal
from runjournal.ui.bridge import JournalBridge
from runjournal.ui.dialogs import report_dialog

journal_path, queue, today = Path(sys.argv[1]), sys.argv[2], date.fromisoformat(sys.argv[3])
app = QApplication(["runjournal"])


class PersonPicksThePrinter:
    # What QPrintDialog does when the person picks `queue` and clicks Print.
    def __init__(self, printer, _parent=None):
        self.printer = printer

    def setWindowTitle(self, _title):
        pass

    def exec(self):
        self.printer.setPrinterName(queue)
        return QDialog.DialogCode.Accepted


report_dialog.QPrintDialog = PersonPicksThePrinter
with Journal.open(journal_path) as journal:
    dialog = report_dialog.ReportDialog(JournalBridge(journal), today=today)
    dialog.print_page()
    printer = dialog.printer
    print("printer:", printer.printerName(), "valid:", printer.isValid(), "format:", printer.outputFormat().name)
    if printer.printerName() != queue or printer.outputFormat().name != "NativeFormat":
        sys.exit("Qt did not send the page to the CUPS queue")
"""


def test_print_sends_the_weekly_page_to_a_cups_printer(cups_queue: CupsQueue, tmp_path: Path) -> None:
    journal_path = tmp_path / "journal.sqlite"
    last_week = TODAY - timedelta(days=7)
    with Journal.open(journal_path) as journal:
        for offset in (0, 1, 2):
            journal.log_run(Run(day=last_week - timedelta(days=offset), duration_s=40 * 60, effort=3))
        journal.save_check_in(CheckIn(day=last_week, mood=7, stress=4, anxiety=3, energy=6, sleep_hours=7.5))
    # cups-pdf names a file by job number, which starts again with each new scheduler.
    before = {p: p.stat().st_mtime_ns for p in cups_queue.output_folder.glob("*.pdf")}

    env = {
        **os.environ,
        "CUPS_SERVER": str(cups_queue.socket),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(REPO),
        "LANG": "en_GB.UTF-8",
    }
    printed = subprocess.run(
        [sys.executable, "-c", PRINT_FROM_THE_DIALOG, str(journal_path), cups_queue.name, TODAY.isoformat()],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert printed.returncode == 0, printed.stdout + printed.stderr

    def new_pdfs() -> list[Path]:
        if not cups_queue.output_folder.exists():
            return []
        return [
            p
            for p in cups_queue.output_folder.glob("*.pdf")
            if before.get(p) != p.stat().st_mtime_ns and p.stat().st_size > 0
        ]

    def finished() -> bool:
        jobs = subprocess.run(
            [_tool("lpstat"), "-o", cups_queue.name],
            env={**os.environ, "CUPS_SERVER": str(cups_queue.socket)},
            capture_output=True,
            text=True,
        )
        return bool(new_pdfs()) and not jobs.stdout.strip()

    try:
        wait_until(finished, f"cups-pdf to write the printed page ({printed.stdout.strip()})", 60)
        (output,) = new_pdfs()
        info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info
        assert _inked_share(output) > 0.01, "the printed page came out blank"
        # cups-pdf's PostScript round trip turns glyphs into outlines, so the words are read
        # from the document the queue received from Qt.
        (received,) = cups_queue.spool.glob("d*-001")
        text = subprocess.run(
            ["pdftotext", "-layout", str(received), "-"], capture_output=True, text=True
        ).stdout
        assert "9–15 November 2026" in text, text[:800]
        assert "120" in text  # three sessions of 40 minutes
    finally:
        for path in new_pdfs():
            path.unlink(missing_ok=True)


def _inked_share(pdf: Path) -> float:
    """The share of the first page that is not white, from a small greyscale rendering."""
    grey = subprocess.run(
        ["pdftoppm", "-r", "20", "-gray", "-singlefile", str(pdf)], capture_output=True, check=True
    ).stdout
    # Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte a pixel.
    header = grey.split(b"\n", 3)
    pixels = header[3]
    return sum(1 for value in pixels if value < 200) / max(len(pixels), 1)
