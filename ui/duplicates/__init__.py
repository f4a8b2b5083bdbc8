"""Duplicate contacts: review side by side and merge."""

from ui.duplicates.dialog import DuplicatesDialog

__all__ = ["DuplicatesDialog"]
