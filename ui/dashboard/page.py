"""The Dashboard page: States Parties against the target, category movement since a date,
upcoming démarches and meetings, overdue follow-ups."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import Counting
from outreach.domain.records import CategoryMovement, DemarcheRecord, LogEntryRecord, MeetingRecord
from outreach.domain.vocabulary import label
from outreach.services.dashboard import DashboardService
from ui.calendar.due import DueBox
from ui.dashboard.chart import PartiesChart
from ui.dashboard.world_map import WorldMapPanel, standings_map
from ui.pages import Page
from ui.preferences import my_name
from ui.treaty_choice import TreatyChoice
from ui.widgets.dates import iso_day
from ui.widgets.overdue import overdue_text
from ui.widgets.records_table import RECORD_ROLE, RecordsModel, records_view, stretch_column
from ui.widgets.tab_order import tab_order

DEFAULT_SINCE = QDate(2004, 1, 1)


class DashboardPage(Page):
    shows = (
        Entity.PARTICIPATION,
        Entity.CATEGORY,
        Entity.CATEGORY_MEMBER,
        Entity.FACT,
        Entity.SEAT,
        Entity.LOG_ENTRY,
        Entity.LOG_ENTRY_STATE,
        Entity.DEMARCHE,
        Entity.MEETING,
        Entity.INTERVENTION,
        Entity.INTERVENTION_TARGET,
    )
    open_state = Signal(int)
    #: (kind, id) of an item due this week, as the calendar names it
    open_item = Signal(str, int)

    def __init__(
        self,
        dashboard: DashboardService,
        state_names: dict[int, str],
        parent: QWidget | None = None,
        treaty: TreatyChoice | None = None,
        role: str = "",
    ) -> None:
        super().__init__(parent)
        self._dashboard = dashboard
        self._role = role  # on a desk's server, whose records "Mine" shows without a name
        #: the treaty the curve and the headline count (the window's choice, View ▸ Treaty)
        self.treaty = treaty if treaty is not None else TreatyChoice(parent=self)
        self.treaty.changed.connect(lambda _code: self.on_changed(Changes(frozenset(self.shows))))
        self.due_box = DueBox(self)
        self.due_box.open_item.connect(self.open_item)
        self._names = state_names
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.chart = PartiesChart(self)
        self.world = WorldMapPanel(self)
        self.world.state_clicked.connect(self.open_state)
        self.world.choice_changed.connect(lambda _slug: self._show_world(self.day()))
        self._categories: list[CategoryMovement] = []
        self.since = QDateEdit(DEFAULT_SINCE, self)
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.dateChanged.connect(self.reload)
        self.as_of = QDateEdit(QDate.currentDate(), self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setToolTip(self.tr("See the campaign as it stood on another day"))
        self.as_of.setAccessibleName(self.tr("As of"))
        self.as_of.dateChanged.connect(self.reload)
        self.counting = QComboBox(self)
        self.counting.addItem(self.tr("States Parties in force"), Counting.IN_FORCE.value)
        self.counting.addItem(
            self.tr("States Parties by deposit (Landmine Monitor, ICBL)"), Counting.DEPOSIT.value
        )
        self.counting.setToolTip(
            self.tr(
                "The treaty binds a state from entry into force; Landmine Monitor and the "
                "ICBL count it from the deposit of its instrument"
            )
        )
        self.counting.currentIndexChanged.connect(self.reload)
        self.mine_only = QCheckBox(self.tr("&Mine"), self)
        self.mine_only.setToolTip(
            self.tr("My follow-ups and my démarches only (my name: Edit ▸ Preferences…)")
        )
        self.mine_only.toggled.connect(lambda _on: self.reload())
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.clicked.connect(lambda: self.as_of.setDate(QDate.currentDate()))
        self.categories = RecordsModel[CategoryMovement](
            [
                (self.tr("Category"), lambda c: c.name),
                (self.tr("States"), lambda c: c.members),
                (self.tr("Parties then"), lambda c: c.parties_then),
                (self.tr("Parties now"), lambda c: c.parties_now),
                (self.tr("Moved"), lambda c: f"{c.moved:+d}" if c.moved else "0"),
            ],
            parent=self,
        )
        self.overdue = RecordsModel[LogEntryRecord](
            [
                (
                    self.tr("Due"),
                    lambda e: overdue_text(
                        iso_day(e.follow_up_on), e.follow_up_overdue_on(self.day())
                    ),
                ),
                (self.tr("States"), lambda e: self._state_names(e.state_ids)),
                (self.tr("Summary"), lambda e: e.summary),
            ],
            warn=lambda e: e.follow_up_overdue_on(self.day()),
            parent=self,
        )
        self.demarches = RecordsModel[DemarcheRecord](
            [
                (self.tr("Due"), lambda d: iso_day(d.due_on)),
                (self.tr("State"), lambda d: self._names.get(d.state_id, "")),
                (self.tr("Démarche"), lambda d: d.title),
                (self.tr("Status"), lambda d: d.status.value),
            ],
            parent=self,
        )
        self.meetings = RecordsModel[MeetingRecord](
            [
                (self.tr("Starts"), lambda m: iso_day(m.starts_on)),
                (self.tr("Meeting"), lambda m: m.title),
                (self.tr("City"), lambda m: m.city),
            ],
            parent=self,
        )
        self.overdue_view = records_view(self.overdue, self)
        self.demarches_view = records_view(self.demarches, self)
        self.overdue_view.doubleClicked.connect(self._open_entry_state)
        self.demarches_view.doubleClicked.connect(self._open_demarche_state)

        chart_box = QGroupBox(self.tr("States Parties"), self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.headline)
        curve_tab = QWidget(self)
        curve_layout = QVBoxLayout(curve_tab)
        counted = QHBoxLayout()
        counted.addWidget(QLabel(self.tr("Curve:"), self))
        counted.addWidget(self.counting)
        counted.addStretch(1)
        curve_layout.addLayout(counted)
        curve_layout.addWidget(self.chart, 1)
        self.pictures = QTabWidget(self)
        self.pictures.setAccessibleName(self.tr("Curve or map"))
        self.pictures.addTab(curve_tab, self.tr("Cur&ve"))
        self.pictures.addTab(self.world, self.tr("Wor&ld map"))
        chart_layout.addWidget(self.pictures, 1)
        movement_box = QGroupBox(self.tr("Priority categories"), self)
        movement_layout = QFormLayout(movement_box)
        movement_layout.addRow(self.tr("Movement since:"), self.since)
        movement_view = records_view(self.categories, self)
        stretch_column(movement_view, 0)
        movement_layout.addRow(movement_view)
        self.overdue_box = QGroupBox(self.tr("Overdue follow-ups"), self)
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_view)
        self.due_box.setFlat(True)
        self.agenda = QTabWidget(self)
        self.agenda.addTab(self.due_box, self.tr("Overdue and due this week"))
        self.agenda.addTab(self.demarches_view, self.tr("Upcoming démarches"))
        self.agenda.addTab(records_view(self.meetings, self), self.tr("Upcoming meetings"))
        top = QHBoxLayout()
        top.addWidget(self.mine_only)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("As of:"), self))
        top.addWidget(self.as_of)
        top.addWidget(self.today_button)
        grid = QGridLayout()
        grid.addWidget(chart_box, 0, 0)
        grid.addWidget(movement_box, 0, 1)
        grid.addWidget(self.overdue_box, 1, 0)
        grid.addWidget(self.agenda, 1, 1)
        for column in (0, 1):  # halves: the agenda's dates, kinds and titles need theirs
            grid.setColumnStretch(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        # Tab as the page is read (the due box and the curve were made before their tabs)
        tab_order(self.mine_only, self.as_of, self.today_button, self.pictures, self.since,
                  movement_view, self.overdue_view, self.agenda)  # fmt: skip
        tab_order(self.pictures.tabBar(), self.counting, self.world.choice, self.world.view)
        tab_order(self.agenda.tabBar(), self.due_box.view)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("DashboardPage", "Dashboard")

    def _state_names(self, ids: tuple[int, ...]) -> str:
        return ", ".join(self._names.get(state_id, "?") for state_id in ids)

    def day(self) -> date:
        """The day the dashboard shows the campaign as of (today unless chosen)."""
        day = self.as_of.date().toPython()
        assert isinstance(day, date)
        return day

    def reload(self) -> None:
        since = self.since.date().toPython()
        assert isinstance(since, date)
        day = self.day()
        counting = Counting(self.counting.currentData())
        mine = (my_name(QSettings()) or self._role or None) if self.mine_only.isChecked() else None
        summary = self._dashboard.summary(
            as_of=day, since=since, counting=counting, treaty_code=self.treaty.code, officer=mine
        )
        self.chart.show_curve(
            list(summary.curve), counting, summary.target, summary.target_counting
        )
        headline = (
            self.tr(
                "<b>{0}</b> States Parties to the {1} today, <b>{6}</b> pending entry into "
                "force ({7} by deposit) · target {2}, counted {8} · <b>{3}</b> overdue "
                "follow-ups · due this week: <b>{4}</b>"
            )
            if day == date.today()
            else self.tr(
                "<b>{0}</b> States Parties to the {1} on {5}, <b>{6}</b> pending entry into "
                "force ({7} by deposit) · target {2}, counted {8} · <b>{3}</b> follow-ups "
                "overdue then · due the week after: <b>{4}</b>"
            )
        )
        counts = summary.counts
        self.headline.setText(
            headline.format(
                counts.in_force,
                summary.treaty_code,
                summary.target or "—",
                summary.overdue_count,
                summary.due.due,
                day.isoformat(),
                counts.pending,
                counts.deposited,
                label(summary.target_counting),
            )
        )
        self.overdue_box.setTitle(self.tr("Overdue follow-ups ({0})").format(summary.overdue_count))
        self.categories.set_records(list(summary.categories))
        self._categories = list(summary.categories)
        self._show_world(day)
        self.overdue.set_records(list(summary.overdue_follow_ups))
        self.demarches.set_records(list(summary.upcoming_demarches))
        self.meetings.set_records(list(summary.upcoming_meetings))
        self.due_box.show_summary(summary.due)

    def _show_world(self, day: date) -> None:
        """The map's choice offers the categories last read; the map of the choice is
        drawn when it is seen (a new choice redraws the map alone)."""
        offered = [(c.slug, c.name, c.colour) for c in self._categories]
        self.world.set_categories(offered)
        chosen = next((c for c in offered if c[0] == self.world.slug()), None)
        treaty = self.treaty.code
        self.world.show_when_seen(
            lambda: standings_map(self._dashboard.standings(treaty, day), chosen)
        )

    def _open_entry_state(self, index: QModelIndex) -> None:
        entry = index.data(RECORD_ROLE)
        if entry is not None and entry.state_ids:
            self.open_state.emit(entry.state_ids[0])

    def _open_demarche_state(self, index: QModelIndex) -> None:
        demarche = index.data(RECORD_ROLE)
        if demarche is not None:
            self.open_state.emit(demarche.state_id)

    def restore_state(self, settings: Any) -> None:
        assert isinstance(settings, QSettings)
        since = settings.value("dashboard/since")
        if isinstance(since, QDate) and since.isValid():
            self.since.setDate(since)
        counting = self.counting.findData(settings.value("dashboard/counting"))
        if counting >= 0:
            self.counting.setCurrentIndex(counting)
        self.mine_only.setChecked(str(settings.value("dashboard/mine", "false")).lower() == "true")
        self.pictures.setCurrentIndex(1 if settings.value("dashboard/picture") == "map" else 0)
        self.world.choose(str(settings.value("dashboard/map_by", "") or ""))

    def save_state(self, settings: Any) -> None:
        assert isinstance(settings, QSettings)
        settings.setValue("dashboard/since", self.since.date())
        settings.setValue("dashboard/counting", self.counting.currentData())
        settings.setValue("dashboard/mine", self.mine_only.isChecked())
        settings.setValue("dashboard/picture", "map" if self.pictures.currentIndex() else "curve")
        settings.setValue("dashboard/map_by", self.world.remembered())
