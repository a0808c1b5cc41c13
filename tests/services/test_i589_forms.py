"""The clinic's stored blank I-589 (issue 23, Settings → Forms): a known edition is stored with
its edition, an edited copy is stored with exactly the questions it cannot hold, other files are
refused in words; the latest known one is the one filled; adding and removing are audited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic.services import i589_forms
from clinic.services.i589 import FormNotFillable
from clinic.storage.models import AuditEntry
from clinic.storage.store import Store
from tests.services.i589_case import BLANK
from tests.services.test_i589 import renamed_copy

pytestmark = pytest.mark.skipif(not BLANK.is_file(), reason=f"the blank form {BLANK} is missing")
TODAY = date(2026, 12, 7)


def test_a_known_edition_is_stored_in_the_data_folder_listed_and_removed(store: Store) -> None:
    assert i589_forms.stored_forms(store) == [] and i589_forms.current_form(store) is None
    added = i589_forms.add_form(store=store, source=BLANK, today=TODAY)
    form = added.form
    assert (form.edition, form.footer) == ("08/25/20", "Form I-589 (Rev. 08/25/20)")
    assert added.unplaceable == () and added.closest_footer is None
    if hasattr(store, "datadir"):  # a laptop store: in its data folder
        assert form.path.parent == store.datadir.root / "forms" / "i-589"
    else:  # an office database: this computer's settings folder, one folder per database
        assert form.path.parent.parts[-4:] == ("office", store.meta.store_id, "forms", "i-589")
    assert form.path.read_bytes() == BLANK.read_bytes()
    assert form.original_name == BLANK.name and form.added_on == TODAY
    assert i589_forms.stored_forms(store) == [form] and i589_forms.current_form(store) == form
    with pytest.raises(i589_forms.FormAlreadyStored):
        i589_forms.add_form(store=store, source=BLANK, today=TODAY)
    i589_forms.remove_form(store=store, form=form)
    assert not form.path.exists() and i589_forms.stored_forms(store) == []
    with store.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        kept = [e for e in entries if "i589_blank_form" in e.changes]
    assert [e.action for e in kept] == ["create", "delete"]
    assert kept[0].changes["i589_blank_form"][1]["edition"] == "08/25/20"


def test_an_edited_copy_is_stored_with_exactly_what_it_cannot_hold(
    store: Store, tmp_path: Path
) -> None:
    p1 = "form1[0].#subform[0]."
    edited = renamed_copy(
        tmp_path, {p1 + "PtAILine4_LastName[0]": "FamilyName[0]", p1 + "TextField1[0]": "X[0]"}
    )
    added = i589_forms.add_form(store=store, source=edited, today=TODAY)
    assert added.form.edition is None and added.closest_footer == "Form I-589 (Rev. 08/25/20)"
    assert {f.name for f in added.unplaceable} == {
        p1 + "PtAILine4_LastName[0]",
        p1 + "TextField1[0]",
    }
    known = i589_forms.add_form(store=store, source=BLANK, today=TODAY)
    assert i589_forms.current_form(store) == known.form  # a known edition comes first
    assert len(i589_forms.stored_forms(store)) == 2


def test_a_file_that_is_no_fillable_i589_is_refused_and_not_stored(
    store: Store, tmp_path: Path
) -> None:
    text = tmp_path / "notes.pdf"
    text.write_bytes(b"not a pdf at all")
    with pytest.raises(FormNotFillable) as caught:
        i589_forms.add_form(store=store, source=text, today=TODAY)
    assert caught.value.code == "i589_not_pdf"
    assert i589_forms.stored_forms(store) == []
