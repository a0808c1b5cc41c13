"""The staff interface's language: Qt translators (ours and Qt's own) and the matching QLocale.

Clinic's catalogue is ``resources/translations/clinic_<lang>.ts`` (extracted with
``pyside6-lupdate``, see ``tools/translations.py``). The compiled ``.qm`` is built by ``make``
before the app, the tests or the bundle run and is never committed. A source checkout where it
has not been built yet (``pytest`` run directly, say) compiles the ``.ts`` with ``lrelease`` into
a temporary folder and loads the bytes; the catalogue holds no client data.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clinic.resource_files import resource_path

log = logging.getLogger(__name__)

CATALOGUE = "clinic"
QT_CATALOGUES = ("qtbase",)  # Qt's own words: standard buttons, file dialogs, context menus
DEFAULT_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "es": (QLocale.Language.Spanish, QLocale.Country.UnitedStates),
}


def current_language() -> str:
    """The interface language in use ("en" or "es"), for texts from outside Qt's catalogue
    (validation messages from ``clinic.domain.problem_text``). It follows the default QLocale,
    which :meth:`Translations.apply` sets together with the translators."""
    return "es" if QLocale().language() == QLocale.Language.Spanish else "en"


def read_only_words() -> str:
    """Why nothing can be saved while the store is an older copy, in the window's words (the
    store's own message names the commands of the command line)."""
    return QCoreApplication.translate(
        "OlderCopyBanner",
        "This is an older copy of the records, open read-only, so nothing was saved. Use the "
        "banner at the top of the window: restore the right backup (File → Restore from "
        "backup…), or accept this copy as current.",
    )


def error_text(exc: BaseException) -> str:
    """An error's message in the interface language: ``clinic.ui.problems.describe(exc).text``
    (the one wording of errors in the window; see clinic/ui/operation.py)."""
    from clinic.ui.problems import describe  # noqa: PLC0415 - problems imports this module

    return describe(exc).text


def catalogue_source(language: str) -> Path:
    return resource_path("translations", f"{CATALOGUE}_{language}.ts")


def catalogue_compiled(language: str) -> Path:
    return resource_path("translations", f"{CATALOGUE}_{language}.qm")


def formats_are_c(locale: QLocale) -> bool:
    """Whether ``locale`` formats dates as the C locale does ("17 08 2027"): a machine left in
    the C locale, also when only LANGUAGE names a language (LANG=C.UTF-8, LANGUAGE=en: Qt then
    names the locale en_US but takes its formats from C)."""
    short = QLocale.FormatType.ShortFormat
    return locale.name() in ("C", "POSIX") or locale.dateFormat(short) == QLocale.c().dateFormat(
        short
    )


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The computer's own locale when it speaks ``language`` (es_MX keeps its formats), else
    the US variant (a clinic in the United States): dates, times and numbers follow it."""
    system = QLocale.system() if system is None else system
    wanted, country = DEFAULT_LOCALES.get(language, DEFAULT_LOCALES["en"])
    if system.language() == wanted and not formats_are_c(system):
        return system
    return QLocale(wanted, country)


def lrelease_program() -> str | None:
    """PySide6's ``lrelease`` (inside the wheel) or one on PATH."""
    bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalogue(source: Path, destination: Path) -> None:
    """``lrelease`` one ``.ts`` into ``destination``; raises ``RuntimeError`` saying why not."""
    program = lrelease_program()
    if program is None:
        raise RuntimeError("lrelease was not found (it ships with PySide6's wheel).")
    done = subprocess.run(  # noqa: S603 - our own tool on our own file
        [program, "-silent", str(source), "-qm", str(destination)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not destination.is_file():
        raise RuntimeError(f"lrelease failed on {source.name}: {done.stderr.strip()}")


def catalogue_bytes(language: str) -> bytes | None:
    """The compiled catalogue for ``language``: the built ``.qm`` when it is up to date, else
    one compiled now from the ``.ts``. ``None`` when the language has no catalogue."""
    source = catalogue_source(language)
    compiled = catalogue_compiled(language)
    frozen = getattr(sys, "frozen", False)  # a bundle ships its .qm and no lrelease
    if compiled.is_file() and (
        frozen or not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime
    ):
        return compiled.read_bytes()
    if not source.is_file():
        return None
    try:
        with tempfile.TemporaryDirectory(prefix="clinic-qm-") as folder:
            target = Path(folder) / compiled.name
            compile_catalogue(source, target)
            log.info("compiled %s on the fly (`make` builds the .qm)", source.name)
            return target.read_bytes()
    except (RuntimeError, OSError) as exc:
        if compiled.is_file():
            log.warning("%s; using the older %s", exc, compiled.name)
            return compiled.read_bytes()
        log.warning("%s", exc)
        return None


class Translations:
    """Installs and swaps the translators for one application; keeps them (and their data)
    alive as long as they are installed."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []
        self._data: list[bytes] = []  # QTranslator.load(bytes) does not copy them

    def apply(self, language: str) -> None:
        """Speak ``language`` ("en" or "es") from now on; widgets created afterwards use it and
        existing ones receive a LanguageChange event."""
        self._remove()
        self.language = language
        QLocale.setDefault(locale_for(language))
        if language == "en":  # the source texts are English, but for their plural forms
            self._install_ours("en")
            return
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            translator = QTranslator(self.app)
            if translator.load(f"{name}_{language}", qt_folder):
                self._install(translator)
            else:
                log.warning("Qt's %s_%s catalogue was not found in %s", name, language, qt_folder)
        self._install_ours(language)

    def _install_ours(self, language: str) -> None:
        """Clinic's own catalogue (for English: the plural forms, "1 case" / "2 cases")."""
        data = catalogue_bytes(language)
        if data is None:
            log.warning("no Clinic catalogue for %r; the interface stays in English", language)
            return
        translator = QTranslator(self.app)
        if not translator.load(data):
            log.warning("the Clinic catalogue for %r could not be loaded", language)
            return
        self._data.append(data)
        self._install(translator)

    def _install(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)

    def remove(self) -> None:
        """Take this object's translators out again (the source English shows)."""
        self._remove()

    def _remove(self) -> None:
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self._data.clear()
