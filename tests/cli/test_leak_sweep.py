"""The canary sweep itself (tests/leak_sweep.py) finds a client name planted in each form it
claims to search, leaves out what it claims to leave out, and reports nothing on clean files.
Without this, a sweep that found nothing could be a sweep that looked at nothing."""

from __future__ import annotations

import gzip
import io
import os
import time
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from reportlab.pdfgen import canvas

from clinic.reports import fonts
from tests.leak_sweep import Canary, Hit, sweep

pytestmark = pytest.mark.requires_tool("pdftotext", "poppler-utils")


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pdf_with_text(text: str) -> bytes:
    """A PDF drawing ``text`` in an embedded subset TrueType font (glyph codes, compressed), as
    the app's reports do: the name is in no byte of the file."""
    fonts.register_fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=1)
    page.setFont(fonts.SANS, 12)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def plant(folder: Path, canary: Canary) -> dict[str, Path]:
    name = canary.name
    files = {
        "utf8": ("notes.txt", f"client: {name}".encode()),
        "upper": ("upper.txt", f"CLIENT: {name.upper()}".encode()),
        "utf16le": ("recent.dat", f"<{name}>".encode("utf-16-le")),
        "utf16be": ("be.dat", b"\xfe\xff" + name.encode("utf-16-be")),
        "url": ("recently-used.xbel", f"file:///home/u/Clients/{quote(name)}/".encode()),
        "url-lower-hex": ("lower.xbel", quote(name).lower().encode()),
        "nfd": ("nfd.txt", unicodedata.normalize("NFD", name).encode()),
        "latin1": ("legacy.ini", name.encode("latin-1")),
        "core-only": ("ascii.log", f"{canary.core}nez".encode()),  # accent dropped
        "zip": ("export.xlsx", zipped({"xl/sharedStrings.xml": f"<t>{name}</t>".encode()})),
        "zip-name": ("names.zip", zipped({f"Clients/{name}/a.txt": b"-"})),
        "nested-zip": ("outer.zip", zipped({"inner.zip": zipped({"x.xml": name.encode()})})),
        "gzip": ("cache.gz", gzip.compress(f"row {name}".encode() * 50)),
        "pdf": ("report.pdf", pdf_with_text(f"Client: {name}")),
        "big": ("big.bin", os.urandom(9 * 1024 * 1024) + name.encode()),  # past the first chunk
    }
    paths = {}
    for key, (file_name, data) in files.items():
        path = folder / key / file_name
        path.parent.mkdir()
        path.write_bytes(data)
        paths[key] = path
    named = folder / "by-name" / f"Clients/{name}"
    named.mkdir(parents=True)
    (named / "scan.jpg").write_bytes(b"\xff\xd8 no name inside")
    paths["folder-name"] = named
    return paths


def test_every_planted_form_is_found_and_nothing_else(tmp_path: Path) -> None:
    canary = Canary.new()
    old = tmp_path / "old"
    old.mkdir()
    (old / "before.txt").write_text(f"written before the start: {canary.name}")
    time.sleep(2.2)  # past the sweep's second of clock slack
    start = time.time()
    new = tmp_path / "new"
    new.mkdir()
    planted = plant(new, canary)
    clean = new / "clean"
    clean.mkdir()
    (clean / "other.txt").write_text("client: Núñez Castillo, Qxother")
    (clean / "other.pdf").write_bytes(pdf_with_text("Client: Gómez Peña"))
    (clean / "other.zip").write_bytes(zipped({"a.xml": b"<t>Gomez</t>"}))
    linked = new / "linked"  # a second name for a planted file, elsewhere: reported too
    linked.mkdir()
    os.link(planted["utf8"], linked / "hard-link.txt")
    planted["hard-link"] = linked / "hard-link.txt"
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / f"{canary.name}.csv").write_text(canary.name)

    result = sweep(canary, since=start, skip=[inputs], roots=[str(tmp_path)])

    found = result.paths()
    missed = {key: path for key, path in planted.items() if path not in found}
    assert not missed, f"not found: {missed}\nfound: {result.hits}"
    assert Hit(planted["folder-name"], "name") in result.hits
    assert Hit(planted["pdf"], "PDF text (pdftotext)") in result.hits
    assert planted["pdf"].read_bytes().find(canary.core.encode()) == -1  # only its text shows it
    assert any(h.path == planted["zip"] and "zip member" in h.where for h in result.hits)
    assert not [p for p in found if clean in p.parents], result.hits
    assert not [p for p in found if old in p.parents or inputs in p.parents], result.hits
    assert result.outside([new]) == []
    assert {h.path for h in result.outside([planted["pdf"], planted["zip"]])} == found - {
        planted["pdf"],
        planted["zip"],
    }


def test_the_canary_is_random_and_its_needles_cover_its_forms() -> None:
    one, two = Canary.new(), Canary.new()
    assert one.core != two.core
    needles = one.needles()
    assert one.core.lower().encode("utf-16-le") in needles
    assert one.core.lower().encode("utf-16-be") in needles
    assert quote(one.name.lower()).lower().encode() in needles
    assert one.in_text(f"x {one.name.upper()} y") and not two.in_text(one.name)
