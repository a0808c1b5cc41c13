"""Translation catalogues for the Qt interface (run by `make translations` and `make qm`).

    python tools/translations.py extract   # pyside6-lupdate clinic/ → resources/translations/*.ts
    python tools/translations.py compile   # pyside6-lrelease *.ts → *.qm (built, never committed)
    python tools/translations.py check     # fail when a .ts is stale or has unfinished entries
    python tools/translations.py fill es FILE.tsv  # extract, then set the translations listed

`fill` reads lines of ``context<TAB>source<TAB>translation`` (a plural text gives its forms as
further columns) and writes them into the catalogue after a fresh extract, under a lock so that
two people filling at once do not lose each other's entries.

English needs a catalogue too, for plurals only (``clinic_en.ts``): ``self.tr("%n case(s)", "",
n)`` shows "1 case" / "2 cases", never "case(s)". It is made from the code by every action here
(lupdate -pluralonly), its two forms derived from the "(s)" in the source; nobody edits it.

Besides the code, the catalogue takes words from data: the deadline rules' names (context
``DeadlineRules``) and the enum words of clinic/domain/enum_words.py (context ``enum.<Enum>``, e.g.
``enum.Stage``), the one table the window and the PDFs share. The PDFs and the command line
translate the same words through gettext (tools/messages.py writes them into clinic.po under the
same contexts); tests/ui/test_enum_words_agree.py checks both catalogues say the same.

`extract` keeps every existing translation, adds new source texts as unfinished entries and
drops texts no longer in the code (-no-obsolete). Locations are left out of the .ts so that
moving code does not rewrite the catalogue.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
ENGLISH = "en"  # plural forms only, made from the code (english_plurals)
SOURCES = (ROOT / "clinic" / "ui", ROOT / "clinic" / "app.py")
RULES = ROOT / "resources" / "rules" / "deadlines.toml"
RULE_CONTEXT = "DeadlineRules"  # clinic/ui/rule_words.py translates with it


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    kind: str  # "" (finished), "unfinished", "obsolete", "vanished"


def qt_tool(name: str) -> str:
    """PySide6's own lupdate/lrelease (next to the venv's python), else one on PATH."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}",):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"pyside6-{name} was not found: install the project (pip install -e .)")
    return found


def source_files() -> list[Path]:
    files: list[Path] = []
    for source in SOURCES:
        files.extend(sorted(source.rglob("*.py")) if source.is_dir() else [source])
    return files


def catalogue(language: str) -> Path:
    return TRANSLATIONS / f"clinic_{language}.ts"


def rule_names() -> list[str]:
    """Every deadline rule's ``name`` (shown to staff) from the rule file."""
    with RULES.open("rb") as handle:
        rules = tomllib.load(handle).get("rule", [])
    return sorted({str(rule["name"]) for rule in rules if rule.get("name")})


def enum_words() -> list[tuple[str, str]]:
    """Every (context, English word) of the enum words table (clinic/domain/enum_words.py)."""
    from clinic.domain.enum_words import entries  # noqa: PLC0415 - the project's own table

    return list(entries())


def data_strings_module(folder: Path) -> Path:
    """A throwaway Python file marking the rule file's words and the enum words for lupdate
    (never committed)."""
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({RULE_CONTEXT!r}, {name!r})" for name in rule_names()]
    lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for context, text in enum_words()]
    path = folder / "rule_file_words.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(ts_file: Path, language: str) -> None:
    """Run lupdate over the Qt code and the rule file's words into ``ts_file`` (existing
    translations are kept)."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(  # noqa: S603 - our own tool, our own files
            [
                qt_tool("lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                language,
                *(str(path) for path in source_files()),
                str(data_strings_module(Path(folder))),
                "-ts",
                str(ts_file),
            ],
            check=True,
        )


def english_plurals(ts_file: Path | None = None) -> Path:
    """Write the English plural-only catalogue: every ``%n`` text of the code with its singular
    ("%n case") and plural ("%n cases") form, derived from "(s)" in the source."""
    ts_file = ts_file or catalogue(ENGLISH)
    ts_file.unlink(missing_ok=True)
    subprocess.run(  # noqa: S603 - our own tool, our own files
        [
            qt_tool("lupdate"),
            "-silent",
            "-pluralonly",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            ENGLISH,
            *(str(path) for path in source_files()),
            "-ts",
            str(ts_file),
        ],
        check=True,
    )
    tree = ET.parse(ts_file)  # noqa: S314 - our own catalogue
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        for form in translation.findall("numerusform"):
            translation.remove(form)
        translation.text = None
        for text in english_forms(source):
            ET.SubElement(translation, "numerusform").text = text
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return ts_file


def english_forms(source: str) -> tuple[str, str]:
    """("%n case", "%n cases") from "%n case(s)"."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def compile_all() -> list[Path]:
    built = []
    english_plurals()
    for language in (*LANGUAGES, ENGLISH):
        source = catalogue(language)
        target = source.with_suffix(".qm")
        subprocess.run(  # noqa: S603
            [qt_tool("lrelease"), "-silent", str(source), "-qm", str(target)], check=True
        )
        built.append(target)
    return built


def read_messages(ts_file: Path) -> list[Message]:
    messages = []
    root = ET.parse(ts_file).getroot()  # noqa: S314 - our own catalogue, not untrusted input
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "" if translation is None else translation.get("type", "")
            text = "" if translation is None else (translation.text or "")
            forms = [] if translation is None else translation.findall("numerusform")
            if forms:  # plural forms (%n): every one must be written
                texts = [form.text or "" for form in forms]
                text = "\n".join(texts) if all(texts) else ""
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=text,
                    kind=kind,
                )
            )
    return messages


def problems(language: str, committed: Path | None = None) -> list[str]:
    """What is wrong with the committed catalogue (or ``committed``): missing, unfinished, empty
    or stale entries."""
    committed = committed or catalogue(language)
    if not committed.is_file():
        return [f"{committed.name} is missing: run `make translations`."]
    found = []
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / committed.name
        shutil.copyfile(committed, fresh)
        extract(fresh, language)
        current = read_messages(fresh)
    keys_now = {(m.context, m.source, m.comment) for m in current}
    keys_committed = {(m.context, m.source, m.comment) for m in read_messages(committed)}
    for context, source, _ in sorted(keys_now - keys_committed):
        found.append(f"not in the catalogue yet: [{context}] {source!r}")
    for context, source, _ in sorted(keys_committed - keys_now):
        found.append(f"no longer in the code: [{context}] {source!r}")
    for message in current:
        unfinished = message.kind in ("unfinished", "obsolete", "vanished")
        committed_key = (message.context, message.source, message.comment) in keys_committed
        if (unfinished or not message.translation) and committed_key:
            found.append(
                f"untranslated ({message.kind or 'empty'}): [{message.context}] {message.source!r}"
            )
    return found


def english_problems() -> list[str]:
    """The committed English plural catalogue differs from the one the code makes now."""
    committed = catalogue(ENGLISH)
    if not committed.is_file():
        return [f"{committed.name} is missing: run `make translations`."]
    with tempfile.TemporaryDirectory() as folder:
        fresh = english_plurals(Path(folder) / committed.name)
        if fresh.read_bytes() != committed.read_bytes():
            return [f"{committed.name} is not current: run `make translations`."]
    return []


LOCK = Path(tempfile.gettempdir()) / "clinic-translations.lock"


def read_fill(tsv: Path) -> dict[tuple[str, str], list[str]]:
    """``context<TAB>source<TAB>form[<TAB>form…]`` lines; ``\\n`` in a field is a line break."""
    wanted: dict[tuple[str, str], list[str]] = {}
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.replace("\\n", "\n") for field in line.split("\t")]
        if len(fields) < 3 or not all(fields[2:]):
            raise SystemExit(f"{tsv}:{number}: want context, source and a translation")
        wanted[(fields[0], fields[1])] = fields[2:]
    return wanted


def fill(language: str, tsv: Path) -> int:
    """Extract, then write the listed translations (marking them finished); returns how many
    of the listed texts were not found in the code."""
    wanted = read_fill(tsv)
    LOCK.touch(exist_ok=True)
    with LOCK.open("r") as lock, contextlib.ExitStack() as stack:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stack.callback(fcntl.flock, lock, fcntl.LOCK_UN)
        ts_file = catalogue(language)
        extract(ts_file, language)
        tree = ET.parse(ts_file)  # noqa: S314 - our own catalogue
        found: set[tuple[str, str]] = set()
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                key = (name, message.findtext("source") or "")
                if key not in wanted:
                    continue
                found.add(key)
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.attrib.pop("type", None)
                forms = translation.findall("numerusform")
                if forms or message.get("numerus") == "yes":
                    for form in forms:
                        translation.remove(form)
                    translation.text = None
                    for text in wanted[key]:
                        ET.SubElement(translation, "numerusform").text = text
                else:
                    translation.text = wanted[key][0]
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
        extract(ts_file, language)  # lupdate writes the file back in its own layout
        english_plurals()
    missing = sorted(set(wanted) - found)
    for context, source in missing:
        print(f"not in the code: [{context}] {source!r}")
    left = [m for m in read_messages(catalogue(language)) if m.kind or not m.translation]
    print(f"{catalogue(language).relative_to(ROOT)}: {len(left)} still to translate")
    return len(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("extract", "compile", "check", "fill"))
    parser.add_argument("fill_args", nargs="*", help="fill: LANGUAGE FILE.tsv")
    args = parser.parse_args(argv)
    if args.action == "fill":
        if len(args.fill_args) != 2 or args.fill_args[0] not in LANGUAGES:
            parser.error(f"fill wants a language ({', '.join(LANGUAGES)}) and a .tsv file")
        return 1 if fill(args.fill_args[0], Path(args.fill_args[1])) else 0
    if args.action == "extract":
        print(english_plurals().relative_to(ROOT))
        for language in LANGUAGES:
            extract(catalogue(language), language)
            unfinished = [
                m for m in read_messages(catalogue(language)) if m.kind or not m.translation
            ]
            print(f"{catalogue(language).relative_to(ROOT)}: {len(unfinished)} to translate")
        return 0
    if args.action == "compile":
        for path in compile_all():
            print(path.relative_to(ROOT))
        return 0
    found = [line for language in LANGUAGES for line in problems(language)]
    found += english_problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
