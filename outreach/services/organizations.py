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
from outreach.i18n import N_
from outreach.services import common, lookup
from outreach.services.base import RecordService
from outreach.services.common import KEEP, Keep
from outreach.services.validation import choice, optional_text, required_text
from outreach.storage.models import Organization

LABEL = N_("organization")


def organization_record(organization: Organization) -> OrganizationRecord:
    return common.record_of(OrganizationRecord, organization)


class OrganizationService(RecordService[Organization, OrganizationRecord]):
    _model, _label = Organization, LABEL

    def _record(self, session: Session, row: Organization) -> OrganizationRecord:
        return organization_record(row)

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
        checked_kind = choice(OrganizationKind, kind, N_("organization kind"))
        place = optional_text(city, limits.CITY)
        with self._db.write() as session:
            organization = Organization(
                name=title,
                kind=checked_kind.value,
                state_id=common.optional_state_id(session, state),
                city=place,
                notes=optional_text(notes, limits.NOTES),
            )
            return self._added(session, organization)

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
        with self._changing(organization_id, version) as (session, organization):
            if name is not None:
                organization.name = required_text(name, limits.ORGANIZATION_NAME)
            if kind is not None:
                organization.kind = choice(OrganizationKind, kind, N_("organization kind")).value
            if not isinstance(state, Keep):
                organization.state_id = common.optional_state_id(session, state)
            if city is not None:
                organization.city = optional_text(city, limits.CITY)
            if notes is not None:
                organization.notes = optional_text(notes, limits.NOTES)
            session.flush()
            return organization_record(organization)

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
