"""Text copied from the app is marked sensitive, and cleared when the store locks (issue 16 § 6).

Whenever the app puts something on the clipboard (a copy from any field, table or button), the
same data is put back with the hints clipboard managers honour, so it stays out of their
history: ``x-kde-passwordManagerHint: secret`` (Klipper, KDE Connect, and managers that follow
KDE's hint), and on Windows ``ExcludeClipboardContentFromMonitorProcessing`` with
``CanIncludeInClipboardHistory`` and ``CanUploadToCloudClipboard`` set to 0 (Win+V history and
cloud sync). On lock (and at exit) the clipboard is cleared if it still holds what the app put
there; something copied since in another program is left alone.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QMimeData, QObject
from PySide6.QtGui import QClipboard, QGuiApplication

KDE_HINT = "x-kde-passwordManagerHint"
_WINDOWS = 'application/x-qt-windows-mime;value="{}"'
WINDOWS_EXCLUDE = _WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing")
WINDOWS_NO_HISTORY = _WINDOWS.format("CanIncludeInClipboardHistory")
WINDOWS_NO_CLOUD = _WINDOWS.format("CanUploadToCloudClipboard")
_DWORD_ZERO = b"\x00\x00\x00\x00"
# Platforms whose clipboard lives inside this process (no other program can have set it).
_LOCAL_ONLY = frozenset({"offscreen", "minimal"})


class SensitiveClipboard(QObject):
    """Marks the app's own clipboard data and clears it on :meth:`clear_if_ours`."""

    _marked_last: ClassVar[bytes | None] = None  # the text this process last marked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: bytes | None = None  # the text the app last put there (UTF-8)
        self._clipboard: QClipboard | None = None
        if isinstance(QGuiApplication.instance(), QGuiApplication):
            self._clipboard = QGuiApplication.clipboard()
            self._clipboard.dataChanged.connect(self._changed)
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.clear_marked)

    def _changed(self) -> None:
        clipboard = self._clipboard
        if clipboard is None:
            return
        data = clipboard.mimeData()
        if data is None or data.hasFormat(KDE_HINT):
            # Nothing, or our own marked copy coming back: marked here or by another guard of
            # this process (a window not yet deleted), it is ours to clear at lock too.
            if data is not None and data.text().encode() == SensitiveClipboard._marked_last:
                self._ours = SensitiveClipboard._marked_last
            return
        if not clipboard.ownsClipboard() and QGuiApplication.platformName() not in _LOCAL_ONLY:
            self._ours = None  # another program copied something: not ours to clear
            return
        marked = QMimeData()
        for fmt in data.formats():
            marked.setData(fmt, data.data(fmt))
        marked.setData(KDE_HINT, b"secret")
        marked.setData(WINDOWS_EXCLUDE, b"")
        marked.setData(WINDOWS_NO_HISTORY, _DWORD_ZERO)
        marked.setData(WINDOWS_NO_CLOUD, _DWORD_ZERO)
        self._ours = data.text().encode()
        SensitiveClipboard._marked_last = self._ours
        clipboard.setMimeData(marked)

    def clear_marked(self) -> None:
        """At exit: clear whatever marked data this process still holds on the clipboard.

        The marked copy is a QMimeData made here and owned by Qt's clipboard; left there, Qt's
        exit handlers would destroy it after Python is gone (a crash at exit), and a clipboard
        manager could keep a copy once the process ends.
        """
        clipboard = self._clipboard
        if clipboard is None:
            return
        data = clipboard.mimeData()
        owned = clipboard.ownsClipboard() or QGuiApplication.platformName() in _LOCAL_ONLY
        if data is not None and data.hasFormat(KDE_HINT) and owned:
            clipboard.clear()
        self._ours = None

    def clear_if_ours(self) -> None:
        clipboard = self._clipboard
        if clipboard is None or self._ours is None:
            return
        data = clipboard.mimeData()
        if data is not None and data.hasFormat(KDE_HINT) and data.text().encode() == self._ours:
            clipboard.clear()
        self._ours = None
