"""Starting the window: the QApplication, the journal, and a plain summary view.

Opening problems (a damaged or foreign file) are shown in a message box in plain words,
never as a traceback, and the file is left as it was.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from runjournal import __version__
from runjournal.domain.units import count, format_distance, format_duration, format_minutes
from runjournal.journal import Journal, JournalError
from runjournal.paths import journal_path


class SummaryWindow(QMainWindow):
    """The journal at a glance; the full main window replaces it."""

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.setWindowTitle(f"RunJournal — {journal.path.name}")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setMargin(24)
        self.setCentralWidget(self.label)
        self.resize(640, 420)
        journal.changes.subscribe(lambda _change: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        today = date.today()
        settings = self.journal.settings()
        week = self.journal.week_totals(today, today)[0]
        counts = self.journal.counts()
        recent = self.journal.runs(today - timedelta(days=60), today)
        last = recent[-1] if recent else None
        last_text = "no run in the last 60 days"
        if last is not None:
            last_text = (
                f"{last.day:%a %d %b}: {last.activity.label.lower()}, {format_duration(last.duration_s)}"
            )
            if last.distance_m:
                last_text += f", {format_distance(last.distance_m, settings.units)}"
        self.label.setText(
            "<h2>RunJournal</h2>"
            f"<p>This week: <b>{format_minutes(week.minutes * 60)}</b> of movement "
            f"(goal {settings.weekly_minutes_goal} min), {count(week.sessions, 'session')}.</p>"
            f"<p>Last run: {last_text}.</p>"
            f"<p>{count(counts.runs, 'run')} and {count(counts.check_ins, 'check-in')} in this journal.</p>"
            f"<p style='color: gray'>{self.journal.path}<br>Stays on this computer. "
            "A wellness journal, not a medical device.</p>"
        )


def make_application(argv: list[str] | None = None) -> QApplication:
    os.environ.setdefault("LANG", "C.UTF-8")  # Qt warns about a missing locale otherwise
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("RunJournal")
    app.setOrganizationName("RunJournal")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("runjournal")
    return app  # type: ignore[return-value]


def run(path: Path) -> int:
    app = make_application()
    try:
        journal = Journal.open(path)
    except JournalError as error:
        QMessageBox.critical(None, "RunJournal cannot open the journal", str(error))
        return 3
    window = SummaryWindow(journal)
    window.show()
    try:
        return app.exec()
    finally:
        journal.close()


def main() -> int:
    """Entry point of the `runjournal-gui` launcher."""
    from runjournal.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run(journal_path()))
