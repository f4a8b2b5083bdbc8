"""Two officers at once: every edited record carries a version, and a save made from a
copy someone else has changed since is refused with their name, never applied over
their change. Run on a file and on a server (see tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from outreach.demo.campaign import load_demo
from outreach.errors import StaleRecordError
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database


@pytest.fixture
def second_officer(reference_db: Database) -> Iterator[Database]:
    """The same database, opened by another officer in another window."""
    other = open_database(reference_db.location, actor="second-officer", create=True)
    yield other
    other.close()


def test_each_save_raises_the_version(reference_db: Database) -> None:
    states = StateService(reference_db)
    before = states.get("KHM")
    after = states.update_profile("KHM", notes="Cabinet meets in May.", version=before.version)
    assert after.version == before.version + 1
    assert states.get("KHM").version == after.version


def test_a_stale_save_is_refused_and_names_who_saved(
    reference_db: Database, second_officer: Database
) -> None:
    mine = StateService(reference_db)
    theirs = StateService(second_officer)
    opened = mine.get("KHM")  # I open Cambodia's profile
    theirs.update_profile("KHM", notes="Their note.", version=theirs.get("KHM").version)
    with pytest.raises(StaleRecordError) as refused:
        mine.update_profile("KHM", talking_points="My points.", version=opened.version)
    assert refused.value.actor == second_officer.actor
    assert second_officer.actor in str(refused.value) and "nothing was overwritten" in str(
        refused.value
    )
    kept = mine.get("KHM")
    assert kept.notes == "Their note." and kept.talking_points == ""  # theirs kept, mine not
    # reloaded, my change goes in over theirs, both kept
    again = mine.update_profile("KHM", talking_points="My points.", version=kept.version)
    assert (again.notes, again.talking_points) == ("Their note.", "My points.")


def test_two_moves_of_one_demarche_one_wins_the_other_is_told(
    reference_db: Database, second_officer: Database
) -> None:
    load_demo(reference_db)
    mine, theirs = DemarcheService(reference_db), DemarcheService(second_officer)
    card = next(record for record in mine.list() if record.status == "draft")
    seen_by_them = theirs.get(card.id)
    moved = mine.move(card.id, "approved", version=card.version)
    with pytest.raises(StaleRecordError):
        theirs.move(card.id, "cancelled", reason="Overtaken", version=seen_by_them.version)
    assert mine.get(card.id).status == moved.status == "approved"


def test_a_save_without_a_version_still_cannot_lose_a_concurrent_one(
    reference_db: Database, second_officer: Database
) -> None:
    """Without a version (the command line), each save applies to the record as it is
    now: both officers' fields are kept."""
    contacts = ContactService(reference_db)
    person = contacts.create("Example", given_name="Officer")
    contacts.update(person.id, position="Director")
    ContactService(second_officer).update(person.id, notes="Prefers mornings.")
    final = contacts.get(person.id)
    assert (final.position, final.notes) == ("Director", "Prefers mornings.")
    assert final.version == person.version + 2
