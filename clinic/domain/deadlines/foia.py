"""FOIA requests from a case's recorded facts, and the anchors their rules count from.

A request starts with its sending (``foia_sent``) or, when that was not recorded, its receipt
(``foia_received``); its receipt, the agency's written extension (``foia_extended``) and each
response (``foia_response``) name the request they belong to (``about``: the starting fact's id).
Facts recorded before requests were linked (no ``about``) stand alone: a receipt is a request of
its own, a response an answer of its own.

Each request's anchors carry its id in the anchor field (``foia_received#12``), so two requests
received the same day are two deadlines, and its agency in the label, so the explanation says
which agency owes the answer: "FOIA request received by the agency (USCIS) Mon 2026-06-01 + …".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from clinic.domain.deadlines.values import CaseFacts, FoiaRequest
from clinic.domain.enums import CaseFactKind, FoiaAgency

__all__ = [
    "AGENCY_LABELS",
    "FOIA_EXTENDED_LABEL",
    "FOIA_RECEIVED_LABEL",
    "FOIA_RESPONSE_LABEL",
    "FoiaFact",
    "agency_label",
    "base_field",
    "foia_anchor_keys",
    "foia_requests",
    "request_of",
]

FOIA_RECEIVED_LABEL = "FOIA request received by the agency"
FOIA_EXTENDED_LABEL = "FOIA request received by the agency, extended in writing"
FOIA_RESPONSE_LABEL = "FOIA response"
# Acronyms stay as written in both languages; the two phrases are in wording._PHRASES.
AGENCY_LABELS = {
    FoiaAgency.USCIS: "USCIS",
    FoiaAgency.CBP: "CBP",
    FoiaAgency.ICE: "ICE",
    FoiaAgency.OBIM: "OBIM",
    FoiaAgency.EOIR: "EOIR",
    FoiaAgency.STATE: "State Department",
    FoiaAgency.FBI: "FBI",
    FoiaAgency.OTHER: "another agency",
}
NO_AGENCY = "agency not recorded"


@dataclass(frozen=True)
class FoiaFact:
    """One recorded FOIA fact: its id, kind, date, agency and the request it belongs to."""

    id: int
    kind: CaseFactKind
    on: date
    agency: str = ""
    about: int | None = None


def agency_label(agency: str) -> str:
    try:
        return AGENCY_LABELS[FoiaAgency(agency)]
    except ValueError:
        return NO_AGENCY


def foia_requests(facts: Iterable[FoiaFact]) -> tuple[FoiaRequest, ...]:
    """The case's requests, in the order they were recorded. A linked fact whose request is
    not among ``facts`` (it was deleted) is left out rather than guessed."""
    ordered = sorted(facts, key=lambda f: f.id)
    requests: dict[int, FoiaRequest] = {}
    for fact in ordered:
        if fact.about is None and fact.kind is CaseFactKind.FOIA_SENT:
            requests[fact.id] = FoiaRequest(fact.id, fact.agency, sent=fact.on)
        elif fact.about is None and fact.kind is CaseFactKind.FOIA_RECEIVED:
            requests[fact.id] = FoiaRequest(fact.id, fact.agency, received=fact.on)
        elif fact.about is None and fact.kind is CaseFactKind.FOIA_RESPONSE:
            requests[fact.id] = FoiaRequest(fact.id, fact.agency, responses=((fact.id, fact.on),))
    for fact in ordered:
        request = requests.get(fact.about) if fact.about is not None else None
        if request is None:
            continue
        if fact.kind is CaseFactKind.FOIA_RECEIVED:
            request = replace(request, received=fact.on)
        elif fact.kind is CaseFactKind.FOIA_EXTENDED:
            request = replace(request, extended=fact.on)
        elif fact.kind is CaseFactKind.FOIA_RESPONSE:
            request = replace(request, responses=(*request.responses, (fact.id, fact.on)))
        requests[request.ref] = request
    return tuple(requests.values())


AnchorKey = tuple[str, str, date]


def foia_anchor_keys(trigger: str, facts: CaseFacts) -> list[AnchorKey]:
    """The anchors of the FOIA triggers: a receipt (without a written extension), a receipt
    with one, and each response; the request's (or response's) id is in the field."""
    keys: list[AnchorKey] = []
    for request in facts.foia_requests:
        agency = agency_label(request.agency)
        if request.received is not None and trigger == "foia_received" and not request.extended:
            label = f"{FOIA_RECEIVED_LABEL} ({agency})"
            keys.append((f"foia_received#{request.ref}", label, request.received))
        if request.received is not None and trigger == "foia_extended" and request.extended:
            label = f"{FOIA_EXTENDED_LABEL} ({agency})"
            keys.append((f"foia_extended#{request.ref}", label, request.received))
        if trigger == "foia_response":
            label = f"{FOIA_RESPONSE_LABEL} ({agency})"
            keys += [(f"foia_response#{ref}", label, on) for ref, on in request.responses]
    return sorted(keys, key=lambda k: (k[2], k[0]))


def base_field(field: str) -> str:
    """The trigger of an anchor field: ``foia_received#12`` -> ``foia_received``."""
    return field.partition("#")[0]


def request_of(field: str, facts: CaseFacts) -> FoiaRequest | None:
    """The request an anchor field (``foia_received#12``) counts from."""
    head, _, ref = field.partition("#")
    if not ref.isdigit() or head == "foia_response":
        return None
    return next((r for r in facts.foia_requests if r.ref == int(ref)), None)
