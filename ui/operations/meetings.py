"""The undoable changes to meetings: planning, editing and deleting one, and announcing
a state as attending (or no longer expected)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import MeetingRecord
from outreach.services.forums import ForumService
from ui.operations import Guard, create_op, set_op, unguarded, unversioned_edit_op
from ui.undo import Operation, soft_deletion
from ui.widgets.record_dialog import short


def create_meeting(
    forums: ForumService, forum_id: int, values: Mapping[str, Any], guard: Guard = unguarded
) -> Operation[MeetingRecord]:
    """Plan a meeting of a forum from `ForumService.create_meeting` keywords."""
    return create_op(
        QCoreApplication.translate("MeetingOperations", "New meeting: {0}").format(
            short(str(values["title"]))
        ),
        lambda: guard(lambda: forums.create_meeting(forum_id, **values)),
        lambda created: forums.delete_meeting(created.id),
        lambda created: forums.restore_meeting(created.id),
    )


def edit_meeting(
    forums: ForumService,
    before: MeetingRecord,
    values: Mapping[str, Any],
    guard: Guard = unguarded,
) -> Operation[MeetingRecord] | None:
    """Change the fields of `before` that `values` (`update_meeting` keywords) change;
    None when they change nothing."""
    text = QCoreApplication.translate("MeetingOperations", "Edit meeting: {0}").format(
        short(str(values["title"]))
    )
    return unversioned_edit_op(text, before, values, forums.update_meeting, guard=guard)


def delete_meeting(forums: ForumService, meeting: MeetingRecord) -> Operation[MeetingRecord]:
    return soft_deletion(
        QCoreApplication.translate("MeetingOperations", "Delete meeting: {0}").format(
            meeting.title
        ),
        forums.delete_meeting,
        forums.restore_meeting,
        meeting.id,
    )


def set_attendance(
    forums: ForumService, meeting: MeetingRecord, state_id: int, state_name: str, attending: bool
) -> Operation[MeetingRecord]:
    """Announce a state as attending (beyond the forum's members), or no longer expect one
    that was announced (`attending` False); undo does the opposite."""
    text = (
        QCoreApplication.translate("MeetingOperations", "Announce {0} at {1}")
        if attending
        else QCoreApplication.translate("MeetingOperations", "No longer expecting {0} at {1}")
    )
    meeting_id = meeting.id

    def put(expected: bool) -> MeetingRecord:
        if expected:
            return forums.add_attendee(meeting_id, state_id)
        return forums.remove_attendee(meeting_id, state_id)

    return set_op(text.format(state_name, short(meeting.title)), put, attending, not attending)
