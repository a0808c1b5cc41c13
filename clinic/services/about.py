"""What "About Clinic" and "Data folder" in the Help menu show: versions and where data lives."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import sqlcipher3

import clinic
from clinic.storage.store import Store

# The libraries whose versions matter when a clinic reports a problem.
LIBRARIES = ("SQLAlchemy", "reportlab", "pypdf", "cryptography", "keyring", "pypdfium2")


@dataclass(frozen=True)
class About:
    clinic_version: str
    components: tuple[tuple[str, str], ...]  # (name, version), Python and the libraries
    data_dir: Path | None


def about(*, store: Store | None) -> About:
    """Versions of Clinic, Python, SQLCipher, SQLite and the main libraries (a missing library
    is listed as such), and the open store's data folder."""
    parts: list[tuple[str, str]] = [("Python", platform.python_version())]
    if store is not None and not store.locked:
        connection = store.raw_connection()
        try:
            parts.append(
                ("SQLCipher", str(connection.execute("PRAGMA cipher_version").fetchone()[0]))
            )
        finally:
            connection.close()
    parts.append(("SQLite", sqlcipher3.sqlite_version))
    for name in LIBRARIES:
        try:
            parts.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            continue
    return About(
        clinic_version=clinic.__version__,
        components=tuple(parts),
        data_dir=None if store is None else store.datadir.root,
    )
