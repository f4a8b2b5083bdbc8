"""The search dialog (Ctrl+K): grouped results as you type, Enter opens the record."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from outreach.search import SearchKind, SearchService
from outreach.services.contacts import ContactService
from outreach.storage.database import Database
from ui.search import SearchDialog, SearchResultsModel
from ui.search.dialog import HIT_ROLE, HTML_ROLE, hit_html
from ui.undo import Operation, UndoRunner


@pytest.fixture
def dialog(qtbot: QtBot, db: Database) -> SearchDialog:
    dialog = SearchDialog(SearchService(db))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def group_titles(dialog: SearchDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_shows_results_grouped_by_kind(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.edit, "dema")
    qtbot.waitUntil(lambda: dialog.model.hit_count() > 0, timeout=2000)
    assert group_titles(dialog) == ["Démarches (5+)", "Log entries (2)"]
    current = dialog.current_hit()
    assert current is not None and current.kind == SearchKind.DEMARCHE


def test_accents_do_not_matter_and_matches_are_bold(dialog: SearchDialog) -> None:
    dialog.set_text("ornek")
    hit = dialog.current_hit()
    assert hit is not None and hit.title == "Aylin Örnek"
    html = dialog.view.currentIndex().data(HTML_ROLE)
    assert "<b>Örnek</b>" in html


def test_enter_opens_the_chosen_record(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_text("nairobi")
    opened: list[tuple[str, int]] = []
    dialog.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
    second = dialog.current_hit()
    assert second is not None
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert opened == [(str(second.kind), second.id)]
    assert not dialog.isVisible()


def test_double_click_opens_too(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_text("indonesia")
    opened: list[tuple[str, int]] = []
    dialog.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    index = dialog.model.first_hit()
    dialog.view.doubleClicked.emit(index)
    hit = index.data(HIT_ROLE)
    assert opened == [("state", hit.id)]


def test_up_and_down_stay_on_hits(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_text("turkiye")
    total = dialog.model.hit_count()
    for _ in range(total + 3):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Down)
        assert dialog.current_hit() is not None
    last = dialog.current_hit()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Up)
    assert dialog.current_hit() != last


def test_short_or_unmatched_text_says_so(dialog: SearchDialog) -> None:
    dialog.set_text("d")
    assert dialog.model.hit_count() == 0
    assert "two letters" in dialog.status.text()
    dialog.set_text("xyzzy")
    assert "Nothing found" in dialog.status.text()


def test_the_results_follow_an_edit_and_its_undo(
    qtbot: QtBot, dialog: SearchDialog, db: Database, undo_runner: UndoRunner
) -> None:
    contacts = ContactService(db)
    ornek = contacts.list(text="ornek")[0]
    undo_runner.run(
        Operation(
            text="Delete contact",
            do=lambda: contacts.delete(ornek.id),
            undo=lambda record: contacts.restore(record.id),
        )
    )
    dialog.set_text("ornek")
    assert SearchKind.CONTACT not in [g.kind for g in dialog.model.results().groups]
    undo_runner.stack.undo()
    dialog.set_text("ornek")
    assert dialog.current_hit() is not None and dialog.current_hit().id == ornek.id


def test_the_model_is_a_well_behaved_tree(qtmodeltester: ModelTester, db: Database) -> None:
    model = SearchResultsModel()
    model.set_results(SearchService(db).search("turkiye"))
    qtmodeltester.check(model)
    model.set_results(SearchService(db).search("xyzzy"))
    qtmodeltester.check(model)


def test_hit_html_escapes_text(db: Database) -> None:
    ContactService(db).create("<b>Evil</b>", notes="<script>")
    hit = SearchService(db).search("evil").hits[0]
    assert "&lt;b&gt;<b>Evil</b>&lt;/b&gt;" in hit_html(hit)  # the user's tags are text
    assert "<script>" not in hit_html(hit)


@pytest.mark.parametrize(
    ("language", "typed", "title"), [("en", "Cambodge", "Cambodia"), ("fr", "Cambodia", "Cambodge")]
)
def test_a_state_typed_in_the_other_language_is_found_under_its_shown_name(
    db: Database, speak: Callable[[str], None], language: str, typed: str, title: str
) -> None:
    speak(language)
    hit = SearchService(db).search(typed, kinds=[SearchKind.STATE]).hits[0]
    assert hit.title == title
    html = hit_html(hit)
    assert html.startswith(f"<b>{title}</b>")
    assert f"also known as:</span> <b>{typed}</b>" in html
