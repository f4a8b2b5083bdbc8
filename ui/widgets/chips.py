"""Priority categories drawn as small coloured chips in a table cell.

The model keeps its DisplayRole plain text, the category slugs joined by ", ", so that
filtering and sorting work on it as on any text; only the painting splits it into chips
showing each category's name in its colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from outreach.domain.records import CategoryRecord
from ui.widgets.records_table import Index

UNKNOWN_COLOUR = "#9e9e9e"  # a slug the delegate has not been told about
MARGIN = 3.0  # around the chips, inside the cell
GAP = 4.0  # between two chips
PADDING = 6.0  # left and right of a chip's text
MAX_CHIP_WIDTH = 180.0  # longer names are elided


def split_slugs(text: object) -> list[str]:
    """The slugs of a cell's DisplayRole text ("a, b" -> ["a", "b"])."""
    if not isinstance(text, str):
        return []
    return [slug.strip() for slug in text.split(",") if slug.strip()]


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    return QColor(Qt.GlobalColor.black) if luminance > 0.179 else QColor(Qt.GlobalColor.white)


class CategoryChipsDelegate(QStyledItemDelegate):
    """Paints a cell's category slugs as rounded chips with the category names."""

    def __init__(
        self, parent: QWidget | None = None, categories: Iterable[CategoryRecord] = ()
    ) -> None:
        super().__init__(parent)
        self._chips: dict[str, tuple[str, QColor]] = {}
        self.set_categories(categories)

    def set_categories(self, categories: Iterable[CategoryRecord]) -> None:
        """Use these names and colours from now on (call after categories change)."""
        self._chips = {
            category.slug: (category.name, QColor(category.colour)) for category in categories
        }
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            view.viewport().update()

    def chip(self, slug: str) -> tuple[str, QColor]:
        """The name and colour a slug is drawn with."""
        return self._chips.get(slug, (slug, QColor(UNKNOWN_COLOUR)))

    # --- geometry -------------------------------------------------------------------------

    @staticmethod
    def _chip_font(base: QFont) -> QFont:
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        elif font.pixelSize() > 0:
            font.setPixelSize(max(8, round(font.pixelSize() * 0.88)))
        return font

    def _label(self, metrics: QFontMetricsF, slug: str) -> tuple[str, float]:
        name = self.chip(slug)[0]
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, MAX_CHIP_WIDTH)
        return text, metrics.horizontalAdvance(text) + 2 * PADDING

    # --- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        slugs = split_slugs(index.data(Qt.ItemDataRole.DisplayRole))
        opt.text = ""  # the chips replace the text; the background and selection stay
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not slugs:
            return
        rect = QRectF(opt.rect).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        font = self._chip_font(opt.font)
        metrics = QFontMetricsF(font)
        height = min(rect.height(), metrics.height() + 4)
        top = rect.top() + (rect.height() - height) / 2
        radius = height / 2

        painter.save()
        painter.setClipRect(opt.rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        x = rect.left()
        for number, slug in enumerate(slugs):
            text, width = self._label(metrics, slug)
            left_over = len(slugs) - number
            if number and x + width > rect.right():
                more = f"+{left_over}"
                painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
                painter.drawText(
                    QRectF(x, top, metrics.horizontalAdvance(more) + 2, height),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    more,
                )
                break
            colour = self.chip(slug)[1]
            chip = QRectF(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(chip, radius, radius)
            painter.setPen(text_colour_on(colour))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        slugs = split_slugs(index.data(Qt.ItemDataRole.DisplayRole))
        base = super().sizeHint(option, index)
        if not slugs:
            return base
        metrics = QFontMetricsF(self._chip_font(option.font))
        width = sum(self._label(metrics, slug)[1] for slug in slugs)
        width += GAP * (len(slugs) - 1) + 2 * MARGIN
        height = metrics.height() + 4 + 2 * MARGIN
        return QSize(max(base.width(), round(width)), max(base.height(), round(height)))

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        """The tooltip lists the categories' full names, one a line."""
        if event is None or not index.isValid():
            return super().helpEvent(event, view, option, index)
        slugs = split_slugs(index.data(Qt.ItemDataRole.DisplayRole))
        if event.type() == event.Type.ToolTip and slugs:
            QToolTip.showText(
                event.globalPos(), "\n".join(self.chip(slug)[0] for slug in slugs), view
            )
            return True
        return super().helpEvent(event, view, option, index)
