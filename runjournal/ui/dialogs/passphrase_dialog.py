"""The passphrase dialogs: unlocking a journal, and protecting it, changing its passphrase or
taking protection off. Widgets only: the checks and the conversion live in service.protection."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from runjournal.service.protection import NOT_RECOVERABLE, passphrase_problems


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(280)
    return field


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setObjectName("problem")
    label.setStyleSheet("color: palette(highlight);")  # calm, and readable in light and dark
    label.hide()
    return label


def _show_toggle(fields: list[QLineEdit]) -> QCheckBox:
    toggle = QCheckBox("Show passphrase")

    def shown(on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        for field in fields:
            field.setEchoMode(mode)

    toggle.toggled.connect(shown)
    return toggle


class UnlockChoice(Enum):
    UNLOCK = "unlock"
    OPEN_ANOTHER = "open another"
    QUIT = "quit"


class PassphraseDialog(QDialog):
    """Asks for the passphrase of the locked journal at `path`, before anything else is shown."""

    def __init__(self, path: Path, parent: QWidget | None = None, *, problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Unlock your journal")
        self.choice = UnlockChoice.QUIT
        heading = QLabel(f"<b>{Path(path).name}</b> is locked with a passphrase.")
        heading.setAccessibleName("Journal name")
        where = QLabel(str(Path(path).parent))
        where.setWordWrap(True)
        where.setEnabled(False)
        self.passphrase = _secret_field("Passphrase")
        self.problem = _problem_label()
        self.show_passphrase = _show_toggle([self.passphrase])
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton("Unlock", QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton("Open another journal…")
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton("Quit", QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.other_button.clicked.connect(self._open_another)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Passphrase:", self.passphrase)
        form.addRow("", self.show_passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if problem:
            self.show_problem(problem)
        self.passphrase.setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def typed(self) -> str:
        return self.passphrase.text()

    def _unlock(self) -> None:
        if not self.passphrase.text():
            self.show_problem("Type the journal's passphrase to open it.")
            return
        self.choice = UnlockChoice.UNLOCK
        self.accept()

    def _open_another(self) -> None:
        self.choice = UnlockChoice.OPEN_ANOTHER
        self.accept()


class ProtectionMode(Enum):
    PROTECT = "protect"
    CHANGE = "change"
    REMOVE = "remove"


_TITLES = {
    ProtectionMode.PROTECT: "Protect this journal with a passphrase",
    ProtectionMode.CHANGE: "Change the journal's passphrase",
    ProtectionMode.REMOVE: "Remove the journal's passphrase",
}
_INTROS = {
    ProtectionMode.PROTECT: "The journal and its backups will be encrypted. You type the passphrase "
    "each time RunJournal opens, and whenever you lock it (Ctrl+L).",
    ProtectionMode.CHANGE: "The journal and its backups will be encrypted again with the new passphrase.",
    ProtectionMode.REMOVE: "The journal and its backups will be stored without encryption again: anyone "
    "who can read the files on this computer can read your entries.",
}
_BUTTONS = {
    ProtectionMode.PROTECT: "Protect Journal",
    ProtectionMode.CHANGE: "Change Passphrase",
    ProtectionMode.REMOVE: "Remove Passphrase",
}


class ProtectionDialog(QDialog):
    """Protect, change or remove: the current passphrase (to change or remove), the new one
    typed twice (to protect or change), and the plain warning that it cannot be recovered."""

    def __init__(self, mode: ProtectionMode, journal_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self.setWindowTitle(_TITLES[mode])
        intro = QLabel(f"<b>{journal_name}</b><br>{_INTROS[mode]}")
        intro.setWordWrap(True)
        self.current = _secret_field("Current passphrase")
        self.new = _secret_field("New passphrase")
        self.repeated = _secret_field("New passphrase again")
        form = QFormLayout()
        fields: list[QLineEdit] = []
        if mode is not ProtectionMode.PROTECT:
            form.addRow("Current passphrase:", self.current)
            fields.append(self.current)
        if mode is not ProtectionMode.REMOVE:
            form.addRow("New passphrase:", self.new)
            form.addRow("Type it again:", self.repeated)
            fields += [self.new, self.repeated]
        self.show_passphrase = _show_toggle(fields)
        form.addRow("", self.show_passphrase)
        self.warning = QLabel(NOT_RECOVERABLE)
        self.warning.setWordWrap(True)
        self.warning.setVisible(mode is not ProtectionMode.REMOVE)
        self.problem = _problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = buttons.addButton(_BUTTONS[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self._confirm)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        fields[0].setFocus()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _confirm(self) -> None:
        if self.mode is not ProtectionMode.PROTECT and not self.current.text():
            self.show_problem("Type the current passphrase.")
            return
        if self.mode is not ProtectionMode.REMOVE:
            problems = passphrase_problems(self.new.text(), self.repeated.text())
            if problems:
                self.show_problem(problems[0].message)
                return
        self.accept()
