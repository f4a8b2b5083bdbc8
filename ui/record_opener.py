"""Open a record named by (kind, id) on the page that shows it.

The calendar, the dashboard, the meeting planner and the search dialog all name what to
open this way; the kinds are the table names the database announces changes under
("state", "meeting", "log_entry", …), plus the calendar's "follow_up" (a log entry); an
"attachment" (found by the search) opens the record it is attached to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui.contacts.page import ContactsPage
from ui.demarches.page import DemarchesPage
from ui.forums.page import ForumsPage
from ui.log.page import LogPage
from ui.main_window import MainWindow
from ui.organizations.page import OrganizationsPage
from ui.pages import Page
from ui.states.page import StatesPage

P = TypeVar("P", bound=Page)
#: kinds whose page already says why it could not open one
REPORTED_BY_PAGE = frozenset({"meeting", "intervention"})


#: which record an attachment is attached to: (kind, id), or None when it is gone
OwnerOf = Callable[[int], tuple[str, int] | None]


class RecordOpener:
    def __init__(self, window: MainWindow, owner_of: OwnerOf = lambda _id: None) -> None:
        self._window = window
        self._owner_of = owner_of
        self._openers: dict[str, Callable[[int], bool]] = {
            "state": self.state,
            "contact": self.contact,
            "organization": self.organization,
            "demarche": self.demarche,
            "meeting": self.meeting,
            "intervention": self.intervention,
            "log_entry": self.log_entry,
            "follow_up": self.log_entry,
            "attachment": self.attachment,
        }

    def open(self, kind: str, record_id: int) -> bool:
        """Show the record; False (and a word to the user) when it cannot be shown."""
        opener = self._openers.get(kind)
        if opener is not None and opener(record_id):
            return True
        if kind in REPORTED_BY_PAGE:
            return False
        QMessageBox.information(
            self._window,
            QCoreApplication.translate("RecordOpener", "Not found"),
            QCoreApplication.translate(
                "RecordOpener", "That record is no longer there: it may have been deleted."
            ),
        )
        return False

    def _page(self, page_type: type[P]) -> P:
        page = self._window.show_page(page_type)
        assert isinstance(page, page_type)
        page.ensure_loaded()
        return page

    def state(self, state_id: int) -> bool:
        page = self._page(StatesPage)
        page.go_to_state(state_id)
        return page.selected_state_id() == state_id

    def contact(self, contact_id: int) -> bool:
        page = self._page(ContactsPage)
        page.select_contact(contact_id)
        return page.loading or page.current_contact_id() == contact_id

    def organization(self, organization_id: int) -> bool:
        page = self._page(OrganizationsPage)
        page.select_organization(organization_id)
        return page.current_organization_id() == organization_id

    def demarche(self, demarche_id: int) -> bool:
        return self._page(DemarchesPage).reveal(demarche_id)

    def meeting(self, meeting_id: int) -> bool:
        return self._page(ForumsPage).open_meeting(meeting_id)

    def intervention(self, intervention_id: int) -> bool:
        return self._page(ForumsPage).open_intervention(intervention_id)

    def log_entry(self, entry_id: int) -> bool:
        return self._page(LogPage).reveal_entry(entry_id)

    def attachment(self, attachment_id: int) -> bool:
        """An attached file opens the record it is attached to."""
        owner = self._owner_of(attachment_id)
        if owner is None:
            return False
        kind, record_id = owner
        opener = self._openers.get(kind)
        return opener is not None and opener(record_id)
