"""The Calendar page: a month of meetings, interventions, démarche due dates and open
follow-ups beside the agenda of the same month, filterable by state, priority category and
kind. A click on a day scrolls the agenda to it; a double click on an item (in the month
or the agenda) asks the window to open it (`open_item(kind, id)`)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.changes import Changes, Entity
from outreach.domain.enums import CalendarKind
from outreach.domain.records import CalendarItem
from outreach.errors import OutreachError
from ui.calendar.export import export_calendar
from ui.calendar.models import (
    DAYS,
    KIND_COLOURS,
    WEEKS,
    AgendaColumn,
    AgendaModel,
    MonthModel,
    month_start,
)
from ui.calendar.month_view import MonthView
from ui.context import Selection
from ui.errors import show_error
from ui.forums.labels import calendar_kind_label
from ui.pages import Page, Restorable
from ui.services import AppServices
from ui.widgets.filtered_records import ROW_ROLE, selected_data
from ui.widgets.names import StateNames, state_names_for
from ui.widgets.pickers import refill, type_ahead
from ui.widgets.records_table import list_view
from ui.widgets.tab_order import tab_order


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


class CalendarPage(Page):
    shows = (
        Entity.MEETING,
        Entity.INTERVENTION,
        Entity.INTERVENTION_TARGET,
        Entity.DEMARCHE,
        Entity.LOG_ENTRY,
        Entity.LOG_ENTRY_STATE,
        Entity.MEETING_ATTENDEE,
        Entity.FORUM_MEMBERSHIP,
        Entity.CATEGORY,
        Entity.CATEGORY_MEMBER,
        Entity.STATE,
        Entity.PARTICIPATION,
    )
    #: (kind, id): "meeting", "intervention", "demarche" or "follow_up" (a log entry's id)
    open_item = Signal(str, int)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._calendar = services.calendar
        self.state_names: StateNames = state_names_for(services.states)
        self._choices_ready = False
        self._selected_day: date | None = None
        self._build()

    def _build(self) -> None:
        self.previous_button = QPushButton("◀", self)
        self.previous_button.setToolTip(self.tr("The month before (Ctrl+Page Up)"))
        self.previous_button.setShortcut("Ctrl+PgUp")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.clicked.connect(lambda: self.go_to(date.today()))
        self.next_button = QPushButton("▶", self)
        self.next_button.setToolTip(self.tr("The month after (Ctrl+Page Down)"))
        self.next_button.setShortcut("Ctrl+PgDown")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.month_label = QLabel(self)
        font = self.month_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.month_label.setFont(font)
        self.month_label.setMinimumWidth(170)

        self.state_box = QComboBox(self)
        self.state_box.setMinimumContentsLength(16)
        self.state_box.setToolTip(self.tr("Only what concerns this state (type to find it)"))
        self.state_box.addItem(self.tr("All states"), None)
        type_ahead(self.state_box, self.state_names.find)
        self.state_box.currentIndexChanged.connect(lambda _row: self.reload())
        self.category_box = QComboBox(self)
        self.category_box.setToolTip(self.tr("Only what concerns a state of this category"))
        self.category_box.addItem(self.tr("All categories"), None)
        self.category_box.currentIndexChanged.connect(lambda _row: self.reload())
        self.kind_checks: dict[CalendarKind, QCheckBox] = {}
        for kind in CalendarKind:
            check = QCheckBox(calendar_kind_label(kind), self)
            check.setChecked(True)
            check.setStyleSheet(f"QCheckBox {{ color: {KIND_COLOURS[kind]}; }}")
            check.toggled.connect(lambda _on: self.reload())
            self.kind_checks[kind] = check
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setToolTip(
            self.tr("Write this month, as filtered, to an .ics file for any calendar program")
        )
        self.export_button.clicked.connect(self.export_month)

        self.month = MonthModel(self)
        self.month_view = MonthView(self)
        self.month_view.setAccessibleName(self.tr("Month"))
        self.month_view.setModel(self.month)
        self.month_view.day_clicked.connect(self._day_clicked)
        self.month_view.item_clicked.connect(self.select_item)
        self.month_view.item_activated.connect(self._open)

        self.agenda = AgendaModel(self)
        self.agenda_view = list_view(
            self.agenda,
            self,
            widths={
                AgendaColumn.DATE: 130,
                AgendaColumn.TIME: 90,
                AgendaColumn.TITLE: 420,
                AgendaColumn.WHAT: 170,
                AgendaColumn.STATES: 180,
            },
            export_name=lambda: self.tr("Agenda {0}").format(self.month_label.text()),
        )
        self.agenda_view.setAccessibleName(self.tr("Agenda"))
        self.agenda_view.doubleClicked.connect(self._agenda_activated)
        self.agenda_view.activated.connect(self._agenda_activated)
        self.count_label = QLabel(self)

        top = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.month_label)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("State:"), self))
        top.addWidget(self.state_box)
        top.addWidget(QLabel(self.tr("Category:"), self))
        top.addWidget(self.category_box)
        top.addWidget(self.export_button)
        kinds = QHBoxLayout()
        kinds.addWidget(QLabel(self.tr("Show:"), self))
        for check in self.kind_checks.values():
            kinds.addWidget(check)
        kinds.addStretch(1)
        kinds.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.month_view)
        self.splitter.addWidget(self.agenda_view)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([500, 280])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(kinds)
        layout.addWidget(self.splitter, 1)
        tab_order(  # the top line (Export… at its end), the kinds below it, the month
            self.previous_button, self.today_button, self.next_button, self.state_box,
            self.category_box, self.export_button, *self.kind_checks.values(),
            self.month_view, self.agenda_view,
        )  # fmt: skip

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("CalendarPage", "Calendar")

    # --- loading ------------------------------------------------------------------------------

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.STATE, Entity.STATE_ALIAS, Entity.CATEGORY):
            self._choices_ready = False
        if changes.touches(Entity.STATE, Entity.STATE_ALIAS):
            self.state_names.invalidate()
        super().on_changed(changes)

    def _fill_choices(self) -> None:
        try:
            categories = self._services.categories.all()
        except OutreachError:
            categories = []
        states = [(choice.label, choice.id) for choice in self.state_names.choices()]
        refill(self.state_box, self.tr("All states"), states)
        refill(self.category_box, self.tr("All categories"), [(c.name, c.slug) for c in categories])
        self._choices_ready = True

    def kinds(self) -> list[CalendarKind]:
        return [kind for kind, check in self.kind_checks.items() if check.isChecked()]

    def filters(self) -> tuple[int | None, str | None]:
        state = self.state_box.currentData()
        category = self.category_box.currentData()
        return (
            state if isinstance(state, int) else None,
            category if isinstance(category, str) else None,
        )

    def reload(self) -> None:
        if not self._choices_ready:
            self._fill_choices()
        year, month = self.month.year_month()
        self._load(year, month)

    def _load(self, year: int, month: int) -> None:
        state, category = self.filters()
        first = month_start(year, month)
        last = first + timedelta(days=WEEKS * DAYS - 1)
        try:
            items = self._calendar.items(
                first, last, state=state, category=category, kinds=self.kinds()
            )
        except OutreachError as error:
            show_error(self, error)
            return
        selected = self.selected_item()
        self.month.set_month(year, month, items)
        month_first = date(year, month, 1)
        month_last = date(year, month, self.month.month_days())
        in_month = [i for i in items if i.ends_on >= month_first and i.starts_on <= month_last]
        self.agenda.set_items(in_month)
        self.month_label.setText(self.month.month_title())
        self.count_label.setText(self.tr("{0} items this month").format(len(in_month)))
        if selected is not None:
            self.select_item(selected)
        elif self._selected_day is not None:
            self._select_day(self._selected_day)

    # --- moving --------------------------------------------------------------------------------

    def step(self, months: int) -> None:
        year, month = _shift(*self.month.year_month(), months)
        self._selected_day = None
        self._load(year, month)

    def go_to(self, day: date) -> None:
        """Show the month of `day` with the day selected."""
        if not self._choices_ready:
            self._fill_choices()
        self._selected_day = day
        self._load(day.year, day.month)
        self._select_day(day)

    def _select_day(self, day: date) -> None:
        index = self.month.index_of(day)
        if index.isValid():
            self.month_view.setCurrentIndex(index)
        row = self.agenda.first_row_on_or_after(day)
        if row is not None:
            self.agenda_view.scrollTo(
                self.agenda.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    def _day_clicked(self, day: object) -> None:
        if isinstance(day, date):
            self._selected_day = day
            self._select_day(day)

    # --- items ---------------------------------------------------------------------------------

    def selected_item(self) -> CalendarItem | None:
        return selected_data(self.agenda_view, ROW_ROLE, CalendarItem)

    def select_item(self, item: object) -> bool:
        if not isinstance(item, CalendarItem):
            return False
        row = self.agenda.row_of(item.kind, item.id)
        if row is None:
            return False
        self.agenda_view.selectRow(row)
        self.agenda_view.scrollTo(self.agenda.index(row, 0))
        return True

    def _agenda_activated(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, CalendarItem):
            self._open(item)

    def _open(self, item: object) -> None:
        if isinstance(item, CalendarItem):
            self.open_item.emit(item.kind.value, item.id)

    def export_month(self) -> None:
        state, category = self.filters()
        year, month = self.month.year_month()
        export_calendar(
            self,
            self._services,
            from_=date(year, month, 1),
            to=date(year, month, self.month.month_days()),
            state=state,
            category=category,
        )

    # --- what the window asks of a page --------------------------------------------------------

    def selection(self) -> Selection:
        item = self.selected_item()
        state, _category = self.filters()
        if item is None:
            return Selection(state_id=state)
        return Selection(
            state_id=item.state_ids[0] if len(item.state_ids) == 1 else state,
            demarche_id=item.id if item.kind == CalendarKind.DEMARCHE else None,
            meeting_id=item.meeting_id,
        )

    def remembered_views(self) -> dict[str, Restorable]:
        return {
            "calendar/splitter": self.splitter,
            "calendar/agenda_header": self.agenda_view.horizontalHeader(),
        }

    def focus_filter(self) -> None:
        self.state_box.setFocus()
        line = self.state_box.lineEdit()
        if line is not None:
            line.selectAll()
