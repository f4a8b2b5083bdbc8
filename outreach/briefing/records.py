"""What a briefing sheet, a meeting pack and the status report show: frozen records, read by
`outreach.briefing.data` and laid out by `outreach.briefing.sheet` and `.document`. They
hold no ORM state and may cross threads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from outreach import i18n
from outreach.domain.enums import TreatyStatus
from outreach.domain.records import (
    CategoryMovement,
    CategoryRecord,
    ContactRecord,
    DemarcheRecord,
    FactRecord,
    ForumRecord,
    MeetingRecord,
    ObligationRecord,
    ParticipationRecord,
    PartyCounts,
    SeatRecord,
    StateRecord,
    StateStanding,
    TreatyRecord,
)

#: the title of a pack's last group: the states in the room in no priority category
#: (translated where it is printed)
OTHER_GROUP = i18n.N_("Other states expected")


@dataclass(frozen=True, slots=True)
class KeyContact:
    contact: ContactRecord
    organization: str


@dataclass(frozen=True, slots=True)
class LogLine:
    """One contact logged with the state: when, how, what, with whom."""

    occurred_on: date
    kind: str
    summary: str
    officer: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    people: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class BriefingData:
    """Everything one country briefing sheet prints, as of one day."""

    state: StateRecord
    treaty: TreatyRecord
    participation: ParticipationRecord | None
    status: TreatyStatus
    obligations: tuple[ObligationRecord, ...]
    facts: tuple[FactRecord, ...]
    categories: tuple[tuple[CategoryRecord, str], ...]  # (category, why the state is in it)
    seats: tuple[SeatRecord, ...]
    forums: tuple[ForumRecord, ...]
    contacts: tuple[KeyContact, ...]
    more_contacts: int  # live contacts of the state not printed
    log: tuple[LogLine, ...]  # newest first
    open_demarches: tuple[DemarcheRecord, ...]  # soonest due first
    as_of: date
    printed_on: date
    officer: str


@dataclass(frozen=True, slots=True)
class PackGroup:
    """The sheets of one priority category in a pack (or of the states in none)."""

    title: str
    description: str
    colour: str
    sheets: tuple[BriefingData, ...]


@dataclass(frozen=True, slots=True)
class InterventionLine:
    kind: str
    title: str
    status: str
    lead_officer: str
    starts_at: datetime | None
    ends_at: datetime | None
    talking_points: str
    targets: tuple[str, ...]  # state names


@dataclass(frozen=True, slots=True)
class MeetingPack:
    meeting: MeetingRecord
    forum: ForumRecord
    groups: tuple[PackGroup, ...]
    interventions: tuple[InterventionLine, ...]
    as_of: date
    printed_on: date
    officer: str

    @property
    def sheets(self) -> tuple[BriefingData, ...]:
        return tuple(sheet for group in self.groups for sheet in group.sheets)


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A state whose standing moved in the report's period: joined, deposited, signed,
    withdrew."""

    state: str  # its name in the report's language
    before: TreatyStatus
    after: TreatyStatus


@dataclass(frozen=True, slots=True)
class DeliveredLine:
    """A démarche delivered in the report's period, and what came back."""

    delivered_on: date
    state: str
    title: str
    status: str
    response: str
    officer: str


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    """A follow-up overdue at the end of the report's period."""

    due_on: date
    states: tuple[str, ...]
    summary: str
    officer: str


@dataclass(frozen=True, slots=True)
class MeetingPlan:
    """A coming meeting and what we plan there."""

    meeting: MeetingRecord
    forum: str
    interventions: tuple[InterventionLine, ...]


@dataclass(frozen=True, slots=True)
class StatusReport:
    """The campaign for the director, over `since`..`as_of`: the States Parties curve
    against the target, the map, what moved, the démarches delivered, the follow-ups
    overdue and the meetings ahead."""

    treaty: TreatyRecord
    as_of: date
    since: date
    printed_on: date
    officer: str
    counts: PartyCounts
    curve: tuple[tuple[date, int], ...]
    standings: tuple[StateStanding, ...]
    changes: tuple[StatusChange, ...]
    categories: tuple[CategoryMovement, ...]
    delivered: tuple[DeliveredLine, ...]
    overdue: tuple[FollowUpLine, ...]
    overdue_count: int
    meetings: tuple[MeetingPlan, ...]
