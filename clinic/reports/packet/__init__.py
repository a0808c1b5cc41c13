"""The court exhibit packet (cover, index, tabs, stamped pages, certificates, parts)."""

from typing import TYPE_CHECKING, Any

from clinic.reports.packet.model import (
    CoverData,
    ExhibitMapEntry,
    ExhibitSource,
    FileProblem,
    FileRole,
    PacketBuild,
    PacketCancelled,
    PacketError,
    PacketRequest,
    PartInfo,
    PartSink,
    Preflight,
    ProblemKind,
    ServiceData,
    SourceFile,
)

if TYPE_CHECKING:
    from clinic.reports.packet.builder import build_packet, check_files
    from clinic.reports.packet.sources import SourceProblem

__all__ = [
    "CoverData",
    "ExhibitMapEntry",
    "ExhibitSource",
    "FileProblem",
    "FileRole",
    "PacketBuild",
    "PacketCancelled",
    "PacketError",
    "PacketRequest",
    "PartInfo",
    "PartSink",
    "Preflight",
    "ProblemKind",
    "ServiceData",
    "SourceFile",
    "SourceProblem",
    "build_packet",
    "check_files",
]


def __getattr__(name: str) -> Any:
    """``build_packet``, ``check_files`` and ``SourceProblem`` bring in pypdf (0.2 s and 12 MB):
    loaded on first use, not at every start-up of the window (which imports this package)."""
    if name in ("build_packet", "check_files"):
        from clinic.reports.packet import builder  # noqa: PLC0415

        return getattr(builder, name)
    if name == "SourceProblem":
        from clinic.reports.packet import sources  # noqa: PLC0415

        return sources.SourceProblem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
