"""The Exhibits tab and the packet dialog as a paralegal uses them: reorder by drag and drop (the
list model passes qtmodeltester) or Alt+Up/Down, leave an item out, build the packet into a
chosen folder in the background, and choose to stop or build without a broken file."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # bench/ is a top-level folder beside clinic/, not installed
    sys.path.insert(0, str(ROOT))

from bench.packet_inputs import corrupt_pdf, make_pdf  # noqa: E402
from clinic.domain.drafts import CaseDraft, ClientDraft, EvidenceDraft  # noqa: E402
from clinic.domain.enums import ClaimType, EvidenceCategory  # noqa: E402
from clinic.domain.ids import CaseId, EvidenceId  # noqa: E402
from clinic.domain.packet_layout import TabStyle  # noqa: E402
from clinic.services import cases, clients, evidence, lifecycle, packet  # noqa: E402
from clinic.storage.store import Store  # noqa: E402
from clinic.ui.case_view import CaseViewPage  # noqa: E402
from clinic.ui.case_view.exhibit_list_model import ExhibitListModel  # noqa: E402
from clinic.ui.packet_dialog import PacketDialog  # noqa: E402
from clinic.ui.session import UiSession  # noqa: E402

TODAY = date(2026, 3, 2)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    data_dir = lifecycle.resolve_data_dir(tmp_path / "d")
    opened = lifecycle.init_store(
        data_dir=data_dir, passphrase="correct horse battery staple", actor="paralegal"
    )
    yield opened
    opened.lock()


@pytest.fixture
def page(qtbot, store: Store) -> CaseViewPage:  # type: ignore[no-untyped-def]
    shown = CaseViewPage(UiSession(store, today=lambda: TODAY))
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    return shown


def new_case(store: Store, items: dict[str, bytes]) -> tuple[CaseId, list[EvidenceId]]:
    client = clients.intake_client(
        store=store,
        client=ClientDraft("Quispe Mamani", "Rosalía", a_number="A-201-555-123"),
        today=TODAY,
    ).unwrap()
    case_id = cases.open_case(
        store=store,
        client_id=client,
        case=CaseDraft(
            claim_type=ClaimType.DEFENSIVE, forum_name="Court", opened_on=date(2026, 1, 5)
        ),
        today=TODAY,
    ).unwrap()
    ids = []
    for title, data in items.items():
        item = evidence.add_evidence(
            store=store,
            case_id=case_id,
            evidence=EvidenceDraft(title, EvidenceCategory.OTHER),
            today=TODAY,
        ).unwrap()
        evidence.attach_file(
            store=store, evidence_id=item, source=io.BytesIO(data), original_name=f"{title}.pdf"
        ).unwrap()
        ids.append(item)
    return case_id, ids


def titles(model: ExhibitListModel) -> list[str]:
    return [model.row_at(r).title for r in range(model.rowCount())]


def test_model_passes_qtmodeltester_and_moves_rows(qtmodeltester, store: Store) -> None:  # type: ignore[no-untyped-def]
    case_id, _ = new_case(store, {t: make_pdf(1, t) for t in ("One", "Two", "Three", "Four")})
    model = ExhibitListModel()
    model.set_rows(packet.exhibit_list(store=store, case_id=case_id))
    qtmodeltester.check(model)
    orders: list[list[int]] = []
    model.order_changed.connect(orders.append)
    assert model.move_row(0, 3)  # "One" before "Four"
    assert titles(model) == ["Two", "Three", "One", "Four"]
    assert model.moveRows(QModelIndex(), 3, 1, QModelIndex(), 0)
    assert titles(model) == ["Four", "Two", "Three", "One"]
    assert not model.move_row(1, 2)  # onto itself: no move
    mime = model.mimeData([model.index(0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, QModelIndex())  # dropped at the end
    assert titles(model) == ["Two", "Three", "One", "Four"]
    assert len(orders) == 3
    assert model.setData(
        model.index(1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert [model.label_of(r) for r in range(4)] == ["A", "", "B", "C"]
    assert "Left out" in model.index(1).data()
    qtmodeltester.check(model)


def test_drag_order_and_inclusion_are_saved(qtbot, store: Store, page: CaseViewPage) -> None:  # type: ignore[no-untyped-def]
    case_id, ids = new_case(store, {t: make_pdf(1, t) for t in ("One", "Two", "Three")})
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.exhibits)
    tab = page.exhibits
    assert titles(tab.model) == ["One", "Two", "Three"]
    tab.select(ids[2])
    qtbot.keyClick(tab.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # Alt+Up moves it up
    qtbot.waitUntil(
        lambda: (
            [r.evidence_id for r in packet.exhibit_list(store=store, case_id=case_id)]
            == [ids[0], ids[2], ids[1]]
        )
    )
    assert tab.selected_id() == ids[2]
    # a drop (what QListView does when a row is dragged) moves and saves too
    mime = tab.model.mimeData([tab.model.index(0)])
    tab.model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(
        lambda: (
            [r.evidence_id for r in packet.exhibit_list(store=store, case_id=case_id)]
            == [ids[2], ids[1], ids[0]]
        )
    )
    tab.model.setData(
        tab.model.index(1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: not packet.exhibit_list(store=store, case_id=case_id)[1].included)
    assert titles(tab.model) == ["Three", "Two", "One"]  # the reload kept the saved order
    assert [tab.model.label_of(r) for r in range(3)] == ["A", "", "B"]


def test_packet_dialog_builds_into_the_chosen_folder(
    qtbot, store: Store, page: CaseViewPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    case_id, _ = new_case(store, {"Good": make_pdf(2, "Good"), "Broken": corrupt_pdf()})
    page.show_case(case_id)
    page.tabs.setCurrentWidget(page.exhibits)
    out = tmp_path / "court"
    out.mkdir()
    monkeypatch.setattr(
        "clinic.ui.file_dialogs.QFileDialog.getExistingDirectory", lambda *a, **k: str(out)
    )
    dialog = page.exhibits.open_packet_dialog()
    assert isinstance(dialog, PacketDialog)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(out)

    asked: list[list[str]] = []
    monkeypatch.setattr(
        PacketDialog,
        "choose_to_skip",
        lambda self, problems: asked.append([p.file_name for p in problems]) or False,
    )
    dialog.build()
    qtbot.waitUntil(
        lambda: dialog.job is None and "nothing was written" in dialog.status.text(), timeout=20000
    )
    assert asked == [["Broken.pdf"]]
    assert list(out.iterdir()) == []

    monkeypatch.setattr(PacketDialog, "choose_to_skip", lambda self, problems: True)
    dialog.bates_edit.setText("QM")
    dialog.build()
    qtbot.waitUntil(lambda: dialog.result_build is not None, timeout=20000)
    assert [p.name for p in out.iterdir()] == ["Quispe_Mamani_A201555123_Exhibits_Part1.pdf"]
    report = dialog.report.toPlainText()
    assert "Quispe_Mamani_A201555123_Exhibits_Part1.pdf" in report
    assert "Exhibit A: pages QM000004–QM000005" in report
    assert "Left out: Broken.pdf" in report
    assert dialog.build_button.isEnabled() and not dialog.cancel_button.isVisible()


def test_packet_dialog_cancel_writes_nothing(
    qtbot, store: Store, page: CaseViewPage, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    case_id, _ = new_case(store, {f"Doc {i}": make_pdf(30, f"D{i}") for i in range(3)})
    page.show_case(case_id)
    out = tmp_path / "court"
    out.mkdir()
    dialog = PacketDialog(page.session, case_id, page)
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(out))
    dialog.build()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.job is None and dialog.build_button.isEnabled(), timeout=20000)
    assert "Cancelled" in dialog.status.text() or "nothing was written" in dialog.status.text()
    assert list(out.iterdir()) == []


def test_the_list_shows_the_labels_of_the_clinics_tab_style(
    qtbot, store: Store, page: CaseViewPage
) -> None:  # type: ignore[no-untyped-def]
    packet.save_packet_defaults(
        store=store, options=packet.PacketOptions(tab_style=TabStyle.NUMBERS)
    )
    case_id, _ = new_case(store, {t: make_pdf(1, t) for t in ("One", "Two")})
    page.show_case(case_id)
    tab = page.exhibits
    assert [tab.model.label_of(r) for r in range(2)] == ["1", "2"]
    assert tab.model.index(1).data().startswith("Exhibit 2")


def test_packet_dialog_reports_pages_put_in_as_pictures(
    qtbot, store: Store, page: CaseViewPage, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: pages that failed verification and were rebuilt from a drawing of their source
    are listed in the build report, with the file, its page and why."""
    from clinic.reports.packet import PacketBuild, PartInfo  # noqa: PLC0415
    from clinic.reports.packet.model import RasterisedPage  # noqa: PLC0415
    from clinic.services.results import Result  # noqa: PLC0415

    case_id, _ = new_case(store, {"Good": make_pdf(1, "Good")})
    page.show_case(case_id)
    dialog = page.exhibits.open_packet_dialog()
    assert isinstance(dialog, PacketDialog)
    built = PacketBuild(
        (PartInfo(1, "X_Part1.pdf", 1000, 1, 6),),
        (),
        6,
        rasterised=(RasterisedPage("4", "Lease", "lease.pdf", 1, "only 40% of the marks"),),
    )
    dialog._built(Result(built), tmp_path, [])
    report = dialog.report.toPlainText()
    assert "Put in as a picture: page 4 (lease.pdf, page 1, exhibit 'Lease')" in report
    assert "only 40% of the marks" in report
