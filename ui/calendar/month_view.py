"""The month grid: each day a cell with its number and its items as coloured chips, as
many as fit and "+N more"; a click on a chip selects it, a double click opens it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from outreach.domain.enums import InterventionStatus
from outreach.domain.records import CalendarItem
from ui.calendar.models import DATE_ROLE, ITEMS_ROLE, MUTED, MonthModel, item_colour, item_line
from ui.widgets.overdue import OVERDUE_RED, overdue_first
from ui.widgets.records_table import Index

PAD = 3


class MonthDelegate(QStyledItemDelegate):
    """Paints a day: its number, then one chip per item while they fit."""

    def layout(
        self, rect: QRect, metrics: QFontMetrics, items: list[CalendarItem]
    ) -> tuple[list[tuple[QRect, CalendarItem]], int, QRect | None]:
        """Where each shown item's chip goes, how many did not fit, and where "+N more"
        goes (None when all fit)."""
        line = metrics.height() + 2
        top = rect.top() + metrics.height() + PAD * 2
        room = max(0, (rect.bottom() - PAD - top + 1) // line)
        shown = items if len(items) <= room else items[: max(room - 1, 0)]
        chips = [
            (QRect(rect.left() + PAD, top + n * line, rect.width() - 2 * PAD, line - 1), item)
            for n, item in enumerate(shown)
        ]
        hidden = len(items) - len(shown)
        more = (
            QRect(rect.left() + PAD, top + len(shown) * line, rect.width() - 2 * PAD, line - 1)
            if hidden
            else None
        )
        return chips, hidden, more

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect
        palette = option.palette
        day = index.data(DATE_ROLE)
        model = index.model()
        in_month = (
            isinstance(model, MonthModel)
            and isinstance(day, date)
            and ((day.year, day.month) == model.year_month())
        )
        background = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            background = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(rect, background)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(40)
            painter.fillRect(rect, highlight)
        metrics = QFontMetrics(option.font)
        number_font = option.font
        if day == date.today():
            number_font.setBold(True)
            painter.setPen(QPen(QColor(palette.color(QPalette.ColorRole.Highlight)), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.setFont(number_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text) if in_month else QColor(MUTED))
        painter.drawText(
            rect.adjusted(PAD, PAD, -PAD, -PAD),
            Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight,
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        items = index.data(ITEMS_ROLE) or []
        chips, hidden, more = self.layout(rect, metrics, items)
        painter.setFont(option.font)
        for chip, item in chips:
            self._paint_chip(painter, chip, item, metrics)
        if more is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                more,
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.tr("+{0} more").format(hidden),
            )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if option.state & QStyle.StateFlag.State_HasFocus:  # the day the keyboard is on
            widget = option.widget
            frame = QStyleOptionFocusRect()
            frame.state = option.state
            frame.palette = palette
            frame.rect = rect.adjusted(3, 3, -4, -4)  # inside today's border
            frame.backgroundColor = background
            style = widget.style() if widget is not None else QApplication.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, widget)
        painter.restore()

    @staticmethod
    def _paint_chip(
        painter: QPainter, chip: QRect, item: CalendarItem, metrics: QFontMetrics
    ) -> None:
        colour = item_colour(item)
        fill = QColor(colour)
        fill.setAlpha(45)
        painter.fillRect(chip, fill)
        painter.fillRect(QRect(chip.left(), chip.top(), 3, chip.height()), colour)
        font = painter.font()
        font.setStrikeOut(item.status == InterventionStatus.DROPPED)
        painter.setFont(font)
        painter.setPen(QColor(OVERDUE_RED) if item.overdue else QColor("#212121"))
        text_rect = chip.adjusted(6, 0, -2, 0)
        line = overdue_first(item_line(item), item.overdue)  # the word, not the red alone
        text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(120, metrics.height() * 5)


class MonthView(QTableView):
    """Emits `item_clicked`/`item_activated` for a chip, `day_clicked` for a day."""

    item_clicked = Signal(object)  # a CalendarItem
    item_activated = Signal(object)  # a CalendarItem (double click)
    day_clicked = Signal(object)  # a date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the month (arrows move in it)
        self.delegate = MonthDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        self.verticalHeader().setHighlightSections(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setToolTip(self.tr("Week number"))
        self.setMinimumSize(560, 360)

    def item_at(self, point: QPoint) -> CalendarItem | None:
        """The item whose chip is at `point` (viewport coordinates), if any."""
        index = self.indexAt(point)
        if not index.isValid():
            return None
        items = index.data(ITEMS_ROLE) or []
        chips, _hidden, _more = self.delegate.layout(
            self.visualRect(index), QFontMetrics(self.font()), items
        )
        for chip, item in chips:
            if chip.contains(point):
                return item
        return None

    def chip_rect(self, day: date, item: CalendarItem) -> QRect | None:
        """Where an item's chip is drawn on a day (for tests and tooltips)."""
        model = self.model()
        if not isinstance(model, MonthModel):
            return None
        index = model.index_of(day)
        if not index.isValid():
            return None
        chips, _hidden, _more = self.delegate.layout(
            self.visualRect(index), QFontMetrics(self.font()), model.items_on(day)
        )
        return next((chip for chip, shown in chips if shown == item), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        point = event.position().toPoint()
        index = self.indexAt(point)
        if index.isValid():
            self.day_clicked.emit(index.data(DATE_ROLE))
        item = self.item_at(point)
        if item is not None:
            self.item_clicked.emit(item)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position().toPoint())
        if item is not None:
            self.item_activated.emit(item)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
