"""The schema as SQLAlchemy 2 typed ORM. No behaviour beyond invariants.

Enumerated values are stored as plain text (the enums in `outreach.domain.enums` are the
vocabulary) so that a new value is a code change, not a table rebuild. Tables that users
delete from carry `deleted_at`: deletions are soft so that undo can restore them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from outreach.domain import limits
from outreach.folding import fold

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SoftDeleted:
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Versioned:
    """A record people edit: `version` goes up by one with every change, and an update
    says which version it changes (SQLAlchemy adds `AND version = :seen` to it), so two
    officers saving the same record cannot overwrite each other unawares."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (a class-level attribute)
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Sourced:
    """Reference facts keep where they came from and the date they describe."""

    source: Mapped[str] = mapped_column(Text, default="", info=limits.SOURCE.column_info())
    as_of: Mapped[date | None] = mapped_column(Date, default=None)


# --- states and treaties ----------------------------------------------------------------


class State(Base, Versioned):
    __tablename__ = "state"

    id: Mapped[int] = mapped_column(primary_key=True)
    iso2: Mapped[str] = mapped_column(String(2), unique=True)
    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    numeric: Mapped[str | None] = mapped_column(String(3))
    name: Mapped[str] = mapped_column(String(200), info=limits.STATE_NAME.column_info())
    # the name in French (« Cambodge »), shown when the app or a print speaks French;
    # None when none is known (`name` is shown then)
    name_fr: Mapped[str | None] = mapped_column(String(200))
    official_name: Mapped[str] = mapped_column(String(300), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    subregion: Mapped[str] = mapped_column(String(100), default="")
    stance: Mapped[str] = mapped_column(String(20), default="unknown")
    notes: Mapped[str] = mapped_column(Text, default="", info=limits.NOTES.column_info())
    talking_points: Mapped[str] = mapped_column(
        Text, default="", info=limits.TALKING_POINTS.column_info()
    )

    aliases: Mapped[list[StateAlias]] = relationship(
        back_populates="state", cascade="all, delete-orphan", order_by="StateAlias.alias"
    )


class StateAlias(Base):
    __tablename__ = "state_alias"

    id: Mapped[int] = mapped_column(primary_key=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200), info=limits.ALIAS.column_info())
    folded: Mapped[str] = mapped_column(String(200), unique=True)  # accent- and case-folded

    state: Mapped[State] = relationship(back_populates="aliases")


class Treaty(Base, Sourced):
    __tablename__ = "treaty"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(Text)
    short_name: Mapped[str] = mapped_column(String(100))
    adopted_on: Mapped[date | None] = mapped_column(Date)
    in_force_on: Mapped[date | None] = mapped_column(Date)
    threshold_reached_on: Mapped[date | None] = mapped_column(Date)
    months_after_deposit: Mapped[int] = mapped_column(Integer, default=6)
    signature_closes_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_months: Mapped[int] = mapped_column(Integer, default=6)
    target_parties: Mapped[int | None] = mapped_column(Integer)
    #: how the target's States Parties are counted (a `Counting`: "deposit", "in_force")
    target_counting: Mapped[str] = mapped_column(
        String(10), default="in_force", server_default="in_force"
    )


class Participation(Base, Sourced):
    __tablename__ = "participation"
    __table_args__ = (
        UniqueConstraint("treaty_id", "state_id"),
        CheckConstraint(
            "in_force_on IS NULL OR consent_on IS NOT NULL", name="in_force_needs_consent"
        ),
        CheckConstraint(
            "effective_on IS NULL OR (consent_kind = 'succession' AND effective_on <= consent_on)",
            name="effective_on_for_a_succession",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    treaty_id: Mapped[int] = mapped_column(ForeignKey("treaty.id"), index=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    signed_on: Mapped[date | None] = mapped_column(Date)
    consent_on: Mapped[date | None] = mapped_column(Date)
    consent_kind: Mapped[str | None] = mapped_column(String(20))
    in_force_on: Mapped[date | None] = mapped_column(Date)
    #: when a notification of succession takes effect, as the depositary records it (the
    #: successor's independence); None: entry into force follows the treaty's rule
    effective_on: Mapped[date | None] = mapped_column(Date)
    provisional_application: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawal_notified_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_effective_on: Mapped[date | None] = mapped_column(Date)


class Obligation(Base, Sourced):
    __tablename__ = "obligation"

    id: Mapped[int] = mapped_column(primary_key=True)
    participation_id: Mapped[int] = mapped_column(
        ForeignKey("participation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30))
    description: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date] = mapped_column(Date)
    extended_to: Mapped[date | None] = mapped_column(Date)
    met_on: Mapped[date | None] = mapped_column(Date)
    #: how much of `met_on` is known (a `MetPrecision`): a record may give a year only
    met_precision: Mapped[str] = mapped_column(String(5), default="day", server_default="day")


class Fact(Base, Sourced):
    __tablename__ = "fact"

    id: Mapped[int] = mapped_column(primary_key=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    holds: Mapped[bool] = mapped_column(Boolean, default=True)  # "is a producer": yes / no
    quantity: Mapped[int | None] = mapped_column(Integer)  # e.g. stockpile size
    detail: Mapped[str] = mapped_column(Text, default="", info=limits.FACT_DETAIL.column_info())


class Seat(Base, Sourced):
    __tablename__ = "seat"
    __table_args__ = (
        CheckConstraint("end_on IS NULL OR end_on >= start_on", name="ends_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    body: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)


# --- priority categories -----------------------------------------------------------------


class Category(Base, Versioned, SoftDeleted):
    __tablename__ = "category"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120), info=limits.CATEGORY_NAME.column_info())
    description: Mapped[str] = mapped_column(
        Text, default="", info=limits.DESCRIPTION.column_info()
    )
    colour: Mapped[str] = mapped_column(String(7), default="#607d8b")
    kind: Mapped[str] = mapped_column(String(10), default="manual")
    rule: Mapped[str] = mapped_column(
        Text, default="", info=limits.RULE.column_info()
    )  # JSON, for smart categories


class CategoryMember(Base):
    __tablename__ = "category_member"
    __table_args__ = (UniqueConstraint("category_id", "state_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("category.id", ondelete="CASCADE"), index=True
    )
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    rationale: Mapped[str] = mapped_column(Text, default="", info=limits.RATIONALE.column_info())
    added_on: Mapped[date | None] = mapped_column(Date)


# --- people --------------------------------------------------------------------------------


class Organization(Base, Versioned, SoftDeleted):
    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), info=limits.ORGANIZATION_NAME.column_info())
    kind: Mapped[str] = mapped_column(String(20), default="other")
    state_id: Mapped[int | None] = mapped_column(ForeignKey("state.id"), index=True)
    city: Mapped[str] = mapped_column(String(100), default="", info=limits.CITY.column_info())
    notes: Mapped[str] = mapped_column(Text, default="", info=limits.NOTES.column_info())


class Contact(Base, Versioned, SoftDeleted):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(
        String(100), default="", info=limits.GIVEN_NAME.column_info()
    )
    family_name: Mapped[str] = mapped_column(String(100), info=limits.FAMILY_NAME.column_info())
    position: Mapped[str] = mapped_column(
        String(200), default="", info=limits.POSITION.column_info()
    )
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    state_id: Mapped[int | None] = mapped_column(ForeignKey("state.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), default="", info=limits.EMAIL.column_info())
    phone: Mapped[str] = mapped_column(String(20), default="")  # E.164
    languages: Mapped[str] = mapped_column(
        String(60), default="", info=limits.LANGUAGES.column_info()
    )  # ISO 639-1, comma-separated
    notes: Mapped[str] = mapped_column(Text, default="", info=limits.NOTES.column_info())
    # Family then given name, accent- and case-folded, so lists sort and page in SQL
    # ("Örnek" with the O's). Kept current by the mapper events below.
    sort_key: Mapped[str] = mapped_column(String(210), default="", index=True)


def contact_sort_key(family_name: str, given_name: str) -> str:
    return f"{fold(family_name)}\x1f{fold(given_name)}"


@event.listens_for(Contact, "before_insert")
@event.listens_for(Contact, "before_update")
def _keep_sort_key(_mapper: object, _connection: object, contact: Contact) -> None:
    contact.sort_key = contact_sort_key(contact.family_name, contact.given_name or "")


# --- forums and meetings ----------------------------------------------------------------------


class Forum(Base):
    __tablename__ = "forum"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(200), info=limits.FORUM_NAME.column_info())
    kind: Mapped[str] = mapped_column(String(20), default="other")
    notes: Mapped[str] = mapped_column(Text, default="", info=limits.NOTES.column_info())


class ForumMembership(Base, Sourced):
    __tablename__ = "forum_membership"
    __table_args__ = (
        UniqueConstraint("forum_id", "state_id", "since"),
        CheckConstraint("until IS NULL OR since IS NULL OR until >= since", name="until_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id", ondelete="CASCADE"), index=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)


class Meeting(Base, Versioned, SoftDeleted):
    __tablename__ = "meeting"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forum_id: Mapped[int] = mapped_column(ForeignKey("forum.id"), index=True)
    title: Mapped[str] = mapped_column(String(300), info=limits.MEETING_TITLE.column_info())
    city: Mapped[str] = mapped_column(String(100), default="", info=limits.CITY.column_info())
    timezone: Mapped[str] = mapped_column(
        String(60), default="UTC", info=limits.TIMEZONE.column_info()
    )
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", info=limits.NOTES.column_info())


class MeetingAttendee(Base):
    """A state announced as attending a meeting (beyond the forum's members)."""

    __tablename__ = "meeting_attendee"
    __table_args__ = (UniqueConstraint("meeting_id", "state_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)


class Intervention(Base, Versioned, SoftDeleted):
    __tablename__ = "intervention"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300), info=limits.TITLE.column_info())
    lead_officer: Mapped[str] = mapped_column(
        String(120), default="", info=limits.LEAD_OFFICER.column_info()
    )
    talking_points: Mapped[str] = mapped_column(
        Text, default="", info=limits.TALKING_POINTS.column_info()
    )
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="idea")
    outcome: Mapped[str] = mapped_column(Text, default="", info=limits.OUTCOME.column_info())
    demarche_id: Mapped[int | None] = mapped_column(ForeignKey("demarche.id"), index=True)


class InterventionTarget(Base):
    __tablename__ = "intervention_target"
    __table_args__ = (UniqueConstraint("intervention_id", "state_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    intervention_id: Mapped[int] = mapped_column(
        ForeignKey("intervention.id", ondelete="CASCADE"), index=True
    )
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)


# --- démarches and the contact log ----------------------------------------------------------


class Demarche(Base, Versioned, SoftDeleted):
    __tablename__ = "demarche"

    id: Mapped[int] = mapped_column(primary_key=True)
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)
    treaty_id: Mapped[int | None] = mapped_column(ForeignKey("treaty.id"))
    title: Mapped[str] = mapped_column(String(300), info=limits.TITLE.column_info())
    requested_action: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(30))
    level: Mapped[str] = mapped_column(String(30))
    talking_points: Mapped[str] = mapped_column(
        Text, default="", info=limits.TALKING_POINTS.column_info()
    )
    officer: Mapped[str] = mapped_column(String(120), default="", info=limits.OFFICER.column_info())
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    planned_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    response: Mapped[str] = mapped_column(Text, default="", info=limits.RESPONSE.column_info())
    closed_on: Mapped[date | None] = mapped_column(Date)
    status_reason: Mapped[str] = mapped_column(Text, default="", info=limits.REASON.column_info())


class DemarcheContact(Base):
    __tablename__ = "demarche_contact"
    __table_args__ = (UniqueConstraint("demarche_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    demarche_id: Mapped[int] = mapped_column(
        ForeignKey("demarche.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id"), index=True)


OPEN_FOLLOW_UP = text(
    "follow_up_on IS NOT NULL AND follow_up_done_on IS NULL AND deleted_at IS NULL"
)
DELETED = text("deleted_at IS NOT NULL")


class LogEntry(Base, Versioned, SoftDeleted):
    __tablename__ = "log_entry"
    __table_args__ = (
        Index("ix_log_entry_occurred", "occurred_on", "id"),
        # Open follow-ups are a small share of a long log: a partial index makes the
        # "overdue" and "open follow-up" filters an index walk in date order.
        # (On a server, migration 0006 adds two more, for sorting by kind and for open
        # follow-ups by due date: see there why a file has neither.)
        Index(
            "ix_log_entry_open_follow_up",
            "occurred_on",
            "id",
            "follow_up_on",
            sqlite_where=OPEN_FOLLOW_UP,
            postgresql_where=OPEN_FOLLOW_UP,
        ),
        # The deleted entries, a few: the log's live entries are counted as its rows less
        # these (`contact_log.live_count`), two index reads instead of a table scan.
        # No query of live entries can use it, so it takes no plan from another index.
        Index(
            "ix_log_entry_deleted",
            "deleted_at",
            sqlite_where=DELETED,
            postgresql_where=DELETED,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(String(500), info=limits.SUMMARY.column_info())
    details: Mapped[str] = mapped_column(Text, default="", info=limits.DETAILS.column_info())
    officer: Mapped[str] = mapped_column(String(120), default="", info=limits.OFFICER.column_info())
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_done_on: Mapped[date | None] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    demarche_id: Mapped[int | None] = mapped_column(ForeignKey("demarche.id"), index=True)
    # an e-mail imported into the log: its Message-ID, so the same message is not logged
    # twice (`sha256:…` of the file for a message without one)
    message_id: Mapped[str | None] = mapped_column(String(300), index=True, default=None)


class LogEntryState(Base):
    __tablename__ = "log_entry_state"
    __table_args__ = (UniqueConstraint("log_entry_id", "state_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    log_entry_id: Mapped[int] = mapped_column(
        ForeignKey("log_entry.id", ondelete="CASCADE"), index=True
    )
    state_id: Mapped[int] = mapped_column(ForeignKey("state.id"), index=True)


class LogEntryContact(Base):
    __tablename__ = "log_entry_contact"
    __table_args__ = (UniqueConstraint("log_entry_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    log_entry_id: Mapped[int] = mapped_column(
        ForeignKey("log_entry.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id"), index=True)


# --- attachments --------------------------------------------------------------------------------

#: a column's `info` for content the audit trail leaves out: a file's bytes and its text
#: are no change an auditor reads, and would copy every file into the trail
NOT_AUDITED = {"audited": False}


class AttachmentBlob(Base):
    """The bytes of an attached file, stored once however often it is attached (found by
    their SHA-256), with the text read from them for the search. Never deleted while an
    attachment, even a removed one (undo), names it."""

    __tablename__ = "attachment_blob"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    # Deferred: listing attachments reads neither the bytes nor the text.
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True, info=NOT_AUDITED)
    text: Mapped[str | None] = mapped_column(Text, deferred=True, info=NOT_AUDITED)
    text_state: Mapped[str] = mapped_column(String(10), default="pending")


class Attachment(Base, SoftDeleted):
    """A file attached to a record (`record_kind` is its table: "state", "demarche"…)."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_record", "record_kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    blob_id: Mapped[int] = mapped_column(ForeignKey("attachment_blob.id"), index=True)
    name: Mapped[str] = mapped_column(String(255), info=limits.FILE_NAME.column_info())
    media_type: Mapped[str] = mapped_column(String(limits.MEDIA_TYPE))
    attached_by: Mapped[str] = mapped_column(String(120), default="")
    attached_at: Mapped[datetime] = mapped_column(DateTime)

    blob: Mapped[AttachmentBlob] = relationship(lazy="joined", innerjoin=True)


# --- the audit trail -------------------------------------------------------------------------


class AuditEntry(Base):
    """Append-only: one row per changed record, written in the same transaction; the
    database refuses to change or delete one, and a hash chain shows if anyone did."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(10))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    state_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the state it concerns
    changes: Mapped[str] = mapped_column(Text, default="{}")  # JSON {field: [old, new]}
    # The hash chain (`audit_chain`): the previous row's hash and this row's own.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))
