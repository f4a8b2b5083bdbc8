"""The undoable changes to contacts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import ContactRecord
from outreach.services.contacts import ContactService
from ui.operations import Guard, delete_op, edit_op, soft_create_op, unguarded
from ui.undo import Operation, VersionBook


def create_contact(
    contacts: ContactService, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[ContactRecord]:
    """Add a contact from `ContactService.create` keywords."""
    parts = (values.get("given_name") or "", values.get("family_name") or "")
    name = " ".join(str(part) for part in parts if part)
    return soft_create_op(
        QCoreApplication.translate("ContactOperations", "Add contact {0}").format(name.strip()),
        lambda: contacts.create(**values),
        contacts,
        guard,
    )


def edit_contact(
    contacts: ContactService,
    book: VersionBook,
    before: ContactRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[ContactRecord] | None:
    """Change the fields of `before` that `values` (`update` keywords) change; None
    when they change nothing."""
    return edit_op(
        QCoreApplication.translate("ContactOperations", "Edit contact {0}").format(
            before.full_name
        ),
        before,
        values,
        contacts.update,
        book=book,
        kind="contact",
        stored={"state": before.state_id},
        guard=guard,
    )


def delete_contact(contacts: ContactService, contact: ContactRecord) -> Operation[ContactRecord]:
    return delete_op(
        QCoreApplication.translate("ContactOperations", "Delete contact {0}").format(
            contact.full_name
        ),
        contacts,
        contact.id,
    )
