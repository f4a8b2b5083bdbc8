"""A walk through the app as the page-by-page tests see it: each main page as a first
start shows it, a state's detail beside the states list (each of its tabs, or once), and
the meeting planner."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ui.desktop import DesktopApp
from ui.forums.page import ForumsPage
from ui.pages import Page
from ui.states.page import StatesPage


def every_view(
    desktop: DesktopApp, settle: Callable[[], object], *, each_state_tab: bool = True
) -> Iterator[tuple[str, Page]]:
    """(where, page) for each view, the view on screen (and `settle` called) when it is
    yielded: "StatesPage", then "StatesPage tab 0"… (or "StatesPage Cambodia" once),
    "ForumsPage", then "ForumsPage planner"; the forums page goes back to its list after."""
    window = desktop.window
    for page_type in window.page_types():
        page = window.show_page(page_type)
        settle()
        name = page_type.__name__
        yield name, page
        if isinstance(page, StatesPage):
            desktop.show_state(desktop.services.states.get("KHM").id)
            if not each_state_tab:
                settle()
                yield f"{name} Cambodia", page
                continue
            for index in range(page.detail.count()):
                page.detail.setCurrentIndex(index)
                settle()
                yield f"{name} tab {index}", page
        if isinstance(page, ForumsPage):
            page.open_meeting(desktop.services.forums.find_meetings("Nairobi Summit")[0].id)
            settle()
            yield f"{name} planner", page
            page.stack.setCurrentIndex(0)
