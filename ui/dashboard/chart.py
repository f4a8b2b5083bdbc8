"""The dashboard's States Parties chart, drawn once the page is on screen.

The chart is the briefing sheet's own (reportlab, as SVG): drawing it needs reportlab and
QtSvg, which nothing else on the first page needs, so it is drawn just after the page
shows, with a line saying so in its place meanwhile.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from outreach.domain.enums import Counting

if TYPE_CHECKING:
    from PySide6.QtSvgWidgets import QSvgWidget

#: what the chart shows: (day, States Parties) points, how they count, the target and how
#: it was counted
Curve = tuple[list[tuple[date, int]], Counting, int | None, Counting]


class PartiesChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 200)
        self.svg: QSvgWidget | None = None
        self._pending: Curve | None = None
        self.placeholder = QLabel(self.tr("Drawing the chart…"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)

    def show_curve(
        self,
        curve: list[tuple[date, int]],
        counting: Counting,
        target: int | None,
        target_counting: Counting,
    ) -> None:
        """Draw this curve at the next turn of the event loop (the last one asked, when
        the page reloads several times before)."""
        if self._pending is None:
            QTimer.singleShot(0, self._draw)
        self._pending = (curve, counting, target, target_counting)

    def _draw(self) -> None:
        from PySide6.QtSvgWidgets import QSvgWidget

        from outreach.charts.parties import parties_chart, to_svg

        if self._pending is None:
            return
        curve, counting, target, target_counting = self._pending
        self._pending = None
        if self.svg is None:
            self.svg = QSvgWidget(self)
            self._layout.replaceWidget(self.placeholder, self.svg)
            self.placeholder.deleteLater()
        drawing = parties_chart(curve, target, counting=counting, target_counting=target_counting)
        self.svg.load(to_svg(drawing))
