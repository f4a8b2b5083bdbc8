"""Priority categories: managing them (with the smart-rule editor) and assigning states."""

from __future__ import annotations

from ui.categories.dialogs import (
    AssignDialog,
    CategoriesDialog,
    assign_to_category,
    manage_categories,
)
from ui.categories.rule_editor import RuleEditor

__all__ = [
    "AssignDialog",
    "CategoriesDialog",
    "RuleEditor",
    "assign_to_category",
    "manage_categories",
]
