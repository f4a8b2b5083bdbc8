from __future__ import annotations

from collections.abc import Callable

import pytest

from outreach.errors import NotFoundError, ValidationError
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database


@pytest.fixture
def organizations(db: Database) -> OrganizationService:
    return OrganizationService(db)


def test_create_takes_the_state_by_code_name_or_id(
    organizations: OrganizationService, few_states: dict[str, int]
) -> None:
    by_code = organizations.create("Ministry of Foreign Affairs", kind="ministry", state="KHM")
    by_name = organizations.create("Permanent Mission", kind="mission", state="Cote d'Ivoire")
    by_id = organizations.create("Embassy", kind="embassy", state=few_states["PAK"], city="Ottawa")

    assert by_code.state_id == few_states["KHM"]
    assert by_name.state_id == few_states["CIV"]
    assert by_id.state_id == few_states["PAK"]
    assert organizations.get(by_id.id) == by_id
    assert by_id.city == "Ottawa"
    assert by_id.kind == "embassy"


def test_an_organization_needs_no_state(organizations: OrganizationService) -> None:
    created = organizations.create("  ICBL  ", kind="ngo", city="Geneva")

    assert created.name == "ICBL"
    assert created.state_id is None
    assert created.kind == "ngo"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"name": "   "}, ValidationError, "organization name cannot be empty"),
        ({"name": "MFA", "kind": "club"}, ValidationError, "'club' is not a valid"),
        ({"name": "MFA", "state": "Atlantis"}, NotFoundError, "Unknown state 'Atlantis'"),
        ({"name": "x" * 201}, ValidationError, "longer than 200"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    organizations: OrganizationService,
    few_states: dict[str, int],
    audit_count: Callable[[], int],
    kwargs: dict[str, str],
    error: type[Exception],
    message: str,
) -> None:
    before = audit_count()

    with pytest.raises(error, match=message):
        organizations.create(**kwargs)

    assert organizations.list() == []
    assert audit_count() == before


def test_update_changes_only_what_is_given(
    organizations: OrganizationService, few_states: dict[str, int]
) -> None:
    created = organizations.create("MFA", kind="ministry", state="KHM", city="Phnom Penh")

    renamed = organizations.update(created.id, name="Ministry of Foreign Affairs", notes="Main")

    assert renamed.name == "Ministry of Foreign Affairs"
    assert renamed.notes == "Main"
    assert renamed.city == "Phnom Penh"
    assert renamed.state_id == few_states["KHM"]
    assert organizations.update(created.id, state="PAK").state_id == few_states["PAK"]
    assert organizations.update(created.id, state=None).state_id is None


def test_a_refused_update_changes_nothing(
    organizations: OrganizationService, few_states: dict[str, int]
) -> None:
    created = organizations.create("MFA", kind="ministry", state="KHM", city="Phnom Penh")

    with pytest.raises(ValidationError, match="not a valid organization kind"):
        organizations.update(created.id, city="Siem Reap", kind="guild")

    assert organizations.get(created.id) == created


def test_list_filters_by_state_and_by_text_ignoring_accents(
    organizations: OrganizationService, few_states: dict[str, int]
) -> None:
    abidjan = organizations.create("Ministère des Affaires étrangères", state="CIV", city="Abidjan")
    phnom_penh = organizations.create("Ministry of Foreign Affairs", state="KHM")
    organizations.create("Geneva Call", kind="ngo", city="Genève")

    assert [o.id for o in organizations.list(state="CIV")] == [abidjan.id]
    assert [o.id for o in organizations.list(text="MINISTERE")] == [abidjan.id]
    assert [o.name for o in organizations.list(text="geneve")] == ["Geneva Call"]
    assert [o.name for o in organizations.list()] == [
        "Geneva Call",
        "Ministère des Affaires étrangères",
        "Ministry of Foreign Affairs",
    ]
    assert [o.id for o in organizations.list(state="KHM", text="foreign")] == [phnom_penh.id]


def test_delete_hides_and_restore_brings_back(
    organizations: OrganizationService, few_states: dict[str, int]
) -> None:
    created = organizations.create("MFA", state="KHM")

    organizations.delete(created.id)

    assert organizations.list() == []
    with pytest.raises(NotFoundError, match=f"no organization with id {created.id}"):
        organizations.get(created.id)
    with pytest.raises(NotFoundError):
        organizations.update(created.id, name="Renamed")

    assert organizations.restore(created.id) == created
    assert organizations.list() == [created]


def test_unknown_ids_are_reported(organizations: OrganizationService) -> None:
    with pytest.raises(NotFoundError, match="no organization with id 99"):
        organizations.get(99)
    with pytest.raises(NotFoundError, match="no organization with id 99"):
        organizations.restore(99)
