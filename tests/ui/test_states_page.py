"""The States page: filters, sorting, a state's detail and editing its profile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from outreach.domain.treaty_rules import annual_report_standing
from outreach.errors import StaleRecordError
from outreach.folding import fold
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database
from ui.conflicts import ConflictChoice
from ui.goto_state import GoToStateDialog
from ui.services import AppServices
from ui.states import dialogs
from ui.states.page import StatesPage
from ui.states.table_model import ROW_ROLE, Column
from ui.undo import UndoRunner
from ui.widgets.names import StateNames

from .desktop import Show


@pytest.fixture
def page(show: Show, services: AppServices, undo_runner: UndoRunner) -> StatesPage:
    return show(StatesPage(services, undo_runner))


def shown_iso3(page: StatesPage) -> list[str]:
    return [page.proxy.index(row, 0).data(ROW_ROLE).iso3 for row in range(page.proxy.rowCount())]


def test_the_model_passes_the_model_tester(page: StatesPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_text_filter_matches_aliases(qtbot: QtBot, page: StatesPage) -> None:
    qtbot.keyClicks(page.text, "ivory")
    assert shown_iso3(page) == ["CIV"]
    page.text.clear()
    qtbot.keyClicks(page.text, "turkey")
    assert shown_iso3(page) == ["TUR"]


def test_category_and_status_filters_combine(page: StatesPage, services: AppServices) -> None:
    page.category.setCurrentIndex(page.category.findData("steadfast-producers-users"))
    steadfast = set(shown_iso3(page))
    assert {"USA", "CHN", "RUS", "PAK"} <= steadfast
    page.status.setCurrentIndex(page.status.findData("outside"))
    expected = {
        row.iso3
        for row in services.states.list_rows(category="steadfast-producers-users", status="outside")
    }
    assert set(shown_iso3(page)) == expected


def test_security_council_year_filter(page: StatesPage) -> None:
    page.council_year.setValue(2004)
    shown = set(shown_iso3(page))
    assert len(shown) == 15
    assert {"CHN", "FRA", "RUS", "GBR", "USA", "PAK", "DZA", "BEN"} <= shown


def test_sorting_by_last_contact_puts_the_most_recent_first(
    page: StatesPage, services: AppServices
) -> None:
    page.table.sortByColumn(Column.LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    first = page.proxy.index(0, 0).data(ROW_ROLE)
    latest = max(row.last_contact_on for row in services.states.list_rows() if row.last_contact_on)
    assert first.last_contact_on == latest


def test_selecting_a_state_shows_its_profile_obligations_and_history(
    page: StatesPage, services: AppServices
) -> None:
    cambodia = services.states.get("KHM").id
    page.go_to_state(cambodia)
    profile = page.detail.profile.toPlainText()
    assert "Cambodia" in profile
    assert "Article 7" in profile
    assert "overdue" in profile  # the demo's 2000s deadlines have passed
    assert page.detail.contacts.rowCount() >= 1
    assert page.detail.log.rowCount() >= 1


def test_editing_talking_points_can_be_undone_and_redone(
    qtbot: QtBot, page: StatesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    indonesia = services.states.get("IDN")
    page.go_to_state(indonesia.id)
    page.detail.talking_points.setPlainText("Ratify before Nairobi.")
    qtbot.mouseClick(page.detail.save_button, Qt.MouseButton.LeftButton)
    assert services.states.get("IDN").talking_points == "Ratify before Nairobi."
    undo_runner.stack.undo()
    assert services.states.get("IDN").talking_points == indonesia.talking_points
    undo_runner.stack.redo()
    assert services.states.get("IDN").talking_points == "Ratify before Nairobi."
    history = services.history.for_state(indonesia.id, limit=5)
    assert any("talking_points" in entry.changes for entry in history)


def test_go_to_state_clears_filters_that_hide_it(
    qtbot: QtBot, page: StatesPage, services: AppServices
) -> None:
    qtbot.keyClicks(page.text, "canada")
    page.go_to_state(services.states.get("KHM").id)
    assert page.selection().state_id == services.states.get("KHM").id
    assert page.text.text() == ""


def test_the_joined_filter_and_the_counts_under_the_list_say_both_ways(
    page: StatesPage, services: AppServices
) -> None:
    page.status.setCurrentIndex(page.status.findData("joined"))
    rows = services.states.list_rows()
    parties = {row.iso3 for row in rows if row.status.value == "party"}
    pending = {row.iso3 for row in rows if row.status.value == "pending"}
    assert set(shown_iso3(page)) == parties | pending
    assert page.counts.text() == (
        f"APMBC: {len(parties)} States Parties today; {len(pending)} pending entry into "
        f"force ({len(parties) + len(pending)} by deposit, as Landmine and Cluster Munition "
        "Monitor counts)"
    )


def test_a_succession_s_effective_date_is_asked_for_a_succession_only(
    qtbot: QtBot,
    page: StatesPage,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.go_to_state(services.states.get("SSD").id)
    seen: list[tuple[bool, date | None]] = []

    def correct(dialog: dialogs.ParticipationDialog) -> int:
        seen.append((dialog.effective.isEnabled(), dialog.effective.value()))
        dialog.effective.set_value(date(2011, 7, 10))
        dialog.kind.setCurrentIndex(dialog.kind.findData("accession"))
        seen.append((dialog.effective.isEnabled(), None))
        dialog.kind.setCurrentIndex(dialog.kind.findData("succession"))
        return 1

    monkeypatch.setattr(dialogs.ParticipationDialog, "exec", correct)
    qtbot.mouseClick(page.detail.status_button, Qt.MouseButton.LeftButton)
    assert seen == [(True, date(2011, 7, 9)), (False, None)]
    recorded = services.treaties.participation("SSD", "APMBC")
    assert recorded is not None and recorded.in_force_on == date(2011, 7, 10)
    undo_runner.stack.undo()
    undone = services.treaties.participation("SSD", "APMBC")
    assert undone is not None and undone.in_force_on == date(2011, 7, 9)


def test_recording_an_accession_in_the_dialog_makes_a_party_and_can_be_undone(
    qtbot: QtBot,
    page: StatesPage,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    viet_nam = services.states.get("VNM")
    page.go_to_state(viet_nam.id)

    def fill(dialog: dialogs.ParticipationDialog) -> int:
        dialog.consent.set_value(date(2005, 3, 15))
        dialog.kind.setCurrentIndex(dialog.kind.findData("accession"))
        dialog.source.setText("Recorded by hand")
        return 1

    monkeypatch.setattr(dialogs.ParticipationDialog, "exec", fill)
    qtbot.mouseClick(page.detail.status_button, Qt.MouseButton.LeftButton)
    recorded = services.treaties.participation("VNM", "APMBC")
    assert recorded is not None
    assert recorded.in_force_on == date(2005, 9, 1)
    assert "Party" in page.detail.profile.toPlainText()
    undo_runner.stack.undo()
    assert services.treaties.participation("VNM", "APMBC").consent_on is None  # type: ignore[union-attr]


def test_a_fact_without_a_source_is_refused_and_the_dialog_comes_back(
    qtbot: QtBot,
    page: StatesPage,
    services: AppServices,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.go_to_state(services.states.get("LAO").id)
    shown: list[str] = []
    attempts: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: shown.append(str(error)))

    def fill(dialog: dialogs.FactDialog) -> int:
        attempts.append(dialog.source.text())
        if len(attempts) == 1:
            dialog.kind.setCurrentIndex(dialog.kind.findData("stockpile"))
            dialog.quantity.setValue(1000)
            return 1  # no source: refused
        assert dialog.quantity.value() == 1000  # what was typed is still there
        dialog.source.setText("Landmine Monitor 2004")
        return 1

    monkeypatch.setattr(dialogs.FactDialog, "exec", fill)
    qtbot.mouseClick(page.detail.fact_button, Qt.MouseButton.LeftButton)
    assert shown and "source" in shown[0]
    facts = [f for f in services.facts.facts_of("LAO") if f.kind.value == "stockpile"]
    assert [(f.kind.value, f.quantity, f.source) for f in facts] == [
        ("stockpile", 1000, "Landmine Monitor 2004")
    ]
    assert "Stockpile (1,000)" in page.detail.profile.toPlainText()


def test_a_duty_met_in_the_obligations_dialog_is_no_longer_overdue_until_undone(
    qtbot: QtBot,
    page: StatesPage,
    services: AppServices,
    undo_runner: UndoRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ireland = services.states.get("IRL")
    page.go_to_state(ireland.id)
    before = services.treaties.obligations("IRL", "APMBC")
    overdue = page.detail.profile.toPlainText().count("overdue")
    assert overdue == 1  # the initial report, which the shipped record does not date

    def fill(dialog: dialogs.ObligationsDialog) -> int:
        met, _extended = dialog.rows[0]
        met.set_value(date(2000, 6, 28))
        _met, extended = dialog.rows[-1]
        extended.set_value(date(2020, 1, 1))
        dialog.source.setText("Article 7 report, 2000")
        return 1

    monkeypatch.setattr(dialogs.ObligationsDialog, "exec", fill)
    qtbot.mouseClick(page.detail.obligations_button, Qt.MouseButton.LeftButton)
    after = services.treaties.obligations("IRL", "APMBC")
    assert (after[0].met_on, after[0].source) == (date(2000, 6, 28), "Article 7 report, 2000")
    assert after[-1].extended_to == date(2020, 1, 1)
    profile = page.detail.profile.toPlainText()
    assert "met 2000-06-28" in profile
    assert profile.count("overdue") == overdue - 1

    undo_runner.stack.undo()
    assert services.treaties.obligations("IRL", "APMBC") == before
    assert page.detail.profile.toPlainText().count("overdue") == overdue


def test_notes_typed_are_kept_when_another_state_is_chosen(
    page: StatesPage, services: AppServices, undo_runner: UndoRunner
) -> None:
    page.go_to_state(services.states.get("IDN").id)
    page.detail.notes.setPlainText("Ratification bill tabled in parliament.")
    page.go_to_state(services.states.get("KHM").id)  # no Save clicked
    assert services.states.get("IDN").notes == "Ratification bill tabled in parliament."
    assert page.detail.state is not None and page.detail.state.iso3 == "KHM"
    undo_runner.stack.undo()  # kept as an ordinary, undoable edit
    assert services.states.get("IDN").notes != "Ratification bill tabled in parliament."


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        # their notes stay, my talking points go in
        (ConflictChoice.REAPPLY, ("Their note.", "My points.", "Their points.")),
        # everything I see goes in over theirs
        (ConflictChoice.OVERWRITE, ("", "My points.", "")),
        # nothing saved; my typing stays on screen
        (ConflictChoice.KEEP_EDITING, ("Their note.", "Their points.", None)),
    ],
)
def test_a_profile_someone_else_saved_meanwhile_is_never_overwritten_unasked(
    page: StatesPage,
    db: Database,
    services: AppServices,
    monkeypatch: pytest.MonkeyPatch,
    choice: ConflictChoice,
    expected: tuple[str, str, str | None],
) -> None:
    khm = services.states.get("KHM")
    services.states.update_profile("KHM", notes="", talking_points="", version=khm.version)
    page.go_to_state(khm.id)  # I open Cambodia
    other = open_database(db.location, actor="second-officer", create=True)  # another window
    try:
        theirs = StateService(other)
        theirs.update_profile(
            "KHM", notes="Their note.", talking_points="Their points.",
            version=theirs.get("KHM").version,
        )  # fmt: skip
    finally:
        other.close()
    asked: list[str] = []

    def ask(_parent: object, error: StaleRecordError) -> ConflictChoice:
        asked.append(str(error))
        return choice

    monkeypatch.setattr("ui.states.detail.ask_about_conflict", ask)
    page.detail.talking_points.setPlainText("My points.")
    page.detail.save_profile()
    assert len(asked) == 1 and "second-officer changed this state" in asked[0]
    saved = services.states.get("KHM")
    notes, points, on_screen = expected
    assert (saved.notes, saved.talking_points) == (notes, points)
    if on_screen is None:  # kept editing: what I typed is still there, unsaved
        assert page.detail.talking_points.toPlainText() == "My points."
    else:
        assert not page.detail.has_unsaved_edits()


# --- in French: states by their French names, found by either language's name -----------


def test_in_french_the_list_names_and_sorts_states_as_a_french_reader_expects(
    in_french: None, qtbot: QtBot, page: StatesPage
) -> None:
    page.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    names = [page.proxy.index(row, Column.NAME).data() for row in range(page.proxy.rowCount())]
    order = ["Égypte", "El Salvador", "Émirats arabes unis", "Équateur"]
    assert [name for name in names if name in order] == order
    qtbot.keyClicks(page.text, "cambodia")  # its English name finds it too
    assert shown_iso3(page) == ["KHM"]


@pytest.mark.parametrize(("language", "typed"), [("en", "Cambodge"), ("fr", "Cambodia")])
def test_go_to_state_and_the_pickers_find_a_state_by_its_other_name(
    qtbot: QtBot,
    services: AppServices,
    speak: Callable[[str], None],
    language: str,
    typed: str,
) -> None:
    speak(language)
    names = StateNames(services.states)
    dialog = GoToStateDialog(services.states.list_rows())
    qtbot.addWidget(dialog)
    cambodia = services.states.get("KHM").id
    assert names.find(typed) == cambodia
    assert [choice.id for choice in names.choices() if choice.matches(fold(typed))] == [cambodia]
    dialog.edit.setText(typed)
    assert dialog.chosen_state_id() == cambodia


def test_the_profile_says_the_annual_update_late_only_when_reports_are_recorded(
    page: StatesPage, services: AppServices
) -> None:
    ireland = services.states.get("IRL")
    page.go_to_state(ireland.id)
    due = annual_report_standing(date(1999, 3, 1), [], date.today()).due_on
    line = f"Annual Article 7 update (by 30 April): {due.isoformat()} — "
    assert line + "none recorded" in page.detail.profile.toPlainText()
    services.facts.add_fact("IRL", "art7_report", source="ISU", as_of=date(due.year - 1, 4, 20))
    page.detail.show_state(ireland.id)
    profile = page.detail.profile.toPlainText()
    assert line + "not received late" in " ".join(profile.split())
