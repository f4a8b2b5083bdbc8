"""Contacts: the people we talk to. A list page, its table model and the edit dialog."""

from __future__ import annotations

from ui.contacts.dialog import ContactDialog
from ui.contacts.page import ContactsPage
from ui.contacts.table_model import ContactsTableModel

__all__ = ["ContactDialog", "ContactsPage", "ContactsTableModel"]
