"""The undoable changes to forums' memberships: adding a member, changing or ending a
membership, deleting one recorded in error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import ForumMembershipRecord, ForumRecord
from outreach.services.forums import ForumService
from ui.operations import Guard, create_op, unguarded, unversioned_edit_op
from ui.undo import Operation
from ui.widgets.record_dialog import short


def add_member(
    forums: ForumService,
    forum: ForumRecord,
    state_id: int,
    state_name: str,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[ForumMembershipRecord]:
    """Make a state a member of `forum`, with `add_member` keywords (since, until, source);
    redo puts back the same membership."""
    forum_id = forum.id
    return create_op(
        QCoreApplication.translate("ForumOperations", "Add {0} to {1}").format(
            state_name, short(forum.name)
        ),
        lambda: guard(lambda: forums.add_member(forum_id, state_id, **values)),
        lambda added: forums.remove_member(added.id),
        forums.restore_member,
    )


def edit_membership(
    forums: ForumService, before: ForumMembershipRecord, values: Mapping[str, Any]
) -> Operation[ForumMembershipRecord] | None:
    """Change a membership's dates and source (`update_member` keywords); None when
    nothing changes."""
    text = QCoreApplication.translate("ForumOperations", "Edit membership of {0}").format(
        before.state_name
    )
    return unversioned_edit_op(text, before, values, forums.update_member)


def end_membership(
    forums: ForumService, before: ForumMembershipRecord, until: date
) -> Operation[ForumMembershipRecord] | None:
    """End a membership on `until`; None when it ends then already."""
    text = QCoreApplication.translate("ForumOperations", "End membership of {0}").format(
        before.state_name
    )
    return unversioned_edit_op(text, before, {"until": until}, forums.update_member)


def delete_membership(
    forums: ForumService, membership: ForumMembershipRecord
) -> Operation[ForumMembershipRecord]:
    """Delete a membership recorded in error; undo puts it back, with its id."""
    membership_id = membership.id
    return Operation(
        QCoreApplication.translate("ForumOperations", "Delete membership of {0}").format(
            membership.state_name
        ),
        do=lambda: forums.remove_member(membership_id),
        undo=forums.restore_member,
        redo=lambda removed: forums.remove_member(removed.id),
    )
