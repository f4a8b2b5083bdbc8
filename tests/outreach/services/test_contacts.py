from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from outreach.errors import NotFoundError, ValidationError
from outreach.services.contacts import ContactService
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database


@pytest.fixture
def contacts(db: Database) -> ContactService:
    return ContactService(db)


@pytest.fixture
def ministry(db: Database, few_states: dict[str, int]) -> int:
    """A Cambodian ministry, for contacts who work there."""
    return OrganizationService(db).create("Ministry of Foreign Affairs", state="KHM").id


# --- phones ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "state", "stored"),
    [
        ("+855 23 223 456", None, "+85523223456"),
        ("+1 (613) 996-2000", None, "+16139962000"),
        ("00855 23 223 456", None, "+85523223456"),
        ("023 223 456", "KHM", "+85523223456"),
        ("(613) 996-2000", "CAN", "+16139962000"),
        ("+855 23 223 456", "CAN", "+85523223456"),  # international beats the state
    ],
)
def test_phones_are_stored_as_e164(
    contacts: ContactService,
    few_states: dict[str, int],
    typed: str,
    state: str | None,
    stored: str,
) -> None:
    created = contacts.create("Sok", state=state, phone=typed)

    assert created.phone == stored
    assert contacts.get(created.id).phone == stored


def test_a_national_phone_is_read_with_the_organizations_state(
    contacts: ContactService, ministry: int, few_states: dict[str, int]
) -> None:
    created = contacts.create("Sok", organization_id=ministry, phone="023 223 456")

    assert created.state_id == few_states["KHM"]  # taken from the organization
    assert created.phone == "+85523223456"


@pytest.mark.parametrize(
    ("typed", "state", "message"),
    [
        ("call the switchboard", None, "'call the switchboard' is not a phone number"),
        ("+855 12", None, r"'\+855 12' is not a phone number"),
        ("+1 555 0100", None, r"'\+1 555 0100' is not a phone number"),
        ("12345", "KHM", "'12345' is not a phone number"),
        ("023 223 456", None, "'023 223 456' is not a phone number in international form"),
    ],
)
def test_bad_phones_are_refused_and_nothing_is_saved(
    contacts: ContactService,
    few_states: dict[str, int],
    audit_count: Callable[[], int],
    typed: str,
    state: str | None,
    message: str,
) -> None:
    before = audit_count()

    with pytest.raises(ValidationError, match=message) as refused:
        contacts.create("Sok", state=state, phone=typed)

    assert refused.value.field == "phone"
    assert contacts.count() == 0
    assert audit_count() == before


def test_a_bad_phone_in_an_update_changes_nothing(
    contacts: ContactService, few_states: dict[str, int]
) -> None:
    created = contacts.create("Sok", state="KHM", phone="023 223 456")

    with pytest.raises(ValidationError, match="is not a phone number"):
        contacts.update(created.id, position="Director", phone="not a number")

    assert contacts.get(created.id) == created


def test_an_empty_phone_clears_it(contacts: ContactService, few_states: dict[str, int]) -> None:
    created = contacts.create("Sok", state="KHM", phone="023 223 456")

    assert contacts.update(created.id, phone="").phone == ""


# --- e-mail, languages, names ------------------------------------------------------------


def test_emails_are_stored_normalised(contacts: ContactService) -> None:
    created = contacts.create("Doe", email="  Jane.Doe@EXAMPLE.Org ")

    assert created.email == "Jane.Doe@example.org"


@pytest.mark.parametrize("typed", ["jane@", "jane.example.org", "jane doe@example.org", "@x.org"])
def test_bad_emails_are_refused_and_nothing_is_saved(
    contacts: ContactService, audit_count: Callable[[], int], typed: str
) -> None:
    before = audit_count()

    with pytest.raises(ValidationError, match=f"'{typed}' is not an e-mail address") as refused:
        contacts.create("Doe", email=typed)

    assert refused.value.field == "email"
    assert contacts.count() == 0
    assert audit_count() == before


def test_languages_are_iso_codes_kept_in_order_once(contacts: ContactService) -> None:
    from_text = contacts.create("Doe", languages="fr, EN,fr km")
    from_list = contacts.create("Roe", languages=["tr", "en"])

    assert from_text.languages == ("fr", "en", "km")
    assert from_list.languages == ("tr", "en")
    assert contacts.update(from_list.id, languages=[]).languages == ()


@pytest.mark.parametrize("typed", ["xx", "French", "fra", "e1"])
def test_unknown_languages_are_refused(
    contacts: ContactService, audit_count: Callable[[], int], typed: str
) -> None:
    before = audit_count()

    with pytest.raises(ValidationError, match="is not an ISO 639-1 language code"):
        contacts.create("Doe", languages=["en", typed])

    assert contacts.count() == 0
    assert audit_count() == before


def test_a_family_name_is_required(contacts: ContactService) -> None:
    with pytest.raises(ValidationError, match="family name cannot be empty"):
        contacts.create("  ", given_name="Jane")

    created = contacts.create("Doe")
    with pytest.raises(ValidationError, match="family name cannot be empty"):
        contacts.update(created.id, family_name="")
    assert contacts.get(created.id).family_name == "Doe"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"state": "Atlantis"}, NotFoundError, "Unknown state 'Atlantis'"),
        ({"organization_id": 404}, NotFoundError, "no organization with id 404"),
        ({"position": "p" * 201}, ValidationError, "position is longer than 200"),
    ],
)
def test_other_bad_input_is_refused(
    contacts: ContactService,
    few_states: dict[str, int],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        contacts.create("Doe", **kwargs)
    assert contacts.count() == 0


def test_update_keeps_or_clears_the_state_and_organization(
    contacts: ContactService, ministry: int, few_states: dict[str, int]
) -> None:
    created = contacts.create("Sok", given_name="Dara", organization_id=ministry)

    kept = contacts.update(created.id, position="Director")
    moved = contacts.update(created.id, state="PAK")
    cleared = contacts.update(created.id, state=None, organization_id=None)

    assert (kept.state_id, kept.organization_id, kept.position) == (
        few_states["KHM"],
        ministry,
        "Director",
    )
    assert moved.state_id == few_states["PAK"]
    assert moved.organization_id == ministry
    assert (cleared.state_id, cleared.organization_id) == (None, None)
    assert cleared.full_name == "Dara Sok"


# --- lists -------------------------------------------------------------------------------


@pytest.fixture
def people(contacts: ContactService, ministry: int, few_states: dict[str, int]) -> dict[str, int]:
    rows = [
        ("Aylin", "Örnek", "TUR", None, "Deputy Director General"),
        ("Dara", "Sok", "KHM", ministry, "Director, Disarmament"),
        ("Chenda", "Sok", "KHM", ministry, "Desk officer"),
        ("Awa", "Kone", "CIV", None, "Conseillère"),
        ("Jean", "Zephyr", "CAN", None, "Ambassador"),
        ("Imran", "Malik", "PAK", None, "Director General (Disarmament)"),
    ]
    return {
        f"{given} {family}": contacts.create(
            family, given_name=given, state=iso3, organization_id=organization, position=role
        ).id
        for given, family, iso3, organization, role in rows
    }


def test_list_is_by_family_then_given_name_ignoring_accents(
    contacts: ContactService, people: dict[str, int]
) -> None:
    assert [c.full_name for c in contacts.list()] == [
        "Awa Kone",
        "Imran Malik",
        "Aylin Örnek",
        "Chenda Sok",
        "Dara Sok",
        "Jean Zephyr",
    ]


def test_list_filters_by_state_organization_and_text(
    contacts: ContactService, people: dict[str, int], ministry: int
) -> None:
    assert [c.full_name for c in contacts.list(state="KHM")] == ["Chenda Sok", "Dara Sok"]
    assert [c.full_name for c in contacts.list(organization_id=ministry, text="disarm")] == [
        "Dara Sok"
    ]
    assert [c.full_name for c in contacts.list(text="ornek")] == ["Aylin Örnek"]
    assert [c.full_name for c in contacts.list(text="CONSEILLERE")] == ["Awa Kone"]
    assert [c.full_name for c in contacts.list(text="director")] == [
        "Imran Malik",
        "Aylin Örnek",
        "Dara Sok",
    ]
    assert contacts.count(text="director") == 3
    assert contacts.count(state="KHM") == 2
    assert contacts.list(state="KHM", text="ambassador") == []


def test_list_pages_through_the_contacts(contacts: ContactService, people: dict[str, int]) -> None:
    everyone = [c.id for c in contacts.list()]

    pages = [[c.id for c in contacts.list(limit=4, offset=offset)] for offset in (0, 4, 8)]

    assert pages == [everyone[:4], everyone[4:], []]
    assert [c.id for c in contacts.list(text="director", limit=1, offset=1)] == [everyone[2]]
    with pytest.raises(ValidationError, match="offset cannot be negative"):
        contacts.list(offset=-1)
    with pytest.raises(ValidationError, match="page size must be at least 1"):
        contacts.list(limit=0)


def test_delete_hides_and_restore_brings_back(
    contacts: ContactService, people: dict[str, int]
) -> None:
    sok = people["Dara Sok"]
    record = contacts.get(sok)

    contacts.delete(sok)

    assert sok not in [c.id for c in contacts.list()]
    assert contacts.count() == len(people) - 1
    with pytest.raises(NotFoundError, match=f"no contact with id {sok}"):
        contacts.get(sok)
    with pytest.raises(NotFoundError):
        contacts.delete(sok)

    assert contacts.restore(sok) == record
    assert contacts.count() == len(people)


def test_get_many_returns_live_contacts_only(db: Database, few_states: dict[str, int]) -> None:
    contacts = ContactService(db)
    kept = contacts.create("Örnek", given_name="Aylin", state="TUR")
    gone = contacts.create("Sample", given_name="Jane", state="CAN")
    contacts.delete(gone.id)
    found = contacts.get_many([kept.id, gone.id, 999_999])
    assert [c.full_name for c in found] == ["Aylin Örnek"]


def test_lists_page_in_folded_name_order_and_follow_renames(
    db: Database, few_states: dict[str, int]
) -> None:
    contacts = ContactService(db)
    for family in ("Zeller", "Örnek", "Oliveira", "Abebe", "Przykładowy"):
        contacts.create(family, state="CAN")
    names = [c.family_name for c in contacts.list()]
    assert names == ["Abebe", "Oliveira", "Örnek", "Przykładowy", "Zeller"]
    assert [c.family_name for c in contacts.list(offset=1, limit=2)] == ["Oliveira", "Örnek"]
    zeller = next(c for c in contacts.list() if c.family_name == "Zeller")
    contacts.update(zeller.id, family_name="Aaron")
    assert contacts.list(limit=1)[0].family_name == "Aaron"


def test_the_0003_migration_folds_names_as_the_code_did() -> None:
    import importlib

    from outreach.storage.models import contact_sort_key

    migration = importlib.import_module(
        "outreach.storage.migrations.versions.0003_contact_sort_key"
    )
    # names without the letters 0004 added fold the same under both rules
    for family, given in (("Örnek", "Aylin"), ("Przykładowy", "Jan"), ("Приклад", "Олена")):
        assert migration._key(family, given) == contact_sort_key(family, given)


def test_the_latest_sort_key_migration_folds_names_as_the_code_does() -> None:
    import importlib

    from outreach.folding import LETTERS
    from outreach.storage.models import contact_sort_key

    migration = importlib.import_module(
        "outreach.storage.migrations.versions.0004_contact_sort_key_folds_more_letters"
    )
    assert migration.LETTERS == LETTERS
    for family, given in (("Ørsted", "Søren"), ("Groß", "Jörg"), ("Đurić", "Þóra"), ("Işık", "Ló")):
        key = f"{migration._fold(family)}\x1f{migration._fold(given)}"
        assert key == contact_sort_key(family, given)
    assert contact_sort_key("Ørsted", "Søren") == "orsted\x1fsoren"
    assert contact_sort_key("Đurić", "Þóra") == "duric\x1fthora"
