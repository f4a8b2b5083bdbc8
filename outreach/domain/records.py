"""Immutable data objects that services hand out. Never ORM objects.

The desktop app and the command line only ever see these, so no lazy load or detached
instance can reach the user interface thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from outreach.domain.enums import (
    CalendarKind,
    CategoryKind,
    ConsentKind,
    Counting,
    DemarcheStatus,
    FactKind,
    InterventionKind,
    InterventionStatus,
    MetPrecision,
    ObligationKind,
    Stance,
    TreatyStatus,
)
from outreach.folding import fold


def saved_version() -> int:
    """A record's `version` field: which save of the record it is
    (`outreach.storage.models.Versioned`). Bookkeeping, so two records with the same
    content are equal whatever their versions."""
    return field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class StateRecord:
    id: int
    iso2: str
    iso3: str
    name: str
    official_name: str
    region: str
    subregion: str
    stance: Stance
    notes: str
    talking_points: str
    aliases: tuple[str, ...] = ()
    version: int = saved_version()


@dataclass(frozen=True, slots=True)
class TreatyRecord:
    id: int
    code: str
    name: str
    short_name: str
    in_force_on: date | None
    target_parties: int | None
    target_counting: Counting
    source: str
    as_of: date | None


@dataclass(frozen=True, slots=True)
class CategoryMovement:
    """A priority category over a period: its members at the end, and how many of them
    were States Parties at its start and at its end (the dashboard, the status report)."""

    slug: str
    name: str
    colour: str
    members: int
    parties_then: int
    parties_now: int

    @property
    def moved(self) -> int:
        return self.parties_now - self.parties_then


@dataclass(frozen=True, slots=True)
class StateStanding:
    """Where one state stands on one day: its treaty status and the priority categories
    it is in (their slugs), as a map or a report shows it."""

    state_id: int
    iso3: str
    name: str
    status: TreatyStatus
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class PartyCounts:
    """A treaty's States Parties on one day, counted both ways (`Counting`)."""

    as_of: date
    in_force: int  # bound by the treaty
    pending: int  # instrument deposited, entry into force still ahead

    @property
    def deposited(self) -> int:
        """As Landmine Monitor and the ICBL count: every instrument deposited."""
        return self.in_force + self.pending

    def by(self, counting: Counting) -> int:
        return self.deposited if counting == Counting.DEPOSIT else self.in_force


@dataclass(frozen=True, slots=True)
class ParticipationRecord:
    treaty_code: str
    state_id: int
    signed_on: date | None
    consent_on: date | None
    consent_kind: ConsentKind | None
    in_force_on: date | None
    #: a succession's effective date as the depositary records it (None: by the rule)
    effective_on: date | None
    withdrawal_notified_on: date | None
    withdrawal_effective_on: date | None
    source: str
    as_of: date | None

    def status_on(self, day: date) -> TreatyStatus:
        from outreach.domain.treaty_rules import status_on

        return status_on(
            day, self.signed_on, self.consent_on, self.in_force_on, self.withdrawal_effective_on
        )


@dataclass(frozen=True, slots=True)
class ObligationRecord:
    id: int
    kind: ObligationKind
    description: str
    due_on: date
    extended_to: date | None
    met_on: date | None
    source: str = ""  # where the deadline, extension or completion comes from
    as_of: date | None = None
    met_precision: MetPrecision = MetPrecision.DAY

    def met_text(self) -> str:
        """The day it was met as far as it is known: "2006", "2006-04", "2006-04-12"
        ("" when not met, or when the duty never arose)."""
        if self.met_on is None or self.met_precision == MetPrecision.NEVER_AROSE:
            return ""
        width = {MetPrecision.YEAR: 4, MetPrecision.MONTH: 7}.get(self.met_precision, 10)
        return self.met_on.isoformat()[:width]

    @property
    def deadline(self) -> date:
        """The date the duty is due by: its extension when it has one."""
        return self.extended_to or self.due_on

    def overdue_on(self, day: date) -> bool:
        return self.met_on is None and self.deadline < day


@dataclass(frozen=True, slots=True)
class ObligationChange:
    """What to record of one duty: when it was met, to when it was extended, and (unless
    `source` is None) where that is known from, as of when."""

    obligation_id: int
    met_on: date | None
    extended_to: date | None
    source: str | None = None
    as_of: date | None = None
    #: how much of `met_on` is known; None: a day, when it changes (an officer's entry)
    met_precision: MetPrecision | None = None


@dataclass(frozen=True, slots=True)
class FactRecord:
    id: int
    state_id: int
    kind: FactKind
    holds: bool
    quantity: int | None
    detail: str
    source: str
    as_of: date | None


def annual_reports_received(facts: Iterable[FactRecord]) -> list[date]:
    """The days a state's annual Article 7 reports were received, from its facts
    ("Annual Article 7 report received", dated the day it came)."""
    return [
        fact.as_of
        for fact in facts
        if fact.kind == FactKind.ART7_REPORT and fact.holds and fact.as_of is not None
    ]


@dataclass(frozen=True, slots=True)
class SeatRecord:
    id: int
    state_id: int
    body: str
    kind: str
    start_on: date
    end_on: date | None
    source: str

    def held_on(self, day: date) -> bool:
        return self.start_on <= day and (self.end_on is None or day <= self.end_on)


@dataclass(frozen=True, slots=True)
class CategoryRecord:
    id: int
    slug: str
    name: str
    description: str
    colour: str
    kind: CategoryKind
    rule: str
    version: int = saved_version()


@dataclass(frozen=True, slots=True)
class CategoryMemberRecord:
    category_slug: str
    state_id: int
    iso3: str
    state_name: str
    rationale: str


@dataclass(frozen=True, slots=True)
class StateRow:
    """One line of the states list: a state and its standing towards one treaty."""

    id: int
    iso3: str
    name: str
    region: str
    subregion: str
    stance: Stance
    status: TreatyStatus
    signed_on: date | None
    consent_on: date | None
    consent_kind: ConsentKind | None
    in_force_on: date | None
    categories: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    # its name in the other language, which typing finds too ("Cambodia" beside
    # « Cambodge »); "" when it is the same or unknown
    other_name: str = ""
    last_contact_on: date | None = None
    next_follow_up_on: date | None = None
    open_demarches: int = 0


@dataclass(frozen=True, slots=True)
class OrganizationRecord:
    id: int
    name: str
    kind: str
    state_id: int | None
    city: str
    notes: str
    version: int = saved_version()


@dataclass(frozen=True, slots=True)
class ContactRecord:
    id: int
    given_name: str
    family_name: str
    position: str
    organization_id: int | None
    state_id: int | None
    email: str
    phone: str
    languages: tuple[str, ...]
    notes: str
    version: int = saved_version()

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True, slots=True)
class ForumRecord:
    id: int
    slug: str
    name: str
    kind: str
    notes: str


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: int
    forum_id: int
    forum_slug: str
    title: str
    city: str
    timezone: str
    starts_on: date
    ends_on: date
    notes: str
    attendee_ids: tuple[int, ...] = ()  # states announced as attending, beyond members
    version: int = saved_version()


@dataclass(frozen=True, slots=True)
class ForumMembershipRecord:
    """One state's membership of one forum, from `since` to `until` (open ends: None)."""

    id: int
    forum_id: int
    forum_slug: str
    state_id: int
    state_iso3: str
    state_name: str
    since: date | None
    until: date | None
    source: str

    def held_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True, slots=True)
class DemarcheRecord:
    id: int
    state_id: int
    title: str
    requested_action: str
    channel: str
    level: str
    talking_points: str
    officer: str
    status: DemarcheStatus
    planned_on: date | None
    due_on: date | None
    delivered_on: date | None
    response: str
    closed_on: date | None
    status_reason: str
    contact_ids: tuple[int, ...] = ()
    treaty_id: int | None = None
    version: int = saved_version()


@dataclass(frozen=True, slots=True)
class LogEntryRecord:
    id: int
    occurred_on: date
    kind: str
    summary: str
    details: str
    officer: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    meeting_id: int | None
    demarche_id: int | None
    state_ids: tuple[int, ...] = ()
    contact_ids: tuple[int, ...] = ()
    version: int = saved_version()

    def follow_up_overdue_on(self, day: date) -> bool:
        return (
            self.follow_up_on is not None
            and self.follow_up_done_on is None
            and self.follow_up_on < day
        )


@dataclass(frozen=True, slots=True)
class LogFilter:
    """What to show of the contact log; every field left as None (or False) shows all.

    `overdue_on` keeps entries whose follow-up is still open and was due before that day.
    `text` matches part of the summary or the details, ignoring case.
    """

    state_id: int | None = None
    contact_id: int | None = None
    demarche_id: int | None = None
    kind: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    open_follow_up_only: bool = False
    overdue_on: date | None = None
    text: str | None = None
    officer: str | None = None  # "mine": the entries this officer logged (case ignored)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: int
    changes: dict[str, list[object]] = field(default_factory=dict)
    state_id: int | None = None


# --- forum planning: interventions, who is in the room, the calendar ------------------------


@dataclass(frozen=True, slots=True)
class InterventionRecord:
    """Something we plan at a meeting: a statement, a side event, a bilateral.

    `starts_at` and `ends_at` are naive datetimes on the meeting's clock (`timezone`, an
    IANA name); both are None while the time slot is still open.
    """

    id: int
    meeting_id: int
    meeting_title: str
    timezone: str
    kind: InterventionKind
    title: str
    lead_officer: str
    talking_points: str
    starts_at: datetime | None
    ends_at: datetime | None
    status: InterventionStatus
    outcome: str
    demarche_id: int | None
    target_ids: tuple[int, ...] = ()
    version: int = saved_version()

    @property
    def is_open(self) -> bool:
        """Still to be done (neither done nor dropped)."""
        return self.status not in (InterventionStatus.DONE, InterventionStatus.DROPPED)


@dataclass(frozen=True, slots=True)
class BilateralDone:
    """What completing a bilateral did, in one transaction: enough to undo and redo it."""

    intervention: InterventionRecord  # after: done, with its outcome
    before: InterventionRecord
    log_entry: LogEntryRecord
    demarche: DemarcheRecord | None = None  # after, when the bilateral delivered it
    demarche_before: DemarcheRecord | None = None


@dataclass(frozen=True, slots=True)
class RoomRow:
    """One state expected in a meeting's room, with what the officer needs at a glance."""

    state_id: int
    iso3: str
    name: str
    status: TreatyStatus  # on the meeting's first day
    stance: Stance
    categories: tuple[str, ...]  # slugs
    member: bool  # a member of the forum on the meeting's dates
    attendee: bool  # announced as attending
    last_contact_on: date | None
    next_follow_up_on: date | None
    open_demarches: int
    overdue_follow_ups: int
    interventions: int  # open interventions planned at this meeting that target it


@dataclass(frozen=True, slots=True)
class RoomGroup:
    """The states in the room that belong to one priority category (or to none)."""

    slug: str  # "" for the states in no category
    name: str
    colour: str
    rows: tuple[RoomRow, ...]


@dataclass(frozen=True, slots=True)
class Room:
    meeting: MeetingRecord
    groups: tuple[RoomGroup, ...]  # categories by name, then the states in none
    state_count: int  # states in the room, each counted once

    def rows(self) -> tuple[RoomRow, ...]:
        """Every state in the room once, by name (folded: « Égypte » before « El Salvador »)."""
        seen: dict[int, RoomRow] = {}
        for group in self.groups:
            for row in group.rows:
                seen.setdefault(row.state_id, row)
        return tuple(sorted(seen.values(), key=lambda row: fold(row.name)))


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One thing on the calendar. All-day items have dates only; timed ones (interventions
    with a time slot) also have naive `starts_at`/`ends_at` on the clock of `timezone`.
    `ends_on` is the last day (inclusive)."""

    kind: CalendarKind
    id: int  # the meeting's, intervention's, démarche's or log entry's id
    title: str
    starts_on: date
    ends_on: date
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    timezone: str = ""
    location: str = ""
    description: str = ""
    state_names: str = ""  # the states it concerns, as text (for export)
    status: str = ""
    state_ids: tuple[int, ...] = ()
    meeting_id: int | None = None
    overdue: bool = False
    intervention_kind: str = ""  # statement, side_event, bilateral (interventions only)

    @property
    def timed(self) -> bool:
        return self.starts_at is not None

    def on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True, slots=True)
class DueSummary:
    """What is overdue on `as_of`, and what falls due from `as_of` to `until`."""

    as_of: date
    until: date
    overdue_follow_ups: int
    overdue_demarches: int
    overdue_interventions: int
    due_follow_ups: int
    due_demarches: int
    due_interventions: int
    due_items: tuple[CalendarItem, ...] = ()  # what falls due by `until`, soonest first
    overdue_items: tuple[CalendarItem, ...] = ()  # démarches and interventions only

    @property
    def overdue(self) -> int:
        return self.overdue_follow_ups + self.overdue_demarches + self.overdue_interventions

    @property
    def due(self) -> int:
        return self.due_follow_ups + self.due_demarches + self.due_interventions


@dataclass(frozen=True, slots=True)
class AttachmentRecord:
    """A file attached to a record (`record_kind`: its table, "demarche"…); its bytes
    are read on demand (`AttachmentService.content`)."""

    id: int
    record_kind: str
    record_id: int
    name: str
    media_type: str
    size: int  # bytes
    sha256: str
    attached_by: str
    attached_at: datetime  # UTC
    text_state: str  # a TextState: whether the search reads its text yet
