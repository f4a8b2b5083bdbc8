"""The control with the keyboard focus is visibly marked (issue 17, item 5): no style
sheet of ours hides the focus frame, every list of a page takes the focus, and each
list draws the row or cell it is on differently when it has the focus (its delegate,
ours or Qt's, painted with and without the focus, must not give the same picture)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from .desktop import open_app
from .walk import every_view

UI = Path(__file__).parents[2] / "ui"
#: a style sheet that takes the focus frame away
NO_OUTLINE = re.compile(r"outline\s*:\s*(none|0)", re.IGNORECASE)


def test_no_style_sheet_of_ours_hides_the_focus() -> None:
    hiding = [
        f"{path.relative_to(UI.parent)}:{number}"
        for path in sorted(UI.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NO_OUTLINE.search(line)
    ]
    assert hiding == []


def _picture(view: QAbstractItemView, index: QModelIndex, focused: bool) -> QImage:
    """The cell at `index` as the view's delegate paints it, current and selected, with
    the keyboard's focus on the view or not."""
    rect = view.visualRect(index)
    size = rect.size() if rect.isValid() and not rect.isEmpty() else QSize(160, 60)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, size.width(), size.height())
    option.widget = view
    option.font = view.font()
    option.state = (
        QStyle.StateFlag.State_Enabled
        | QStyle.StateFlag.State_Active
        | QStyle.StateFlag.State_Selected
    )
    if focused:
        option.state |= QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    view.itemDelegateForIndex(index).paint(painter, option, index)
    painter.end()
    return image


def focus_unseen(where: str, root: QWidget) -> list[str]:
    """The lists under `root` that take no focus, or show no difference when they do."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or not view.isVisibleTo(root):
            continue
        name = f"{where} › {type(view).__name__} {view.accessibleName()!r}"
        if view.focusPolicy() == Qt.FocusPolicy.NoFocus:
            found.append(f"{name} takes no focus")
            continue
        model = view.model()
        if model is None or model.rowCount() == 0:
            continue
        index = model.index(0, 0)
        if _picture(view, index, focused=True) == _picture(view, index, focused=False):
            found.append(f"{name} shows no focus on its current item")
    return found


def test_every_list_shows_where_the_focus_is(qtbot: QtBot, demo_db_path: Path) -> None:
    desktop = open_app(qtbot, demo_db_path)
    window = desktop.window
    window.resize(1440, 900)
    found: list[str] = []
    for where, page in every_view(desktop, lambda: qtbot.wait(20)):
        found += focus_unseen(where, page)
    QApplication.processEvents()
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))
