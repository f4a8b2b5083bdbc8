"""The démarches board: one column per lifecycle status, a card per démarche.

Drag a card to another column to move the démarche there, or select it and press
Ctrl+Right / Ctrl+Left to move it one column forward or back; the card's context menu
(or the Menu key) moves it anywhere, cancelling included. Every move goes through
`ui.demarches.moves.move_demarche`: undoable, and asking for a reason when moving back,
cancelling or reopening. Cancelled démarches sit in a last column, collapsed until
opened.

The drag carries the démarche's id in its own MIME type, so a drop from elsewhere is
refused and a test can drop without a mouse.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from outreach.domain.enums import DemarcheStatus
from outreach.domain.records import DemarcheRecord
from ui.demarches.labels import action_label, status_label
from ui.demarches.moves import ReasonPrompt, move_demarche, step_status
from ui.demarches.table_model import is_overdue
from ui.services import AppServices
from ui.undo import UndoRunner
from ui.widgets.overdue import OVERDUE_RED, overdue_text
from ui.widgets.records_table import Index

MIME_TYPE = "application/x-outreach-demarche-id"
ID_ROLE = Qt.ItemDataRole.UserRole + 20
RECORD_ROLE = Qt.ItemDataRole.UserRole + 21
STATE_ROLE = Qt.ItemDataRole.UserRole + 22  # the state's name
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 23
DUE_ROLE = Qt.ItemDataRole.UserRole + 24  # the due line as shown
COLUMN_WIDTH = 220
PADDING = 6


def demarche_mime(demarche_id: int) -> QMimeData:
    """What a dragged card carries."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(str(demarche_id).encode("ascii")))
    return mime


def dropped_id(mime: QMimeData | None) -> int | None:
    """The démarche id a drag carries, or None when it is not a card."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    text = bytes(mime.data(MIME_TYPE).data()).decode("ascii", errors="replace")
    return int(text) if text.isdigit() else None


class CardDelegate(QStyledItemDelegate):
    """Paints a card: the state (bold), the title, the requested action and the due
    date (red when the démarche is open and overdue)."""

    LINES = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        record = index.data(RECORD_ROLE)
        if not isinstance(record, DemarcheRecord):
            return
        rect: QRect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        base_font: QFont = opt.font
        bold = QFont(base_font)
        bold.setBold(True)
        line_height = QFontMetrics(bold).lineSpacing()

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(opt.rect.adjusted(1, 1, -2, -2), 4, 4)
        due = index.data(DUE_ROLE) or ""
        lines: list[tuple[str, QFont, QColor]] = [
            (str(index.data(STATE_ROLE) or ""), bold, text_colour),
            (record.title, base_font, text_colour),
            (action_label(record.requested_action), base_font, text_colour),
        ]
        overdue = bool(index.data(OVERDUE_ROLE))
        due_colour = QColor(OVERDUE_RED) if overdue and not selected else text_colour
        lines.append((str(due), bold if overdue else base_font, due_colour))
        top = rect.top()
        for text, font, colour in lines:
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(
                QRect(rect.left(), top, rect.width(), line_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                shown,
            )
            top += line_height
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        bold = QFont(option.font)
        bold.setBold(True)
        height = QFontMetrics(bold).lineSpacing() * self.LINES + 2 * PADDING
        return QSize(COLUMN_WIDTH - 2 * PADDING, height)


class BoardList(QListWidget):
    """The cards of one column. Drags start here; drops are taken by the column."""

    def __init__(self, board: DemarcheBoard, status: DemarcheStatus) -> None:
        super().__init__()
        self.board = board
        self.status = status
        self.setObjectName(f"board-{status.value}")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setItemDelegate(CardDelegate(self))
        self.setSpacing(3)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(status_label(status))

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        ids = [item.data(ID_ROLE) for item in items if isinstance(item.data(ID_ROLE), int)]
        return demarche_mime(ids[0]) if ids else QMimeData()

    def current_id(self) -> int | None:
        items = self.selectedItems()
        value = items[0].data(ID_ROLE) if items else None
        return value if isinstance(value, int) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.board.step_selected(1 if event.key() == Qt.Key.Key_Right else -1)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self.board.edit_requested.emit(self.current_id())
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        if item is None and event.reason() == QContextMenuEvent.Reason.Keyboard:
            item = self.currentItem()
        if item is None:
            return
        self.setCurrentItem(item)
        record = item.data(RECORD_ROLE)
        if not isinstance(record, DemarcheRecord):
            return
        where = (
            self.visualItemRect(item).center()
            if event.reason() == QContextMenuEvent.Reason.Keyboard
            else event.pos()
        )
        self.board.card_menu(record).exec(self.viewport().mapToGlobal(where))


class BoardColumn(QFrame):
    """A status's header and cards; takes the drops of cards from other columns. The
    cancelled column collapses to its header (drops onto the header still work)."""

    def __init__(self, board: DemarcheBoard, status: DemarcheStatus, collapsible: bool) -> None:
        super().__init__(board)
        self.board = board
        self.status = status
        self.collapsible = collapsible
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.list = BoardList(board, status)
        self.list.setParent(self)
        self.header: QLabel | QToolButton
        if collapsible:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(self._expand)
            self.header = button
        else:
            self.header = QLabel(self)
            font = self.header.font()
            font.setBold(True)
            self.header.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.list, 1)
        if collapsible:
            self._expand(False)
        else:
            self.setMinimumWidth(COLUMN_WIDTH)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.header.setText(self.tr("{0} ({1})").format(status_label(self.status), count))

    def is_expanded(self) -> bool:
        return not self.collapsible or self.list.isVisibleTo(self)

    def set_expanded(self, expanded: bool) -> None:
        if isinstance(self.header, QToolButton):
            self.header.setChecked(expanded)

    def _expand(self, expanded: bool) -> None:
        self.list.setVisible(expanded)
        if isinstance(self.header, QToolButton):
            self.header.setArrowType(
                Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
            )
            self.header.setToolTip(
                self.tr("Hide the cancelled démarches")
                if expanded
                else self.tr("Show the cancelled démarches")
            )
        self.setMinimumWidth(COLUMN_WIDTH if expanded else 0)
        self.setSizePolicy(
            QSizePolicy.Policy.Expanding if expanded else QSizePolicy.Policy.Maximum,
            QSizePolicy.Policy.Expanding,
        )

    # --- drops -----------------------------------------------------------------------------

    def _wanted(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> int | None:
        demarche_id = dropped_id(event.mimeData())
        if demarche_id is None:
            return None
        record = self.board.record(demarche_id)
        if record is None or record.status == self.status:
            return None
        return demarche_id

    def _take_drag(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        """Accept a card that would move to this column (as a copy); refuse any other."""
        if self._wanted(event) is None:
            event.ignore()
            return False
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._take_drag(event):
            self.setFrameShadow(QFrame.Shadow.Sunken)
            self.setLineWidth(2)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._take_drag(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._unmark()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._unmark()
        demarche_id = self._wanted(event)
        if demarche_id is None:
            event.ignore()
            return
        # Copy, not move: the source list must not remove the card itself; the board
        # redraws from the service's answer. The move runs after the drop has finished,
        # so a reason prompt never opens inside the drag's event loop.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        status = self.status
        QTimer.singleShot(0, self.board, lambda: self.board.move_card(demarche_id, status))

    def _unmark(self) -> None:
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(1)


class DemarcheBoard(QWidget):
    """Cards in status columns. `set_records` fills it; moves go through the services
    and the undo runner, and the board shows the moved card at once (the page's reload
    on the change bus then brings the rest)."""

    selection_changed = Signal()
    edit_requested = Signal(int)  # a démarche id: Enter or a double click on its card
    moved = Signal(int)  # a démarche id, after a move the service accepted

    def __init__(
        self,
        services: AppServices,
        undo: UndoRunner,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo = undo
        self._today = today
        #: asks why a card moves back, is cancelled or reopened; None: `ask_for_reason`
        self.reason_prompt: ReasonPrompt | None = None
        self._records: dict[int, DemarcheRecord] = {}
        self._order: list[int] = []
        self._state_names: dict[int, str] = {}
        self._selected: int | None = None
        self._filling = False
        self.columns: dict[DemarcheStatus, BoardColumn] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for status in DemarcheStatus:
            column = BoardColumn(self, status, collapsible=status == DemarcheStatus.CANCELLED)
            column.list.itemSelectionChanged.connect(
                lambda lst=column.list: self._list_selection_changed(lst)
            )
            column.list.itemDoubleClicked.connect(self._double_clicked)
            self.columns[status] = column
            layout.addWidget(column, 1 if status != DemarcheStatus.CANCELLED else 0)

    # --- filling -------------------------------------------------------------------------

    def set_records(
        self, records: Sequence[DemarcheRecord], state_names: Mapping[int, str] | None = None
    ) -> None:
        """Show these démarches (in this order within each column), keeping the card
        selected and, when a column had the focus, giving it back."""
        if state_names is not None:
            self._state_names = dict(state_names)
        self._records = {record.id: record for record in records}
        self._order = [record.id for record in records]
        self._rebuild()

    def _rebuild(self) -> None:
        focused = any(column.list.hasFocus() for column in self.columns.values())
        selected = self._selected
        self._filling = True
        try:
            for column in self.columns.values():
                column.list.clear()
            today = self._today()
            for demarche_id in self._order:
                record = self._records[demarche_id]
                self.columns[record.status].list.addItem(self._card(record, today))
            for column in self.columns.values():
                column.set_count(column.list.count())
        finally:
            self._filling = False
        self._selected = None
        if selected is not None and selected in self._records:
            self.select(selected, focus=focused)
        else:
            self.selection_changed.emit()

    def _card(self, record: DemarcheRecord, today: date) -> QListWidgetItem:
        state = self.state_name(record.state_id)
        overdue = is_overdue(record, today)
        if record.due_on is None:
            due = self.tr("No due date")
        else:  # "Due 2026-03-12 (overdue)": in words, not in red alone
            due = overdue_text(self.tr("Due {0}").format(record.due_on.isoformat()), overdue)
        item = QListWidgetItem(f"{state} — {record.title}")
        item.setFlags(
            Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setData(ID_ROLE, record.id)
        item.setData(RECORD_ROLE, record)
        item.setData(STATE_ROLE, state)
        item.setData(OVERDUE_ROLE, overdue)
        item.setData(DUE_ROLE, due)
        item.setToolTip(
            "\n".join(
                part
                for part in (
                    f"{state}: {record.title}",
                    action_label(record.requested_action),
                    due,
                    record.status_reason,
                )
                if part
            )
        )
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole,
            f"{state}, {record.title}, {action_label(record.requested_action)}, {due}",
        )
        return item

    # --- reading ---------------------------------------------------------------------------

    def state_name(self, state_id: int) -> str:
        return self._state_names.get(state_id, f"#{state_id}")

    def record(self, demarche_id: int) -> DemarcheRecord | None:
        return self._records.get(demarche_id)

    def column(self, status: DemarcheStatus) -> BoardList:
        return self.columns[status].list

    def card_ids(self, status: DemarcheStatus) -> list[int]:
        """The ids of the cards in a column, top to bottom."""
        lst = self.column(status)
        return [int(lst.item(row).data(ID_ROLE)) for row in range(lst.count())]

    def card(self, demarche_id: int) -> QListWidgetItem | None:
        record = self._records.get(demarche_id)
        if record is None:
            return None
        lst = self.column(record.status)
        for row in range(lst.count()):
            item = lst.item(row)
            if item.data(ID_ROLE) == demarche_id:
                return item
        return None

    def selected_id(self) -> int | None:
        return self._selected

    def selected_record(self) -> DemarcheRecord | None:
        return self._records.get(self._selected) if self._selected is not None else None

    # --- selecting -------------------------------------------------------------------------

    def select(self, demarche_id: int | None, focus: bool = False) -> bool:
        """Select a card (one on the whole board); False when it is not shown."""
        record = self._records.get(demarche_id) if demarche_id is not None else None
        item = self.card(record.id) if record is not None else None
        if record is None or item is None:
            self._clear_selection()
            return False
        column = self.columns[record.status]
        if not column.is_expanded():
            column.set_expanded(True)
        lst = column.list
        lst.setCurrentItem(item)
        item.setSelected(True)
        lst.scrollToItem(item)
        if focus:
            lst.setFocus()
        return True

    def _clear_selection(self) -> None:
        self._filling = True
        try:
            for column in self.columns.values():
                column.list.clearSelection()
        finally:
            self._filling = False
        if self._selected is not None:
            self._selected = None
            self.selection_changed.emit()

    def _list_selection_changed(self, lst: BoardList) -> None:
        if self._filling:
            return
        chosen = lst.current_id() if lst.selectedItems() else None
        if chosen is None:
            nothing = all(not column.list.selectedItems() for column in self.columns.values())
            if nothing and self._selected is not None:
                self._selected = None
                self.selection_changed.emit()
            return
        self._filling = True
        try:
            for column in self.columns.values():
                if column.list is not lst:
                    column.list.clearSelection()
        finally:
            self._filling = False
        if chosen != self._selected:
            self._selected = chosen
            self.selection_changed.emit()

    def _double_clicked(self, item: QListWidgetItem) -> None:
        value = item.data(ID_ROLE)
        if isinstance(value, int):
            self.edit_requested.emit(value)

    # --- cancelled column ------------------------------------------------------------------

    def cancelled_shown(self) -> bool:
        return self.columns[DemarcheStatus.CANCELLED].is_expanded()

    def set_cancelled_shown(self, shown: bool) -> None:
        self.columns[DemarcheStatus.CANCELLED].set_expanded(shown)

    # --- moving ----------------------------------------------------------------------------

    def move_card(self, demarche_id: int, to_status: DemarcheStatus) -> bool:
        """Move a démarche to another column (what a drop does): undoable, asking for a
        reason when one is due. True when it moved."""
        record = self._records.get(demarche_id)
        if record is None:
            return False
        after = move_demarche(
            self, self._services, self._undo, record, to_status, ask=self.reason_prompt
        )
        if after is None:
            return False
        if after.id in self._records:  # unless the page's reload has filtered it out
            self._records[after.id] = after
            self._selected = after.id
            self._rebuild()
            self.select(after.id, focus=True)
        self.moved.emit(after.id)
        return True

    def step_selected(self, step: int) -> bool:
        """Move the selected card `step` columns forward (Ctrl+Right) or back
        (Ctrl+Left); cancelled cards move from the menu only."""
        record = self.selected_record()
        if record is None:
            return False
        target = step_status(record.status, step)
        if target is None:
            return False
        return self.move_card(record.id, target)

    def card_menu(self, record: DemarcheRecord) -> QMenu:
        """The card's context menu: edit, and move to any other column."""
        menu = QMenu(self)
        edit = menu.addAction(self.tr("&Edit…"))
        edit.triggered.connect(lambda: self.edit_requested.emit(record.id))
        move_to = menu.addMenu(self.tr("&Move to"))
        for status in DemarcheStatus:
            if status == record.status:
                continue
            action = move_to.addAction(status_label(status))
            action.triggered.connect(lambda _checked=False, s=status: self.move_card(record.id, s))
        return menu

    def drop_point(self, status: DemarcheStatus) -> QPoint:
        """Where in a column a drop lands (the middle of its cards), for tests."""
        column = self.columns[status]
        target = column.list if column.is_expanded() else column.header
        return target.mapTo(column, target.rect().center())
