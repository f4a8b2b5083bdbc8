"""The dashboard: States Parties against the target, movement, overdue follow-ups."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings
from pytestqt.qtbot import QtBot

from outreach.domain.records import LogFilter
from ui.dashboard.page import DashboardPage
from ui.services import AppServices


def make_page(qtbot: QtBot, services: AppServices) -> DashboardPage:
    names = {row.id: row.name for row in services.states.list_rows()}
    page = DashboardPage(services.dashboard, names)
    qtbot.addWidget(page)
    page.show()
    return page


def test_headline_counts_parties_and_overdue_follow_ups(
    qtbot: QtBot, services: AppServices
) -> None:
    page = make_page(qtbot, services)
    parties = services.treaties.count_parties("APMBC", date.today())
    overdue = services.log.count(LogFilter(overdue_on=date.today()))
    text = page.headline.text()
    counts = services.treaties.party_counts("APMBC", date.today())
    assert f"<b>{parties}</b> States Parties" in text
    assert (
        f"<b>{counts.pending}</b> pending entry into force ({counts.deposited} by deposit)" in text
    )
    assert "target 145, counted by deposit" in text
    assert f"<b>{overdue}</b> overdue" in text
    assert page.overdue.rowCount() == min(overdue, 50)
    qtbot.waitUntil(lambda: page.chart.svg is not None)  # drawn once the page shows
    assert page.chart.svg is not None and page.chart.svg.renderer().isValid()


def test_movement_since_a_date_counts_new_parties_per_category(
    qtbot: QtBot, services: AppServices
) -> None:
    page = make_page(qtbot, services)
    page.since.setDate(QDate(2002, 11, 30))
    rows = {page.categories.index(r, 0).data(): r for r in range(page.categories.rowCount())}
    acceders = rows["Likely acceders"]
    moved = int(page.categories.index(acceders, 4).data())
    then = int(page.categories.index(acceders, 2).data())
    now = int(page.categories.index(acceders, 3).data())
    assert then == 0  # none of them had joined in November 2002
    assert moved == now - then > 10


def test_double_clicking_an_overdue_follow_up_opens_its_state(
    qtbot: QtBot, services: AppServices
) -> None:
    page = make_page(qtbot, services)
    index = page.overdue.index(0, 0)
    with qtbot.waitSignal(page.open_state) as opened:
        page.overdue_view.doubleClicked.emit(index)
    entry = services.log.page(LogFilter(overdue_on=date.today()), 0, 1)[0]
    assert opened.args == [entry.state_ids[0]]


def test_the_campaign_as_it_stood_on_another_day(qtbot: QtBot, services: AppServices) -> None:
    page = make_page(qtbot, services)
    page.as_of.setDate(QDate(2004, 11, 25))
    day = date(2004, 11, 25)
    parties = services.treaties.count_parties("APMBC", day)
    text = page.headline.text()
    assert f"<b>{parties}</b> States Parties to the APMBC on 2004-11-25" in text
    due = services.calendar.due(day)
    assert f"due the week after: <b>{due.due}</b>" in text
    titles = {item.title for item in page.due_box.model.items()}
    assert "Ratification before Nairobi" in titles  # due on 2004-11-29
    assert page.overdue.rowCount() == min(services.log.count(LogFilter(overdue_on=day)), 50)
    page.today_button.click()
    assert "today" in page.headline.text()


def test_the_curve_can_count_by_deposit_and_the_choice_is_remembered(
    qtbot: QtBot, services: AppServices
) -> None:
    page = make_page(qtbot, services)
    page.as_of.setDate(QDate(2003, 12, 31))
    qtbot.waitUntil(lambda: page.chart.svg is not None)
    drawn: list[tuple[object, ...]] = []
    monkeypatch_show = page.chart.show_curve

    def recording(*args: object) -> None:
        drawn.append(args)
        monkeypatch_show(*args)  # type: ignore[arg-type]

    page.chart.show_curve = recording  # type: ignore[method-assign]
    page.counting.setCurrentIndex(page.counting.findData("deposit"))
    (curve, counting, target, target_counting), *_ = drawn
    assert (counting, target, target_counting) == ("deposit", 145, "deposit")
    assert curve[-1] == (date(2003, 12, 31), 141)  # 134 in force that day
    settings = QSettings()
    page.save_state(settings)
    again = make_page(qtbot, services)
    again.restore_state(settings)
    assert again.counting.currentData() == "deposit"


def test_mine_shows_my_follow_ups_and_demarches_and_is_remembered(
    qtbot: QtBot, services: AppServices
) -> None:
    from ui.preferences import MY_NAME_KEY

    QSettings().setValue(MY_NAME_KEY, "Desk Officer")
    services.log.log(
        "2004-09-01", "call", "My overdue call", states=["KHM"], officer="Desk Officer",
        follow_up_on="2004-09-15",
    )  # fmt: skip
    page = make_page(qtbot, services)
    everyone = page.overdue.rowCount()
    page.mine_only.setChecked(True)
    assert [page.overdue.records()[row].summary for row in range(page.overdue.rowCount())] == [
        "My overdue call"
    ]
    assert everyone > 1
    page.save_state(QSettings())
    again = make_page(qtbot, services)
    again.restore_state(QSettings())
    assert again.mine_only.isChecked()
