"""Exports onto USB sticks: FAT and exFAT have no hard links, and a new file still must never
replace an existing one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from clinic.storage.datadir import write_private_file


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)


@pytest.mark.usefixtures("no_hard_links")
def test_a_new_file_is_written_where_there_are_no_hard_links(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    write_private_file(target, b"%PDF-1.4 data", overwrite=False)
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]  # no temporary left


@pytest.mark.usefixtures("no_hard_links")
def test_an_existing_file_is_never_replaced_where_there_are_no_hard_links(tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    target.write_bytes(b"the attorney's signed copy")
    with pytest.raises(FileExistsError):
        write_private_file(target, b"new", overwrite=False)
    assert target.read_bytes() == b"the attorney's signed copy"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]
