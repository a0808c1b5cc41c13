"""The evidence files of a packet: checked once, the usable ones chosen, and read ahead.

The check pass (:func:`check_files`) opens every file in memory to count its pages and to find
the ones that cannot go in; :func:`usable_exhibits` keeps the files the build can use; the build
reads them in order through :class:`Prefetch`. A file that fails later, while its pages are
placed, raises :class:`FileFailed` and the build starts again without it.
"""

from __future__ import annotations

import hashlib
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from clinic.reports.packet.model import (
    Cancelled,
    ExhibitSource,
    FileProblem,
    FileRole,
    PacketCancelled,
    PacketError,
    PacketRequest,
    Preflight,
    ProblemKind,
    ReadFile,
    SourceFile,
)
from clinic.reports.packet.sources import (
    Kind,
    Photo,
    SourceProblem,
    page_count,
    prepare_photo,
    sniff,
)

CHECK_AHEAD = 4  # photos being checked (decoded) by worker threads at once


def check_files(
    request: PacketRequest, read: ReadFile, cancelled: Cancelled | None = None
) -> Preflight:
    """Open every file once: its page count, or why it cannot go in (nothing is kept but the
    SHA-256 of each PDF that passed: the build checks bytes that differ again).

    Files are read on the calling thread (the store is not shared) and PDFs checked there
    (PDFium is not thread-safe); photos are decoded by two worker threads meanwhile (Pillow
    releases the GIL), at most :data:`CHECK_AHEAD` at once. Results are taken in file order."""
    pages: dict[int, int] = {}
    problems: list[FileProblem] = []
    digests: dict[int, bytes] = {}
    waiting: deque[tuple[ExhibitSource, SourceFile, Future[int]]] = deque()

    def settle(exhibit: ExhibitSource, source: SourceFile, counted: Future[int]) -> None:
        try:
            pages[source.file_id] = counted.result()
        except Exception as exc:
            problems.append(file_problem(exhibit, source, exc))

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="packet-check")
    try:
        for exhibit in request.exhibits:
            for source in exhibit.files:
                if cancelled is not None and cancelled():
                    raise PacketCancelled()
                counted: Future[int] = Future()
                try:
                    data = read(source.file_id)
                    if sniff(data) in (Kind.JPEG, Kind.PNG):
                        counted = pool.submit(page_count, data)
                    else:
                        counted.set_result(page_count(data))
                        if sniff(data) is Kind.PDF:
                            digests[source.file_id] = hashlib.sha256(data).digest()
                except Exception as exc:
                    counted.set_exception(exc)
                waiting.append((exhibit, source, counted))
                while waiting and (len(waiting) > CHECK_AHEAD or waiting[0][2].done()):
                    settle(*waiting.popleft())
        while waiting:
            settle(*waiting.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return Preflight(pages, tuple(problems), digests)


def file_problem(exhibit: ExhibitSource, source: SourceFile, exc: BaseException) -> FileProblem:
    """What went wrong with one file: its own kind for a :class:`SourceProblem`, else damaged
    with the exception named (any exception type: pypdf's, Pillow's, ``RecursionError``,
    ``MemoryError``...)."""
    if isinstance(exc, SourceProblem):
        kind, detail = exc.kind, exc.detail
    else:
        text = str(exc).strip().splitlines()[0][:160] if str(exc).strip() else ""
        kind, detail = ProblemKind.DAMAGED, f"{type(exc).__name__}: {text}".rstrip(": ")
    return FileProblem(
        exhibit.evidence_id, exhibit.title, source.file_id, source.name, kind, detail
    )


class FileFailed(Exception):
    """One file failed while its pages were being placed (after the check pass had accepted
    it): the build starts again without it."""

    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


@dataclass
class Exhibit:
    """An exhibit as the build places it: its usable documents and certificates of
    translation, whether a certificate is generated for it, and their pages."""

    source: ExhibitSource
    documents: list[SourceFile]
    certificates: list[SourceFile]
    generated_certificate: bool
    document_pages: int
    certificate_pages: int


def usable_exhibits(
    request: PacketRequest, preflight: Preflight, skip: frozenset[int]
) -> tuple[list[Exhibit], tuple[FileProblem, ...]]:
    """The exhibits with their usable files, and the files left out (``skip``). A problem not
    in ``skip``, or no exhibit left with a usable file, is a :class:`PacketError`."""
    unresolved = [p for p in preflight.problems if p.file_id not in skip]
    if unresolved:
        raise PacketError(
            "These files cannot go into the packet: " + "; ".join(p.describe() for p in unresolved)
        )
    omitted = tuple(p for p in preflight.problems if p.file_id in skip)
    bad = {p.file_id for p in preflight.problems}
    exhibits: list[Exhibit] = []
    for source in request.exhibits:
        documents = [
            f for f in source.files if f.role is FileRole.DOCUMENT and f.file_id not in bad
        ]
        certificates = [
            f for f in source.files if f.role is FileRole.CERTIFICATE and f.file_id not in bad
        ]
        if not documents:
            continue  # every file of it was bad (and is listed in omitted)
        generated = not certificates and source.certificate_language is not None
        exhibits.append(
            Exhibit(
                source,
                documents,
                certificates,
                generated,
                sum(preflight.pages[f.file_id] for f in documents),
                sum(preflight.pages[f.file_id] for f in certificates) + (1 if generated else 0),
            )
        )
    if not exhibits:
        left_out = "".join(f" Left out: {p.describe()}." for p in omitted)
        raise PacketError(
            "There is nothing to put in the packet: no exhibit has a usable file. Attach "
            "files to the evidence items (PDF, JPEG or PNG) first." + left_out
        )
    return exhibits, omitted


PREFETCH = 4  # files read and (photos) prepared ahead of the one being stamped


class Prefetch:
    """Files in build order, read (on the calling thread: the store is not shared) a few ahead,
    with photos decoded, scaled and re-encoded by worker threads meanwhile (Pillow releases the
    GIL), so a two-core laptop stamps PDF pages while the next photos are prepared. At most
    :data:`PREFETCH` files are held at once."""

    def __init__(self, read: ReadFile, order: list[int]) -> None:
        self.read = read
        self.order = order
        self.next = 0
        self.ready: dict[int, Future[Photo] | bytes | SourceProblem] = {}
        self.originals: dict[int, bytes] = {}  # a photo's file as attached, for its check
        self.last_original = b""  # that of the photo :meth:`get` returned last
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="packet-photo")

    def get(self, position: int) -> bytes | Photo:
        """The file at ``position`` in the order: PDF bytes, or the prepared photo."""
        while self.next < len(self.order) and self.next <= position + PREFETCH:
            file_id = self.order[self.next]
            try:
                data = self.read(file_id)
            except SourceProblem as exc:
                self.ready[self.next] = exc
            else:
                if sniff(data) is Kind.PDF:
                    self.ready[self.next] = data
                else:
                    self.ready[self.next] = self.pool.submit(prepare_photo, data)
                    self.originals[self.next] = data
            self.next += 1
        value = self.ready.pop(position)
        self.last_original = self.originals.pop(position, b"")
        if isinstance(value, SourceProblem):
            raise value
        if isinstance(value, Future):
            return value.result()
        return value

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.ready.clear()
        self.originals.clear()
        self.last_original = b""
