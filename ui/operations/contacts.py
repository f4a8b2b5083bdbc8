"""The undoable changes to contacts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import ContactRecord
from outreach.services.contacts import ContactService
from ui.operations import Guard, create_op, delete_op, edit_op, unguarded
from ui.undo import Operation, VersionBook


def _tr(text: str) -> str:
    return QCoreApplication.translate("ContactOperations", text)


def create_contact(
    contacts: ContactService, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[ContactRecord]:
    """Add a contact from `ContactService.create` keywords."""
    parts = (values.get("given_name") or "", values.get("family_name") or "")
    name = " ".join(str(part) for part in parts if part)
    return create_op(
        _tr("Add contact {0}").format(name.strip()),
        lambda: guard(lambda: contacts.create(**values)),
        lambda created: contacts.delete(created.id),
        lambda created: contacts.restore(created.id),
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
    contact_id = before.id

    def update(**fields: Any) -> ContactRecord:
        return guard(lambda: contacts.update(contact_id, **fields))

    return edit_op(
        _tr("Edit contact {0}").format(before.full_name),
        before,
        values,
        update,
        book=book,
        kind="contact",
        stored={"state": before.state_id},
    )


def delete_contact(contacts: ContactService, contact: ContactRecord) -> Operation[ContactRecord]:
    return delete_op(_tr("Delete contact {0}").format(contact.full_name), contacts, contact.id)
