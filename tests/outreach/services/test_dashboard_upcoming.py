"""The dashboard's upcoming démarches: the open ones due from the day shown, soonest
first, twenty at most (picked in the query, not from every open démarche)."""

from __future__ import annotations

from datetime import date, timedelta

from outreach.services.dashboard import DashboardService
from outreach.services.demarches import DemarcheService
from outreach.storage.database import Database

DAY = date(2004, 6, 1)


def plan(demarches: DemarcheService, title: str, due_on: date | None) -> int:
    return demarches.create(
        state="KHM",
        title=title,
        requested_action="accede",
        channel="note_verbale",
        level="director",
        due_on=due_on,
    ).id


def test_the_twenty_soonest_open_demarches_due_from_the_day_shown(
    reference_db: Database,
) -> None:
    demarches = DemarcheService(reference_db)
    for ahead in range(25, 0, -1):  # planned out of order: the list sorts them
        plan(demarches, f"Due in {ahead} days", DAY + timedelta(days=ahead))
    plan(demarches, "Due yesterday", DAY - timedelta(days=1))
    plan(demarches, "Undated", None)
    closed = plan(demarches, "Closed, due tomorrow", DAY + timedelta(days=1))
    demarches.move(closed, "closed", on=DAY)
    plan(demarches, "Due today", DAY)

    summary = DashboardService(reference_db).summary(as_of=DAY, since=date(2004, 1, 1))

    titles = [d.title for d in summary.upcoming_demarches]
    assert titles == ["Due today"] + [f"Due in {ahead} days" for ahead in range(1, 20)]


def test_the_dashboard_lists_the_fifty_most_overdue_and_counts_them_all(
    reference_db: Database,
) -> None:
    demarches = DemarcheService(reference_db)
    for behind in range(60, 0, -1):
        plan(demarches, f"Due {behind} days ago", DAY - timedelta(days=behind))

    due = DashboardService(reference_db).summary(as_of=DAY, since=date(2004, 1, 1)).due

    assert due.overdue_demarches == 60
    titles = [item.title for item in due.overdue_items]
    assert titles == [f"Due {behind} days ago" for behind in range(60, 10, -1)]
