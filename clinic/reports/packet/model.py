"""Plain data the packet builder takes and returns (the service fills it from the database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from clinic.domain.i18n import N_
from clinic.domain.packet_layout import TabStyle

# Reads one evidence file's decrypted bytes by its id (in memory; never a path).
ReadFile = Callable[[int], bytes]
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class FileRole(StrEnum):
    DOCUMENT = "document"
    CERTIFICATE = "certificate"  # an attached translation certificate, placed after the document


@dataclass(frozen=True)
class SourceFile:
    file_id: int
    name: str  # the original file name, shown in problem reports
    role: FileRole = FileRole.DOCUMENT


@dataclass(frozen=True)
class ExhibitSource:
    evidence_id: int
    title: str
    files: tuple[SourceFile, ...]
    # A generated translator's certificate goes after the document when this is set (the item
    # is marked translated and no certificate file is attached).
    certificate_language: str | None = None


@dataclass(frozen=True)
class CoverData:
    respondent: str
    a_number: str
    detained: bool
    judge: str
    court: str
    next_hearing: str  # "March 3, 2027 at 9:00 AM" or "none scheduled"
    title: str
    preparer: str  # the attorney or representative
    clinic_name: str
    letterhead: str
    # "immigration_court" (removal proceedings caption) or "asylum_office": an affirmative
    # case's packet is captioned for the USCIS asylum office, never as removal proceedings.
    forum: str = "immigration_court"


@dataclass(frozen=True)
class ServiceData:
    title: str
    respondent: str
    a_number: str
    dhs_address: str
    method: str
    signer: str


@dataclass(frozen=True)
class PacketRequest:
    cover: CoverData
    service: ServiceData
    exhibits: tuple[ExhibitSource, ...]
    style: TabStyle = TabStyle.LETTERS
    bates_prefix: str = ""
    max_part_bytes: int = 25 * 1024 * 1024
    family_name: str = ""
    a_number: str | None = None
    case_id: int = 0


class ProblemKind(StrEnum):
    PASSWORD = "password"  # noqa: S105 - a kind of problem, not a secret
    DAMAGED = "damaged"
    UNSUPPORTED = "unsupported"
    EMPTY = "empty"
    UNREADABLE = "unreadable"  # missing or damaged in the vault
    TOO_LARGE = "too_large"  # a picture past Pillow's decompression-bomb limit
    BOMB = "bomb"  # a PDF stream that would inflate past the decoding bound (bounds.py)
    XFA_DYNAMIC = "xfa_dynamic"  # its pages are only a "requires Adobe Reader" placeholder


PROBLEM_ADVICE = {
    ProblemKind.PASSWORD: N_(
        "the PDF is password-protected; open it, save or print it as a new PDF "
        "without a password, and attach that instead"
    ),
    ProblemKind.DAMAGED: N_(
        "the file is damaged or incomplete and cannot be read; attach a good "
        "copy (scan or save it again)"
    ),
    ProblemKind.UNSUPPORTED: N_(
        "this kind of file cannot go into a packet; convert it to PDF, JPEG or PNG and attach that"
    ),
    ProblemKind.EMPTY: N_(
        "the file is empty (0 bytes) or the PDF has no pages; attach a complete "
        "copy of the document"
    ),
    ProblemKind.TOO_LARGE: N_(
        "the picture has too many pixels to open safely (over about 180 "
        "megapixels); save a smaller copy of it (for example at half the size) and attach that"
    ),
    ProblemKind.BOMB: N_(
        "the PDF holds a picture or stream that would take more than 256 MB of "
        "memory to open (a 'decompression bomb'); it was not opened. Ask the sender for a normal "
        "copy, or scan or print the paper document to a new PDF and attach that"
    ),
    ProblemKind.XFA_DYNAMIC: N_(
        "this is a dynamic XFA form (Adobe LiveCycle / AEM Forms): outside "
        "Adobe Reader its pages show only a 'please wait' or 'requires Adobe Reader' message. Open it "
        "in Adobe Acrobat Reader, print it to a PDF printer (for example 'Microsoft Print to PDF'), "
        "check that the printed PDF shows the filled-in form, and attach that PDF instead"
    ),
    ProblemKind.UNREADABLE: N_(
        "the encrypted copy in the vault is missing or damaged; restore it "
        "from a backup ('clinic doctor' lists such files)"
    ),
}


@dataclass(frozen=True)
class FileProblem:
    evidence_id: int
    exhibit_title: str
    file_id: int
    file_name: str
    kind: ProblemKind
    detail: str = ""

    @property
    def reason(self) -> str:
        return PROBLEM_ADVICE[self.kind]

    def describe(self) -> str:
        return f"{self.file_name} (exhibit '{self.exhibit_title}'): {self.reason}"


@dataclass(frozen=True)
class Preflight:
    """Page counts per file id, and every file that cannot go in; the SHA-256 of each PDF that
    passed, so that the build does not check the same bytes twice (bytes that differ from the
    checked ones are checked again)."""

    pages: dict[int, int]
    problems: tuple[FileProblem, ...]
    digests: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class ExhibitMapEntry:
    evidence_id: int
    label: str
    title: str
    tab_page: int
    first_page: int
    last_page: int
    parts: tuple[int, ...]
    page_labels: str  # "5–12" or with the Bates prefix
    certificate: str  # "generated", "attached" or ""


@dataclass(frozen=True)
class PartInfo:
    number: int
    name: str
    size: int
    first_page: int
    last_page: int


@dataclass(frozen=True)
class RasterisedPage:
    """A packet page that failed verification and was rebuilt from a drawing of its source
    page (what the court sees is what the source shows; its text is no longer searchable)."""

    label: str  # the packet page number as printed ("12" or "KOV000012")
    exhibit_title: str
    file_name: str
    source_page: int  # 1-based page of the source file
    reason: str

    def describe(self) -> str:
        return (
            f"page {self.label} ({self.file_name}, page {self.source_page}, exhibit "
            f"'{self.exhibit_title}') was put in as a picture of the source page: {self.reason}"
        )


@dataclass(frozen=True)
class PacketBuild:
    parts: tuple[PartInfo, ...]
    exhibits: tuple[ExhibitMapEntry, ...]
    total_pages: int
    omitted: tuple[FileProblem, ...] = field(default=())
    rasterised: tuple[RasterisedPage, ...] = field(default=())


class PartSink(Protocol):
    """Where finished parts go (the service writes them into the chosen folder)."""

    def write_part(self, name: str, data: bytes) -> None: ...

    def discard(self) -> None:
        """Forget every part written so far (the build starts again without a bad file)."""


class PacketCancelled(Exception):
    """The user cancelled; nothing was kept."""


class PacketError(Exception):
    """The packet cannot be built as asked (the message says why and what to do)."""
