"""The lists that moved onto `FilteredRecordsModel` (issue 12): what a user sees in them
did not change, and the base keeps what it promises."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester

from outreach.domain.enums import CalendarKind
from outreach.domain.records import CalendarItem, ContactRecord
from outreach.services.duplicates import DuplicatePair
from ui.calendar.models import AgendaModel
from ui.duplicates.dialog import DuplicatePairsModel
from ui.widgets.filtered_records import ROW_ROLE


def _contact(contact_id: int, given: str, family: str) -> ContactRecord:
    return ContactRecord(contact_id, given, family, "", None, None, "", "", (), "")


def _pair(first: int, second: int, score: float) -> DuplicatePair:
    return DuplicatePair(
        _contact(first, "Ana", f"Pérez {first}"), _contact(second, "Ana", f"Perez {second}"),
        score, ("same name",),
    )  # fmt: skip


def test_the_pairs_stay_likeliest_first_as_found(qtmodeltester: ModelTester) -> None:
    # the base must not sort by its first column ("Score", as text) until asked to
    model = DuplicatePairsModel()
    model.set_pairs([_pair(1, 2, 100), _pair(3, 4, 95), _pair(5, 6, 88)])
    qtmodeltester.check(model)
    assert [model.index(row, 0).data() for row in range(3)] == ["100", "95", "88"]


def test_not_the_same_person_keeps_the_other_pairs_and_their_selection() -> None:
    model = DuplicatePairsModel()
    pairs = [_pair(1, 2, 100), _pair(3, 4, 95), _pair(5, 6, 88)]
    model.set_pairs(pairs)
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(2, 0), QItemSelectionModel.SelectionFlag.Select)
    model.drop_pair(0)
    assert model.pairs() == pairs[1:]
    assert selection.currentIndex().data(ROW_ROLE) == pairs[2]  # still the one selected


def test_the_agenda_tells_a_meeting_from_an_intervention_with_the_same_id() -> None:
    day = date(2004, 11, 29)
    meeting = CalendarItem(CalendarKind.MEETING, 7, "Nairobi Summit", day, date(2004, 12, 3))
    intervention = CalendarItem(CalendarKind.INTERVENTION, 7, "Bilateral", day, day)
    model = AgendaModel()
    model.set_items([meeting, intervention])
    assert model.row_of(CalendarKind.INTERVENTION, 7) == 1
    assert model.row_of((CalendarKind.MEETING, 7)) == 0
    assert model.index(1, 0).data(ROW_ROLE) == intervention
    assert model.first_row_on_or_after(date(2004, 12, 1)) == 0  # the meeting lasts till then
    model.sort(2, Qt.SortOrder.AscendingOrder)  # by title
    assert model.items() == [intervention, meeting]
