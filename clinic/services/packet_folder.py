"""Writing a packet's parts into the folder the user chose: under hidden temporary names until
every part is done, then linked to their final names (never over an existing file); a folder that
already holds this case's parts stops the build, and leftovers of a killed build are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

from clinic.reports.packet import (
    PacketError,
)
from clinic.services.packet_request import PacketCheck
from clinic.storage.datadir import fsync_dir, move_into_place


def existing_packet_files(folder: Path, check: PacketCheck) -> list[Path]:
    """Packet parts of this case already in ``folder`` (a new packet never mixes with them)."""
    prefix = check.file_prefix()
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".pdf")
    )


def remove_stale_temporaries(folder: Path, check: PacketCheck) -> list[str]:
    """Delete this case's hidden part files left in ``folder`` by a build that was killed
    before it could clean up (they hold plaintext evidence); returns their names. Only names of
    exactly the form :class:`FolderSink` writes are touched."""
    pattern = re.compile(r"\." + re.escape(check.file_prefix()) + r"\d+\.pdf\.[0-9a-f]{12}\.tmp")
    removed = []
    for path in folder.iterdir():
        if pattern.fullmatch(path.name) and path.is_file():
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path.name)
    return removed


class FolderSink:
    """Parts go into the chosen folder under hidden temporary names until all are done."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: list[tuple[Path, Path]] = []

    def write_part(self, name: str, data: bytes) -> None:
        final = self.folder / name
        tmp = self.folder / f".{name}.{secrets.token_hex(6)}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.pending.append((tmp, final))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    def commit(self) -> list[Path]:
        linked: list[Path] = []
        try:
            for tmp, final in sorted(self.pending, key=lambda p: p[1].name):
                try:
                    move_into_place(tmp, final)  # never over an existing file
                except FileExistsError:
                    raise PacketError(
                        f"{final.name} appeared in {self.folder} while the packet was being "
                        "built; nothing was written. Move it away or choose another folder."
                    ) from None
                linked.append(final)
        except BaseException:
            for path in linked:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            raise
        finally:
            self.discard()
        fsync_dir(self.folder)
        return linked

    def discard(self) -> None:
        for tmp, _ in self.pending:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        self.pending = []
