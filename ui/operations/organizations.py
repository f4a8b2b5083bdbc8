"""The undoable changes to organizations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import OrganizationRecord
from outreach.services.organizations import OrganizationService
from ui.operations import Guard, delete_op, edit_op, soft_create_op, unguarded
from ui.undo import Operation, VersionBook


def create_organization(
    organizations: OrganizationService, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[OrganizationRecord]:
    """Add an organization from `OrganizationService.create` keywords."""
    return soft_create_op(
        QCoreApplication.translate("OrganizationOperations", "Add organization {0}").format(
            str(values["name"]).strip()
        ),
        lambda: organizations.create(**values),
        organizations,
        guard,
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
    return edit_op(
        QCoreApplication.translate("OrganizationOperations", "Edit organization {0}").format(
            before.name
        ),
        before,
        values,
        organizations.update,
        book=book,
        kind="organization",
        stored={"state": before.state_id},
        guard=guard,
    )


def delete_organization(
    organizations: OrganizationService, organization: OrganizationRecord
) -> Operation[OrganizationRecord]:
    return delete_op(
        QCoreApplication.translate("OrganizationOperations", "Delete organization {0}").format(
            organization.name
        ),
        organizations,
        organization.id,
    )
