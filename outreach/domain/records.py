"""Immutable data objects that services hand out. Never ORM objects.

The desktop app and the command line only ever see these, so no lazy load or detached
instance can reach the user interface thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from outreach.domain.enums import (
    CategoryKind,
    ConsentKind,
    DemarcheStatus,
    FactKind,
    ObligationKind,
    Stance,
    TreatyStatus,
)


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


@dataclass(frozen=True, slots=True)
class TreatyRecord:
    id: int
    code: str
    name: str
    short_name: str
    in_force_on: date | None
    target_parties: int | None
    source: str
    as_of: date | None


@dataclass(frozen=True, slots=True)
class ParticipationRecord:
    treaty_code: str
    state_id: int
    signed_on: date | None
    consent_on: date | None
    consent_kind: ConsentKind | None
    in_force_on: date | None
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

    def overdue_on(self, day: date) -> bool:
        return self.met_on is None and (self.extended_to or self.due_on) < day


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
