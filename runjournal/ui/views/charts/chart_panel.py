"""One chart on the Charts view: title, the guideline it draws and its source, the plot or a
friendly message when there is too little to draw, a legend and "Save as PNG…"."""

from __future__ import annotations

from collections.abc import Generator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from runjournal.figures.charts import ChartData
from runjournal.ui.views.charts.chart_base import Chart
from runjournal.ui.views.charts.legend import Legend
from runjournal.ui.views.charts.palette import ChartColours

PLOT_HEIGHT = 250
DAILY_PLOT_HEIGHT = 360
HOVER_HINT = (
    "Point at the chart to see its figures. Ctrl+wheel or + and − zoom, drag or ← and → move, "
    "0 shows the whole range."
)


def ask_png_path(parent: QWidget, caption: str, suggested: str) -> str:
    """Asks where to save a PNG; "" when the person cancels. Tests replace this function."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, "PNG image (*.png)")
    return path


def show_save_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "Could not save the chart", message)


def default_file_name(slug: str, today: date | None = None) -> str:
    """ "runjournal-weekly-minutes-2026-11-22.png"."""
    return f"runjournal-{slug}-{(today or date.today()).isoformat()}.png"


def _pictures_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def _label(text: str = "", *, wrap: bool = True, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class ChartPanel(QFrame):
    """Holds one Chart and shows either its plot or, with too little data, a message."""

    def __init__(self, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        chart.legendChanged.connect(self._legend_changed)
        self._empty = True
        self._built = False
        self._colours: ChartColours | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(chart.title)

        # Everything inside `card` goes into the saved PNG; the buttons below it do not.
        self.card = QWidget()
        self.card.setAutoFillBackground(True)
        self.title_label = _label(chart.title)
        font = QFont(self.title_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.explanation_label = _label(chart.explanation, muted=True)

        self.message_label = _label(chart.empty_message)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setAccessibleName(f"{chart.title}: message")
        self.message_label.setMinimumHeight(110)
        self.stack = QStackedWidget()
        # The message first: a panel starts empty, and switching pages shows and hides a plot.
        self.stack.addWidget(self.message_label)
        self.stack.addWidget(chart.canvas)
        height = DAILY_PLOT_HEIGHT if chart.key == "daily" else PLOT_HEIGHT
        chart.canvas.setMinimumHeight(height)

        self.legend = Legend()
        legend_row = QHBoxLayout()
        legend_row.setSpacing(18)
        controls = chart.controls()
        if controls is not None:
            legend_row.addWidget(controls)
        legend_row.addWidget(self.legend, 1)
        self.legend_box = QWidget()
        self.legend_box.setLayout(legend_row)
        legend_row.setContentsMargins(0, 0, 0, 0)

        card_column = QVBoxLayout(self.card)
        card_column.setContentsMargins(12, 10, 12, 8)
        card_column.setSpacing(6)
        card_column.addWidget(self.title_label)
        card_column.addWidget(self.explanation_label)
        card_column.addWidget(self.stack)
        card_column.addWidget(self.legend_box)

        self.hover_label = _label(HOVER_HINT, muted=True)
        self.hover_label.setAccessibleName(f"{chart.title}: figures under the pointer")
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.setToolTip(f"Save “{chart.title}” as a PNG image")
        self.save_button.setAccessibleName(f"Save {chart.title.lower()} as PNG")
        self.save_button.clicked.connect(self.save_as)
        footer = QHBoxLayout()
        footer.setContentsMargins(12, 0, 12, 10)
        footer.addWidget(self.hover_label, 1)
        footer.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.card)
        column.addLayout(footer)
        chart.hovered.connect(lambda text: self.hover_label.setText(text or HOVER_HINT))
        self._set_empty(True)

    # For people and tests ---------------------------------------------------------------
    def is_empty(self) -> bool:
        """True while the panel shows its message instead of a plot."""
        return self._empty

    def message_text(self) -> str:
        return self.message_label.text() if self._empty else ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # A wrapped label reports the height of some guessed width; pin it to the real one so
        # no gap opens under the explanation. The panel's own width, not the card's: the card
        # is only resized once this panel's layout runs, which may come later.
        layout = self.card.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()
        for label in (self.explanation_label, self.hover_label):
            if width > 0:
                # A label's heightForWidth never answers less than its minimum height, which
                # the last pinning set: let go of it first, or a widened panel keeps the
                # height of its narrowest moment.
                label.setMinimumHeight(0)
                label.setFixedHeight(label.heightForWidth(width))

    # Driven by the view -----------------------------------------------------------------
    def show_data(self, data: ChartData, hint: str = "") -> None:
        """Puts new figures on the plot, or the message (with `hint`) when there are too few."""
        for _ in self.show_steps(data, hint):
            pass

    def show_steps(self, data: ChartData, hint: str = "") -> Generator[None, None, None]:
        """`show_data` in the pieces the chart draws in, for a view drawing across turns."""
        has_figures = yield from self.chart.show_steps(data)
        self.message_label.setText(self.chart.empty_message + (f"\n\n{hint}" if hint else ""))
        self._set_empty(not has_figures)
        if self._colours is not None:
            self.legend.set_entries(self.chart.legend_entries(self._colours), self._colours)

    def show_failure(self, message: str) -> None:
        self.message_label.setText(message)
        self._set_empty(True)

    def restyle(self, colours: ChartColours) -> None:
        self._colours = colours
        self.chart.restyle(colours, self.font())
        if not self._empty:  # an empty panel hides its legend: it is made with the figures
            self.legend.set_entries(self.chart.legend_entries(colours), colours)

    def _legend_changed(self) -> None:
        if self._colours is not None and not self._empty:
            self.legend.set_entries(self.chart.legend_entries(self._colours), self._colours)

    def _set_empty(self, empty: bool) -> None:
        if empty == self._empty and self._built:
            return  # the same page again: nothing to lay out
        self._built = True
        self._empty = empty
        self.stack.setCurrentWidget(self.message_label if empty else self.chart.canvas)
        self.stack.setFixedHeight(
            self.message_label.minimumHeight() if empty else self.chart.canvas.minimumHeight()
        )
        self.legend_box.setVisible(not empty)
        self.hover_label.setVisible(not empty)
        self.save_button.setEnabled(not empty)

    # Saving -------------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> None:
        """Writes the chart, its title and legend to `path`; raises OSError when it cannot."""
        self.hover_label.setText(HOVER_HINT)
        image = self.card.grab()
        if image.isNull() or not image.save(str(path), "PNG"):
            raise OSError(f"The image could not be written to {path}.")

    def save_as(self) -> None:
        suggested = str(_pictures_folder() / default_file_name(self.chart.file_slug))
        path = ask_png_path(self, f"Save “{self.chart.title}” as PNG", suggested)
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            self.save_png(path)
        except OSError as error:
            show_save_error(self, f"{error}\nCheck that the folder exists and you may write to it.")
