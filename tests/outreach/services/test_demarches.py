from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from outreach.domain.enums import DemarcheStatus
from outreach.domain.records import DemarcheRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.storage.database import Database

D = DemarcheStatus


@pytest.fixture
def demarches(db: Database) -> DemarcheService:
    return DemarcheService(db)


@pytest.fixture
def contact_ids(db: Database, few_states: dict[str, int]) -> list[int]:
    service = ContactService(db)
    return [
        service.create("Sok", given_name="Dara", state="KHM").id,
        service.create("Chan", given_name="Sophea", state="KHM").id,
        service.create("Malik", given_name="Imran", state="PAK").id,
    ]


def make(demarches: DemarcheService, state: str = "KHM", **kwargs: Any) -> DemarcheRecord:
    fields: dict[str, Any] = {
        "title": "Encourage accession",
        "requested_action": "accede",
        "channel": "note_verbale",
        "level": "director",
    }
    fields.update(kwargs)
    return demarches.create(state, **fields)


def test_create_makes_a_draft_with_its_contacts(
    demarches: DemarcheService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    created = make(
        demarches,
        talking_points="Offer stockpile destruction expertise.",
        officer="J. Smith",
        planned_on="2003-02-01",
        due_on=date(2003, 3, 31),
        contact_ids=[contact_ids[1], contact_ids[0], contact_ids[1]],
    )

    assert created.status is D.DRAFT
    assert created.state_id == few_states["KHM"]
    assert created.planned_on == date(2003, 2, 1)
    assert created.due_on == date(2003, 3, 31)
    assert created.contact_ids == tuple(sorted(contact_ids[:2]))
    assert (created.delivered_on, created.closed_on, created.status_reason) == (None, None, "")
    assert demarches.get(created.id) == created


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"requested_action": "surrender"}, ValidationError, "'surrender' is not a valid"),
        ({"channel": "pigeon"}, ValidationError, "choose one of: note_verbale"),
        ({"level": "janitor"}, ValidationError, "'janitor' is not a valid level"),
        ({"title": " "}, ValidationError, "title cannot be empty"),
        (
            {"planned_on": date(2003, 3, 1), "due_on": date(2003, 2, 1)},
            ValidationError,
            r"due \(2003-02-01\) before it is planned \(2003-03-01\)",
        ),
        ({"planned_on": "1 March"}, ValidationError, "'1 March' is not a date"),
        ({"contact_ids": [999]}, NotFoundError, "no contact with id 999"),
        ({"state": "Atlantis"}, NotFoundError, "Unknown state 'Atlantis'"),
        ({"treaty": "NOPE"}, NotFoundError, "Unknown treaty 'NOPE'"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    demarches: DemarcheService,
    contact_ids: list[int],
    audit_count: Callable[[], int],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    before = audit_count()

    with pytest.raises(error, match=message):
        make(demarches, **kwargs)

    assert demarches.list() == []
    assert audit_count() == before


# --- the lifecycle ---------------------------------------------------------------------


def test_forward_moves_set_the_dates(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches, planned_on=date(2003, 2, 1))

    approved = demarches.move(created.id, "approved")
    delivered = demarches.move(created.id, D.DELIVERED, on=date(2003, 2, 10))
    answered = demarches.move(created.id, "response", on=date(2003, 3, 1))
    closed = demarches.move(created.id, "closed", on="2003-03-05")

    assert approved.status is D.APPROVED
    assert approved.delivered_on is None
    assert delivered.delivered_on == date(2003, 2, 10)
    assert answered.status is D.RESPONSE
    assert closed.status is D.CLOSED
    assert closed.delivered_on == date(2003, 2, 10)
    assert closed.closed_on == date(2003, 3, 5)
    assert demarches.get(created.id) == closed


def test_dates_default_to_today(demarches: DemarcheService, few_states: dict[str, int]) -> None:
    created = make(demarches)

    assert demarches.move(created.id, "delivered").delivered_on == date.today()
    assert demarches.move(created.id, "closed").closed_on == date.today()


def test_forward_moves_may_skip_steps(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches)

    delivered = demarches.move(created.id, "delivered", on=date(2003, 2, 10))
    closed = demarches.move(created.id, "closed", on=date(2003, 4, 1))

    assert delivered.status is D.DELIVERED
    assert closed.status is D.CLOSED


@pytest.mark.parametrize(
    ("path", "target", "message"),
    [
        (["delivered"], "draft", "Moving a démarche back from delivered to draft needs a reason"),
        (["approved"], "draft", "Moving a démarche back from approved to draft needs a reason"),
        (["response"], "delivered", "back from response to delivered needs a reason"),
        (["approved"], "cancelled", "Cancelling a démarche needs a reason"),
        (["delivered", "closed"], "response", "Reopening a closed démarche"),
        (["cancelled"], "draft", "Reopening a cancelled démarche"),
        (["cancelled"], "closed", "Reopening a cancelled démarche"),
    ],
)
def test_moves_that_need_a_reason_are_refused_without_one(
    demarches: DemarcheService,
    few_states: dict[str, int],
    path: list[str],
    target: str,
    message: str,
) -> None:
    created = make(demarches)
    for status in path:
        demarches.move(created.id, status, reason="set up" if status == "cancelled" else "")
    before = demarches.get(created.id)

    with pytest.raises(ValidationError, match=message) as refused:
        demarches.move(created.id, target, reason="   ")

    assert refused.value.field == "reason"
    assert demarches.get(created.id) == before


def test_moving_back_with_a_reason_keeps_it_and_clears_later_dates(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches)
    demarches.move(created.id, "delivered", on=date(2003, 2, 10))
    demarches.move(created.id, "closed", on=date(2003, 3, 1))

    reopened = demarches.move(created.id, "response", reason="  They wrote again  ")
    back = demarches.move(created.id, "approved", reason="Delivered to the wrong ministry")

    assert reopened.status is D.RESPONSE
    assert reopened.status_reason == "They wrote again"
    assert reopened.closed_on is None
    assert reopened.delivered_on == date(2003, 2, 10)
    assert back.status is D.APPROVED
    assert back.status_reason == "Delivered to the wrong ministry"
    assert back.delivered_on is None


def test_moving_back_to_delivered_keeps_the_first_delivery_date(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches)
    demarches.move(created.id, "delivered", on=date(2003, 2, 10))
    demarches.move(created.id, "response", on=date(2003, 3, 1))

    back = demarches.move(created.id, "delivered", reason="The reply was not theirs")

    assert back.delivered_on == date(2003, 2, 10)


def test_cancel_and_reopen_with_reasons(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches)
    demarches.move(created.id, "approved")

    cancelled = demarches.move(created.id, "cancelled", reason="Overtaken by events")
    reopened = demarches.move(created.id, "approved", reason="Events came back")

    assert cancelled.status is D.CANCELLED
    assert cancelled.status_reason == "Overtaken by events"
    assert reopened.status is D.APPROVED
    assert reopened.status_reason == "Events came back"


def test_other_refused_moves_change_nothing(
    demarches: DemarcheService, few_states: dict[str, int]
) -> None:
    created = make(demarches)
    delivered = demarches.move(created.id, "delivered", on=date(2003, 2, 10))

    with pytest.raises(ValidationError, match="already delivered"):
        demarches.move(created.id, "delivered")
    with pytest.raises(ValidationError, match="'sent' is not a valid status"):
        demarches.move(created.id, "sent")
    with pytest.raises(ValidationError, match="cannot be closed on 2003-02-01, before it was"):
        demarches.move(created.id, "closed", on=date(2003, 2, 1))

    assert demarches.get(created.id) == delivered


# --- updates, lists, soft delete ---------------------------------------------------------


def test_update_replaces_contacts_and_checks_dates(
    demarches: DemarcheService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    created = make(demarches, contact_ids=contact_ids[:2], planned_on=date(2003, 2, 1))

    updated = demarches.update(
        created.id,
        contact_ids=[contact_ids[2]],
        state="PAK",
        level="ambassador",
        response="Will consider",
    )

    assert updated.contact_ids == (contact_ids[2],)
    assert updated.state_id == few_states["PAK"]
    assert updated.level == "ambassador"
    assert updated.response == "Will consider"
    assert updated.status is D.DRAFT
    assert updated.planned_on == date(2003, 2, 1)
    with pytest.raises(ValidationError, match="before it is planned"):
        demarches.update(created.id, title="Changed", due_on=date(2003, 1, 1))
    assert demarches.get(created.id) == updated
    assert demarches.update(created.id, planned_on=None).planned_on is None


def test_list_filters(demarches: DemarcheService, few_states: dict[str, int]) -> None:
    due_soon = make(demarches, title="Soon", due_on=date(2003, 3, 1))
    due_later = make(demarches, title="Later", due_on=date(2003, 6, 1))
    no_date = make(demarches, "PAK", title="Undated")
    closed = make(demarches, "PAK", title="Done", due_on=date(2003, 1, 1))
    demarches.move(closed.id, "closed", on=date(2003, 1, 2))

    def titles(**kwargs: Any) -> list[str]:
        return [d.title for d in demarches.list(**kwargs)]

    assert titles() == ["Done", "Soon", "Later", "Undated"]
    assert titles(state="KHM") == [due_soon.title, due_later.title]
    assert titles(status="closed") == ["Done"]
    assert titles(open_only=True) == ["Soon", "Later", "Undated"]
    assert titles(due_before=date(2003, 6, 1)) == ["Done", "Soon"]
    assert titles(due_from=date(2003, 3, 1)) == ["Soon", "Later"]  # the undated: not due
    assert titles(open_only=True, due_from=date(2003, 1, 1), limit=1) == ["Soon"]
    assert titles(state="PAK", open_only=True) == [no_date.title]
    with pytest.raises(ValidationError, match="'sent' is not a valid status"):
        demarches.list(status="sent")


def test_delete_hides_and_restore_brings_back(
    demarches: DemarcheService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    created = make(demarches, contact_ids=contact_ids[:1])

    demarches.delete(created.id)

    assert demarches.list() == []
    with pytest.raises(NotFoundError, match=f"no démarche with id {created.id}"):
        demarches.get(created.id)
    with pytest.raises(NotFoundError):
        demarches.move(created.id, "approved")
    assert demarches.restore(created.id) == created
    assert demarches.list() == [created]


def test_mine_are_the_demarches_an_officer_is_responsible_for(reference_db: Database) -> None:
    service = DemarcheService(reference_db)
    mine = service.create("KHM", "Ratify", "ratify", "call", "director", officer="Desk Officer")
    service.create("PAK", "Abstain", "support_unga_resolution", "call", "director", officer="Other")
    assert [d.id for d in service.list(officer="  desk   officer ")] == [mine.id]
    assert len(service.list()) == 2
