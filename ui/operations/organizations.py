"""The undoable changes to organizations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import OrganizationRecord
from outreach.services.organizations import OrganizationService
from ui.operations import Guard, create_op, delete_op, edit_op, unguarded
from ui.undo import Operation, VersionBook


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrganizationOperations", text)


def create_organization(
    organizations: OrganizationService, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[OrganizationRecord]:
    """Add an organization from `OrganizationService.create` keywords."""
    return create_op(
        _tr("Add organization {0}").format(str(values["name"]).strip()),
        lambda: guard(lambda: organizations.create(**values)),
        lambda created: organizations.delete(created.id),
        lambda created: organizations.restore(created.id),
    )


def edit_organization(
    organizations: OrganizationService,
    book: VersionBook,
    before: OrganizationRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[OrganizationRecord] | None:
    """Change the fields of `before` that `values` (`update` keywords) change; None
    when they change nothing."""
    organization_id = before.id

    def update(**fields: Any) -> OrganizationRecord:
        return guard(lambda: organizations.update(organization_id, **fields))

    return edit_op(
        _tr("Edit organization {0}").format(before.name),
        before,
        values,
        update,
        book=book,
        kind="organization",
        stored={"state": before.state_id},
    )


def delete_organization(
    organizations: OrganizationService, organization: OrganizationRecord
) -> Operation[OrganizationRecord]:
    return delete_op(
        _tr("Delete organization {0}").format(organization.name), organizations, organization.id
    )
