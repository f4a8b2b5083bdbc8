"""Printing from the app: briefing sheets and meeting packs, previewed, printed or saved.

`printing.print_selection` is what Print (Ctrl+P) calls: a state gives its briefing sheet,
a meeting its pack, built in the background (progress and Cancel) and shown in a preview
with Print and Save as PDF. Nothing here is imported before the first print (reportlab
and QtPdf are not needed to show the window): import the modules, not this package.
"""
