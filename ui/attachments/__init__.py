"""Attached files on a record's detail: the list, attach (a button or a drop), open,
save as, remove (undoable); an e-mail dropped on a state or a contact goes to the log."""

from ui.attachments.panel import AttachmentsPanel

__all__ = ["AttachmentsPanel"]
