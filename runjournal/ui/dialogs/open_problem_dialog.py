"""When the journal cannot be opened: what happened, in plain words, and what can be done.

A damaged journal is never written over and never deleted. Restoring the newest backup
that passes its check moves the damaged file aside (with the time in its name) and puts
the backup in its place. A journal from a newer RunJournal is fine as it is: it is left
alone, and the person is told to update. A read-only or busy journal just needs that
fixed, then Try Again.
"""

from __future__ import annotations

import enum
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from runjournal.domain.units import count
from runjournal.paths import backups_dir
from runjournal.service.backups import last_backup
from runjournal.service.opening import (
    JournalError,
    OpenProblem,
    aside_name,
    check_file,
    classify,
    restore_over_damaged,
)

TEXT_WIDTH = 480
JOURNAL_FILTER = "RunJournal journals (*.sqlite *.db);;All files (*)"


class OpenChoice(enum.Enum):
    RESTORE = "restore"  # the newest good backup is now in place at the same path
    OPEN_OTHER = "open-other"  # the person picked another journal file
    RETRY = "retry"  # try the same file again (after fixing permissions, closing a program)
    QUIT = "quit"


class OpenOutcome(NamedTuple):
    choice: OpenChoice
    path: Path | None  # the journal to open next; None for QUIT
    moved_to: Path | None = None  # where the damaged file went, after RESTORE


class GoodBackup:
    """The newest backup that passed its check: where it is, when it was made, what it holds."""

    def __init__(self, path: Path, made_at: datetime, runs: int, check_ins: int) -> None:
        self.path = Path(path)
        self.made_at = made_at
        self.runs = runs
        self.check_ins = check_ins

    @classmethod
    def of(cls, backup: object) -> GoodBackup:
        """From a listed backup (service.backups.BackupEntry) or a plain path (checked here)."""
        if isinstance(backup, GoodBackup):
            return backup
        if isinstance(backup, Path):
            report = check_file(backup)
            made = datetime.fromtimestamp(backup.stat().st_mtime)
            return cls(backup, made, report.runs, report.check_ins)
        return cls(backup.path, backup.made_at, backup.runs, backup.check_ins)  # type: ignore[attr-defined]


def newest_good_backup(journal_path: Path) -> GoodBackup | None:
    """The newest backup of this journal that passes a thorough check, if there is one."""
    entry = last_backup(journal_path)
    return GoodBackup.of(entry) if entry is not None else None


def choose_journal_file(parent: QWidget | None, start: Path) -> Path | None:
    """Asks for another journal file; a module function so tests can answer instead."""
    name, _ = QFileDialog.getOpenFileName(parent, "Open Another Journal", str(start), JOURNAL_FILTER)
    return Path(name) if name else None


def _short_date(when: datetime) -> str:
    return QLocale().toString(QDate(when.year, when.month, when.day), "d MMM yyyy")


HEADINGS = {
    OpenProblem.DAMAGED: "Your journal cannot be read",
    OpenProblem.NEWER: "This journal is from a newer RunJournal",
    OpenProblem.LOCKED: "Another program is using your journal",
    OpenProblem.NO_ACCESS: "RunJournal may not use this journal",
    OpenProblem.OTHER: "Your journal cannot be opened",
}


def next_steps(kind: OpenProblem, path: Path, backup: GoodBackup | None) -> str:
    """What happens next, for each kind of problem, in plain words."""
    if kind is OpenProblem.NEWER:
        return (
            "Update RunJournal to the newest version to open it; everything in it is kept. "
            "Until then you can open another journal."
        )
    if kind is OpenProblem.LOCKED:
        return "Close the other program (or wait until it has finished), then choose Try Again."
    if kind is OpenProblem.NO_ACCESS:
        return "Fix the permissions, then choose Try Again, or open another journal."
    if kind is OpenProblem.DAMAGED and backup is not None:
        aside = aside_name(path, datetime.now()).name
        return (
            f"You can restore the newest backup that passed its check: made on {_short_date(backup.made_at)} "
            f"at {backup.made_at:%H:%M}, with {count(backup.runs, 'run')} and "
            f"{count(backup.check_ins, 'check-in')}. Entries made after it are not in it. "
            f"The damaged file is kept in the same folder as “{aside}”, never overwritten or deleted."
        )
    if kind is OpenProblem.DAMAGED:
        return (
            f"No backup that passes its check was found in {backups_dir(path)}. "
            "You can open another journal, or quit; the file stays as it is."
        )
    return "You can try again, open another journal, or quit; the file stays as it is."


class OpenProblemDialog(QDialog):
    """Says why the journal cannot be opened and offers restore / open another / try again / quit.

    After it closes, `choice` is an OpenChoice and `result_path` the journal to open next
    (None for QUIT). For RESTORE the backup is already in place and `moved_to` is where
    the damaged file went.
    """

    def __init__(
        self,
        path: Path,
        error: JournalError,
        newest_good_backup: object | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.error = error
        self.kind = classify(error)
        offer_restore = self.kind is OpenProblem.DAMAGED and newest_good_backup is not None
        self.backup = GoodBackup.of(newest_good_backup) if offer_restore else None
        self.choice = OpenChoice.QUIT
        self.result_path: Path | None = None
        self.moved_to: Path | None = None
        self.setWindowTitle("RunJournal cannot open the journal")
        self.setObjectName("openProblemDialog")

        icon = QLabel()
        standard = (
            QStyle.StandardPixmap.SP_MessageBoxInformation
            if self.kind is OpenProblem.NEWER
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        icon.setPixmap(self.style().standardIcon(standard).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.heading = QLabel(HEADINGS[self.kind])
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        # The terminal's advice ("runjournal restore FILE") is replaced by the buttons below.
        self.what = QLabel(str(error).replace(" (runjournal restore FILE)", ""))
        self.what.setWordWrap(True)
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.what.setAccessibleName("What happened")
        self.next = QLabel(next_steps(self.kind, self.path, self.backup))
        self.next.setWordWrap(True)
        self.next.setAccessibleName("What you can do")
        self.failure = QLabel()
        self.failure.setWordWrap(True)
        self.failure.setAccessibleName("Why the restore did not work")
        self.failure.hide()

        for label in (self.heading, self.what, self.next, self.failure):
            label.setMinimumWidth(TEXT_WIDTH)  # wide enough that a path wraps once, not five times
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.what)
        text.addWidget(self.next)
        text.addWidget(self.failure)
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addLayout(text, 1)
        body.setSpacing(16)

        self.buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        self.retry_button: QPushButton | None = None
        if self.backup is not None:
            self.restore_button = self._button(
                f"Restore Newest Backup ({_short_date(self.backup.made_at)}, {count(self.backup.runs, 'run')})",
                QDialogButtonBox.ButtonRole.AcceptRole,
                f"Move the damaged file aside and open the backup {self.backup.path.name}",
                self._restore,
            )
        if self.kind in (OpenProblem.LOCKED, OpenProblem.NO_ACCESS, OpenProblem.OTHER):
            self.retry_button = self._button(
                "Try Again",
                QDialogButtonBox.ButtonRole.AcceptRole,
                "Open the same journal again",
                self._retry,
            )
        self.open_button = self._button(
            "Open Another Journal…",
            QDialogButtonBox.ButtonRole.ActionRole,
            "Choose another journal file to open",
            self._open_other,
        )
        self.quit_button = self._button(
            "Quit",
            QDialogButtonBox.ButtonRole.RejectRole,
            "Close RunJournal; the file stays as it is",
            self._quit,
        )
        default = self.restore_button or self.retry_button or self.open_button
        default.setDefault(True)
        default.setFocus()

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(body)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole, tip: str, act) -> QPushButton:  # type: ignore[no-untyped-def]
        button = self.buttons.addButton(text, role)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("…", ""))
        button.setAutoDefault(False)
        button.clicked.connect(act)
        return button

    def _restore(self) -> None:
        assert self.backup is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.moved_to = restore_over_damaged(self.path, self.backup.path)
        except JournalError as error:
            self.failure.setText(f"The backup could not be restored: {error}")
            self.failure.show()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._finish(OpenChoice.RESTORE, self.path)

    def _retry(self) -> None:
        self._finish(OpenChoice.RETRY, self.path)

    def _open_other(self) -> None:
        chosen = choose_journal_file(self, self.path.parent)
        if chosen is not None:
            self._finish(OpenChoice.OPEN_OTHER, chosen)

    def _quit(self) -> None:
        self.choice, self.result_path = OpenChoice.QUIT, None
        self.reject()

    def reject(self) -> None:  # Escape and the window's close button mean Quit
        self.choice, self.result_path = OpenChoice.QUIT, None
        super().reject()

    def outcome(self) -> OpenOutcome:
        return OpenOutcome(self.choice, self.result_path, self.moved_to)

    def _finish(self, choice: OpenChoice, path: Path) -> None:
        self.choice, self.result_path = choice, path
        self.accept()
