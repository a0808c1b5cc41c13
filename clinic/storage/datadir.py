"""Where a store lives on disk, and how its files are created (owner-only, atomically)."""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Clinic"
ENV_DATA_DIR = "CLINIC_DATA_DIR"
SQLITE_HEADER = b"SQLite format 3\x00"
# Files a desktop leaves in any folder it shows; they do not make a folder "not empty".
OS_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})


def default_data_dir() -> Path:
    """The per-user data folder, unless ``CLINIC_DATA_DIR`` says otherwise."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


@dataclass(frozen=True)
class DataDir:
    """The files of one store. Only ``database`` (+ -wal/-shm) and ``vault`` hold client data,
    and both are encrypted; ``meta`` and ``wrapped_key`` hold no secret in the clear."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "clinic.db"

    @property
    def meta(self) -> Path:
        return self.root / "store.json"

    @property
    def wrapped_key(self) -> Path:
        return self.root / "key.json"

    @property
    def vault(self) -> Path:
        return self.root / "vault"

    @property
    def audit_head(self) -> Path:
        return self.root / "audit-head.json"

    @property
    def safety_copies(self) -> Path:
        return self.root / "safety-copies"

    def sidecars(self) -> list[Path]:
        return [Path(f"{self.database}-wal"), Path(f"{self.database}-shm")]

    def has_database(self) -> bool:
        return self.database.exists()

    def store_files(self) -> list[Path]:
        """Every file or folder in the data folder: a first run needs none (see below)."""
        if not self.root.is_dir():
            return [self.root] if self.root.exists() else []
        return sorted(p for p in self.root.iterdir() if p.name not in OS_LITTER)

    def is_empty_or_absent(self) -> bool:
        """The only folder a new store is made in: absent, or empty (the litter desktops
        leave in any folder aside). Anything else there means a store existed or another
        program's files are there; neither is a first run."""
        return not self.store_files()

    def ensure_root(self) -> None:
        make_private_dir(self.root)


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(PermissionError):
        path.chmod(0o700)


def write_private_file(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` atomically: temporary name in the same folder, fsync, rename, fsync dir."""
    if not overwrite and path.exists():
        raise FileExistsError(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            move_into_place(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def move_into_place(src: Path, dst: Path) -> None:
    """Give a finished temporary file its final name without ever replacing an existing file
    (raises FileExistsError if ``dst`` exists). A hard link does it atomically; on file systems
    without hard links (FAT and exFAT USB sticks) the name is reserved with an exclusive create
    and the file renamed over that empty reservation."""
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError:
        fd = os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        os.replace(src, dst)
        return
    src.unlink()


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def looks_like_plain_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
