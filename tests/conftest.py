"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import NoReturn

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from clinic.services import language
from clinic.storage import keys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The staff language is a per-user preference outside the store, and "system" follows the
# locale: tests never read or write the real preferences, and run in English on a Spanish desktop.
os.environ.setdefault(language.ENV_CONFIG_DIR, tempfile.mkdtemp(prefix="clinic-test-config-"))
# What this computer remembers about its stores (anchors, folders) is per-user state too; the
# XDG variable also covers subprocesses that drop CLINIC_* variables.
_state = tempfile.mkdtemp(prefix="clinic-test-state-")
os.environ.setdefault("CLINIC_STATE_DIR", _state)
os.environ.setdefault("XDG_STATE_HOME", _state)
if language.system_language() != "en":
    os.environ["LANGUAGE"] = "en"

FAST_SCRYPT_N = 2**12

# --- Tools and privileges some tests need (issue 19 § 7) -----------------------------------
# Here a missing tool skips the test that needs it, saying which package brings it; under CI=true
# it fails the run instead, so a CI image without poppler, qpdf, desktop-file-utils or root
# cannot pass by skipping what it was meant to prove. Declare a need with a mark
#     @pytest.mark.requires_tool("pdftotext", "poppler-utils")
#     @pytest.mark.requires_root("to mount a small tmpfs")
# or, inside a test, ``from tests.conftest import require_tool, require_root, missing``.


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing(reason: str) -> NoReturn:
    """Skip the running test because ``reason`` — or fail it under CI=true."""
    if in_ci():
        pytest.fail(
            f"{reason}; CI=true, so this fails instead of skipping "
            "(tools/install-system-deps.sh test installs what the tests need, as root)",
            pytrace=False,
        )
    pytest.skip(reason)


def require_tool(program: str, package: str) -> str:
    """The path of ``program``; when it is not installed, :func:`missing` names ``package``."""
    found = shutil.which(program)
    if found is None:
        missing(f"{program} is not installed (Debian package {package})")
    return found


def require_root(purpose: str) -> None:
    if os.geteuid() != 0:
        missing(f"needs root {purpose}")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "requires_tool(program, package): skip without the program, fail under CI=true",
    )
    config.addinivalue_line(
        "markers", "requires_root(purpose): skip when not root, fail under CI=true"
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    for mark in item.iter_markers("requires_tool"):
        require_tool(*mark.args, **mark.kwargs)
    for mark in item.iter_markers("requires_root"):
        require_root(*mark.args, **mark.kwargs)


class MemoryKeyring(KeyringBackend):
    """An in-memory OS keychain stand-in for unit tests (priority is irrelevant once set)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests wrap keys with a cheap scrypt cost; the cost is stored in each key file."""
    monkeypatch.setattr(keys, "SCRYPT_N", FAST_SCRYPT_N)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Empty the clipboard before the interpreter ends.

    The app never quits inside pytest, so ``aboutToQuit`` (where the clipboard guard clears its
    marked data) never fires; a QMimeData made in Python and still on Qt's clipboard is then
    destroyed by Qt's exit handlers after Python is gone: a SIGSEGV after every test passed
    (CI saw exit 139).
    """
    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415 (only when Qt was loaded)

    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        QGuiApplication.clipboard().clear()
        app.processEvents()
