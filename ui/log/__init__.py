"""The contact log: a lazily paged table over the whole log, its page, and the dialog
that logs a contact in a few seconds."""

from __future__ import annotations

from ui.log.dialog import LogContactDialog, edit_log_entry, log_a_contact
from ui.log.page import LogPage
from ui.log.table_model import LogTableModel

__all__ = ["LogContactDialog", "LogPage", "LogTableModel", "edit_log_entry", "log_a_contact"]
