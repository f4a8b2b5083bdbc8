"""How long work reports how far it is, and hears that the user asked to stop: the
callbacks that printing, imports and the desktop app's progress dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

Progress = Callable[[int, int], None]
"""progress(done, total): called as the work advances (sheets laid out, rows imported)."""

IsCancelled = Callable[[], bool]
"""cancelled(): True once the user asked to stop; the work then raises `CancelledError`."""


def no_progress(_done: int, _total: int) -> None:
    """The default progress callback: report nothing."""


def never_cancelled() -> bool:
    return False


class Watch(TypedDict, total=False):
    """The two callbacks of long work, as keyword arguments (`**watch: Unpack[Watch]`):
    `progress` reports nothing and `cancelled` never says stop unless given."""

    progress: Progress
    cancelled: IsCancelled


def callbacks(watch: Watch) -> tuple[Progress, IsCancelled]:
    """The progress and cancel callbacks `watch` gives, or the defaults."""
    return watch.get("progress", no_progress), watch.get("cancelled", never_cancelled)
