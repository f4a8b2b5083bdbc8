"""`outreach demo` and the app's first run: the reference data, the demo campaign and
(at the large scale) the synthetic volume, in that order.

Resumable rather than one transaction: each stage is one transaction of its own (the
volume is written in bulk on a connection of its own, which cannot join the ORM's
transaction on a file), and a stage already in the database is skipped, so running the
command again after an interruption finishes what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from outreach.errors import DiskFullError
from outreach.setup.reference import is_loaded, load_reference
from outreach.storage.database import Database

Scale = Literal["small", "large"]


def load_demo_stages(
    db: Database, scale: Scale = "small", progress: Callable[[str], None] = lambda _t: None
) -> list[str]:
    """Load what is missing of the demo at `scale`; returns what each stage did."""
    from outreach.demo.campaign import has_demo, load_demo
    from outreach.demo.synthetic import has_synthetic, load_synthetic

    stages: list[tuple[str, Callable[[Database], bool], Callable[[Database], str]]] = [
        ("the reference data", is_loaded, _reference_loaded(load_reference)),
        ("the demo campaign", has_demo, load_demo),
    ]
    if scale == "large":
        stages.append(
            ("the synthetic volume", has_synthetic, lambda d: load_synthetic(d, progress=progress))
        )
    said: list[str] = []
    saved: list[str] = []
    for what, present, load in stages:
        if present(db):
            said.append(f"{what.capitalize()}: already there.")
            continue
        try:
            said.append(load(db))
        except DiskFullError:
            raise DiskFullError(_disk_full_message(saved, what)) from None
        saved.append(what)
    return said


def _reference_loaded(load_reference: Callable[[Database], bool]) -> Callable[[Database], str]:
    def load(db: Database) -> str:
        load_reference(db)
        return "Reference data loaded: states, treaties, seats and forums."

    return load


def _disk_full_message(saved: list[str], failed: str) -> str:
    """Say what is in the database and what is not: earlier stages did commit."""
    listed = " and ".join(saved)
    kept = f"{listed[:1].upper()}{listed[1:]} were saved; " if saved else "Nothing was saved; "
    return (
        f"The disk is full. {kept}{failed} was not. Free some space and run the command "
        "again to finish."
    )
