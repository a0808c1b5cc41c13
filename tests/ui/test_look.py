"""The look (issue 15): one palette module, readable status colours in light and dark, dark mode
following the system, icons from one bundled set that load and recolour, and names in every
script the PDFs print drawn in the window too."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from clinic.resource_files import resource_path
from clinic.ui import look, palette
from clinic.ui.icons import Glyph, glyph_path, icon
from clinic.ui.palette import DARK, LIGHT, Role, contrast

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "clinic" / "ui"

# -- no colour literal outside clinic/ui/palette.py ------------------------------------------

HEX = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
RGB = re.compile(r"\b(?:rgba?|hsla?|hsva?)\s*\(", re.IGNORECASE)
CSS_NAMES = (
    "white|black|red|green|blue|gr[ae]y|yellow|orange|purple|pink|brown|cyan|magenta|"
    "navy|maroon|olive|teal|silver|lime|aqua|fuchsia|crimson|gold|darkred|darkgreen|darkblue"
)
NAMED = re.compile(
    rf"(?:color|background|background-color|border|border-color|selection-color|"
    rf"selection-background-color|outline)\s*:[^;}}]*\b(?:{CSS_NAMES})\b",
    re.IGNORECASE,
)
QT_COLOURS = {
    "white", "black", "red", "darkRed", "green", "darkGreen", "blue", "darkBlue", "cyan",
    "darkCyan", "magenta", "darkMagenta", "yellow", "darkYellow", "gray", "darkGray",
    "lightGray", "color0", "color1",
}  # fmt: skip
COLOUR_FACTORIES = {"QColor", "fromRgb", "fromRgbF", "fromHsv", "fromHsl", "fromString"}


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                ids.add(id(value))
    return ids


def colour_literals(source: str, name: str = "<source>") -> list[str]:
    """Every colour written in ``source``: hex or rgb() in strings, CSS colour names in style
    sheets, QColor(...) from constants, Qt's named colours (transparent is not a colour)."""
    tree = ast.parse(source, name)
    skip = _docstrings(tree)
    found: list[str] = []
    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            if HEX.search(text) or RGB.search(text) or NAMED.search(text):
                found.append(f"{where}: {text.strip()[:60]!r}")
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            constant_args = [a for a in node.args if isinstance(a, ast.Constant)]
            if called in COLOUR_FACTORIES and constant_args:
                found.append(f"{where}: {called}(…) from constants")
        elif isinstance(node, ast.Attribute) and node.attr in QT_COLOURS:
            base = node.value
            base_name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
            if base_name in {"Qt", "GlobalColor"}:
                found.append(f"{where}: Qt.{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "QColorConstants":
            found.append(f"{where}: QColorConstants")
    return found


def test_no_colour_literal_outside_the_palette_module() -> None:
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        if path == UI / "palette.py":
            continue
        found += colour_literals(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "colours belong in clinic/ui/palette.py (a Role):\n" + "\n".join(found)


@pytest.mark.parametrize(
    "snippet",
    [
        'label.setStyleSheet("color: #a50e0e;")',
        "ALERT = QColor('#c5221f')",
        "c = QColor(200, 30, 30)",
        "c = QColor.fromRgb(1, 2, 3)",
        "brush = Qt.GlobalColor.red",
        "brush = Qt.red",
        'css = "QLabel { background: #1a73e8; color: white; }"',
        "html = f\"<b style='color:#ff0000'>{x}</b>\"",
        'style = "background-color: rgb(10, 20, 30)"',
        "c = QColorConstants.Svg.red",
    ],
)
def test_the_colour_check_finds_each_kind_of_literal(snippet: str) -> None:
    assert colour_literals(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "c = palette.colour(Role.DANGER)",
        "c = QColor(existing)",
        "pixmap.fill(Qt.GlobalColor.transparent)",
        'text = self.tr("Case #%1 of %2")',
        'style = "color: palette(placeholder-text);"',
        'def f():\n    """Red (#b3261e) on light palettes."""',
    ],
)
def test_the_colour_check_lets_roles_and_ordinary_text_pass(snippet: str) -> None:
    assert colour_literals(snippet) == []


# -- the schemes ------------------------------------------------------------------------------

TEXT_ROLES = [r for r in Role if r is not Role.ACCENT]


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_status_colours_are_readable_on_every_background(scheme: palette.Scheme) -> None:
    """WCAG AA (4.5:1) for every status colour as text on the base, the window and the
    alternate rows, and for the text of a filled badge; the accent with its text on it."""
    for role in TEXT_ROLES:
        value = QColor(scheme.role(role))
        for background in (scheme.base, scheme.window, scheme.alternate_base):
            assert contrast(value, QColor(background)) >= 4.5, (scheme.name, role, background)
        ink = QColor(scheme.base if scheme.dark else scheme.highlighted_text)
        assert contrast(value, ink) >= 4.5, (scheme.name, role, "badge")
        assert contrast(palette.on_light(role), QColor(scheme.highlighted_text)) >= 4.5
    accent = QColor(scheme.highlight)
    assert contrast(accent, QColor(scheme.highlighted_text)) >= 4.5
    for text in (scheme.text, scheme.window_text, scheme.placeholder):
        assert contrast(QColor(text), QColor(scheme.base)) >= 4.5
        assert contrast(QColor(text), QColor(scheme.sidebar)) >= 4.5


def test_each_role_differs_between_light_and_dark() -> None:
    for role in TEXT_ROLES:
        assert LIGHT.role(role) != DARK.role(role), role


def test_the_colour_follows_the_palette_it_is_drawn_on(qapp: QApplication) -> None:
    light, dark = palette.build_palette(LIGHT), palette.build_palette(DARK)
    assert palette.css(Role.DANGER, light) == LIGHT.danger
    assert palette.css(Role.DANGER, dark) == DARK.danger
    assert not palette.is_dark(light)
    assert palette.is_dark(dark)


# -- dark mode --------------------------------------------------------------------------------


@pytest.fixture
def app_look(qapp: QApplication):  # type: ignore[no-untyped-def]
    """The look installed on the test application; light again afterwards."""
    installed = look.install(qapp)
    installed.force(Qt.ColorScheme.Light)
    yield installed
    installed.force(Qt.ColorScheme.Light)
    installed.force(None)


def test_look_sets_fusion_with_the_light_palette(app_look: look.Look) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.style().name().lower() == "fusion"
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name() == LIGHT.base
    assert QGuiApplication.palette().color(QPalette.ColorRole.Highlight).name() == LIGHT.highlight


def text_colour(widget: QLabel) -> str:
    return widget.palette().color(QPalette.ColorRole.WindowText).name()


def test_switching_to_dark_repaints_with_the_dark_palette(app_look: look.Look, qtbot) -> None:  # type: ignore[no-untyped-def]
    message = QLabel("The A-number has 8 or 9 digits.")
    palette.tint(message, Role.DANGER)
    badge = QLabel("Affirmative")
    palette.keep_badge_styled(badge, Role.INFO)
    qtbot.addWidget(message)
    qtbot.addWidget(badge)
    message.show()
    badge.show()
    assert message.palette().color(QPalette.ColorRole.WindowText).name() == LIGHT.danger
    assert LIGHT.info in badge.styleSheet()
    with qtbot.waitSignal(app_look.scheme_changed, timeout=2000) as changed:
        app_look.force(Qt.ColorScheme.Dark)
    assert changed.args == [True]
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    # Qt posts the palette change to the widgets: they follow once the event loop runs.
    qtbot.waitUntil(lambda: text_colour(message) == DARK.danger, timeout=2000)
    qtbot.waitUntil(lambda: DARK.info in badge.styleSheet(), timeout=2000)
    image = message.grab().toImage()
    assert image.pixelColor(0, 0).name() == DARK.window, "painted on the dark window colour"
    inked = {
        image.pixelColor(x, y).name() for y in range(image.height()) for x in range(image.width())
    }
    assert DARK.danger in inked, "the message's text is drawn in the dark scheme's red"
    app_look.force(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: text_colour(message) == LIGHT.danger, timeout=2000)


def test_the_system_switching_to_dark_is_followed(app_look: look.Look) -> None:
    """Qt 6.5+ reports the desktop's colour scheme with colorSchemeChanged (the offscreen and
    bare X platforms never change it, so the signal is sent here as the desktop would)."""
    app_look.force(None)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert palette.is_dark()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not palette.is_dark()


def test_a_forced_scheme_ignores_the_system(app_look: look.Look) -> None:
    app_look.force(Qt.ColorScheme.Dark)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert palette.is_dark()


# -- icons ------------------------------------------------------------------------------------


def opaque_pixels(icon_: QIcon, side: int, scale: float = 1.0) -> list[QColor]:
    image = icon_.pixmap(QSize(side, side), scale).toImage()
    return [
        image.pixelColor(x, y)
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    ]


def ink(icon_: QIcon, side: int, scale: float) -> float:
    """How many device pixels' worth of paint the icon puts down (antialiased edges count in
    part: a 2-unit Lucide stroke is 1.3 px wide at 16 px)."""
    image = icon_.pixmap(QSize(side, side), scale).toImage()
    return sum(
        image.pixelColor(x, y).alphaF() for y in range(image.height()) for x in range(image.width())
    )


@pytest.mark.parametrize("glyph", list(Glyph), ids=lambda g: g.name)
def test_every_icon_loads_and_is_drawn_at_16_24_32_px(qapp: QApplication, glyph: Glyph) -> None:
    assert Path(glyph_path(glyph)).is_file()
    drawn = icon(glyph)
    assert not drawn.isNull()
    for side in (16, 24, 32):
        for scale in (1.0, 2.0):
            pixmap = drawn.pixmap(QSize(side, side), scale)
            assert pixmap.width() == round(side * scale), (glyph, side, scale)
            # At least a stroke across the icon, and not a filled square.
            painted = ink(drawn, side, scale)
            assert side * scale < painted < (side * scale) ** 2 / 2, (glyph, side, scale, painted)


def test_icons_take_their_colour_from_the_palette(app_look: look.Look) -> None:
    """Drawn in the text colour (or a role's), and again in the dark one after a switch."""
    plain, alert = icon(Glyph.SETTINGS), icon(Glyph.OVERDUE, Role.DANGER)
    assert {c.name() for c in opaque_pixels(plain, 32)} == {LIGHT.window_text}
    assert {c.name() for c in opaque_pixels(alert, 32)} == {LIGHT.danger}
    app_look.force(Qt.ColorScheme.Dark)
    assert {c.name() for c in opaque_pixels(plain, 32)} == {DARK.window_text}
    assert {c.name() for c in opaque_pixels(alert, 32)} == {DARK.danger}


def test_the_icon_folder_holds_the_set_licence_and_only_used_icons() -> None:
    folder = resource_path("icons", "lucide")
    assert "ISC License" in (folder / "LICENSE").read_text(encoding="utf-8")
    shipped = {p.stem for p in folder.glob("*.svg")}
    assert shipped == {g.value for g in Glyph}
    for path in folder.glob("*.svg"):
        assert 'stroke="currentColor"' in path.read_text(encoding="utf-8"), path.name


def test_qtsvg_is_not_loaded_until_an_icon_is_painted() -> None:
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from clinic.ui import icons, sidebar, look; look.install(app);"
        "i = icons.icon(icons.Glyph.TODAY); print('PySide6.QtSvg' in sys.modules)"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "False"


# -- names in every script the PDFs print ----------------------------------------------------

FONT_PROBE = r"""
import json, sys
from PySide6.QtGui import QFont, QFontMetrics, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
if sys.argv[1] == "with-fonts":
    from clinic.ui.fonts import install_fonts
    install_fonts(app)
names = ["刘芳", "Алексей", "Nguyễn", "ĐẶNG Thị Hương"]
result = {}
for name in names:
    label = QLabel(name)
    font = label.font()
    families = font.families() or [font.family()]
    metrics = [QFontMetrics(QFont(family, 12)) for family in families]
    uncovered = [c for c in name if not c.isspace() and not any(m.inFontUcs4(ord(c)) for m in metrics)]
    layout = QTextLayout(name, font)
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    boxes = sum(g == 0 for run in layout.glyphRuns() for g in run.glyphIndexes())
    result[name] = {"uncovered": "".join(uncovered), "boxes": boxes, "families": families}
print(json.dumps(result))
"""


def font_probe(tmp_path: Path, mode: str) -> dict[str, dict[str, object]]:
    """Lay the names out in a QLabel's font in a process whose fontconfig knows DejaVu only (a
    minimal desktop without a Chinese font), and count glyph 0 (the empty box)."""
    conf = tmp_path / "fonts.conf"
    dejavu = next(
        (
            d
            for d in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")
            if Path(d).is_dir()
        ),
        None,
    )
    if dejavu is None:
        pytest.skip("no system DejaVu folder to build a minimal font set from")
    conf.write_text(
        f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{dejavu}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(conf)}
    done = subprocess.run(
        [sys.executable, "-c", FONT_PROBE, mode],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig (Linux) lets the test hide fonts")
def test_chinese_cyrillic_and_vietnamese_names_have_every_glyph(tmp_path: Path) -> None:
    """Every character of the names is in one of the label's font families, and Qt's layout
    draws no empty box (glyph 0), on a desktop whose only system font is DejaVu."""
    without = font_probe(tmp_path, "plain")
    assert without["刘芳"]["uncovered"] == "刘芳", "the probe must miss Chinese without our fonts"
    assert without["刘芳"]["boxes"], "and see the boxes"
    shown = font_probe(tmp_path, "with-fonts")
    for name, drawn in shown.items():
        assert drawn["uncovered"] == "", f"{name}: no font for {drawn['uncovered']!r}"
        assert drawn["boxes"] == 0, f"{name} drawn with empty boxes ({drawn['families']})"
    assert "Droid Sans Fallback" in shown["刘芳"]["families"]


def test_the_application_font_lists_the_bundled_fallbacks(qapp: QApplication) -> None:
    from clinic.ui.fonts import install_fonts  # noqa: PLC0415

    families = install_fonts(qapp)
    assert families[-2:] == ["DejaVu Sans", "Droid Sans Fallback"]
    assert QApplication.font().families() == families


def test_the_bundle_ships_the_icons_and_qtsvg() -> None:
    """installer/clinic.spec ships every file under resources/ (the SVGs and their licence)
    and keeps QtSvg with its plugins: the icons are drawn by QtSvg, imported on first paint."""
    spec = (ROOT / "installer" / "clinic.spec").read_text(encoding="utf-8")
    assert 'RESOURCES.rglob("*")' in spec
    assert '"PySide6.QtSvg"' in spec
    assert '"QtSvg"' not in spec.split("QT_UNUSED = [", 1)[1].split("]", 1)[0]
    drops = spec.split("QT_PLUGIN_DROP = (", 1)[1].split(")", 1)[0]
    assert "iconengines" not in drops
    assert "qsvg" not in drops
