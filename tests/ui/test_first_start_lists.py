"""On a first start at 1440×900, each list page gives its list most of the width and
the detail pane at most a third; the columns fit their content, the key column (a name,
a title, a summary) at least as wide as its typical text."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from ui.contacts.page import ContactsPage
from ui.demarches.page import DemarchesPage
from ui.log.page import LogPage
from ui.organizations.page import OrganizationsPage
from ui.pages import Page
from ui.states.page import StatesPage

from .desktop import open_app

#: each list page, and the column that names its records
KEY_COLUMNS: list[tuple[type[Page], int]] = [
    (StatesPage, 0),
    (ContactsPage, 0),
    (OrganizationsPage, 0),
    (DemarchesPage, 1),
    (LogPage, 2),
]


def _typical_text_width(table: QTableView, column: int) -> int:
    model = table.model()
    metrics = table.fontMetrics()
    texts = [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
    return int(statistics.median(metrics.horizontalAdvance(text) for text in texts))


@pytest.mark.parametrize(
    ("page_type", "key"), KEY_COLUMNS, ids=lambda p: getattr(p, "__name__", str(p))
)
def test_a_list_page_gets_the_room_on_a_first_start(
    qtbot: QtBot, demo_db_path: Path, page_type: type[Page], key: int
) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    window.resize(1440, 900)
    page = window.show_page(page_type)
    table = page.table  # type: ignore[attr-defined]
    assert isinstance(table, QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() > 0, timeout=10_000)
    qtbot.wait(100)  # the first fit runs once the rows are shown
    splitter = page.splitter  # type: ignore[attr-defined]
    listed, detail = splitter.sizes()[:2]
    assert detail <= (listed + detail) / 3 + 4, (page_type.__name__, listed, detail)
    assert listed >= 0.6 * (listed + detail)
    key_width = table.horizontalHeader().sectionSize(key)
    assert key_width >= _typical_text_width(table, key), page_type.__name__
