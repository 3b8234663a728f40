"""One window per journal: a second start brings the first window to the front.

Two windows writing to one journal would each show a stale picture of it and could
undo each other's changes. So the window holds a QLockFile beside the journal for as
long as it has it open, and listens on a QLocalServer named after the journal. A second
start finds the lock, asks the first window (over a QLocalSocket) to come to the front,
and exits. A lock left by a crash names a process that is gone; it is removed and taken.
The command-line tools read the same lock (runjournal.service.app_lock) and refuse to
write while the window has the journal open.

The window starts listening just after its first paint (`acquire(listen=False)`, then
`listen()`): Qt's network module takes a hundredth of a second to load. A second start
in that moment waits up to a second for the first window to answer.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from runjournal.paths import make_private_dir
from runjournal.service.app_lock import is_live, lock_path, read_lock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_MESSAGE = b"raise\n"
CHECK_IN_MESSAGE = b"check-in\n"  # raise, then show today's check-in (a reminder was clicked)
CONNECT_TIMEOUT_MS = 1000
LOCK_TIMEOUT_MS = 100
RETRY_S = 0.05  # between tries to reach a window that holds the lock but is not listening yet
ALREADY_OPEN = "RunJournal is already open on this journal; its window was brought to the front."


def server_name(journal: Path) -> str:
    """A local-socket name for this journal and this person, the same in every process."""
    key = f"{getpass.getuser()}\n{Path(journal).resolve()}".encode()
    return f"runjournal-{hashlib.sha256(key).hexdigest()[:24]}"


def bring_to_front(window: QWidget) -> None:
    """Shows, un-minimises, raises and activates `window`."""
    window.show()
    window.setWindowState(
        (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
    )
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """Holds the lock and the local server for the journal this window has open.

    `acquire()` is True when this process now owns the journal. When it is False,
    another RunJournal has it: `raised_other` says whether that window was asked to come
    to the front, and `message` says what happened in words.
    """

    raiseRequested = Signal()
    checkInRequested = Signal()

    def __init__(self, journal_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(journal_path)
        self.message = ""
        self.raised_other = False
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self, *, notify: bool = True, listen: bool = True, request: bytes = RAISE_MESSAGE) -> bool:
        """Takes the journal for this process, or asks the process that has it to show itself.

        With `notify` False (the smoke test) the other window is left alone. With `listen`
        False only the lock is taken; call `listen()` once the window is on screen.
        """
        if self.held:
            return True
        lock = self._lock_file(self.path)
        if lock is None:
            if notify:
                self._tell_other(self.path, request)
            else:
                self.raised_other = False
                self.message = f"RunJournal is already open on {self.path}. Close it first."
            return False
        self._lock = lock
        self.message = ""
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answers later starts on this journal (brings this window to the front)."""
        if self._lock is not None and self._server is None:
            self._server = self._serve(self.path)

    def switch_to(self, path: Path) -> bool:
        """Moves the claim to another journal (File → Open Journal…).

        The new journal is taken before the old one is let go, so a refusal leaves this
        window holding what it had. False (with `message`) when another RunJournal has
        the new journal open; that window is brought to the front.
        """
        path = Path(path)
        if self.held and path.resolve() == self.path.resolve():
            return True
        lock = self._lock_file(path)
        if lock is None:
            self._tell_other(path)
            return False
        self.release()
        self.path = path
        self._lock = lock
        self._server = self._serve(path)
        self.message = ""
        return True

    def release(self) -> None:
        """Lets the journal go: closes the server and removes the lock file."""
        if self._server is not None:
            # Closed, not deleted: it is this object's child and goes with it. (deleteLater
            # on a server whose owner is collected first crashes PySide.)
            self._server.close()
            self._server.newConnection.disconnect()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # Taking the lock ------------------------------------------------------------------

    def _lock_file(self, path: Path) -> QLockFile | None:
        lock_file = lock_path(path)
        make_private_dir(lock_file.parent)  # a first start: the data folder may not exist yet
        lock = QLockFile(str(lock_file))
        lock.setStaleLockTime(0)  # held for as long as the window is open, however long
        if not lock.tryLock(LOCK_TIMEOUT_MS) and not self._recover_stale(lock, path):
            return None
        if os.name == "posix":
            os.chmod(lock_file, 0o600)
        return lock

    def _serve(self, path: Path) -> QLocalServer:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(path)
        if not server.listen(name):
            # Holding the lock means no live RunJournal serves this name: the socket is
            # a crash's leftover.
            QLocalServer.removeServer(name)
            server.listen(name)
        server.newConnection.connect(lambda: self._on_connection(server))
        return server

    def _recover_stale(self, lock: QLockFile, path: Path) -> bool:
        """Removes a lock whose process is gone (a crash), then takes it."""
        if lock.error() != QLockFile.LockError.LockFailedError:
            return False
        info = read_lock(path)
        if info is not None and is_live(info):
            return False
        return lock.removeStaleLockFile() and lock.tryLock(LOCK_TIMEOUT_MS)

    # Talking to the other window ------------------------------------------------------

    def _tell_other(self, path: Path, request: bytes = RAISE_MESSAGE) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        self.raised_other = False
        # A window that has just taken the lock starts listening a moment later: keep trying.
        deadline = time.monotonic() + CONNECT_TIMEOUT_MS / 1000
        while True:
            socket.connectToServer(server_name(path))
            connected = socket.waitForConnected(CONNECT_TIMEOUT_MS)
            if connected or time.monotonic() >= deadline:
                break
            time.sleep(RETRY_S)
        if connected:
            socket.write(request)
            self.raised_other = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        if self.raised_other:
            self.message = ALREADY_OPEN
        else:
            self.message = (
                f"RunJournal is already open on {path}, but its window did not answer. "
                "Switch to it, or close it and start RunJournal again."
            )

    def _on_connection(self, server: QLocalServer) -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            if socket.bytesAvailable():
                self._on_message(socket)

    def _on_message(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if RAISE_MESSAGE.strip() in data or CHECK_IN_MESSAGE.strip() in data:
            self.raiseRequested.emit()
        if CHECK_IN_MESSAGE.strip() in data:
            self.checkInRequested.emit()
