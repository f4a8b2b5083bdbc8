"""`outreach demo` and the app's first run: the reference data, the demo campaign and
(at the large scale) the synthetic volume, in that order.

Resumable rather than one transaction: each stage is one transaction of its own (the
volume is written in bulk on a connection of its own, which cannot join the ORM's
transaction on a file), and a stage already in the database is skipped, so running the
command again after an interruption finishes what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, NamedTuple

from outreach.errors import DiskFullError
from outreach.i18n import N_, _
from outreach.setup.reference import is_loaded, load_reference
from outreach.storage.database import Database

Scale = Literal["small", "large"]


class Stage(NamedTuple):
    what: str  # marked N_, translated where it is said
    already_there: str  # marked N_ too
    present: Callable[[Database], bool]
    load: Callable[[Database], str]


def load_demo_stages(
    db: Database, scale: Scale = "small", progress: Callable[[str], None] = lambda _t: None
) -> list[str]:
    """Load what is missing of the demo at `scale`; returns what each stage did."""
    from outreach.demo.campaign import has_demo, load_demo
    from outreach.demo.synthetic import has_synthetic, load_synthetic

    stages = [
        Stage(
            N_("the reference data"),
            N_("The reference data: already there."),
            is_loaded,
            _reference_loaded(load_reference),
        ),
        Stage(
            N_("the demo campaign"), N_("The demo campaign: already there."), has_demo, load_demo
        ),
    ]
    if scale == "large":
        stages.append(
            Stage(
                N_("the synthetic volume"),
                N_("The synthetic volume: already there."),
                has_synthetic,
                lambda d: load_synthetic(d, progress=progress),
            )
        )
    said: list[str] = []
    saved: list[str] = []
    for stage in stages:
        if stage.present(db):
            said.append(_(stage.already_there))
            continue
        try:
            said.append(stage.load(db))
        except DiskFullError:
            raise DiskFullError(_disk_full_message(saved, stage.what)) from None
        saved.append(stage.what)
    return said


def _reference_loaded(load_reference: Callable[[Database], bool]) -> Callable[[Database], str]:
    def load(db: Database) -> str:
        load_reference(db)
        return _("Reference data loaded: states, treaties, seats and forums.")

    return load


def _disk_full_message(saved: list[str], failed: str) -> str:
    """Say what is in the database and what is not: earlier stages did commit."""
    if not saved:
        return _(
            "The disk is full. Nothing was saved; {failed} was not. Free some space and run "
            "the command again to finish."
        ).format(failed=_(failed))
    listed = _(saved[0])
    for more in saved[1:]:
        listed = _("{first} and {second}").format(first=listed, second=_(more))
    return _(
        "The disk is full. {saved} were saved; {failed} was not. Free some space and run the "
        "command again to finish."
    ).format(saved=f"{listed[:1].upper()}{listed[1:]}", failed=_(failed))
