"""How long work reports how far it is, and hears that the user asked to stop: the
callbacks that printing, imports and the desktop app's progress dialogs share."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""progress(done, total): called as the work advances (sheets laid out, rows imported)."""

IsCancelled = Callable[[], bool]
"""cancelled(): True once the user asked to stop; the work then raises `CancelledError`."""


def no_progress(_done: int, _total: int) -> None:
    """The default progress callback: report nothing."""


def never_cancelled() -> bool:
    return False
