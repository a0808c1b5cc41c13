"""Every colour the window uses, and the one place colours are written down.

Colours have *roles*, not hues: ``DANGER`` is an overdue deadline or a problem to fix wherever
it shows (a table cell, a badge, a message under a field), ``WARNING`` something due soon or to
verify, ``SUCCESS`` done, ``INFO`` a neutral label, ``MUTED`` what no longer needs attention.
Each role has a light and a dark value; which one applies is read from the palette being
painted with (its base lightness), so a widget painted after a switch to dark mode gets the
dark value without being rebuilt. ``tests/ui/test_look.py`` fails on a colour literal anywhere
else in ``clinic/ui``.

The light and dark schemes also give the whole application palette (:func:`build_palette`,
installed with the Fusion style by :mod:`clinic.ui.look`), so the window looks the same on
every desktop and follows the system's light or dark setting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


class Role(Enum):
    """What a colour means. Text roles contrast at least 4.5:1 with the base and the window."""

    DANGER = "danger"  # overdue, a problem to fix, a failed check
    WARNING = "warning"  # due soon, verify with the attorney
    SUCCESS = "success"  # done, passed, saved
    INFO = "info"  # a neutral marker (claim type), links
    MUTED = "muted"  # done/waived/past rows, hints
    ACCENT = "accent"  # selection and the current page


@dataclass(frozen=True)
class Scheme:
    """One complete set of colours (hex strings; only this module writes them)."""

    name: str
    dark: bool
    window: str  # the window's background
    window_text: str
    base: str  # text fields, lists, tables
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str  # the accent: selection, the current page
    highlighted_text: str
    placeholder: str
    link: str
    link_visited: str
    tooltip_base: str
    tooltip_text: str
    light: str  # Fusion's bevels and frames, lightest to darkest
    midlight: str
    mid: str
    dark_shade: str
    shadow: str
    disabled_text: str
    disabled_button: str
    sidebar: str  # the navigation sidebar's background
    sidebar_hover: str
    danger: str
    warning: str
    success: str
    info: str
    muted: str

    def role(self, role: Role) -> str:
        if role is Role.ACCENT:
            return self.highlight
        return str(getattr(self, role.value))


LIGHT = Scheme(
    name="light",
    dark=False,
    window="#f4f5f7",
    window_text="#1f2328",
    base="#ffffff",
    alternate_base="#f6f7f9",
    text="#1f2328",
    button="#eceef1",
    button_text="#1f2328",
    highlight="#1f5fbf",
    highlighted_text="#ffffff",
    placeholder="#5c636d",
    link="#1f5fbf",
    link_visited="#6a3fb5",
    tooltip_base="#2b2f36",
    tooltip_text="#f4f5f7",
    light="#ffffff",
    midlight="#f0f1f4",
    mid="#c3c8cf",
    dark_shade="#9aa1aa",
    shadow="#6e7781",
    disabled_text="#8c959f",
    disabled_button="#f1f2f4",
    sidebar="#e9ebef",
    sidebar_hover="#dde1e7",
    danger="#b3261e",
    warning="#8a4b00",
    success="#1a7f37",
    info="#1f5fbf",
    muted="#5c636d",
)

DARK = Scheme(
    name="dark",
    dark=True,
    window="#1f2125",
    window_text="#e6e7ea",
    base="#16181b",
    alternate_base="#1c1e22",
    text="#e6e7ea",
    button="#2b2e33",
    button_text="#e6e7ea",
    highlight="#3873d6",
    highlighted_text="#ffffff",
    placeholder="#9aa0a8",
    link="#8ab4f8",
    link_visited="#c5a5f7",
    tooltip_base="#e6e7ea",
    tooltip_text="#1f2125",
    light="#3a3e44",
    midlight="#30343a",
    mid="#474c53",
    dark_shade="#121316",
    shadow="#0a0b0c",
    disabled_text="#6b7078",
    disabled_button="#25282c",
    sidebar="#191b1e",
    sidebar_hover="#272a2f",
    danger="#ff8a80",
    warning="#ffcc80",
    success="#7ee2a0",
    info="#8ab4f8",
    muted="#9aa0a8",
)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def scheme(palette: QPalette | None = None) -> Scheme:
    """The scheme matching ``palette`` (default: the application's) — light or dark."""
    return DARK if is_dark(palette) else LIGHT


def colour(role: Role, palette: QPalette | None = None) -> QColor:
    """The colour of ``role`` for text on ``palette``'s base (default: the application's)."""
    return QColor(scheme(palette).role(role))


def css(role: Role, palette: QPalette | None = None) -> str:
    """``colour`` as ``#rrggbb``, for rich text and style sheets."""
    return scheme(palette).role(role)


def on_fill(role: Role, palette: QPalette | None = None) -> QColor:
    """Text drawn on a pill filled with ``role``: white on light-scheme fills, the dark base on
    dark-scheme fills (which are light)."""
    current = scheme(palette)
    if role is Role.ACCENT:
        return QColor(current.highlighted_text)
    return QColor(current.base if current.dark else current.highlighted_text)


def on_light(role: Role) -> QColor:
    """``role`` drawn on a white or near-white fill whatever the scheme (a pill inverted on the
    accent-filled current row)."""
    return QColor(LIGHT.role(role))


def sidebar_colours(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(background, hovered row) of the navigation sidebar."""
    current = scheme(palette)
    return QColor(current.sidebar), QColor(current.sidebar_hover)


def build_palette(chosen: Scheme) -> QPalette:
    """The application palette of ``chosen`` for the Fusion style."""
    group = QPalette.ColorGroup
    role = QPalette.ColorRole
    palette = QPalette()
    colours = {
        role.Window: chosen.window,
        role.WindowText: chosen.window_text,
        role.Base: chosen.base,
        role.AlternateBase: chosen.alternate_base,
        role.Text: chosen.text,
        role.Button: chosen.button,
        role.ButtonText: chosen.button_text,
        role.BrightText: chosen.danger,
        role.Highlight: chosen.highlight,
        role.HighlightedText: chosen.highlighted_text,
        role.PlaceholderText: chosen.placeholder,
        role.Link: chosen.link,
        role.LinkVisited: chosen.link_visited,
        role.ToolTipBase: chosen.tooltip_base,
        role.ToolTipText: chosen.tooltip_text,
        role.Light: chosen.light,
        role.Midlight: chosen.midlight,
        role.Mid: chosen.mid,
        role.Dark: chosen.dark_shade,
        role.Shadow: chosen.shadow,
        role.Accent: chosen.highlight,
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText, role.PlaceholderText):
        palette.setColor(group.Disabled, colour_role, QColor(chosen.disabled_text))
    palette.setColor(group.Disabled, role.Button, QColor(chosen.disabled_button))
    palette.setColor(group.Disabled, role.Highlight, QColor(chosen.mid))
    palette.setColor(group.Disabled, role.HighlightedText, QColor(chosen.disabled_text))
    return palette


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 … 21)."""

    def luminance(c: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# A child widget hears of a new application palette as a PaletteChange, a window as an
# ApplicationPaletteChange.
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class _Tint(QObject):
    """Keeps a widget's text in a role's colour, also after the application palette changes
    (a switch between light and dark mode)."""

    def __init__(self, widget: QWidget, role: Role) -> None:
        super().__init__(widget)
        self.setObjectName("clinicTint")
        self.role = role
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        value = colour(self.role)
        palette = widget.palette()
        text_roles = (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text)
        if all(palette.color(role) == value for role in text_roles):
            return  # already right: setting it again would send another palette change
        for role in text_roles:
            palette.setColor(role, value)
        widget.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def tint(widget: QWidget, role: Role) -> None:
    """Draw ``widget``'s text (a label, a message) in ``role``'s colour, in light and dark mode."""
    for old in widget.findChildren(_Tint):
        if old.parent() is widget:
            widget.removeEventFilter(old)
            old.setParent(None)
            old.deleteLater()
    _Tint(widget, role)


class _Restyle(QObject):
    """Gives a widget the style sheet ``style()`` returns, now and after every palette change."""

    def __init__(self, widget: QWidget, style: Callable[[], str]) -> None:
        super().__init__(widget)
        self._style = style
        widget.installEventFilter(self)
        self.apply(widget)

    def apply(self, widget: QWidget) -> None:
        wanted = self._style()
        if widget.styleSheet() != wanted:  # the same sheet again would loop on palette changes
            widget.setStyleSheet(wanted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS and isinstance(watched, QWidget):
            self.apply(watched)
        return False


def badge_style(role: Role) -> str:
    """A style sheet for a QLabel drawn as a small filled pill in ``role``'s colour."""
    fill = css(role)
    text = on_fill(role).name()
    return (
        f"QLabel {{ background: {fill}; color: {text}; border-radius: 4px; padding: 1px 6px;"
        " font-weight: 600; }"
    )


def keep_badge_styled(label: QWidget, role: Role) -> None:
    """Style ``label`` as a ``role`` pill now and again whenever light/dark mode switches."""
    _Restyle(label, lambda: badge_style(role))
