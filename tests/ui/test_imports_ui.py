"""The import dialogs (UNTC status table, contacts CSV) and "Export this list"."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from outreach.domain.enums import TreatyStatus
from outreach.io.contacts_csv import ContactImporter
from outreach.io.untc_import import UntcImporter
from outreach.services.contacts import ContactService
from outreach.services.organizations import OrganizationService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database
from ui.imports import ContactsImportDialog, UntcImportDialog
from ui.imports.contacts_dialog import MappedPreviewModel
from ui.undo import UndoRunner
from ui.widgets.export_list import export_list, install_export_action, table_of
from ui.widgets.records_table import RecordsModel

FIXTURES = Path(__file__).parents[1] / "outreach" / "io" / "fixtures"


# --- UNTC --------------------------------------------------------------------------------


@pytest.fixture
def yes_to_removals(monkeypatch: pytest.MonkeyPatch) -> None:
    """The partial fixture table takes many states out: the officer confirms it."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)


def test_the_untc_preview_shows_each_kind_of_change(qtbot: QtBot, db: Database) -> None:
    dialog = UntcImportDialog(UntcImporter(db), ["APMBC"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.apply_button.isEnabled()
    dialog.load(FIXTURES / "untc_apmbc_long.csv")
    titles = dialog.section_titles()
    assert any(title.startswith("Changed") for title in titles)  # Hungary's (invented) AA
    assert any(title.startswith("No longer listed") for title in titles)
    assert "Names that match no state: not imported (1)" in titles
    unmatched = dialog.tree.topLevelItem(titles.index(next(t for t in titles if "no state" in t)))
    assert unmatched.child(0).text(1) == "Republic of Atlantis"
    assert "is the table complete?" in dialog.summary.text()  # a partial table
    assert dialog.apply_button.isEnabled()


@pytest.mark.usefixtures("yes_to_removals")
def test_applying_the_untc_import(qtbot: QtBot, db: Database, messages: list[str]) -> None:
    dialog = UntcImportDialog(UntcImporter(db), ["APMBC"])
    qtbot.addWidget(dialog)
    dialog.load(FIXTURES / "untc_apmbc_long.csv")
    with qtbot.waitSignal(dialog.imported) as signal:
        dialog.apply_button.click()
    assert signal.args[0].applied == len(dialog.plan.changes)  # type: ignore[union-attr]
    afghanistan = TreatyService(db).participation("AFG", "APMBC")
    assert afghanistan is not None
    assert afghanistan.status_on(afghanistan.in_force_on) == TreatyStatus.PARTY  # type: ignore[arg-type]
    assert messages == []


@pytest.mark.usefixtures("yes_to_removals")
def test_an_applied_import_is_one_step_undo_takes_back(
    qtbot: QtBot, db: Database, undo_runner: UndoRunner, messages: list[str]
) -> None:
    treaties = TreatyService(db)
    dialog = UntcImportDialog(UntcImporter(db), ["APMBC"], undo=undo_runner)
    qtbot.addWidget(dialog)
    dialog.load(FIXTURES / "untc_apmbc_long.csv")
    assert dialog.plan is not None and dialog.plan.changes
    changed = [change.state_id for change in dialog.plan.changes]
    before = {state_id: treaties.participation(state_id, "APMBC") for state_id in changed}
    dialog.apply_button.click()
    imported = {state_id: treaties.participation(state_id, "APMBC") for state_id in changed}
    assert imported != before
    assert undo_runner.stack.count() == 1
    assert undo_runner.stack.undoText().startswith("Import APMBC status (")

    undo_runner.stack.undo()
    for state_id, record in before.items():
        now = treaties.participation(state_id, "APMBC")
        if record is None:  # a new participation: no dates left
            assert now is None or (now.signed_on, now.consent_on) == (None, None)
        else:
            assert now == record
    undo_runner.stack.redo()
    assert {state_id: treaties.participation(state_id, "APMBC") for state_id in changed} == imported
    assert messages == []


def test_an_unreadable_file_is_explained_in_the_dialog(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = UntcImportDialog(UntcImporter(db))
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n")
    dialog.load(bad)
    assert "Participant" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()


# --- contacts ------------------------------------------------------------------------------


def contacts_dialog(
    qtbot: QtBot, db: Database, folder: Path, sheet: str, undo: UndoRunner | None = None
) -> ContactsImportDialog:
    """The contacts import dialog, shown, with `sheet` loaded from people.csv in `folder`."""
    source = folder / "people.csv"
    source.write_text(sheet, encoding="utf-8")
    dialog = ContactsImportDialog(ContactImporter(db), undo=undo)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(source)
    return dialog


def test_contacts_import_with_mapped_columns(
    qtbot: QtBot, db: Database, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    dialog = contacts_dialog(
        qtbot, db, tmp_path,
        "Nom;Prénom;Pays;Courriel\nMüller;Jürgen;DEU;jm@example.org\nBad;Bob;Atlantis;\n",
    )  # fmt: skip
    mapping = dialog.mapping()
    assert mapping["family_name"] == "Nom"  # guessed from a French header
    assert mapping["state"] == "Pays" and mapping["email"] == "Courriel"
    assert mapping["given_name"] == "Prénom"
    dialog.set_mapping({"given_name": None})
    assert dialog.preview_model.index(0, 1).data() == ""
    dialog.set_mapping({"given_name": "Prénom"})
    assert dialog.preview_model.index(0, 1).data() == "Jürgen"
    qtmodeltester.check(dialog.preview_model)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert [c.full_name for c in ContactService(db).list(text="muller")] == ["Jürgen Müller"]
    assert "1 rows refused" in dialog.message.text()
    assert "Unknown state 'Atlantis'" in dialog.rejected_reasons()[0]
    assert (tmp_path / "people.rejected.csv").exists()


def test_a_contacts_import_is_one_step_undo_takes_back(
    qtbot: QtBot, db: Database, tmp_path: Path, undo_runner: UndoRunner
) -> None:
    contacts, organizations = ContactService(db), OrganizationService(db)
    dialog = contacts_dialog(
        qtbot, db, tmp_path,
        "family_name,given_name,organization\nMüller,Jürgen,Institut für Minenräumung\n",
        undo_runner,
    )  # fmt: skip
    dialog.import_button.click()
    assert [c.full_name for c in contacts.list(text="muller")] == ["Jürgen Müller"]
    assert undo_runner.stack.undoText() == "Import contacts from people.csv"
    undo_runner.stack.undo()
    assert contacts.list(text="muller") == []
    assert [o for o in organizations.list() if "Minenräumung" in o.name] == []
    undo_runner.stack.redo()
    (again,) = contacts.list(text="muller")
    assert again.organization_id is not None
    assert organizations.get(again.organization_id).name == "Institut für Minenräumung"


def test_contacts_import_needs_the_family_name_column(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    dialog = contacts_dialog(qtbot, db, tmp_path, "a,b\nx,y\n")
    assert not dialog.import_button.isEnabled()
    assert "Family name" in dialog.message.text()


def test_the_preview_model_is_well_behaved(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(MappedPreviewModel())


# --- export this list ----------------------------------------------------------------------


def test_export_list_writes_what_the_list_shows_neutralised(qtbot: QtBot, tmp_path: Path) -> None:
    model: RecordsModel[tuple[str, str]] = RecordsModel(
        [("Name", lambda r: r[0]), ("Note", lambda r: r[1])]
    )
    model.set_records([("Zed", '=HYPERLINK("x")'), ("Amy", "+41 22"), ("Bob", "plain")])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    proxy.setFilterRegularExpression("^(Amy|Zed)$")
    proxy.setFilterKeyColumn(0)
    written = export_list(None, proxy, "people", path=tmp_path / "people.csv")
    assert written == tmp_path / "people.csv"
    with written.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Name", "Note"], ["Amy", "'+41 22"], ["Zed", '\'=HYPERLINK("x")']]
    header, lazy = table_of(proxy, [1])
    assert header == ["Note"] and len(list(lazy)) == 2


def test_every_list_view_offers_export(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model: RecordsModel[str] = RecordsModel([("A", str), ("B", lambda r: r * 2)])
    model.set_records(["x", "y"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setColumnHidden(1, True)
    action = install_export_action(view, "letters")
    target = tmp_path / "letters.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    action.trigger()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["A"], ["x"], ["y"]]  # the hidden column left out
    assert action in view.actions()
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_an_export_that_cannot_be_written_is_explained(
    qtbot: QtBot, tmp_path: Path, messages: list[str]
) -> None:
    model: RecordsModel[str] = RecordsModel([("A", str)])
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert export_list(None, model, "x", path=blocker / "inside.csv") is None
    assert messages and "Cannot write" in messages[0]
