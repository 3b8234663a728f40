"""The Qt binding must survive long painting sessions.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every QPainter.setPen and
QFont setter; after enough painting (charts, the weekly page) the program aborts with
"deallocating None". pyproject.toml keeps that version out; this test notices if it
ever comes back.
"""

from __future__ import annotations

import subprocess
import sys

PAINT_A_LOT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen
app = QGuiApplication([])
image = QImage(8, 8, QImage.Format.Format_ARGB32)
painter = QPainter(image)
font = QFont()
before = sys.getrefcount(None)
for _ in range(200_000):
    painter.setPen(QPen(QColor(0, 0, 0)))
    font.setBold(True)
painter.end()
print(sys.getrefcount(None) - before)
"""


def test_painting_for_a_long_time_does_not_crash_the_app() -> None:
    result = subprocess.run([sys.executable, "-c", PAINT_A_LOT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert int(result.stdout.strip()) > -1000  # None keeps its references
