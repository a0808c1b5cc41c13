"""The installation self-test: the whole app, end to end, on a throwaway store.

Run by ``clinic self-test`` (and ``Clinic --self-test`` from the bundle) to prove that an
installed copy finds its rules, fonts and migrations, can encrypt, compute, render, back up,
restore, lock and unlock. Everything happens in a temporary folder given by the caller; the
user's data folder and keychain are never touched (the store's key is wrapped by a passphrase).
"""

from __future__ import annotations

import time as clock
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from clinic.domain.deadlines.shipped import load_shipped_closures
from clinic.domain.drafts import AddressDraft, CaseDraft, ClientDraft, EvidenceDraft, HearingDraft
from clinic.domain.enums import ClaimType, EvidenceCategory, EvidenceStatus, HearingKind
from clinic.domain.i18n import N_, gettext
from clinic.domain.ids import CaseId, ClientId, EvidenceFileId
from clinic.reports import pdf_words
from clinic.resource_files import resource_path
from clinic.services import (
    backup,
    cases,
    checklists,
    clients,
    deadlines,
    evidence,
    handouts,
    lifecycle,
    recovery,
    schedule,
    search,
)
from clinic.services.language import tr as _
from clinic.services.language import tr_n
from clinic.storage import anchors, migrate
from clinic.storage.datadir import DataDir
from clinic.storage.errors import CannotUnlock
from clinic.storage.store import Store

PASSPHRASE = "self-test: correct horse battery staple"  # noqa: S105 - a throwaway store
EVIDENCE_BYTES = b"Clinic self-test evidence file.\n" * 64


class SelfTestFailed(Exception):
    """A step found something wrong (as opposed to crashing)."""


@dataclass(frozen=True)
class StepResult:
    name: str
    status: str  # "ok" or "FAILED"
    detail: str
    seconds: float

    @property
    def failed(self) -> bool:
        return self.status == "FAILED"


@dataclass
class _Run:
    """What the steps hand on to each other."""

    work: Path
    today: date
    store: Store | None = None
    client_id: ClientId | None = None
    case_id: CaseId | None = None
    file_id: EvidenceFileId | None = None
    backup_file: Path | None = None
    opened: list[Store] = field(default_factory=list)

    @property
    def data_dir(self) -> DataDir:
        return lifecycle.resolve_data_dir(self.work / "data")

    def the_store(self) -> Store:
        if self.store is None or self.store.locked:
            raise SelfTestFailed(_("no unlocked store (an earlier step failed)"))
        return self.store

    def the_case(self) -> CaseId:
        if self.case_id is None:
            raise SelfTestFailed(_("no case (an earlier step failed)"))
        return self.case_id

    def keep(self, store: Store) -> Store:
        self.opened.append(store)
        return store


def _check(condition: bool, problem: str) -> None:
    if not condition:
        raise SelfTestFailed(problem)


# ------------------------------------------------------------------------------------ steps


def _pdf_bytes(pdf: bytes) -> str:
    size = f"{len(pdf):,}"
    return tr_n("{size} byte of PDF", "{size} bytes of PDF", len(pdf), size=size)


def _resources(run: _Run) -> str:
    rules = deadlines.rules_in_force()
    closures = load_shipped_closures()
    fonts = sorted(p.name for p in resource_path("fonts").glob("*.ttf"))
    _check(bool(fonts), _("no fonts in {folder}", folder=resource_path("fonts")))
    head = migrate.head_revision()
    # The PDFs and the command line name the rules in Spanish from gettext's catalogue (.po)
    untranslated = [r.id for r in rules if pdf_words.rule_name("es", r.name) == r.name]
    _check(
        not untranslated,
        _("no Spanish name for the rules {rules}", rules=", ".join(untranslated[:5])),
    )
    return _(
        "{rules} (named in Spanish too), {closures}, {fonts}, schema {head}",
        rules=tr_n("{n} deadline rule", "{n} deadline rules", len(rules)),
        closures=tr_n("{n} court closure", "{n} court closures", len(closures)),
        fonts=tr_n("{n} font", "{n} fonts", len(fonts)),
        head=head,
    )


def _create_store(run: _Run) -> str:
    started = clock.monotonic()
    run.store = run.keep(
        lifecycle.init_store(data_dir=run.data_dir, passphrase=PASSPHRASE, actor="self-test")
    )
    seconds = round(clock.monotonic() - started, 1)
    return _("encrypted store with a passphrase in {seconds} s", seconds=seconds)


def _intake(run: _Run) -> str:
    store = run.the_store()
    run.client_id = clients.intake_client(
        store=store,
        client=ClientDraft(
            "Prueba",
            "Светлана",
            other_names=("刘芳",),
            a_number="A-000-000-001",
            nationalities=("hn",),
            languages=("es",),
            last_arrival_on=run.today - timedelta(days=200),
        ),
        today=run.today,
        address=AddressDraft(
            "1 Main St", "El Paso", "TX", "79901", moved_in_on=run.today - timedelta(days=150)
        ),
    ).unwrap()
    return _("client {id}", id=run.client_id)


def _open_case(run: _Run) -> str:
    store = run.the_store()
    if run.client_id is None:
        raise SelfTestFailed(_("no client (an earlier step failed)"))
    run.case_id = cases.open_case(
        store=store,
        client_id=run.client_id,
        case=CaseDraft(ClaimType.DEFENSIVE, opened_on=run.today),
        today=run.today,
    ).unwrap()
    hearing = schedule.schedule_hearing(
        store=store,
        case_id=run.case_id,
        hearing=HearingDraft(
            HearingKind.INDIVIDUAL, run.today + timedelta(days=120), time(9, 0), "America/Denver"
        ),
    ).unwrap()
    return _(
        "defensive case {case} with individual hearing {hearing}", case=run.case_id, hearing=hearing
    )


def _deadlines(run: _Run) -> str:
    rows = deadlines.case_deadlines(store=run.the_store(), case_id=run.the_case())
    rules = {row.rule_id for row in rows}
    for expected in ("one-year-filing", "individual-hearing-filing"):
        _check(
            expected in rules,
            _("the {rule} deadline was not computed (got {rules})", rule=expected, rules=rules),
        )
    unexplained = [row.title for row in rows if row.rule_id and not row.explanation]
    _check(not unexplained, _("deadlines without their reasoning: {titles}", titles=unexplained))
    return tr_n(
        "{n} deadline, with its reasoning", "{n} deadlines, each with its reasoning", len(rows)
    )


def _recovery_kit(run: _Run) -> str:
    pdf = recovery.recovery_kit_pdf(store=run.the_store(), now=datetime.now(UTC))
    _check(pdf.startswith(b"%PDF-"), _("the recovery kit is not a PDF"))
    return _pdf_bytes(pdf)


def _checklist(run: _Run) -> str:
    """Also draws its first page with PDFium, as the window's preview does: the native library
    a bundle must carry (decision 0012)."""
    import pypdfium2  # noqa: PLC0415 - loads libpdfium; only this step and the preview need it

    pdf = checklists.checklist_pdf(store=run.the_store(), case_id=run.the_case(), today=run.today)
    _check(pdf.startswith(b"%PDF-"), _("the checklist is not a PDF"))
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=0.5)
        drawn = bytes(bitmap.buffer)
        pages = len(document)
        bitmap.close()
        page.close()
    finally:
        document.close()
    _check(drawn.count(255) < len(drawn), _("PDFium drew the checklist's first page blank"))
    return _(
        "{bytes}, {pages}; page 1 drawn by PDFium",
        bytes=_pdf_bytes(pdf),
        pages=tr_n("{n} page", "{n} pages", pages),
    )


def _handout(run: _Run) -> str:
    """Spanish dates (Babel's locale data), the Spanish catalogue and name folding for a name in
    another script (anyascii's tables): all data files that a bundle can miss."""
    store = run.the_store()
    for latin in ("Svetlana", "liufang"):
        hits = search.search_clients(store=store, text=latin)
        _check(bool(hits), _("a name in another script is not found as {name!r}", name=latin))
    pdf = handouts.handout_pdf(
        store=store,
        case_id=run.the_case(),
        kind="hearing-reminder",
        languages=("en", "es"),
        today=run.today,
    )
    _check(pdf.startswith(b"%PDF-"), _("the hearing reminder is not a PDF"))
    english = "interrupted; nothing half-saved was kept."
    _check(gettext(english, "es") != english, _("the Spanish message catalogue is missing"))
    return _("{bytes} in English and Spanish", bytes=_pdf_bytes(pdf))


def _evidence(run: _Run) -> str:
    store = run.the_store()
    item = evidence.add_evidence(
        store=store,
        case_id=run.the_case(),
        evidence=EvidenceDraft(
            "Self-test declaration", EvidenceCategory.DECLARATION, status=EvidenceStatus.RECEIVED
        ),
        today=run.today,
    ).unwrap()
    source = run.work / "declaration.txt"
    source.write_bytes(EVIDENCE_BYTES)
    view = evidence.attach_path(store=store, evidence_id=item, path=source).unwrap()
    source.unlink()
    run.file_id = view.id
    back = evidence.read_evidence_file(store=store, file_id=view.id)
    _check(back == EVIDENCE_BYTES, _("the evidence file read back differs from what was stored"))
    on_disk = {p.read_bytes() for p in store.datadir.root.rglob("*") if p.is_file()}
    _check(
        not any(EVIDENCE_BYTES[:32] in blob for blob in on_disk),
        _("the evidence file's text is readable on disk"),
    )
    return tr_n(
        "{n} byte encrypted, read back intact", "{n} bytes encrypted, read back intact", view.size
    )


def _backup(run: _Run) -> str:
    store = run.the_store()
    folder = run.work / "backups"
    folder.mkdir()
    result = backup.make_backup(store=store, folder=folder, now=datetime.now())
    report = backup.verify_backup_file(path=result.path, store=store)
    _check(
        report.ok, _("the backup does not verify: {problems}", problems="; ".join(report.problems))
    )
    run.backup_file = result.path
    return _(
        "{name}, {bytes}, verified",
        name=result.path.name,
        bytes=tr_n("{size} byte", "{size} bytes", result.size, size=format(result.size, ",")),
    )


def _restore(run: _Run) -> str:
    if run.backup_file is None or run.file_id is None:
        raise SelfTestFailed(_("no backup (an earlier step failed)"))
    target = lifecycle.resolve_data_dir(run.work / "restored")
    # As on another computer: restored beside the store it came from (still in use here),
    # the copy would rightly open as an older copy of it.
    other_computer = run.work / "state-other-computer"
    other_computer.mkdir(mode=0o700, exist_ok=True)
    with anchors.isolated_state(other_computer):
        backup.restore(
            backup=run.backup_file, data_dir=target, passphrase=PASSPHRASE, keychain=False
        )
        restored = run.keep(
            lifecycle.unlock_store(data_dir=target, passphrase=PASSPHRASE, actor="self-test")
        )
        report = lifecycle.doctor(store=restored)
    try:
        _check(report.ok, _("the restored store fails its checks: {report}", report=report))
        _check(report.clients == 1 and report.cases == 1, _("the restored store lost records"))
        back = evidence.read_evidence_file(store=restored, file_id=run.file_id)
        _check(back == EVIDENCE_BYTES, _("the restored evidence file differs"))
    finally:
        restored.lock()
    return _("restored into a new folder as on another computer; checks pass; evidence intact")


def _lock_unlock(run: _Run) -> str:
    store = run.the_store()
    key_hex = store.key_hex_for_recovery_kit()
    store.lock()
    _check(store.locked, _("the store did not lock"))
    try:
        store.key_hex_for_recovery_kit()
    except CannotUnlock:
        refused = True
    else:
        refused = False
    _check(refused, _("a locked store still hands out its key"))
    again = run.keep(
        lifecycle.unlock_store(data_dir=run.data_dir, passphrase=PASSPHRASE, actor="self-test")
    )
    _check(
        clients.get_client(store=again, client_id=ClientId(run.client_id or 0)).family_name
        == "Prueba",
        _("the unlocked store does not show the client"),
    )
    again.lock()
    by_kit = run.keep(
        recovery.unlock_with_recovery_key(
            data_dir=run.data_dir, recovery_key=key_hex, actor="self-test"
        )
    )
    by_kit.lock()
    return _("locked; unlocked with the passphrase and with the recovery key")


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    (N_("find rules, fonts and migrations"), _resources),
    (N_("create an encrypted store with a passphrase"), _create_store),
    (N_("intake a client"), _intake),
    (N_("open a defensive case with a hearing"), _open_case),
    (N_("compute deadlines"), _deadlines),
    (N_("render the recovery kit"), _recovery_kit),
    (N_("render a checklist PDF"), _checklist),
    (N_("find names in other scripts; render a bilingual handout"), _handout),
    (N_("store a small evidence file"), _evidence),
    (N_("back up"), _backup),
    (N_("restore"), _restore),
    (N_("lock and unlock"), _lock_unlock),
)


def run_self_test(*, work_dir: Path, today: date | None = None) -> Iterator[StepResult]:
    """Run every step in ``work_dir`` (empty, temporary, owned by the caller), yielding each
    step's result as it finishes. A failed step does not stop the later ones; those that need
    its result fail with that reason. The throwaway stores' audit heads are kept in
    ``work_dir`` too, never in the user's state file (a restore beside the store it came from
    would otherwise read as an older copy, and the real state file would list stores that are
    gone)."""
    run = _Run(work=work_dir, today=today or date.today())
    state = work_dir / "state"
    state.mkdir(mode=0o700, exist_ok=True)
    with anchors.isolated_state(state):
        try:
            for name, step in STEPS:
                started = clock.monotonic()
                try:
                    detail, status = step(run), "ok"
                except Exception as exc:  # every failure is reported, none hidden
                    detail, status = f"{type(exc).__name__}: {exc}", "FAILED"
                yield StepResult(name, status, detail, clock.monotonic() - started)
        finally:
            for store in run.opened:
                if not store.locked:
                    store.lock()
