"""Colour is never the only signal (issue 17, item 5): what a list shows in the overdue
red also says so in words ("2004-12-01 (overdue)"), for an officer who does not see
red, and for a screen reader. Walked on every page as a first start shows it, each tab
of a state's detail and the meeting planner, over the demo campaign (whose follow-ups
and démarches of 2004 are long overdue)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.calendar.models import AgendaColumn, item_line
from ui.calendar.page import CalendarPage
from ui.dashboard.page import DashboardPage
from ui.demarches.board import DUE_ROLE, OVERDUE_ROLE
from ui.demarches.page import DemarchesPage
from ui.demarches.table_model import is_overdue
from ui.widgets.overdue import OVERDUE_RED, overdue_first, overdue_text, unmarked

from .desktop import open_app
from .walk import every_view

#: the words that say what the red says: overdue, late, a membership ended
WORDS = re.compile(r"\b(overdue|late|ended)\b", re.IGNORECASE)
#: rows read in each list (the first screenfuls; a list is red or not by the same rule)
ROWS = 300


def _red(value: object) -> bool:
    colour = value.color() if isinstance(value, QBrush) else value
    return isinstance(colour, QColor) and colour == QColor(OVERDUE_RED)


def _columns(model: QAbstractItemModel) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list model's is private: one column
        return 1


def _rows(view: QAbstractItemView, parent: QModelIndex) -> Iterator[QModelIndex]:
    """The first cell of each row under `parent`, and of their children (a tree's)."""
    model = view.model()
    for row in range(min(model.rowCount(parent), ROWS)):
        first = model.index(row, 0, parent)
        yield first
        if model.rowCount(first) > 0:
            yield from _rows(view, first)


def red_without_words(where: str, view: QAbstractItemView) -> list[str]:
    """The rows of `view` with a cell in the overdue red whose row, and the red cell's
    column heading, have no word saying so."""
    model = view.model()
    if model is None:
        return []
    found = []
    for first in _rows(view, QModelIndex()):
        cells = [first.siblingAtColumn(column) for column in range(_columns(model))]
        red = [cell for cell in cells if _red(cell.data(Qt.ItemDataRole.ForegroundRole))]
        if not red:
            continue
        said = [str(cell.data() or "") for cell in cells] + [
            str(model.headerData(cell.column(), Qt.Orientation.Horizontal) or "") for cell in red
        ]
        if not any(WORDS.search(text) for text in said):
            found.append(f"{where} › {type(model).__name__}: {' | '.join(said)}")
    return found


def red_labels_without_words(where: str, root: QWidget) -> list[str]:
    """The labels under `root` in the overdue red that do not say so in words."""
    return [
        f"{where} › {type(label).__name__}: {label.text()!r}"
        for label in root.findChildren(QLabel)
        if OVERDUE_RED.casefold() in label.styleSheet().casefold()
        and label.isVisibleTo(root)
        and not WORDS.search(label.text())
    ]


def shown_in_red_alone(where: str, root: QWidget) -> list[str]:
    found = red_labels_without_words(where, root)
    for view in root.findChildren(QAbstractItemView):
        if view.isVisibleTo(root) and not isinstance(view, QHeaderView):
            found += red_without_words(where, view)
    return found


def test_what_is_red_for_overdue_also_says_it_in_words(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    window.resize(1440, 900)
    found: list[str] = []
    reds = 0
    for where, page in every_view(desktop, lambda: qtbot.wait(20)):
        found += shown_in_red_alone(where, page)
        if where != type(page).__name__:
            continue  # the red cells counted once a page, on its first view
        reds += sum(
            _red(cell.data(Qt.ItemDataRole.ForegroundRole))
            for view in page.findChildren(QAbstractItemView)
            if view.model() is not None and view.isVisibleTo(page)
            for first in _rows(view, QModelIndex())
            for cell in (first.siblingAtColumn(c) for c in range(_columns(view.model())))
        )
    assert found == [], "\n".join(found)
    assert reds > 10, "the demo's overdue follow-ups and démarches should be shown in red"


def test_an_overdue_demarche_says_so_in_its_details_and_on_its_card(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    page = desktop.window.show_page(DemarchesPage)
    assert isinstance(page, DemarchesPage)
    today = date.today()
    late = next(d for d in desktop.services.demarches.list() if is_overdue(d, today))
    assert page.select(late.id)
    due = page.detail.fields["due"]
    assert OVERDUE_RED in due.styleSheet()
    assert due.text() == f"{late.due_on} (overdue)"
    cards = [
        column.item(row)
        for column in page.board.findChildren(QListWidget)
        for row in range(column.count())
    ]
    late_cards = [card for card in cards if card.data(OVERDUE_ROLE)]
    assert late_cards
    assert all(str(card.data(DUE_ROLE)).endswith(" (overdue)") for card in late_cards)


def test_the_calendar_says_overdue_in_its_agenda_and_its_days(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    page = desktop.window.show_page(CalendarPage)
    assert isinstance(page, CalendarPage)
    late = desktop.services.calendar.due().overdue_items[0]
    page.go_to(late.starts_on)
    qtbot.wait(20)
    red = [
        row
        for row in range(page.agenda.rowCount())
        if _red(page.agenda.index(row, AgendaColumn.DATE).data(Qt.ItemDataRole.ForegroundRole))
    ]
    assert red
    assert red_without_words("agenda", page.agenda_view) == []
    tip = page.month.index_of(late.starts_on).data(Qt.ItemDataRole.ToolTipRole)
    assert f"Overdue: {item_line(late)}" in tip  # as its chip in the day reads
    assert overdue_first("10:00 Bilateral") == "Overdue: 10:00 Bilateral"


def test_the_dashboards_overdue_follow_ups_say_so_in_words(
    qtbot: QtBot, demo_db_path: Path
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    page = desktop.window.show_page(DashboardPage)
    assert isinstance(page, DashboardPage)
    assert page.overdue.rowCount() > 0
    assert red_without_words("DashboardPage", page.overdue_view) == []


def test_an_export_takes_the_words_off_and_keeps_the_rest() -> None:
    assert unmarked(overdue_text("2004-11-30")) == "2004-11-30"
    assert unmarked(overdue_first("10:00 Bilateral")) == "10:00 Bilateral"
    assert unmarked("Overdue: ") == "Overdue: "  # nothing inside: left as it is
    assert unmarked("Late ratification (overdue) talks") == "Late ratification (overdue) talks"
