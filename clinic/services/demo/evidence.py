"""Evidence items with small files (identity documents, declarations, corroboration, country
conditions, medical and expert reports), and a few notes."""

from __future__ import annotations

import io
import random

from clinic.domain.drafts import EvidenceDraft
from clinic.domain.enums import EvidenceCategory, EvidenceStatus, Stage, TranslationStatus
from clinic.services.demo.dice import between, chance, pick, weighted
from clinic.services.demo.files import PDF, PNG, TEXT, evidence_file
from clinic.services.demo.spanish import fill, words
from clinic.services.demo.story import Demo, Story
from clinic.services.evidence import add_evidence, attach_file
from clinic.services.notes import add_note

_OTHER_CATEGORIES = (
    (EvidenceCategory.CORROBORATION, 5),
    (EvidenceCategory.COUNTRY_CONDITIONS, 3),
    (EvidenceCategory.MEDICAL, 2),
    (EvidenceCategory.EXPERT, 1),
    (EvidenceCategory.OTHER, 1),
)
_MEDICAL = (
    "Psychological evaluation (PTSD, major depression)",
    "Forensic medical evaluation of scars",
)
_NOTES = (
    "Conflict check run at intake: no matches.",
    "Client asked about work authorisation; explained when an I-765 can be filed.",
    "Called client to confirm the next hearing date; voicemail left in Spanish and English.",
    "Client brought original documents; copies scanned and originals returned.",
    "Attorney reviewed the declaration draft; follow-up questions on dates of attacks.",
    "Interpreter requested for the next meeting.",
)


# Every client of a demo up to this many gets files with their evidence as drawn; beyond it,
# one client in FILES_ONE_IN (a large demo's other items are listed without a scan): a
# hundred thousand clients' files would be ~150,000 encrypted files, a tenth of the demo's
# time, and nothing shown needs them all (issue 20 § 5; bench/notes.md).
FILES_FOR_EVERY_CLIENT = 500
FILES_ONE_IN = 10


def files_for(client_number: int) -> bool:
    """Whether the ``client_number``-th client (from 1) of a demo gets evidence files."""
    return client_number <= FILES_FOR_EVERY_CLIENT or client_number % FILES_ONE_IN == 0


def add_case_evidence(demo: Demo, story: Story) -> None:
    rng = demo.rng
    with_files = files_for(demo.counts.clients)
    reached = {step.stage for step, _ in story.steps}
    if not reached:
        count = rng.randint(0, 1)
    else:
        count = rng.randint(1, 2) if reached == {Stage.PREPARING} else rng.randint(2, 3)
    for index in range(count):
        draft, media_type = _item(demo, story, index)
        evidence_id = add_evidence(
            store=demo.store, case_id=story.case_id, evidence=draft, today=demo.today
        ).unwrap()
        demo.counts.evidence_items += 1
        if draft.status is EvidenceStatus.REQUESTED or not chance(rng, 0.85):
            continue
        content, name = evidence_file(
            rng,
            title=draft.title,
            category=draft.category.value,
            client=story.person.full_name,
            media_type=media_type,
        )  # drawn either way: the clients after one without files stay as drawn
        if not with_files:
            continue
        attach_file(
            store=demo.store,
            evidence_id=evidence_id,
            source=io.BytesIO(content),
            original_name=name,
            media_type=media_type,
        ).unwrap()
        demo.counts.files += 1


def _category(rng: random.Random, story: Story, index: int) -> EvidenceCategory:
    if index == 0:
        return EvidenceCategory.IDENTITY
    if index == 1 and story.steps:
        return EvidenceCategory.DECLARATION
    return weighted(rng, _OTHER_CATEGORIES)


def _country_report(rng: random.Random, country: str, year: int, language: str) -> tuple[str, str]:
    template, source = pick(
        rng,
        (
            (
                "U.S. Department of State, {year} Country Report on Human Rights Practices: {country}",
                "U.S. Department of State",
            ),
            ("UNHCR eligibility guidance on asylum-seekers from {country}", "UNHCR"),
            ("Human Rights Watch World Report {year}: {country} chapter", "Human Rights Watch"),
        ),
    )
    return fill(language, template, year=year, country=country), source


def _describe(
    rng: random.Random, story: Story, category: EvidenceCategory, year: int, words_in: str
) -> tuple[str, str, str, str]:
    """(title, language, source, media type) of one item; title and source in ``words_in``."""
    profile = story.profile
    native, media = profile.doc_language, PDF
    match category:
        case EvidenceCategory.IDENTITY:
            title, language, source = pick(rng, profile.identity_docs), native, "Client"
        case EvidenceCategory.DECLARATION:
            title = "Declaration of the applicant in support of Form I-589"
            language, source = pick(rng, ("en", native)), "Client, with paralegal"
            media = TEXT if language != "en" and chance(rng, 0.5) else PDF
        case EvidenceCategory.CORROBORATION:
            title, language = pick(rng, profile.corroboration), native
            source = pick(rng, ("Client", "Client's family by mail", "Client's phone"))
            pictured = "photograph" in title.lower() or "screenshot" in title.lower()
            media = PNG if pictured else PDF
        case EvidenceCategory.MEDICAL:
            title, language, source = pick(rng, _MEDICAL), "en", "Volunteer clinician"
        case EvidenceCategory.EXPERT:
            title = fill(
                words_in,
                "Expert declaration on conditions for returnees to {country}",
                country=profile.country_name,
            )
            language, source = "en", "Country-conditions expert"
        case EvidenceCategory.COUNTRY_CONDITIONS:
            title, source = _country_report(rng, profile.country_name, year, words_in)
            language = "en"
        case _:
            title, language, source = "USCIS receipt notice (Form I-797C)", "en", "USCIS"
    return words(words_in, title), language, words(words_in, source), media


def _item(demo: Demo, story: Story, index: int) -> tuple[EvidenceDraft, str]:
    rng = demo.rng
    category = _category(rng, story, index)
    year = demo.today.year - rng.randint(0, 1)
    title, language, source, media_type = _describe(rng, story, category, year, demo.language)
    translation = TranslationStatus.NOT_NEEDED
    if language != "en":
        translated = chance(rng, 0.55)
        translation = TranslationStatus.TRANSLATED if translated else TranslationStatus.NEEDED
    filed = 3 if story.filed_on is not None else 0
    status = weighted(
        rng,
        (
            (EvidenceStatus.REQUESTED, 2),
            (EvidenceStatus.RECEIVED, 5),
            (EvidenceStatus.FILED, filed),
        ),
    )
    requested = status is EvidenceStatus.REQUESTED
    draft = EvidenceDraft(
        title=title,
        category=category,
        language=language,
        translation=translation,
        obtained_on=None if requested else between(rng, story.opened_on, demo.today),
        source=source,
        status=status,
        notes=words(demo.language, "Translator's certificate attached")
        if translation is TranslationStatus.TRANSLATED
        else "",
    )
    return draft, media_type


def add_case_note(demo: Demo, story: Story) -> None:
    rng = demo.rng
    if not chance(rng, 0.3):
        return
    body = words(demo.language, pick(rng, _NOTES))
    case_id = story.case_id if chance(rng, 0.7) else None
    add_note(store=demo.store, client_id=story.client_id, body=body, case_id=case_id).unwrap()
