"""The closed vocabularies of the domain. Values are stored as text in the database."""

from __future__ import annotations

from enum import StrEnum


class ConsentKind(StrEnum):
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"


class TreatyStatus(StrEnum):
    """A state's standing towards one treaty on one date."""

    PARTY = "party"  # in force for it
    PENDING = "pending"  # instrument deposited, entry into force still ahead
    SIGNATORY = "signatory"  # signed only
    OUTSIDE = "outside"  # neither signed nor consented
    WITHDRAWN = "withdrawn"  # withdrawal has taken effect


class Counting(StrEnum):
    """Two ways of counting a treaty's States Parties, both in use: the treaty binds a
    state from entry into force; Landmine Monitor and the ICBL count it from the deposit
    of its instrument (end of 2003: 141 deposited, 134 in force)."""

    IN_FORCE = "in_force"
    DEPOSIT = "deposit"


class MetPrecision(StrEnum):
    """How much of the day a duty was met on is known (a record gives "2006", "2006-04"
    or a day: the date stored is the first of the period), or that the duty never arose
    (a state that declared it never held a stockpile)."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    NEVER_AROSE = "never"


class Stance(StrEnum):
    SUPPORTIVE = "supportive"
    FAVOURABLE = "favourable"
    UNDECIDED = "undecided"
    RELUCTANT = "reluctant"
    OPPOSED = "opposed"
    UNKNOWN = "unknown"


class FactKind(StrEnum):
    PRODUCER = "producer"
    STOCKPILE = "stockpile"
    USE = "use"
    EXPORTS = "exports"
    EXPORT_MORATORIUM = "export_moratorium"
    MINE_AFFECTED = "mine_affected"
    #: an annual Article 7 report received (its as-of date: the day it was received)
    ART7_REPORT = "art7_report"
    #: cluster munition remnants on its territory (the CCM's Art. 4 clearance applies)
    CLUSTER_CONTAMINATED = "cluster_contaminated"


class SeatBody(StrEnum):
    UNSC = "UNSC"
    CD = "CD"


class SeatKind(StrEnum):
    PERMANENT = "permanent"
    ELECTED = "elected"
    MEMBER = "member"


class ObligationKind(StrEnum):
    ART7_INITIAL = "art7_initial"
    ART7_ANNUAL = "art7_annual"
    ART4_STOCKPILE = "art4_stockpile"
    ART5_CLEARANCE = "art5_clearance"
    # the Convention on Cluster Munitions' (Arts. 3, 4 and 7)
    CCM_ART7_INITIAL = "ccm_art7_initial"
    CCM_ART3_STOCKPILE = "ccm_art3_stockpile"
    CCM_ART4_CLEARANCE = "ccm_art4_clearance"


class CategoryKind(StrEnum):
    MANUAL = "manual"
    SMART = "smart"


class OrganizationKind(StrEnum):
    MINISTRY = "ministry"
    MISSION = "mission"
    EMBASSY = "embassy"
    NGO = "ngo"
    INTERNATIONAL = "international"
    OTHER = "other"


class DemarcheStatus(StrEnum):
    """The démarche lifecycle; the order of members is the forward order."""

    DRAFT = "draft"
    APPROVED = "approved"
    DELIVERED = "delivered"
    RESPONSE = "response"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def rank(self) -> int:
        return list(DemarcheStatus).index(self)

    @property
    def is_open(self) -> bool:
        return self not in (DemarcheStatus.CLOSED, DemarcheStatus.CANCELLED)


class RequestedAction(StrEnum):
    SIGN = "sign"
    RATIFY = "ratify"
    ACCEDE = "accede"
    SUBMIT_ART7_REPORT = "submit_art7_report"
    DESTROY_STOCKPILES = "destroy_stockpiles"
    SUPPORT_UNGA_RESOLUTION = "support_unga_resolution"
    ATTEND_MEETING = "attend_meeting"
    STOP_USE = "stop_use"


class Channel(StrEnum):
    NOTE_VERBALE = "note_verbale"
    AIDE_MEMOIRE = "aide_memoire"
    LETTER = "letter"
    MEETING = "meeting"
    CALL = "call"
    JOINT = "joint"


class Level(StrEnum):
    MINISTER = "minister"
    DEPUTY_MINISTER = "deputy_minister"
    AMBASSADOR = "ambassador"
    DIRECTOR_GENERAL = "director_general"
    DIRECTOR = "director"
    OFFICER = "officer"


class LogKind(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"
    NOTE = "note"


class InterventionKind(StrEnum):
    STATEMENT = "statement"
    SIDE_EVENT = "side_event"
    BILATERAL = "bilateral"


class InterventionStatus(StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    DROPPED = "dropped"


class CalendarKind(StrEnum):
    """What an item on the calendar is."""

    MEETING = "meeting"
    INTERVENTION = "intervention"
    DEMARCHE = "demarche"  # a démarche's due date
    FOLLOW_UP = "follow_up"  # an open follow-up of a log entry


class ForumKind(StrEnum):
    UN = "un"
    REGIONAL = "regional"
    TREATY = "treaty"
    INFORMAL = "informal"
    OTHER = "other"


class AttachedTo(StrEnum):
    """The kinds of record a file can be attached to (their table names)."""

    STATE = "state"
    CONTACT = "contact"
    ORGANIZATION = "organization"
    DEMARCHE = "demarche"
    LOG_ENTRY = "log_entry"
    MEETING = "meeting"
    INTERVENTION = "intervention"


class TextState(StrEnum):
    """Where the search's copy of an attached file's text stands."""

    PENDING = "pending"  # not read yet (it is read in the background)
    DONE = "done"  # read: the text is searchable
    NAME_ONLY = "name_only"  # a kind of file whose text is not read: found by its name
    FAILED = "failed"  # could not be read (damaged, encrypted…): found by its name


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
