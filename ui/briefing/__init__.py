"""Printing from the app: briefing sheets and meeting packs, previewed, printed or saved.

`print_selection` is what Print (Ctrl+P) calls: a state gives its briefing sheet, a
meeting its pack, built in the background (progress and Cancel) and shown in a preview
with Print and Save as PDF.
"""

from ui.briefing.jobs import BriefingJob, BriefingRequest
from ui.briefing.preview import PdfPreviewDialog
from ui.briefing.printing import BriefingRun, print_selection
from ui.briefing.settings import PrintSettingsDialog, edit_print_settings, load_options

__all__ = [
    "BriefingJob",
    "BriefingRequest",
    "BriefingRun",
    "PdfPreviewDialog",
    "PrintSettingsDialog",
    "edit_print_settings",
    "load_options",
    "print_selection",
]
