"""Light and dark palettes the person can choose, beside following the system.

On a desktop with a platform theme, "system" follows the OS. Where there is none (Xvfb,
offscreen, some minimal desktops), choosing Dark sets the Fusion style with a dark
palette, so dark mode can be seen and tested everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

THEMES = ("system", "light", "dark")

_DARK = {
    QPalette.ColorRole.Window: "#2b2d31",
    QPalette.ColorRole.WindowText: "#e8e8ea",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.ToolTipBase: "#3a3d42",
    QPalette.ColorRole.ToolTipText: "#f0f0f2",
    QPalette.ColorRole.PlaceholderText: "#8d9096",
    QPalette.ColorRole.Text: "#e8e8ea",
    QPalette.ColorRole.Button: "#34373c",
    QPalette.ColorRole.ButtonText: "#e8e8ea",
    QPalette.ColorRole.BrightText: "#ff8a80",
    QPalette.ColorRole.Light: "#4a4d53",
    QPalette.ColorRole.Midlight: "#3d4045",
    QPalette.ColorRole.Mid: "#303236",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#4f8fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7d8086",
    QPalette.ColorRole.Text: "#7d8086",
    QPalette.ColorRole.ButtonText: "#7d8086",
}

_system_style: str | None = None
_outlined_style: QStyle | None = None  # kept referenced while the application uses it


def outline_colour(palette: QPalette) -> QColor:
    """Halfway between the text and the window: at least 3:1 against the window in both
    themes (WCAG 2.1 for a control's outline), yet quieter than text."""
    active = QPalette.ColorGroup.Active  # a dimmed, unrecorded slider still shows its outline
    text = palette.color(active, QPalette.ColorRole.WindowText)
    window = palette.color(active, QPalette.ColorRole.Window)
    return QColor(
        (text.red() + window.red()) // 2,
        (text.green() + window.green()) // 2,
        (text.blue() + window.blue()) // 2,
    )


class OutlinedStyle(QProxyStyle):
    """Fusion, with check boxes and slider handles outlined so they can be seen in both
    themes: Fusion's own outlines are a shade of the window colour and nearly vanish on a
    dark one (and on an unrecorded, dimmed check-in slider)."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            self._outline(painter, option.rect.adjusted(0, 0, -1, -1), outline_colour(option.palette), 2.0)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_Slider:
            handle = self.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, widget)  # type: ignore[arg-type]  # Qt accepts no widget
            self._outline(painter, handle.adjusted(0, 0, -1, -1), outline_colour(option.palette), 3.0)

    @staticmethod
    def _outline(painter: QPainter, rect: object, colour: QColor, radius: float) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, radius, radius)  # type: ignore[call-overload]
        painter.restore()


def style_name(style: QStyle) -> str:
    """The name of the style underneath, also when it is wrapped in a proxy."""
    base = style.baseStyle() if isinstance(style, QProxyStyle) else style
    return base.name()


def _fusion() -> QStyle:
    # A fresh one each time: the application deletes the style it replaces.
    global _outlined_style
    _outlined_style = OutlinedStyle("Fusion")
    return _outlined_style


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(app: QApplication, theme: str) -> None:
    """Applies "system", "light" or "dark" to the whole application."""
    global _system_style
    if _system_style is None:
        if theme == "system":
            return  # the application starts in the system's own style and palette
        _system_style = style_name(app.style())
    if theme == "dark":
        app.setStyle(_fusion())
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setStyle(_fusion())
        app.setPalette(app.style().standardPalette())
    else:
        app.setStyle(_system_style)
        app.setPalette(app.style().standardPalette())


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
