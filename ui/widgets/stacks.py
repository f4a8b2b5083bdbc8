"""A stack of views sized by the one it shows: a hidden view (the meeting planner behind
the forums list) must not make the page taller or wider than what is on screen, which
gave the forums list a scroll bar at 200% for room only the planner needs."""

from __future__ import annotations

from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QWidget


def size_by_current_page(stack: QStackedWidget) -> None:
    """From now on, `stack` asks for the room of its current page only (a stacked
    layout leaves out a page whose size policy is Ignored; the current page keeps its
    own)."""
    pages: list[QWidget] = [w for i in range(stack.count()) if (w := stack.widget(i))]
    own = [page.sizePolicy() for page in pages]
    ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    def follow(current: int) -> None:
        for index, (page, policy) in enumerate(zip(pages, own, strict=True)):
            page.setSizePolicy(policy if index == current else ignored)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())
