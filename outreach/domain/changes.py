"""What a committed transaction changed, handed to listeners (the app's change bus).

The kinds of records are an enum, `Entity`, one member per table a change can touch, so
a page declares what it shows with names a type checker and the interpreter both check
(`Entity.CONTACT`; a misspelt `Entity.CONTCT` fails at import), not table-name strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    """A kind of record, by the table that holds it (tests check one member per table)."""

    ATTACHMENT = "attachment"
    ATTACHMENT_BLOB = "attachment_blob"
    AUDIT_ENTRY = "audit_entry"
    CATEGORY = "category"
    CATEGORY_MEMBER = "category_member"
    CONTACT = "contact"
    DEMARCHE = "demarche"
    DEMARCHE_CONTACT = "demarche_contact"
    FACT = "fact"
    FORUM = "forum"
    FORUM_MEMBERSHIP = "forum_membership"
    INTERVENTION = "intervention"
    INTERVENTION_TARGET = "intervention_target"
    LOG_ENTRY = "log_entry"
    LOG_ENTRY_CONTACT = "log_entry_contact"
    LOG_ENTRY_STATE = "log_entry_state"
    MEETING = "meeting"
    MEETING_ATTENDEE = "meeting_attendee"
    OBLIGATION = "obligation"
    ORGANIZATION = "organization"
    PARTICIPATION = "participation"
    SEAT = "seat"
    STATE = "state"
    STATE_ALIAS = "state_alias"
    TREATY = "treaty"


#: what a state's name shows in: a rename or a new alias changes every list naming it
STATE_NAMES = (Entity.STATE, Entity.STATE_ALIAS)


@dataclass(frozen=True, slots=True)
class Changes:
    """The kinds of records a transaction touched."""

    entities: frozenset[Entity]

    @classmethod
    def of(cls, tables: Iterable[str]) -> Changes:
        """From table names (the audit trail's, or another officer's notice); a name
        that is not one of ours (a search index's table) is left out."""
        known = {entity.value for entity in Entity}
        return cls(frozenset(Entity(table) for table in tables if table in known))

    def touches(self, *entities: Entity) -> bool:
        return bool(self.entities.intersection(entities))
