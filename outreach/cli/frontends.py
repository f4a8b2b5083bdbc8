"""The desktop app, found through the `outreach.frontends` entry point, so that the core
starts it without importing the Qt package (which it must not know)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from outreach.errors import OutreachError
from outreach.i18n import _

FRONTEND_GROUP = "outreach.frontends"


def launch_desktop(database: object) -> int:
    """Start the desktop front end registered under the `outreach.frontends` entry
    point, on `database` (a Location, or a path or URL it parses once its window shows)."""
    found = entry_points(group=FRONTEND_GROUP, name="desktop")
    if not found:
        raise OutreachError(_("The desktop app is not installed; run the README's app command."))
    start: Callable[[object], int] = next(iter(found)).load()
    return start(database)
