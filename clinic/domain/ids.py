"""Typed identifiers so a case id can never be passed where a client id is expected."""

from typing import NewType

ClientId = NewType("ClientId", int)
FamilyMemberId = NewType("FamilyMemberId", int)
CaseId = NewType("CaseId", int)
HearingId = NewType("HearingId", int)
EvidenceId = NewType("EvidenceId", int)
EvidenceFileId = NewType("EvidenceFileId", int)
DeadlineId = NewType("DeadlineId", int)
NoteId = NewType("NoteId", int)
StaffId = NewType("StaffId", int)
AdversePartyId = NewType("AdversePartyId", int)
