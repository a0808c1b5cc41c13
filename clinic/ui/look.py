"""The window's look, set once at start-up: the Fusion style with the palette of
:mod:`clinic.ui.palette` in light or dark, following the system's colour scheme (Qt 6.5+ reads
it from the desktop; ``colorSchemeChanged`` switches it while the app runs), and the bundled
fallback fonts (:mod:`clinic.ui.fonts`).

Spacing tokens: every layout the look code builds uses these steps, not numbers of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from clinic.ui import fonts, palette

SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24


class Look(QObject):
    """Owns the application's palette: light or dark, as the system says (or as asked)."""

    scheme_changed = Signal(bool)  # dark?

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("clinicLook")
        self._app = app
        self._forced: Qt.ColorScheme | None = None
        self._following = False
        self.dark = False

    def follow_system(self) -> None:
        """Use the system's scheme now and whenever it changes."""
        if not self._following:
            self._app.styleHints().colorSchemeChanged.connect(self._system_changed)
            self._following = True
        self.apply(self._app.styleHints().colorScheme())

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._forced is None:
            self.apply(scheme)

    def force(self, scheme: Qt.ColorScheme | None) -> None:
        """Light or dark whatever the system says (screenshots, tests); ``None``: follow it."""
        self._forced = scheme
        self.apply(scheme if scheme is not None else self._app.styleHints().colorScheme())

    def apply(self, scheme: Qt.ColorScheme) -> None:
        dark = scheme == Qt.ColorScheme.Dark  # Unknown (no desktop setting) is light
        chosen = palette.DARK if dark else palette.LIGHT
        if self._app.style().name().lower() != "fusion":
            self._app.setStyle("Fusion")
        wanted = palette.build_palette(chosen)
        changed = dark != self.dark
        self.dark = dark
        if self._app.palette() != wanted:
            self._app.setPalette(wanted)
        if changed:
            self.scheme_changed.emit(dark)


def install(app: QApplication) -> Look:
    """At start-up, before any window: style, palette (following the system) and fonts."""
    fonts.install_fonts(app)
    existing = app.findChild(Look, "clinicLook")
    look = existing if isinstance(existing, Look) else Look(app)
    look.follow_system()
    return look


def current(app: QApplication) -> Look | None:
    found = app.findChild(Look, "clinicLook")
    return found if isinstance(found, Look) else None
