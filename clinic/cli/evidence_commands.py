"""Evidence from the command line: add an item with its file, list a case's exhibits, and build
the court exhibit packet into a folder."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from clinic.cli.common import EXIT_OK, EXIT_OTHER, UsageError, open_for_command, reason
from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import EvidenceCategory, EvidenceStatus, TranslationStatus
from clinic.domain.ids import CaseId
from clinic.domain.packet_layout import MAX_PART_MB, MIN_PART_MB, TabStyle
from clinic.domain.problem_text import describe_all
from clinic.services import evidence
from clinic.services.language import tr as _
from clinic.services.language import tr_n, ui_language

if TYPE_CHECKING:  # the packet's modules load only for 'evidence list' and 'packet'
    from clinic.reports.packet import FileProblem, PacketBuild
    from clinic.services import packet


def add_parsers(commands: Any) -> None:
    group = commands.add_parser(
        "evidence", help="add evidence with its file, list a case's exhibits"
    )
    actions = group.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add an evidence item and encrypt its file into the vault")
    add.add_argument("case_id", type=int, metavar="CASE_ID")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("--title", required=True, help="what the document is")
    add.add_argument(
        "--category",
        required=True,
        choices=[c.value for c in EvidenceCategory],
        help="the kind of evidence",
    )
    add.add_argument("--language", default="en", help="ISO 639 language code (default en)")
    add.add_argument(
        "--translation",
        choices=[t.value for t in TranslationStatus],
        help="translation status (default: not_needed for English, needed otherwise)",
    )
    listing = actions.add_parser("list", help="a case's exhibits in packet order")
    listing.add_argument("case_id", type=int, metavar="CASE_ID")

    build = commands.add_parser(
        "packet", help="build the court exhibit packet (cover, index, tabs, numbered pages)"
    )
    build.add_argument("case_id", type=int, metavar="CASE_ID")
    build.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="the folder for the packet's PDF parts, made when its parent folder exists (they "
        "are NOT encrypted; existing files are never overwritten)",
    )
    build.add_argument(
        "--max-part-mb",
        type=int,
        metavar="N",
        help=f"largest size of one PDF part, {MIN_PART_MB}-{MAX_PART_MB} MB "
        "(default: the clinic's setting, 25)",
    )
    build.add_argument(
        "--skip-bad",
        action="store_true",
        help="build without files that cannot go in (password-protected, damaged, unsupported); "
        "without it they stop the build",
    )
    build.add_argument(
        "--tabs", choices=[s.value for s in TabStyle], help="tab labels A, B, C or 1, 2, 3"
    )
    build.add_argument(
        "--bates-prefix", metavar="PREFIX", help="print page numbers as PREFIX000001"
    )
    build.add_argument("--title", help="the title on the cover page")


def cmd_evidence(args: argparse.Namespace, out: TextIO) -> int:
    if args.evidence_command == "add":
        return _add(args, out)
    return _list(args, out)


def _add(args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.file
    if not path.is_file():
        raise UsageError(_("{path} is not a file.", path=path))
    language = args.language.strip().lower()
    translation = (
        TranslationStatus(args.translation)
        if args.translation
        else (TranslationStatus.NOT_NEEDED if language == "en" else TranslationStatus.NEEDED)
    )
    draft = EvidenceDraft(
        title=args.title,
        category=EvidenceCategory(args.category),
        language=language,
        translation=translation,
        status=EvidenceStatus.RECEIVED,
    )
    store = open_for_command(args)
    try:
        try:
            added = evidence.add_evidence(
                store=store, case_id=CaseId(args.case_id), evidence=draft, today=date.today()
            )
        except LookupError as exc:
            raise UsageError(reason(exc)) from None
        if not added.ok:
            raise UsageError("; ".join(describe_all(added.problems, ui_language())))
        evidence_id = added.unwrap()
        file = evidence.attach_path(store=store, evidence_id=evidence_id, path=path).unwrap()
    finally:
        store.lock()
    print(
        _(
            "Added evidence {id} '{title}' to case {case} with {name} ({size} bytes, encrypted).",
            id=evidence_id,
            title=args.title,
            case=args.case_id,
            name=file.original_name,
            size=file.size,
        ),
        file=out,
    )
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from clinic.services import packet  # noqa: PLC0415 - see the imports

    store = open_for_command(args)
    try:
        try:
            rows = packet.exhibit_list(store=store, case_id=CaseId(args.case_id))
        except LookupError as exc:
            raise UsageError(reason(exc)) from None
    finally:
        store.lock()
    if not rows:
        print(_("Case {case} has no evidence with files yet.", case=args.case_id), file=out)
        return EXIT_OK
    from clinic.cli.words import in_line, value_word  # noqa: PLC0415 - see the imports (Babel)

    for row in rows:
        tab = row.label or "—"
        state = "" if row.included else _(" (left out of the packet)")
        files = tr_n("{n} file", "{n} files", row.files)
        print(
            # semicolons: a word may hold a comma ("translated, certified")
            f"{tab:>3}  #{row.evidence_id:<5} {row.title}  [{in_line(value_word(row.category))}; "
            f"{row.language}; {in_line(value_word(row.translation))}; {files}]{state}",
            file=out,
        )
    return EXIT_OK


def _options(args: argparse.Namespace, store: Any) -> packet.PacketOptions:
    """The clinic's packet defaults with this command's choices on top."""
    from clinic.services import packet  # noqa: PLC0415 - see the imports

    changes: dict[str, Any] = {}
    for name, value in (
        ("max_part_mb", args.max_part_mb),
        ("tab_style", TabStyle(args.tabs) if args.tabs is not None else None),
        ("bates_prefix", args.bates_prefix),
        ("title", args.title),
    ):
        if value is not None:
            changes[name] = value
    options = replace(packet.packet_defaults(store=store), **changes)
    problems = options.problems()
    if problems:
        raise UsageError("; ".join(problems) + ".")
    return options


def _file_problem(problem: FileProblem) -> str:
    """A file that cannot go in, and what to do, in the command line's language."""
    from clinic.reports.packet.model import PROBLEM_ADVICE  # noqa: PLC0415 - see the imports

    return _(
        "{file} (exhibit '{title}'): {advice}",
        file=problem.file_name,
        title=problem.exhibit_title,
        advice=_(PROBLEM_ADVICE[problem.kind]),
    )


def _report_problems(check: packet.PacketCheck) -> None:
    print(_("clinic: these files cannot go into the packet:"), file=sys.stderr)
    for problem in check.problems:
        print(f"  - {_file_problem(problem)}", file=sys.stderr)
    print(
        _(
            "clinic: nothing was written. Fix or remove them, or run again with "
            "--skip-bad to build without them."
        ),
        file=sys.stderr,
    )


def _print_build(built: PacketBuild, folder: Path, out: TextIO) -> None:
    for problem in built.omitted:
        print(_("Left out: {what}", what=_file_problem(problem)), file=out)
    for page in built.rasterised:
        print(_("Put in as a picture: {what}", what=page.describe()), file=out)
    print(_("Parts written to {folder}:", folder=folder), file=out)
    pages_word, part_word = _("pages"), _("part")  # outside the f-strings: the extractor sees them
    for part in built.parts:
        print(
            f"  {part.name}  {pages_word} {part.first_page}–{part.last_page}  "
            f"({part.size / 1024 / 1024:.1f} MB)",
            file=out,
        )
    print(_("Exhibits ({pages} pages in all):", pages=built.total_pages), file=out)
    notes = {
        "generated": _(" + certificate of translation (to sign)"),
        "attached": _(" + attached certificate of translation"),
    }
    for entry in built.exhibits:
        parts = ", ".join(str(p) for p in entry.parts)
        print(
            f"  {entry.label:>3}  {pages_word} {entry.page_labels:<15} "
            f"{part_word} {parts:<5} {entry.title}{notes.get(entry.certificate, '')}",
            file=out,
        )
    print(
        _("The PDF parts are not encrypted: keep them with the case file and delete stray copies."),
        file=out,
    )


def cmd_packet(args: argparse.Namespace, out: TextIO) -> int:
    from clinic.services import packet  # noqa: PLC0415 - see the imports

    folder: Path = args.out
    created = False
    if not folder.is_dir():
        if folder.exists() or not folder.parent.is_dir():
            raise UsageError(
                _(
                    "the folder {folder} does not exist and cannot be made there; choose a "
                    "folder inside one that exists.",
                    folder=folder,
                )
            )
        folder.mkdir(mode=0o700)  # made as asked; removed again if nothing goes into it
        created = True
    case_id = CaseId(args.case_id)
    store = open_for_command(args)
    try:
        options = _options(args, store)
        try:
            check = packet.check_packet(
                store=store, case_id=case_id, options=options, today=date.today()
            )
            for warning in check.warnings:
                print(_("clinic: note: {warning}", warning=warning), file=sys.stderr)
            if check.problems and not args.skip_bad:
                _report_problems(check)
                return EXIT_OTHER
            built = packet.build_packet(
                store=store,
                case_id=case_id,
                folder=folder,
                options=options,
                today=date.today(),
                skip_bad=args.skip_bad,
                check=check,
            ).unwrap()
        except (LookupError, packet.PacketError) as exc:
            raise UsageError(reason(exc)) from None
    finally:
        store.lock()
        if created and not any(folder.iterdir()):
            folder.rmdir()
    _print_build(built, folder, out)
    return EXIT_OK
