"""The states list's activity columns: each state's last contact, its next open follow-up
and its open démarches, as logged."""

from __future__ import annotations

from datetime import date

import pytest

from outreach.domain.records import StateRow
from outreach.services import states as states_module
from outreach.services.contact_log import ContactLogService
from outreach.services.states import StateService
from outreach.storage.database import Database


def _rows(db: Database, *codes: str) -> dict[str, StateRow]:
    return {row.iso3: row for row in StateService(db).list_rows() if row.iso3 in codes}


@pytest.mark.parametrize("batch", [1, 2, 500])
def test_each_state_shows_its_earliest_open_follow_up(
    reference_db: Database, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """Done and deleted follow-ups do not count, an entry about two states counts for
    both, and a state whose follow-ups are all done shows none; however many open
    follow-ups are read at once."""
    monkeypatch.setattr(states_module, "FOLLOW_UP_WINDOW", batch)
    log = ContactLogService(reference_db)

    def call(states: tuple[str, ...], follow_up_on: date) -> int:
        return log.log(
            date(2004, 3, 1), "call", "Asked about ratification", states=states,
            follow_up_on=follow_up_on,
        ).id  # fmt: skip

    done = call(("KHM",), date(2004, 3, 2))
    log.complete_follow_up(done, date(2004, 3, 3))
    deleted = call(("KHM",), date(2004, 3, 4))
    log.delete(deleted)
    call(("KHM", "TUR"), date(2004, 5, 1))
    call(("KHM",), date(2004, 4, 1))
    call(("TUR",), date(2004, 6, 1))
    call(("POL",), date(2004, 3, 5))
    finished = call(("FIN",), date(2004, 3, 6))
    log.complete_follow_up(finished, date(2004, 3, 7))

    rows = _rows(reference_db, "KHM", "TUR", "POL", "FIN", "FRA")
    assert rows["KHM"].next_follow_up_on == date(2004, 4, 1)
    assert rows["TUR"].next_follow_up_on == date(2004, 5, 1)
    assert rows["POL"].next_follow_up_on == date(2004, 3, 5)
    assert rows["FIN"].next_follow_up_on is None
    assert rows["FIN"].last_contact_on == date(2004, 3, 1)
    assert rows["FRA"].next_follow_up_on is None and rows["FRA"].last_contact_on is None
