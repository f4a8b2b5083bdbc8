"""Organizations: ministries, missions, embassies, NGOs and international bodies that our
contacts work for, usually of one state.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import OrganizationKind
from outreach.domain.records import OrganizationRecord
from outreach.folding import fold
from outreach.services import common, lookup
from outreach.services.common import KEEP, Keep
from outreach.services.validation import choice, optional_text, required_text
from outreach.storage.database import Database
from outreach.storage.models import Organization

LABEL = "organization"


def organization_record(organization: Organization) -> OrganizationRecord:
    return OrganizationRecord(
        id=organization.id,
        name=organization.name,
        kind=organization.kind,
        state_id=organization.state_id,
        city=organization.city,
        notes=organization.notes,
        version=common.current_version(organization),
    )


def _state_id(session: Session, ref: str | int | None) -> int | None:
    state = common.optional_state(session, ref)
    return state.id if state is not None else None


class OrganizationService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(
        self,
        name: str,
        *,
        kind: OrganizationKind | str = OrganizationKind.OTHER,
        state: str | int | None = None,
        city: str = "",
        notes: str = "",
    ) -> OrganizationRecord:
        """An organization; `state` is an ISO code, a name or an id, or None for none."""
        title = required_text(name, limits.ORGANIZATION_NAME)
        checked_kind = choice(OrganizationKind, kind, "organization kind")
        place = optional_text(city, limits.CITY)
        with self._db.write() as session:
            organization = Organization(
                name=title,
                kind=checked_kind.value,
                state_id=_state_id(session, state),
                city=place,
                notes=optional_text(notes, limits.NOTES),
            )
            session.add(organization)
            session.flush()
            return organization_record(organization)

    def update(
        self,
        organization_id: int,
        *,
        name: str | None = None,
        kind: OrganizationKind | str | None = None,
        state: str | int | Keep | None = KEEP,
        city: str | None = None,
        notes: str | None = None,
        version: int | None = None,
    ) -> OrganizationRecord:
        """Change the fields given; `state=None` removes the state, `KEEP` leaves it."""
        with self._db.write() as session, session.no_autoflush:
            organization = lookup.get_live(session, Organization, organization_id, LABEL)
            common.check_version(session, organization, version, LABEL)
            if name is not None:
                organization.name = required_text(name, limits.ORGANIZATION_NAME)
            if kind is not None:
                organization.kind = choice(OrganizationKind, kind, "organization kind").value
            if not isinstance(state, Keep):
                organization.state_id = _state_id(session, state)
            if city is not None:
                organization.city = optional_text(city, limits.CITY)
            if notes is not None:
                organization.notes = optional_text(notes, limits.NOTES)
            session.flush()
            return organization_record(organization)

    def delete(self, organization_id: int) -> OrganizationRecord:
        """Soft delete: the organization disappears from lists until restored."""
        with self._db.write() as session:
            organization = lookup.get_live(session, Organization, organization_id, LABEL)
            common.soft_delete(organization)
            return organization_record(organization)

    def restore(self, organization_id: int) -> OrganizationRecord:
        with self._db.write() as session:
            organization = common.get_any(session, Organization, organization_id, LABEL)
            common.restore(organization)
            return organization_record(organization)

    def get(self, organization_id: int) -> OrganizationRecord:
        with self._db.read() as session:
            return organization_record(
                lookup.get_live(session, Organization, organization_id, LABEL)
            )

    def list(
        self, *, state: str | int | None = None, text: str | None = None
    ) -> list[OrganizationRecord]:
        """Live organizations by name (ignoring case and accents); `text` matches part of
        the name or city, ignoring case and accents too."""
        needle = fold(text) if text else ""
        with self._db.read() as session:
            query = select(Organization).where(Organization.deleted_at.is_(None))
            if state is not None:
                query = query.where(Organization.state_id == lookup.state(session, state).id)
            found = [
                organization
                for organization in session.scalars(query)
                if not needle or needle in fold(f"{organization.name} {organization.city}")
            ]
            found.sort(key=lambda organization: (fold(organization.name), organization.id))
            return [organization_record(organization) for organization in found]
