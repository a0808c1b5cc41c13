"""The court exhibit packet (cover, index, tabs, stamped pages, certificates, parts)."""

from clinic.reports.packet.builder import build_packet, check_files
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
