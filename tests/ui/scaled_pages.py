"""The app's main pages at a scale (QT_SCALE_FACTOR, set before Qt starts, so in a process
of their own): what is cut short on each, and a picture of each.

    python -m tests.ui.scaled_pages DATABASE PICTURES_FOLDER WIDTH HEIGHT

opens DATABASE as the app does in a window of WIDTH × HEIGHT (in the scaled pixels a
screen at that scale gives), shows each page (a state's detail and the meeting planner
too), saves the window as PICTURES_FOLDER/<n>-<page>.png, and prints, as JSON, what was
cut short: a label without word wrap narrower than its text, a button or check box
narrower than its own, a tab whose title is elided.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

#: the pixels of slack a layout's rounding may take from a text
SLACK = 1


def _where(widget: QWidget) -> str:
    parent = widget.parentWidget()
    return f"{type(widget).__name__} in {type(parent).__name__ if parent else '-'}"


def _combo_room(box: QComboBox) -> int:
    """The width a combo box has for the choice it shows (its frame and arrow aside)."""
    option = QStyleOptionComboBox()
    option.initFrom(box)
    option.editable = False
    field = box.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, box
    )
    return field.width()


def _cut_items(names: QListWidget) -> list[str]:
    """The items of a list of names that do not show whole: wider than the list, or, in
    a list that wraps them, a word wider than it or a name taller than its row."""
    room = names.viewport().width() - 8
    metrics = names.fontMetrics()
    cut = []
    for row in range(names.count()):
        item = names.item(row)
        text = item.text()
        if not names.wordWrap():
            if metrics.horizontalAdvance(text) > room + SLACK:
                cut.append(text)
            continue
        wrapped = metrics.boundingRect(
            QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        widest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        if widest > room + SLACK or wrapped > names.visualItemRect(item).height() + SLACK:
            cut.append(text)
    return cut


def cut_short(top: QWidget) -> list[str]:
    """What `top` shows cut short: texts narrower than they need."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if text and not widget.wordWrap() and widget.pixmap().isNull():
                need = widget.sizeHint().width()
                if need > widget.width() + SLACK:
                    found.append(f"{_where(widget)}: {text!r} ({widget.width()} < {need})")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint().width()
            if need > widget.width() + SLACK:
                found.append(f"{_where(widget)}: {widget.text()!r} ({widget.width()} < {need})")
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            shown, room = widget.currentText(), _combo_room(widget)
            if shown and widget.fontMetrics().horizontalAdvance(shown) > room + SLACK:
                found.append(f"{_where(widget)}: choice {shown!r} cut ({room} px)")
        elif isinstance(widget, QLineEdit) and isinstance(
            widget.parentWidget(), QAbstractSpinBox | QComboBox
        ):  # a spin box's, a date's or an editable combo's text
            shown, room = widget.text(), widget.contentsRect().width() - 4
            if shown and widget.fontMetrics().horizontalAdvance(shown) > room + SLACK:
                found.append(f"{_where(widget)}: {shown!r} cut ({room} px)")
        elif isinstance(widget, QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(widget.title().replace("&", ""))
            if need > widget.width() - 8:
                found.append(f"{_where(widget)}: title {widget.title()!r} cut")
        elif isinstance(widget, QListWidget):  # a list of names (the pages, the forums)
            found += [f"{_where(widget)}: {text!r} cut" for text in _cut_items(widget)]
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                need = widget.tabSizeHint(index).width()
                if widget.tabRect(index).width() + SLACK < need:
                    found.append(f"{_where(widget)}: tab {widget.tabText(index)!r} elided")
    return found


def main(database: str, pictures: str, width: int, height: int) -> dict[str, object]:
    from tests.ui.walk import every_view
    from ui.app import make_application
    from ui.desktop import build_app
    from ui.i18n import install_language
    from ui.main_window import opening_window

    app = make_application([])
    install_language(app, "en")
    window = opening_window(Path(database).name)
    desktop = build_app(Path(database), window=window)
    window.restore_pages_layout()
    window.resize(width, height)
    folder = Path(pictures)
    folder.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    shown: list[str] = []

    def look(name: str) -> None:
        for _turn in range(3):  # layouts settle, the first fit of the lists' columns
            app.processEvents()
        picture = folder / f"{len(shown) + 1:02d}-{name}.png"
        window.grab().save(str(picture))
        shown.append(picture.name)
        problems[name] = cut_short(window)

    for where, _page in every_view(desktop, lambda: None, each_state_tab=False):
        look(where.replace(" ", "-"))
    size: QSize = window.size()
    return {
        "scale": window.devicePixelRatio(),
        "window": [size.width(), size.height()],
        "pictures": shown,
        "cut_short": {name: found for name, found in problems.items() if found},
    }


if __name__ == "__main__":
    database, pictures, width, height = sys.argv[1:5]
    result = main(database, pictures, int(width), int(height))
    print(json.dumps(result))
    sys.stdout.flush()
    QApplication.instance().quit()  # type: ignore[union-attr]
