"""The canary sweep of issue 16's acceptance: after a scripted run, every file on this computer
changed since the run began is searched for a client's name.

    canary = Canary.new()               # a random name no other program on the machine holds
    start = time.time()
    ... the run, with ``canary.name`` in the client data ...
    found = sweep(canary, since=start, skip=[test inputs])
    assert {f.path for f in found} <= files the user asked to export

What is walked: the whole file tree from ``/`` (every mount point, ``/dev/shm`` too), except
``/proc``, ``/sys`` and ``/dev`` (kernel views, not files a program leaves) and read-only mounts
(nothing written during the run can be on them). Every directory is listed — a directory's time
says nothing about its files' times — and every entry whose modification or change time is at or
after the start (less a second of clock slack) is checked; everything else is left unread.

How a file is searched, so that an ordinary encoding cannot hide the name:
- its path (any part of it: a file or folder named after the client; symlink targets too);
- its bytes, case-folded, for the name and for its random ASCII core alone (which survives
  accents being dropped or transliterated), each as UTF-8, UTF-16LE, UTF-16BE and URL-encoded
  (``%C3%B1``, either case of hex), and in Unicode's decomposed form (NFD);
- inside ZIP files (``.xlsx``, ``.docx``, anything starting ``PK``): every member's name and
  inflated bytes, nested ZIPs too; inside gzip files, the inflated bytes;
- inside PDFs: every Flate-compressed stream inflated, and the text poppler's ``pdftotext``
  extracts (PDF text is drawn with font glyph codes, so the bytes alone never show a name).

Not searched: text drawn in images (screenshots, thumbnails' pixels), files deleted before the
sweep, memory. Encrypted files (the store, the vault, backups, ``.cliniccase``) are searched
like any other: they must not show the name.
"""

from __future__ import annotations

import gzip
import io
import itertools
import os
import re
import secrets
import shutil
import stat
import string
import subprocess
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SKIPPED_TREES = ("/proc", "/sys", "/dev")
EXTRA_ROOTS = ("/dev/shm",)  # under /dev but a file system programs write files to
CLOCK_SLACK_NS = 1_000_000_000  # the kernel stamps files with a coarse clock
CHUNK = 8 * 1024 * 1024
FEED = 256 * 1024  # compressed bytes given to zlib at a time
MAX_NESTING = 4
MAX_INFLATED = 256 * 1024 * 1024  # per member or stream: a sweep never inflates a bomb whole


@dataclass(frozen=True)
class Canary:
    """A client name for one run: ``core`` is random ASCII letters, ``name`` adds an accented
    ending, so the name's non-ASCII forms are searched too."""

    core: str

    @staticmethod
    def new() -> Canary:
        letters = "".join(secrets.choice(string.ascii_lowercase) for _ in range(10))
        return Canary("Qx" + letters)

    @property
    def name(self) -> str:
        return self.core + "ñez"

    def needles(self) -> tuple[bytes, ...]:
        """Lower-case byte forms; files are lower-cased (ASCII) before they are searched."""
        texts = {self.core.lower()}
        for form in (self.name, self.name.lower(), self.name.casefold()):
            texts.add(form.lower())
            texts.add(unicodedata.normalize("NFD", form).lower())
        found: set[bytes] = set()
        for text in texts:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found.add(text.encode(encoding).lower())
            found.add(quote(text).encode().lower())
            found.add(quote(text, encoding="latin-1", errors="ignore").encode().lower())
            found.add(text.encode("cp1252", "ignore").lower())
        return tuple(sorted(found, key=len))

    def in_text(self, text: str) -> bool:
        folded = unicodedata.normalize("NFC", text).casefold()
        return self.core.casefold() in folded or self.name.casefold() in folded


@dataclass(frozen=True)
class Hit:
    path: Path
    where: str  # "name", "content", "zip member X", "pdf text", "inflated stream" …

    def __str__(self) -> str:
        return f"{self.path} ({self.where})"


@dataclass
class Sweep:
    """What one sweep looked at: the hits, and counts that show it looked at all."""

    hits: list[Hit] = field(default_factory=list)
    entries_seen: int = 0
    files_read: int = 0
    bytes_read: int = 0
    unreadable: list[str] = field(default_factory=list)
    undecoded: list[str] = field(default_factory=list)  # searched as bytes only (see why)
    seconds: float = 0.0

    def paths(self) -> set[Path]:
        return {hit.path for hit in self.hits}

    def outside(self, allowed: Iterable[Path]) -> list[Hit]:
        """Hits in files (or under folders) not in ``allowed``."""
        roots = [Path(os.path.realpath(a)) for a in allowed]
        return [
            hit
            for hit in self.hits
            if not any(hit.path == a or a in hit.path.parents for a in roots)
        ]


class _Searcher:
    def __init__(self, canary: Canary) -> None:
        self.canary = canary
        self.needles = canary.needles()
        self.overlap = max(len(n) for n in self.needles)

    def holds(self, data: bytes) -> bool:
        lowered = data.lower()
        return any(needle in lowered for needle in self.needles)

    def stream_holds(self, chunks: Iterable[bytes]) -> bool:
        tail = b""
        for chunk in chunks:
            window = tail + chunk
            if self.holds(window):
                return True
            tail = window[-self.overlap :]
        return False


def _read_chunks(handle: io.BufferedIOBase, limit: int) -> Iterator[bytes]:
    total = 0
    while total < limit:
        chunk = handle.read(CHUNK)
        if not chunk:
            return
        total += len(chunk)
        yield chunk


def _zip_hits(searcher: _Searcher, path: Path, source: str | io.BytesIO, depth: int) -> list[str]:
    found: list[str] = []
    try:
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                if searcher.canary.in_text(info.filename):
                    found.append(f"zip member name {info.filename}")
                if info.is_dir() or info.flag_bits & 0x1:  # encrypted members stay closed
                    continue
                with archive.open(info) as member:
                    head = member.read(CHUNK)
                    rest = _read_chunks(member, MAX_INFLATED)  # type: ignore[arg-type]
                    if searcher.stream_holds(itertools.chain([head], rest)):
                        found.append(f"zip member {info.filename}")
                if head.startswith(b"PK\x03\x04") and depth < MAX_NESTING:
                    with archive.open(info) as member:
                        inner = io.BytesIO(member.read(MAX_INFLATED))
                    found += [
                        f"{info.filename} > {where}"
                        for where in _zip_hits(searcher, path, inner, depth + 1)
                    ]
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, zlib.error, NotImplementedError):
        return found
    return found


_STREAM = re.compile(rb"stream\r?\n")
PDFTOTEXT_SECONDS = 15


def _inflated_holds(searcher: _Searcher, data: memoryview, at: int) -> bool:
    """Whether a Flate stream starting at ``at`` holds the canary (a stream that is not
    Flate stops at its first bytes)."""
    inflater = zlib.decompressobj()
    tail, total, position = b"", 0, at
    while position < len(data) and not inflater.eof and total < MAX_INFLATED:
        pending: bytes | memoryview = data[position : position + FEED]
        position += len(pending)
        while pending and total < MAX_INFLATED:
            try:
                piece = inflater.decompress(pending, CHUNK)
            except zlib.error:
                return False
            if searcher.holds(tail + piece):
                return True
            total += len(piece)
            tail = (tail + piece)[-searcher.overlap :]
            pending = inflater.unconsumed_tail
            if inflater.eof or not piece:
                break
    return False


def _pdf_hits(searcher: _Searcher, path: Path, data: bytes, result: Sweep) -> list[str]:
    found: list[str] = []
    view = memoryview(data)
    if any(_inflated_holds(searcher, view, m.end()) for m in _STREAM.finditer(data)):
        found.append("inflated PDF stream")
    tool = shutil.which("pdftotext")
    if tool is None:
        result.undecoded.append(f"{path}: pdftotext is not installed")
        return found
    try:
        text = subprocess.run(
            [tool, "-q", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            timeout=PDFTOTEXT_SECONDS,
            check=False,
        ).stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        result.undecoded.append(f"{path}: pdftotext took over {PDFTOTEXT_SECONDS} s")
        return found
    if searcher.canary.in_text(text):
        found.append("PDF text (pdftotext)")
    return found


def _content_hits(searcher: _Searcher, path: Path, result: Sweep) -> list[str]:
    found: list[str] = []
    try:
        with path.open("rb") as handle:
            head = handle.read(CHUNK)
            size = len(head)
            held = searcher.holds(head)
            if not held and len(head) == CHUNK:
                tail = head[-searcher.overlap :]
                for chunk in _read_chunks(handle, 1 << 62):
                    size += len(chunk)
                    if searcher.holds(tail + chunk):
                        held = True
                        break
                    tail = chunk[-searcher.overlap :]
    except OSError as exc:
        result.unreadable.append(f"{path}: {exc.strerror or exc}")
        return found
    result.files_read += 1
    result.bytes_read += size
    if held:
        found.append("content")
    if head.startswith(b"PK\x03\x04"):
        found += _zip_hits(searcher, path, str(path), 0)
    elif head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(path, "rb") as inflated:
                if searcher.stream_holds(_read_chunks(inflated, MAX_INFLATED)):
                    found.append("gzip content")
        except (OSError, EOFError, zlib.error):
            pass
    elif head.startswith(b"%PDF") and not held:
        found += _pdf_hits(searcher, path, path.read_bytes(), result)
    return found


def _read_only(path: str) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _walk(root: str, skip: tuple[str, ...]) -> Iterator[os.DirEntry[str]]:
    """Every entry under ``root``, depth first, never following symlinks, leaving out the
    skipped trees and read-only mounts."""
    stack = [(root, os.lstat(root).st_dev)]
    while stack:
        folder, device = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.path in skip:
                continue
            yield entry
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
                here = entry.stat(follow_symlinks=False).st_dev
            except OSError:
                continue
            if here != device and _read_only(entry.path):
                continue
            stack.append((entry.path, here))


def sweep(
    canary: Canary,
    *,
    since: float,
    skip: Iterable[Path] = (),
    roots: Iterable[str] = ("/", *EXTRA_ROOTS),
    skipped_trees: Iterable[str] = SKIPPED_TREES,
) -> Sweep:
    """Search every file changed at or after ``since`` (a :func:`time.time` value) under
    ``roots`` for the canary. ``skip`` names the test's own inputs (files or folders)."""
    began = time.monotonic()
    searcher = _Searcher(canary)
    result = Sweep()
    threshold = int(since * 1e9) - CLOCK_SLACK_NS
    skipped = tuple(os.path.realpath(p) for p in (*skipped_trees, *map(str, skip)))
    contents: dict[tuple[int, int], list[str]] = {}
    for root in roots:
        if not os.path.isdir(root):
            continue
        trees = tuple(s for s in skipped if not (root == s or root.startswith(s + os.sep)))
        for entry in _walk(root, trees):
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            result.entries_seen += 1
            if max(info.st_mtime_ns, info.st_ctime_ns) < threshold:
                continue
            path = Path(entry.path)
            if canary.in_text(entry.path):
                result.hits.append(Hit(path, "name"))
            if stat.S_ISLNK(info.st_mode):
                try:
                    if canary.in_text(os.readlink(entry.path)):
                        result.hits.append(Hit(path, "symlink target"))
                except OSError:
                    pass
            elif stat.S_ISREG(info.st_mode):
                # A file with several names (hard links) is read once; each name is reported.
                inode = (info.st_dev, info.st_ino)
                if inode not in contents:
                    contents[inode] = _content_hits(searcher, path, result)
                result.hits += [Hit(path, where) for where in contents[inode]]
    result.seconds = time.monotonic() - began
    return result
