"""Tab in the order a page is read, whatever order its controls were made in."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtWidgets import QWidget


def tab_order(*widgets: QWidget) -> None:
    """Tab goes from each of `widgets` to the next: a page's filters left to right, then
    its list, then the selected record's detail (a widget made later, a filter put before
    the filter line, would otherwise come in the order it was made)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
