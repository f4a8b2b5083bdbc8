"""Import dialogs: treaty status from the UN Treaty Collection, contacts from CSV."""

from ui.imports.contacts_dialog import ContactsImportDialog
from ui.imports.untc_dialog import UntcImportDialog

__all__ = ["ContactsImportDialog", "UntcImportDialog"]
