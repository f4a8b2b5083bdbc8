"""The Forums and meetings page: each forum's meetings and its members on a date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget

from outreach.domain.records import ForumMembershipRecord, MeetingRecord
from ui.pages import Page
from ui.services import AppServices
from ui.widgets.records_table import RecordsModel, records_view


class ForumsPage(Page):
    shows = ("forum", "forum_membership", "meeting")

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.forums = QListWidget(self)
        self.forums.currentItemChanged.connect(self._show_forum)
        self.meetings = RecordsModel[MeetingRecord](
            [
                (self.tr("Meeting"), lambda m: m.title),
                (self.tr("City"), lambda m: m.city),
                (self.tr("From"), lambda m: m.starts_on.isoformat()),
                (self.tr("To"), lambda m: m.ends_on.isoformat()),
            ],
            parent=self,
        )
        self.members = RecordsModel[ForumMembershipRecord](
            [
                (self.tr("Member"), lambda m: m.state_name),
                (self.tr("Since"), lambda m: m.since.isoformat() if m.since else ""),
                (self.tr("Source"), lambda m: m.source),
            ],
            parent=self,
        )
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(records_view(self.meetings, self))
        right.addWidget(records_view(self.members, self))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.forums)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        QVBoxLayout(self).addWidget(splitter)

    def title(self) -> str:
        return self.tr("Forums and meetings")

    def reload(self) -> None:
        chosen = (
            self.forums.currentItem().data(Qt.ItemDataRole.UserRole)
            if self.forums.currentItem()
            else None
        )
        self.forums.clear()
        for forum in self._services.forums.forums():
            item = QListWidgetItem(forum.name, self.forums)
            item.setData(Qt.ItemDataRole.UserRole, forum.id)
            if forum.id == chosen:
                self.forums.setCurrentItem(item)
        if self.forums.currentItem() is None and self.forums.count():
            self.forums.setCurrentRow(0)

    def _show_forum(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is None:
            self.meetings.set_records([])
            self.members.set_records([])
            return
        forum_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.meetings.set_records(self._services.forums.meetings(forum=forum_id))
        self.members.set_records(self._services.forums.members(forum_id, date.today()))
