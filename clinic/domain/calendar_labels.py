"""What a calendar entry exported for Outlook or Google Calendar is called, and its stable id.

An exported calendar leaves the encrypted store and syncs to phones and cloud accounts, so by
default it names a client by initials only ("J.G."), never by full name or A-number; the user
may opt in to full names. UIDs are a hash of the store, the kind of entry and its row, so that
re-importing an updated file updates the entries instead of adding copies, and they reveal
nothing (no name, no case number, no store id).
"""

from __future__ import annotations

import hashlib

UID_DOMAIN = "clinic.invalid"  # RFC 6761: a name that can never resolve to a real host


def event_uid(store_id: str, kind: str, row_id: int) -> str:
    digest = hashlib.sha256(f"clinic-calendar|{store_id}|{kind}|{row_id}".encode()).hexdigest()
    return f"{digest[:32]}@{UID_DOMAIN}"


def initials(given_name: str, family_name: str) -> str:
    """ "Juan Carlos" "García López" → "J.G.": first letter of the given and family name."""
    letters = [part.strip()[0].upper() for part in (given_name, family_name) if part.strip()]
    return "".join(f"{letter}." for letter in letters) or "?"


def case_label(case_id: int) -> str:
    return f"case #{case_id}"


def entry_title(who: str, what: str, case_id: int) -> str:
    """ "J.G. — master calendar hearing — case #12" """
    return f"{who} — {what} — {case_label(case_id)}"
