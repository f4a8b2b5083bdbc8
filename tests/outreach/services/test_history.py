from __future__ import annotations

from datetime import date

import pytest

from outreach.errors import NotFoundError, ValidationError
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.history import HistoryService
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database


@pytest.fixture
def history(db: Database) -> HistoryService:
    return HistoryService(db)


def test_every_change_to_a_contact_is_kept_with_old_and_new_values(
    db: Database, history: HistoryService, few_states: dict[str, int]
) -> None:
    contacts = ContactService(db)
    created = contacts.create("Sok", given_name="Dara", state="KHM", email="dara@example.org")
    contacts.update(created.id, email="dara.sok@example.org", phone="+855 23 223 456")
    with pytest.raises(ValidationError):
        contacts.update(created.id, email="not an address")  # refused: leaves no trace
    contacts.delete(created.id)
    contacts.restore(created.id)

    trail = history.for_entity("contact", created.id)

    assert [entry.action for entry in trail] == ["restore", "delete", "update", "create"]
    restore, delete, update, create = trail
    assert create.changes["family_name"] == [None, "Sok"]
    assert create.changes["email"] == [None, "dara@example.org"]
    assert update.changes == {
        "email": ["dara@example.org", "dara.sok@example.org"],
        "phone": ["", "+85523223456"],
    }
    assert delete.changes["deleted_at"][0] is None
    assert delete.changes["deleted_at"][1] is not None
    assert restore.changes["deleted_at"][1] is None
    assert {entry.actor for entry in trail} == {db.actor}
    assert {entry.state_id for entry in trail} == {few_states["KHM"]}
    assert all(entry.entity == "contact" and entry.entity_id == created.id for entry in trail)
    assert trail[0].at >= trail[-1].at


def test_a_demarches_moves_are_in_its_history(
    db: Database, history: HistoryService, few_states: dict[str, int]
) -> None:
    demarches = DemarcheService(db)
    created = demarches.create("KHM", "Accede", "accede", "letter", "minister")
    demarches.move(created.id, "delivered", on=date(2003, 2, 10))
    demarches.move(created.id, "draft", reason="Sent to the wrong address")

    moves = [e.changes for e in history.for_entity("demarche", created.id) if e.action == "update"]

    assert moves == [
        {
            "status": ["delivered", "draft"],
            "status_reason": ["", "Sent to the wrong address"],
            "delivered_on": ["2003-02-10", None],
        },
        {"status": ["draft", "delivered"], "delivered_on": [None, "2003-02-10"]},
    ]


def test_for_state_lists_what_concerns_that_state_newest_first(
    db: Database, history: HistoryService, few_states: dict[str, int]
) -> None:
    organization = OrganizationService(db).create("MFA", state="KHM")
    ContactService(db).create("Malik", state="PAK")  # another state: not in the list
    demarche = DemarcheService(db).create("KHM", "Accede", "accede", "letter", "minister")
    DemarcheService(db).move(demarche.id, "approved")
    entry = ContactLogService(db).log(date(2003, 1, 5), "call", "Call", states=["KHM", "PAK"])
    ForumService(db).create_forum("msp", "Meeting of States Parties")
    ForumService(db).add_member("msp", "KHM")

    trail = history.for_state("Cambodia")

    assert [(e.action, e.entity) for e in trail] == [
        ("create", "forum_membership"),
        ("create", "log_entry_state"),
        ("update", "demarche"),
        ("create", "demarche"),
        ("create", "organization"),
        ("create", "state"),
    ]
    assert trail[-2].entity_id == organization.id
    assert trail[1].changes["log_entry_id"] == [None, entry.id]
    assert all(e.state_id == few_states["KHM"] for e in trail)
    assert [(e.action, e.entity) for e in history.for_state("KHM", limit=2)] == [
        ("create", "forum_membership"),
        ("create", "log_entry_state"),
    ]


def test_history_refuses_unknown_kinds_and_states(history: HistoryService) -> None:
    with pytest.raises(ValidationError, match="'people' is not a kind of record; use one of:"):
        history.for_entity("people", 1)
    with pytest.raises(ValidationError, match="not a kind of record"):
        history.for_entity("audit_entry", 1)
    with pytest.raises(NotFoundError, match="Unknown state 'Atlantis'"):
        history.for_state("Atlantis")
    assert history.for_entity("contact", 12345) == []


def test_one_update_is_one_row_with_every_changed_field(
    db: Database, history: HistoryService, few_states: dict[str, int]
) -> None:
    organizations = OrganizationService(db)
    created = organizations.create("MFA", state="KHM")
    organizations.update(created.id, name="Ministry", state="Pakistan", city="Islamabad")
    log = ContactLogService(db)
    entry = log.log(date(2003, 1, 5), "call", "Call", states=["KHM"])
    log.update(entry.id, summary="Phone call", states=["PAK"], follow_up_on=date(2003, 2, 1))

    organization_update = history.for_entity("organization", created.id)[0]
    entry_updates = [e for e in history.for_entity("log_entry", entry.id) if e.action == "update"]

    assert organization_update.changes == {
        "name": ["MFA", "Ministry"],
        "state_id": [few_states["KHM"], few_states["PAK"]],
        "city": ["", "Islamabad"],
    }
    assert [e.changes for e in entry_updates] == [
        {"summary": ["Call", "Phone call"], "follow_up_on": [None, "2003-02-01"]}
    ]
    assert [(e.action, e.entity) for e in history.for_state("PAK")[:2]] == [
        ("create", "log_entry_state"),
        ("update", "organization"),
    ]
    assert [(e.action, e.entity) for e in history.for_state("KHM")[:1]] == [
        ("delete", "log_entry_state"),
    ]
