"""A whole sheet → what would be imported and what would not, with reasons by row number.

Pure: the clients already in the database come in as `KnownParty` values, and nothing is
written. The service stores the plan's clients in one unit of work.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from clinic.domain.anumber import parse_a_number
from clinic.domain.conflicts import (
    Candidate,
    ConflictIndex,
    ConflictMatch,
    KnownParty,
    PartyKind,
)
from clinic.domain.importing.dates import DateOrder, settle_date_order
from clinic.domain.importing.headers import DATE_FIELDS, ColumnMapping, check_mapping
from clinic.domain.importing.rows import (
    ClientRow,
    FamilyRow,
    RejectedRow,
    RowContext,
    RowIdentity,
    read_row,
    row_identity,
)
from clinic.domain.importing.sheet import Sheet
from clinic.domain.importing.vocabulary import Vocabulary

_REASON_WORDS = {
    "same_a_number": "same A-number",
    "same_name": "same name",
    "similar_name": "similar name",
    "same_birth_date": "same date of birth",
}


@dataclass(frozen=True)
class PlannedClient:
    row: ClientRow
    family: tuple[FamilyRow, ...]


@dataclass(frozen=True)
class RowNote:
    """A row that will be imported but deserves a look (e.g. a possible conflict)."""

    line: int
    text: str


@dataclass(frozen=True)
class FilePlan:
    clients: tuple[PlannedClient, ...]
    rejected: tuple[RejectedRow, ...]  # in row order
    notes: tuple[RowNote, ...]
    date_order: DateOrder | None  # what the file's slashed dates were read with

    @property
    def imported_rows(self) -> int:
        return sum(1 + len(c.family) for c in self.clients)

    @property
    def family_count(self) -> int:
        return sum(len(c.family) for c in self.clients)

    @property
    def case_count(self) -> int:
        return sum(1 for c in self.clients if c.row.case is not None)

    @property
    def hearing_count(self) -> int:
        return sum(1 for c in self.clients if c.row.hearing is not None)


def date_cells(sheet: Sheet, mapping: ColumnMapping) -> list[str]:
    columns = [i for i, field in enumerate(mapping) if field in DATE_FIELDS]
    return [cell for row in sheet.rows for i in columns if isinstance(cell := row.cells[i], str)]


def plan_file(
    sheet: Sheet,
    mapping: ColumnMapping,
    *,
    date_order: DateOrder | None,
    today: date,
    timezone: str,
    vocabulary: Vocabulary,
    known: Sequence[KnownParty],
) -> FilePlan:
    """Read every row, link family members to their client, and flag likely duplicates.

    Raises `ImportFileError` (or its `DateOrderNeeded`) when the file as a whole cannot be
    imported; otherwise every row ends up either in a planned client or in ``rejected``.
    """
    check_mapping(sheet.header, mapping)
    order = settle_date_order(date_cells(sheet, mapping), date_order)
    context = RowContext(mapping, order, today, timezone, vocabulary)
    readings = {row.line: read_row(row, context) for row in sheet.rows}
    identities = [row_identity(row, context) for row in sheet.rows]
    rejected: dict[int, str] = {
        line: r.reason for line, r in readings.items() if isinstance(r, RejectedRow)
    }
    notes: list[RowNote] = []
    clients = _unique_clients(readings, known, rejected, notes)
    family: dict[int, list[FamilyRow]] = {line: [] for line in clients}
    owners = _Owners(identities)
    for identity in identities:
        reading = readings[identity.line]
        if not isinstance(reading, FamilyRow):
            continue
        owner, reason = owners.owner(reading, identity)
        if owner is not None and owner in clients:
            family[owner].append(reading)
        else:
            rejected[reading.line] = reason or (
                f"its client's row {owner} is not imported, so this family member is not either"
            )
    planned = tuple(PlannedClient(clients[line], tuple(family[line])) for line in clients)
    return FilePlan(
        planned,
        tuple(RejectedRow(line, rejected[line]) for line in sorted(rejected)),
        tuple(sorted(notes, key=lambda n: n.line)),
        order,
    )


def _party(row: ClientRow) -> KnownParty:
    draft = row.client
    full = f"{draft.given_name} {draft.family_name}".strip()
    return KnownParty(  # negative ids mark rows of the file, stored clients have positive ones
        PartyKind.CLIENT,
        -row.line,
        -row.line,
        full,
        (full, *draft.other_names),
        _digits(draft.a_number),
        draft.date_of_birth,
    )


def _digits(raw: str) -> str | None:
    return parse_a_number(raw) if raw.strip() else None


def _unique_clients(
    readings: dict[int, ClientRow | FamilyRow | RejectedRow],
    known: Sequence[KnownParty],
    rejected: dict[int, str],
    notes: list[RowNote],
) -> dict[int, ClientRow]:
    """Client rows that are not likely duplicates of a stored client or of an earlier row."""
    accepted: dict[int, ClientRow] = {}
    index = ConflictIndex(known)  # the stored parties, then each row accepted before this one
    for line, reading in readings.items():
        if not isinstance(reading, ClientRow):
            continue
        party = _party(reading)
        candidate = Candidate(party.names, party.a_number, party.date_of_birth)
        matches = index.find(candidate)
        duplicate = _first_duplicate([m for m in matches if not _told_apart(party, m)])
        if duplicate is not None:
            rejected[line] = duplicate
            continue
        notes += [RowNote(line, _conflict_note(m)) for m in matches]
        accepted[line] = reading
        index.add(party)
    return accepted


def _why(match: ConflictMatch) -> str:
    return ", ".join(_REASON_WORDS.get(r.value, r.value) for r in match.reasons)


def _first_duplicate(matches: list[ConflictMatch]) -> str | None:
    """Why the row is a likely duplicate of a client (stored, or earlier in the file), if it is."""
    for match in matches:
        party = match.party
        if party.kind is not PartyKind.CLIENT:
            continue
        if party.party_id < 0:  # an earlier row of this file (see _party)
            return f"likely the same person as the client on row {-party.party_id} ({_why(match)})"
        return (
            f"likely already in Clinic as client {party.display_name} ({_why(match)}); "
            "remove the row or check the stored client"
        )
    return None


def _told_apart(party: KnownParty, match: ConflictMatch) -> bool:
    """Two clients with different A-numbers are two people, however alike their names."""
    other = match.party.a_number
    return bool(party.a_number and other and party.a_number != other)


def _conflict_note(match: ConflictMatch) -> str:
    party = match.party
    if party.kind is PartyKind.CLIENT:
        where = (
            f"the client on row {-party.party_id}"
            if party.party_id < 0
            else f"client {party.display_name} already in Clinic"
        )
        return f"similar to {where} ({_why(match)}), but the A-numbers differ"
    kind = "a family member" if party.kind is PartyKind.FAMILY_MEMBER else "an adverse party"
    return (
        f"possible conflict: may be {kind} already in Clinic, {party.display_name} "
        f"({_why(match)}); review before representing"
    )


class _Owners:
    """Which client row a family member belongs to, looked up in tables built once per file
    (scanning every row again for each family member made a large file quadratic)."""

    def __init__(self, identities: Sequence[RowIdentity]) -> None:
        self.lines: list[int] = []  # the client rows' lines, in file order
        self.by_household: dict[str, list[int]] = {}
        self.by_a_number: dict[str, list[int]] = {}
        for identity in identities:
            if not identity.is_client:
                continue
            self.lines.append(identity.line)
            self.by_household.setdefault(identity.household, []).append(identity.line)
            if identity.a_number:
                self.by_a_number.setdefault(identity.a_number, []).append(identity.line)
        self.sorted_lines = sorted(self.lines)

    def owner(self, row: FamilyRow, identity: RowIdentity) -> tuple[int | None, str]:
        """The line of the client row a family member belongs to, or a reason why none."""
        if identity.household:
            same = self.by_household.get(identity.household, [])
            return _one(same, f"household '{identity.household}'")
        if row.principal_a_number:
            same = self.by_a_number.get(row.principal_a_number, [])
            return _one(same, f"the principal's A-number {row.principal_a_number}")
        above = bisect_left(self.sorted_lines, row.line)
        if not above:
            return None, (
                "a family member needs their client: put the client's row above it, or fill the "
                "household or principal's A-number column"
            )
        return self.sorted_lines[above - 1], ""


def _one(lines: list[int], what: str) -> tuple[int | None, str]:
    if not lines:
        return None, f"no client row in this file has {what}"
    if len(lines) > 1:
        listed = ", ".join(str(n) for n in lines)
        return None, f"client rows {listed} all have {what}; a household has one client row"
    return lines[0], ""
