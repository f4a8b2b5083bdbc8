"""The undoable changes to priority categories: creating, editing and deleting one, and
putting a state in a manual category or taking it out."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import CategoryMemberRecord, CategoryRecord, StateRecord
from outreach.services.categories import CategoryService
from ui.operations import Guard, delete_op, set_op, soft_create_op, unguarded, unversioned_edit_op
from ui.undo import Operation

Membership = CategoryMemberRecord | None  # None: the state is not in the category


def create_category(
    categories: CategoryService, name: str, colour: str, rule: str | None
) -> Operation[CategoryRecord]:
    """A manual category, or a smart one when `rule` is given."""
    return soft_create_op(
        QCoreApplication.translate("CategoryOperations", "Create category {0}").format(
            name.strip()
        ),
        lambda: categories.create(name, colour=colour, rule=rule),
        categories,
    )


def edit_category(
    categories: CategoryService, before: CategoryRecord, values: Mapping[str, str]
) -> Operation[CategoryRecord] | None:
    """Change what `values` (`update` keywords: its name and description, its colour, its
    rule) change; None when they change nothing. The step is named for what it changes."""
    if set(values) == {"colour"}:
        text = QCoreApplication.translate("CategoryOperations", "Recolour category {0}")
    elif set(values) == {"rule"}:
        text = QCoreApplication.translate("CategoryOperations", "Change the rule of {0}")
    else:
        text = QCoreApplication.translate("CategoryOperations", "Edit category {0}")
    return unversioned_edit_op(text.format(before.name), before, values, categories.update)


def delete_category(
    categories: CategoryService, category: CategoryRecord
) -> Operation[CategoryRecord]:
    return delete_op(
        QCoreApplication.translate("CategoryOperations", "Delete category {0}").format(
            category.name
        ),
        categories,
        category.id,
    )


def _membership(
    categories: CategoryService, category_id: int, state_id: int
) -> Callable[[str | None], Membership]:
    """Put the state in the category with a rationale, or (None) take it out."""

    def put(rationale: str | None) -> Membership:
        if rationale is None:
            categories.unassign(category_id, state_id)
            return None
        return categories.assign(category_id, state_id, rationale)

    return put


def assign_member(
    categories: CategoryService,
    state: StateRecord,
    category_id: int,
    category_name: str,
    rationale: str,
    previous: str | None,
    guard: Guard = unguarded,
) -> Operation[Membership]:
    """Put `state` in a manual category with `rationale`; undo gives it back its
    `previous` rationale there, or takes it out when it was not a member (None)."""
    return set_op(
        QCoreApplication.translate("CategoryOperations", "Assign {0} to {1}").format(
            state.name, category_name
        ),
        _membership(categories, category_id, state.id),
        rationale,
        previous,
        guard,
    )


def remove_member(
    categories: CategoryService, category: CategoryRecord, member: CategoryMemberRecord
) -> Operation[Membership]:
    """Take a state out of a manual category; undo puts it back with its rationale."""
    return set_op(
        QCoreApplication.translate("CategoryOperations", "Remove {0} from {1}").format(
            member.state_name, category.name
        ),
        _membership(categories, category.id, member.state_id),
        None,
        member.rationale,
    )
