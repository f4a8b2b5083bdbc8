"""A state's detail: Profile, Contacts, Log, Démarches and History tabs."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.enums import AttachedTo, MetPrecision, SeatBody, SeatKind, Stance, TreatyStatus
from outreach.domain.records import (
    AuditRecord,
    ContactRecord,
    DemarcheRecord,
    LogEntryRecord,
    LogFilter,
    ParticipationRecord,
    StateRecord,
    annual_reports_received,
)
from outreach.domain.treaty_rules import annual_report_standing, duty_text
from outreach.domain.vocabulary import label, label_of
from outreach.errors import OutreachError, StaleRecordError
from outreach.reference.names import shipped_name
from ui.attachments import AttachmentsPanel
from ui.conflicts import ConflictChoice, ask_about_conflict, fields_to_save
from ui.errors import show_error
from ui.operations.states import edit_profile
from ui.services import AppServices
from ui.states.dialogs import add_fact, edit_obligations, edit_participation
from ui.treaty_choice import TreatyChoice
from ui.undo import UndoRunner
from ui.widgets.dates import iso_day
from ui.widgets.overdue import OVERDUE_RED, overdue_text
from ui.widgets.pickers import choice_box
from ui.widgets.records_table import RecordsModel, records_view


def section(title: str, items: list[str]) -> list[str]:
    """A section of the profile: its heading over the list of `items` (each an `<li>`);
    nothing at all when there are none."""
    return [f"<h3>{html.escape(title)}</h3><ul>", *items, "</ul>"] if items else []


class StateDetail(QTabWidget):
    """Shows one state; the profile's stance, notes and talking points are editable."""

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        treaty: TreatyChoice | None = None,
    ):
        super().__init__(parent)
        self._services = services
        self._undo = undo
        #: whose standing the profile shows (the window's choice, View ▸ Treaty)
        self.treaty = treaty if treaty is not None else TreatyChoice(parent=self)
        self.state: StateRecord | None = None
        self._saving = False  # a save is under way (see save_profile)

        self.profile = QTextBrowser(self)
        self.profile.setAccessibleName(self.tr("State profile"))
        self.profile.setOpenExternalLinks(False)
        self.stance = choice_box(Stance, label, self)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("Notes on this state…"))
        self.talking_points = QPlainTextEdit(self)
        self.talking_points.setPlaceholderText(self.tr("Our talking points for this state…"))
        for edit in (self.notes, self.talking_points):  # Tab leaves, as in the dialogs
            edit.setTabChangesFocus(True)
        self.save_button = QPushButton(self.tr("Save profile"), self)
        self.save_button.clicked.connect(self.save_profile)
        editor = QWidget(self)
        form = QFormLayout(editor)
        form.addRow(self.tr("Stance:"), self.stance)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.tr("Talking points:"), self.talking_points)
        self.status_button = QPushButton(self.tr("Treaty &status…"), self)
        self.status_button.setToolTip(self.tr("Signature, consent and withdrawal dates"))
        self.status_button.clicked.connect(
            lambda: (
                self.state
                and edit_participation(self, services, undo, self.state.id, self.treaty.code)
            )
        )
        self.obligations_button = QPushButton(self.tr("O&bligations…"), self)
        self.obligations_button.setToolTip(self.tr("Record a duty met or its deadline extended"))
        self.obligations_button.clicked.connect(
            lambda: (
                self.state
                and edit_obligations(self, services, undo, self.state.id, self.treaty.code)
            )
        )
        self.fact_button = QPushButton(self.tr("Add &fact…"), self)
        self.fact_button.setToolTip(self.tr("A sourced, dated fact: producer, stockpile, use…"))
        self.fact_button.clicked.connect(
            lambda: self.state and add_fact(self, services, undo, self.state.id)
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_button)
        buttons.addWidget(self.obligations_button)
        buttons.addWidget(self.fact_button)
        buttons.addStretch(1)
        saving = QHBoxLayout()  # a row of its own: the pane stays narrow enough for a third
        saving.addStretch(1)
        saving.addWidget(self.save_button)
        form.addRow(saving)
        form.addRow(buttons)
        profile_tab = QWidget(self)
        profile_layout = QVBoxLayout(profile_tab)
        profile_layout.addWidget(self.profile, 3)
        profile_layout.addWidget(editor, 2)
        self.addTab(profile_tab, self.tr("Profile"))

        self.contacts = RecordsModel[ContactRecord](
            [
                (self.tr("Name"), lambda c: c.full_name),
                (self.tr("Position"), lambda c: c.position),
                (self.tr("E-mail"), lambda c: c.email),
                (self.tr("Phone"), lambda c: c.phone),
            ],
            parent=self,
        )
        self.addTab(records_view(self.contacts, self), self.tr("Contacts"))
        today = date.today()
        self.log = RecordsModel[LogEntryRecord](
            [
                (self.tr("Date"), lambda e: e.occurred_on.isoformat()),
                (self.tr("Kind"), lambda e: e.kind),
                (self.tr("Summary"), lambda e: e.summary),
                (
                    self.tr("Follow-up"),
                    lambda e: overdue_text(iso_day(e.follow_up_on), e.follow_up_overdue_on(today)),
                ),
            ],
            warn=lambda e: e.follow_up_overdue_on(today),
            parent=self,
        )
        self.addTab(records_view(self.log, self), self.tr("Log"))

        def late(demarche: DemarcheRecord) -> bool:
            due = demarche.due_on
            return demarche.status.is_open and due is not None and due < today

        self.demarches = RecordsModel[DemarcheRecord](
            [
                (self.tr("Title"), lambda d: d.title),
                (self.tr("Action"), lambda d: d.requested_action.replace("_", " ")),
                (self.tr("Status"), lambda d: d.status.value),
                (self.tr("Due"), lambda d: overdue_text(iso_day(d.due_on, "—"), late(d))),
            ],
            warn=late,
            parent=self,
        )
        self.addTab(records_view(self.demarches, self), self.tr("Démarches"))
        self.history = RecordsModel[AuditRecord](
            [
                (self.tr("When"), lambda a: a.at.strftime("%Y-%m-%d %H:%M")),
                (self.tr("Who"), lambda a: a.actor),
                (self.tr("What"), lambda a: f"{a.action} {a.entity.replace('_', ' ')}"),
                (self.tr("Changes"), lambda a: _changes_text(a)),
            ],
            parent=self,
        )
        self.addTab(records_view(self.history, self), self.tr("History"))
        self.files = AttachmentsPanel(services, undo, AttachedTo.STATE, self)
        self.addTab(self.files, self.tr("Files"))
        for index in range(self.count()):  # each list named by its tab, for screen readers
            tab = self.widget(index)
            if isinstance(tab, QAbstractItemView):
                tab.setAccessibleName(self.tabText(index).replace("&", ""))

    def show_state(self, state_id: int | None) -> None:
        self.keep_edits()  # moving to another state, or a refresh, must not drop typing
        if state_id is None:
            self.state = None
            self.profile.setHtml(self.tr("<p>Select a state.</p>"))
            for model in (self.contacts, self.log, self.demarches, self.history):
                model.set_records([])
            self.files.show_record(None)
            self.setEnabled(False)
            return
        self.setEnabled(True)
        services = self._services
        self.state = services.states.get(state_id)
        self.profile.setHtml(self._profile_html(self.state))
        self._fill_editors(self.state)
        self.contacts.set_records(services.contacts.list(state=state_id, limit=200))
        self.log.set_records(services.log.page(LogFilter(state_id=state_id), 0, 100))
        self.demarches.set_records(services.demarches.list(state=state_id))
        self.history.set_records(services.history.for_state(state_id, limit=200))
        self.files.show_record(state_id)

    def _fill_editors(self, state: StateRecord) -> None:
        self.stance.setCurrentIndex(self.stance.findData(state.stance.value))
        self.notes.setPlainText(state.notes)
        self.talking_points.setPlainText(state.talking_points)

    def _profile_html(self, state: StateRecord) -> str:
        services, today = self._services, date.today()
        participation = services.treaties.participation(state.id, self.treaty.code)
        e = html.escape
        parts = [f"<h2>{e(state.name)} <small>({e(state.iso3)})</small></h2>"]
        parts.append(f"<p>{e(shipped_name(state.subregion or state.region))}")
        if state.aliases:
            parts.append(" · " + e(self.tr("also: {0}").format(", ".join(state.aliases))))
        parts.append("</p>")
        if participation is None:
            outside = self.tr("Outside the {0}").format(self.treaty.code)
            parts.append(f"<p><b>{e(outside)}</b></p>")
        else:
            dates = self.tr("signed {signed} · consent {consent} {kind} · in force {in_force}")
            kind = label(participation.consent_kind) if participation.consent_kind else ""
            dates = dates.format(
                signed=iso_day(participation.signed_on, "—"),
                consent=iso_day(participation.consent_on, "—"),
                kind=kind,
                in_force=iso_day(participation.in_force_on, "—"),
            )
            status = label(participation.status_on(today))
            parts.append(f"<p><b>{e(status)}</b> ({e(self.treaty.code)}) · {e(dates)}")
            if participation.withdrawal_notified_on:
                withdrawal = self.tr("withdrawal notified {notified}, effective {effective}")
                withdrawal = withdrawal.format(
                    notified=iso_day(participation.withdrawal_notified_on, "—"),
                    effective=iso_day(participation.withdrawal_effective_on, "—"),
                )
                parts.append(f" · {e(withdrawal)}")
            parts.append(f"<br><small>{e(participation.source)}</small></p>")
        parts += self._obligations_html(state, today, participation)
        parts += self._categories_html(state)
        parts += self._facts_html(state)
        parts += self._seats_html(state, today)
        return "".join(parts)

    def _obligations_html(
        self, state: StateRecord, today: date, participation: ParticipationRecord | None
    ) -> list[str]:
        e = html.escape
        overdue = self.tr("overdue")
        items = []
        annual = self._annual_report_html(state, today, participation)
        for duty in self._services.treaties.obligations(state.id, self.treaty.code):
            late = duty.overdue_on(today)
            met = (
                self.tr("never arose: none held, as declared")
                if duty.met_precision == MetPrecision.NEVER_AROSE
                else self.tr("met {0}").format(duty.met_text())
                if duty.met_on and duty.met_precision == MetPrecision.DAY
                else self.tr("met in {0}").format(duty.met_text())
                if duty.met_on
                else ""
            )
            style = f' style="color:{OVERDUE_RED}"' if late else ""
            flag = f" <b>{e(overdue)}</b>" if late else ""
            text = f"{e(duty_text(duty.description))}: {iso_day(duty.deadline, '—')}"
            items.append(f"<li{style}>{text}{' — ' + e(met) if met else ''}{flag}</li>")
        return section(self.tr("Obligations"), items + annual)

    def _annual_report_html(
        self, state: StateRecord, today: date, participation: ParticipationRecord | None
    ) -> list[str]:
        """The annual Article 7 update of the latest cycle, from the reports recorded as
        facts ("Annual Article 7 report received"); late only for a state whose reports
        the desk records."""
        if participation is None or participation.in_force_on is None:
            return []
        if participation.status_on(today) != TreatyStatus.PARTY:
            return []
        received = annual_reports_received(self._services.facts.facts_of(state.id))
        standing = annual_report_standing(participation.in_force_on, received, today)
        what = self.tr("Annual Article 7 update (by 30 April): {0}").format(
            iso_day(standing.due_on)
        )
        if standing.received_on is not None:
            said = self.tr("received {0}").format(iso_day(standing.received_on))
        elif standing.tracked:
            said = self.tr("not received")
        else:
            said = self.tr("none recorded (add a fact when one is received)")
        late = standing.late_on(today)
        style = f' style="color:{OVERDUE_RED}"' if late else ""
        flag = f" <b>{html.escape(self.tr('late'))}</b>" if late else ""
        return [f"<li{style}>{html.escape(what)} — {html.escape(said)}{flag}</li>"]

    def _categories_html(self, state: StateRecord) -> list[str]:
        e = html.escape
        items = [
            f'<li><span style="color:{e(category.colour)}">■</span> '
            f"<b>{e(category.name)}</b> — {e(why)}</li>"
            for category, why in self._services.categories.of_state(state.id)
        ]
        return section(self.tr("Priority categories"), items)

    def _facts_html(self, state: StateRecord) -> list[str]:
        e = html.escape
        items = []
        for fact in self._services.facts.facts_of(state.id):
            what = label(fact.kind) if fact.holds else self.tr("not: {0}").format(label(fact.kind))
            amount = f" ({QLocale().toString(fact.quantity)})" if fact.quantity else ""
            source = self.tr("{source}, as of {day}").format(
                source=fact.source, day=iso_day(fact.as_of, "—")
            )
            items.append(f"<li>{e(what)}{amount} — <small>{e(source)}</small></li>")
        return section(self.tr("Facts"), items)

    def _seats_html(self, state: StateRecord, today: date) -> list[str]:
        e = html.escape
        items = []
        for seat in self._services.facts.seats_of(state.id):
            body, kind = label_of(SeatBody, seat.body), label_of(SeatKind, seat.kind)
            items.append(
                f"<li>{e(body)} ({e(kind)}) {iso_day(seat.start_on, '—')} – "
                f"{iso_day(seat.end_on, '—')}</li>"
            )
        forums = self._services.forums.forums_of(state.id, today)
        if forums:
            items.append(f"<li>{e(', '.join(shipped_name(forum.name) for forum in forums))}</li>")
        return section(self.tr("Seats and forums"), items)

    def save_profile(self) -> None:
        """Save what is typed, checked against the version opened: when another officer
        saved this state since, ask (see `ui.conflicts`); nothing typed is lost."""
        if self.state is None or self._saving:
            return  # the save's own refresh (the change bus) must not save again
        self._saving = True
        try:
            self._save_profile(self.state)
        finally:
            self._saving = False

    def _save_profile(self, opened: StateRecord) -> None:
        mine = {
            "stance": str(self.stance.currentData()),
            "notes": self.notes.toPlainText(),
            "talking_points": self.talking_points.toPlainText(),
        }
        operation = edit_profile(self._services.states, self._undo.versions, opened, mine)
        if operation is None:  # nothing changed
            return
        try:
            self.state = self._undo.attempt(operation)
        except StaleRecordError as error:
            self._resolve_conflict(opened, mine, error)
        except OutreachError as error:
            show_error(self, error)

    def _resolve_conflict(
        self, opened: StateRecord, mine: dict[str, str], error: StaleRecordError
    ) -> None:
        choice = ask_about_conflict(self, error)
        if choice is ConflictChoice.KEEP_EDITING:
            return
        states = self._services.states
        fresh = states.get(opened.id)
        seen = {name: getattr(opened, name) for name in mine}
        values = fields_to_save(choice, seen, mine)
        operation = edit_profile(states, self._undo.versions, fresh, values)
        saved = fresh if operation is None else self._undo.run(operation)
        if saved is not None:  # what is stored now: theirs and mine together
            self.state = saved
            self._fill_editors(saved)

    def keep_edits(self) -> None:
        """Save the stance, notes and talking points typed and not yet saved (undoable)."""
        if self.has_unsaved_edits():
            self.save_profile()

    def has_unsaved_edits(self) -> bool:
        state = self.state
        return state is not None and (
            self.notes.toPlainText() != state.notes
            or self.talking_points.toPlainText() != state.talking_points
            or self.stance.currentData() != state.stance.value
        )


def _changes_text(record: AuditRecord) -> str:
    shown = []
    for field, (old, new) in list(record.changes.items())[:4]:
        shown.append(f"{field}: {old!s:.30} → {new!s:.30}")
    return "; ".join(shown)
