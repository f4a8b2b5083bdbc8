"""The states list and a state's profile; priority categories, manual and smart."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from outreach.domain.enums import CategoryKind, Stance, TreatyStatus
from outreach.domain.records import StateRow
from outreach.errors import NotFoundError, ValidationError
from outreach.services.categories import CategoryService, rule_json
from outreach.services.facts import FactService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, Category, CategoryMember
from tests.conftest import audit_rows

DEMO_DAY = date(2002, 11, 30)


@pytest.fixture
def categories(reference_db: Database) -> CategoryService:
    return CategoryService(reference_db)


def _iso3s(rows: list[StateRow]) -> set[str]:
    return {row.iso3 for row in rows}


# --- the states list ---------------------------------------------------------------------


def test_the_list_shows_every_state_sorted_by_name(states: StateService) -> None:
    rows = states.list_rows(as_of=DEMO_DAY)
    assert len(rows) == 198
    assert rows[0].name == "Afghanistan"
    # Accents do not push a name to the end: Côte d'Ivoire sorts among the Cs.
    names = [row.name for row in rows]
    assert names.index("Costa Rica") < names.index("Côte d'Ivoire") < names.index("Croatia")


@pytest.mark.parametrize("status", list(TreatyStatus))
def test_filtering_by_status_gives_only_that_status(
    states: StateService, status: TreatyStatus
) -> None:
    rows = states.list_rows(as_of=DEMO_DAY, status=status)
    assert {row.status for row in rows} <= {status}
    everyone = states.list_rows(as_of=DEMO_DAY)
    assert len(rows) == sum(1 for row in everyone if row.status is status)


def test_filtering_by_status_as_text(states: StateService, reference_db: Database) -> None:
    parties = states.list_rows(as_of=DEMO_DAY, status="party")
    assert len(parties) == TreatyService(reference_db).count_parties("APMBC", DEMO_DAY)
    assert "CAN" in _iso3s(parties)
    assert "USA" not in _iso3s(parties)
    assert _iso3s(states.list_rows(as_of=DEMO_DAY, status="pending")) >= {"AFG", "CAF"}


def test_an_unknown_status_is_refused(states: StateService) -> None:
    with pytest.raises(ValidationError, match="member"):
        states.list_rows(status="member")


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("ivory", "CIV"),
        ("IVORY", "CIV"),
        ("cote d", "CIV"),
        ("turkey", "TUR"),
        ("turk", "TUR"),
        ("vatican", "VAT"),
        ("burma", "MMR"),
        ("KHM", "KHM"),
    ],
)
def test_text_search_looks_through_names_codes_and_aliases(
    states: StateService, text: str, iso3: str
) -> None:
    assert iso3 in _iso3s(states.list_rows(text=text))


def test_text_search_narrows_the_list(states: StateService) -> None:
    rows = states.list_rows(text="ivory")
    assert [(row.iso3, row.name) for row in rows] == [("CIV", "Côte d'Ivoire")]
    assert states.list_rows(text="no such place") == []


def test_the_date_changes_a_states_status(states: StateService) -> None:
    def turkey(as_of: date) -> TreatyStatus:
        (row,) = states.list_rows(as_of=as_of, text="Türkiye")
        return row.status

    assert turkey(date(2003, 1, 1)) is TreatyStatus.OUTSIDE
    assert turkey(date(2003, 9, 25)) is TreatyStatus.PENDING  # joint deposit with Greece
    assert turkey(date(2004, 3, 1)) is TreatyStatus.PARTY


def test_a_row_carries_the_participation_dates(states: StateService) -> None:
    (row,) = states.list_rows(as_of=DEMO_DAY, text="Afghanistan")
    assert row.status is TreatyStatus.PENDING
    assert row.signed_on is None
    assert row.consent_on == date(2002, 9, 11)
    assert row.consent_kind is not None
    assert row.consent_kind.value == "accession"
    assert row.in_force_on == date(2003, 3, 1)


def test_filtering_by_category(states: StateService, categories: CategoryService) -> None:
    categories.create("Likely acceders", slug="likely")
    categories.assign("likely", "TUR", "Joint deposit with Greece announced.", on=DEMO_DAY)
    categories.assign("likely", "Greece", "Joint deposit with Türkiye announced.", on=DEMO_DAY)
    rows = states.list_rows(as_of=DEMO_DAY, category="likely")
    assert _iso3s(rows) == {"TUR", "GRC"}
    assert all("likely" in row.categories for row in rows)
    (canada,) = states.list_rows(as_of=DEMO_DAY, text="Canada")
    assert canada.categories == ()
    # Filters combine.
    assert _iso3s(states.list_rows(as_of=DEMO_DAY, category="likely", status="signatory")) == {
        "GRC"
    }


def test_filtering_by_an_unknown_category_is_refused(states: StateService) -> None:
    with pytest.raises(NotFoundError, match="no-such-category"):
        states.list_rows(category="no-such-category")


# --- a state's profile and aliases -------------------------------------------------------


def test_updating_a_profile(states: StateService) -> None:
    updated = states.update_profile(
        "IDN", stance="favourable", talking_points="  Encourage early ratification. "
    )
    assert updated.stance is Stance.FAVOURABLE
    again = states.get("Indonesia")
    assert again.stance is Stance.FAVOURABLE
    assert again.talking_points == "Encourage early ratification."


def test_a_bad_stance_is_refused_and_nothing_changes(
    states: StateService, reference_db: Database
) -> None:
    audits = audit_rows(reference_db)
    with pytest.raises(ValidationError, match="hostile") as raised:
        states.update_profile("CAN", name="Kanada", stance="hostile", notes="should not stick")
    assert "supportive" in str(raised.value)  # says what would do
    canada = states.get("CAN")
    assert canada.name == "Canada"
    assert canada.stance is Stance.UNKNOWN
    assert canada.notes == ""
    assert audit_rows(reference_db) == audits


def test_an_empty_name_is_refused(states: StateService) -> None:
    with pytest.raises(ValidationError):
        states.update_profile("CAN", name="   ")
    assert states.get("CAN").name == "Canada"


def test_an_added_alias_finds_the_state(states: StateService) -> None:
    states.add_alias("KHM", "Kampuchea")
    assert states.get("kampuchea").iso3 == "KHM"
    assert "Kampuchea" in states.get("KHM").aliases
    assert "KHM" in _iso3s(states.list_rows(text="kampu"))


@pytest.mark.parametrize("alias", ["Ivory Coast", "ivory  coast", "IVORY COAST"])
def test_a_duplicate_alias_is_refused(states: StateService, alias: str) -> None:
    before = states.get("SEN").aliases
    with pytest.raises(ValidationError, match="Côte d'Ivoire"):
        states.add_alias("SEN", alias)
    assert states.get("SEN").aliases == before
    assert states.get("Ivory Coast").iso3 == "CIV"


def test_an_alias_that_is_another_states_name_is_refused(states: StateService) -> None:
    with pytest.raises(ValidationError):
        states.add_alias("CAN", "Türkiye")
    assert states.get("Türkiye").iso3 == "TUR"


# --- categories: creating them -----------------------------------------------------------


def test_creating_a_manual_category(categories: CategoryService) -> None:
    created = categories.create("Recent users", colour="#E65100", description=" Use in 2003 ")
    assert created.slug == "recent-users"
    assert created.kind is CategoryKind.MANUAL
    assert created.colour == "#e65100"
    assert created.description == "Use in 2003"
    assert created.rule == ""
    assert [category.slug for category in categories.all()] == ["recent-users"]


def test_creating_a_smart_category(categories: CategoryService) -> None:
    rule = rule_json("all", {"subregion": "South-eastern Asia"}, {"status": ["outside"]})
    created = categories.create("South-East Asian steadfast", rule=rule)
    assert created.kind is CategoryKind.SMART
    assert json.loads(created.rule) == json.loads(rule)
    members = {member.iso3 for member in categories.members(created.slug, as_of=DEMO_DAY)}
    assert {"MMR", "VNM", "LAO", "SGP"} <= members
    assert "KHM" not in members  # a State Party since 2000
    assert "THA" not in members


def test_a_second_category_with_the_same_slug_is_refused(categories: CategoryService) -> None:
    categories.create("Likely acceders")
    with pytest.raises(ValidationError, match="likely-acceders"):
        categories.create("Likely  Acceders!")
    assert len(categories.all()) == 1


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"match": "most", "conditions": [{"fact": "producer"}]}', "match"),
        ('{"match": "all", "conditions": []}', "at least one condition"),
        ('{"match": "all", "conditions": [{"colour": "red"}]}', "colour"),
        ('{"match": "all", "conditions": [{"fact": "bakery"}]}', "bakery"),
        ('{"match": "all", "conditions": [{"status": ["member"]}]}', "member"),
        ('{"match": "all", "conditions": [{"stance": "grumpy"}]}', "grumpy"),
        ('{"match": "all", "conditions": [{"seat": "NATO", "year": 2004}]}', "NATO"),
        ('{"match": "all", "conditions": [{"seat": "UNSC", "year": "2004"}]}', "year"),
        ('{"match": "any", "conditions": [{"not": {"fact": "bakery"}}]}', "bakery"),
        ("[]", "match"),
    ],
)
def test_a_bad_rule_is_refused_with_a_message(
    categories: CategoryService, reference_db: Database, rule: str, message: str
) -> None:
    audits = audit_rows(reference_db)
    with pytest.raises(ValidationError, match=message) as raised:
        categories.create("Broken", rule=rule)
    assert raised.value.field == "rule"
    assert categories.all() == []
    assert audit_rows(reference_db) == audits


def test_a_bad_colour_is_refused(categories: CategoryService) -> None:
    with pytest.raises(ValidationError, match="colour"):
        categories.create("Recent users", colour="orange")
    assert categories.all() == []


# --- categories: manual members ----------------------------------------------------------


@pytest.mark.parametrize("rationale", ["", "   "])
def test_assigning_needs_a_rationale(
    categories: CategoryService, reference_db: Database, rationale: str
) -> None:
    categories.create("Likely acceders")
    audits = audit_rows(reference_db)
    with pytest.raises(ValidationError, match="rationale"):
        categories.assign("likely-acceders", "TUR", rationale)
    assert categories.members("likely-acceders", as_of=DEMO_DAY) == []
    assert audit_rows(reference_db) == audits


def test_assigning_keeps_the_rationale(categories: CategoryService) -> None:
    categories.create("Likely acceders")
    categories.assign("likely-acceders", "Turkey", "Joint deposit with Greece.", on=DEMO_DAY)
    (member,) = categories.members("likely-acceders", as_of=DEMO_DAY)
    assert (member.iso3, member.rationale) == ("TUR", "Joint deposit with Greece.")
    # Assigning again updates the reason rather than adding the state twice.
    categories.assign("likely-acceders", "TUR", "Deposit set for September 2003.", on=DEMO_DAY)
    (member,) = categories.members("likely-acceders", as_of=DEMO_DAY)
    assert member.rationale == "Deposit set for September 2003."


def test_assigning_to_a_smart_category_is_refused(categories: CategoryService) -> None:
    categories.create("Producers", rule=rule_json("all", {"fact": "producer"}))
    with pytest.raises(ValidationError, match="smart"):
        categories.assign("producers", "USA", "Produces mines.")
    assert categories.members("producers", as_of=DEMO_DAY) == []


def test_an_assignment_is_audited(categories: CategoryService, reference_db: Database) -> None:
    categories.create("Likely acceders")
    turkey = StateService(reference_db).get("TUR")
    categories.assign("likely-acceders", "TUR", "Joint deposit with Greece.", on=DEMO_DAY)
    with reference_db.read() as session:
        member_id = session.scalar(select(CategoryMember.id))
        entries = list(
            session.scalars(
                select(AuditEntry).where(
                    AuditEntry.entity == "category_member", AuditEntry.entity_id == member_id
                )
            )
        )
    assert len(entries) == 1
    (entry,) = entries
    assert entry.action == "create"
    assert entry.actor == reference_db.actor  # the officer (on a server: the role)
    assert entry.state_id == turkey.id
    changes = json.loads(entry.changes)
    assert changes["rationale"] == [None, "Joint deposit with Greece."]


def test_unassigning(categories: CategoryService) -> None:
    categories.create("Likely acceders")
    categories.assign("likely-acceders", "TUR", "Joint deposit.")
    categories.unassign("likely-acceders", "TUR")
    assert categories.members("likely-acceders", as_of=DEMO_DAY) == []
    with pytest.raises(ValidationError, match="not in"):
        categories.unassign("likely-acceders", "TUR")


# --- categories: smart members follow the facts ------------------------------------------

OUTSIDE_PRODUCERS = rule_json("all", {"status": ["outside", "signatory"]}, {"fact": "producer"})
NOT_YET_PARTY_PRODUCERS = rule_json("all", {"not": {"status": "party"}}, {"fact": "producer"})


def _members(categories: CategoryService, slug: str, as_of: date) -> set[str]:
    return {member.iso3 for member in categories.members(slug, as_of=as_of)}


def test_a_producer_fact_brings_a_state_into_a_smart_category(
    categories: CategoryService, reference_db: Database
) -> None:
    categories.create("Outside and producer", rule=OUTSIDE_PRODUCERS)
    assert _members(categories, "outside-and-producer", DEMO_DAY) == set()
    FactService(reference_db).add_fact(
        "KAZ", "producer", source="illustrative", as_of=date(2002, 7, 31)
    )
    assert _members(categories, "outside-and-producer", DEMO_DAY) == {"KAZ"}
    # Not before the fact was stated.
    assert _members(categories, "outside-and-producer", date(2002, 7, 30)) == set()
    # A producer fact about a State Party does not bring it in.
    FactService(reference_db).add_fact(
        "KHM", "producer", source="illustrative", as_of=date(2002, 7, 31)
    )
    assert _members(categories, "outside-and-producer", DEMO_DAY) == {"KAZ"}


def test_a_later_fact_that_no_longer_holds_takes_the_state_out(
    categories: CategoryService, reference_db: Database
) -> None:
    categories.create("Outside and producer", rule=OUTSIDE_PRODUCERS)
    facts = FactService(reference_db)
    facts.add_fact("EGY", "producer", source="illustrative", as_of=date(2001, 1, 1))
    facts.add_fact("EGY", "producer", source="illustrative", as_of=date(2003, 1, 1), holds=False)
    assert _members(categories, "outside-and-producer", DEMO_DAY) == {"EGY"}
    assert _members(categories, "outside-and-producer", date(2003, 6, 1)) == set()


def test_accession_takes_a_state_out_of_smart_categories(
    categories: CategoryService, reference_db: Database
) -> None:
    categories.create("Outside and producer", rule=OUTSIDE_PRODUCERS)
    categories.create("Not yet party producers", rule=NOT_YET_PARTY_PRODUCERS)
    FactService(reference_db).add_fact(
        "KAZ", "producer", source="illustrative", as_of=date(2002, 7, 31)
    )
    TreatyService(reference_db).record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="accession", source="test"
    )
    # Before the deposit it is in both.
    assert "KAZ" in _members(categories, "outside-and-producer", date(2003, 6, 9))
    assert "KAZ" in _members(categories, "not-yet-party-producers", date(2003, 6, 9))
    # Deposited: no longer outside, but not yet a party either.
    assert "KAZ" not in _members(categories, "outside-and-producer", date(2003, 6, 10))
    assert "KAZ" in _members(categories, "not-yet-party-producers", date(2003, 11, 30))
    # In force on 1 December 2003: it leaves.
    assert "KAZ" not in _members(categories, "not-yet-party-producers", date(2003, 12, 1))
    listed = StateService(reference_db).list_rows(
        as_of=date(2003, 12, 1), category="not-yet-party-producers", text="Kazakhstan"
    )
    assert listed == []


def test_the_states_list_shows_smart_categories(
    categories: CategoryService, states: StateService, reference_db: Database
) -> None:
    categories.create("Outside and producer", rule=OUTSIDE_PRODUCERS)
    FactService(reference_db).add_fact(
        "KAZ", "producer", source="illustrative", as_of=date(2002, 7, 31)
    )
    (row,) = states.list_rows(as_of=DEMO_DAY, text="Kazakhstan")
    assert row.categories == ("outside-and-producer",)
    assert _iso3s(states.list_rows(as_of=DEMO_DAY, category="outside-and-producer")) == {"KAZ"}


def test_a_security_council_rule_gives_that_years_council(
    categories: CategoryService, reference_db: Database
) -> None:
    categories.create(
        "Security Council 2004", rule=rule_json("all", {"seat": "UNSC", "year": 2004})
    )
    council = FactService(reference_db).council_members(2004)
    members = {
        member.state_id
        for member in categories.members("security-council-2004", as_of=date(2004, 6, 1))
    }
    assert len(members) == 15
    assert members == set(council)


def test_a_security_council_rule_combines_with_status(
    categories: CategoryService,
) -> None:
    categories.create(
        "Council members outside",
        rule=rule_json("all", {"seat": "UNSC", "year": 2004}, {"not": {"status": "party"}}),
    )
    assert _members(categories, "council-members-outside", date(2004, 6, 1)) == {
        "CHN",
        "RUS",
        "USA",
        "PAK",
    }


def test_the_permanent_members_are_on_the_2004_council_seen_from_2002(
    categories: CategoryService,
) -> None:
    categories.create(
        "Security Council 2004", rule=rule_json("all", {"seat": "UNSC", "year": 2004})
    )
    members = _members(categories, "security-council-2004", DEMO_DAY)
    assert {"CHN", "FRA", "GBR", "RUS", "USA"} <= members


# --- categories: deleting and restoring --------------------------------------------------


def test_delete_then_restore_a_category(
    categories: CategoryService, states: StateService, reference_db: Database
) -> None:
    created = categories.create("Likely acceders")
    categories.assign("likely-acceders", "TUR", "Joint deposit with Greece.")
    categories.delete("likely-acceders")

    assert categories.all() == []
    with pytest.raises(NotFoundError):
        categories.members("likely-acceders")
    with pytest.raises(NotFoundError):
        states.list_rows(category="likely-acceders")
    (turkey,) = states.list_rows(text="Türkiye")
    assert turkey.categories == ()

    restored = categories.restore(created.id)
    assert restored.slug == "likely-acceders"
    assert [category.slug for category in categories.all()] == ["likely-acceders"]
    (member,) = categories.members("likely-acceders")
    assert (member.iso3, member.rationale) == ("TUR", "Joint deposit with Greece.")

    with reference_db.read() as session:
        actions = list(
            session.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == "category", AuditEntry.entity_id == created.id)
                .order_by(AuditEntry.id)
            )
        )
        assert session.get(Category, created.id) is not None
    assert actions == ["create", "delete", "restore"]


def test_restoring_an_unknown_category_is_refused(categories: CategoryService) -> None:
    with pytest.raises(ValidationError, match="9999"):
        categories.restore(9999)


def test_updating_a_smart_categorys_rule(categories: CategoryService) -> None:
    categories.create("Producers", rule=rule_json("all", {"region": "Oceania"}))
    categories.update("producers", rule=rule_json("all", {"subregion": "South-eastern Asia"}))
    assert "KHM" in _members(categories, "producers", DEMO_DAY)
    with pytest.raises(ValidationError, match="JSON"):
        categories.update("producers", rule="{")
    categories.create("Manual")
    with pytest.raises(ValidationError, match="smart"):
        categories.update("manual", rule=rule_json("all", {"region": "Asia"}))


def test_deleting_a_mine_affected_fact_drops_the_clearance_deadline(reference_db: Database) -> None:
    facts, treaties = FactService(reference_db), TreatyService(reference_db)
    fact = facts.add_fact("CAN", "mine_affected", source="test", as_of=date(2003, 1, 1))
    assert any(o.kind.value == "art5_clearance" for o in treaties.obligations("CAN", "APMBC"))
    facts.delete_fact(fact.id)
    assert not any(o.kind.value == "art5_clearance" for o in treaties.obligations("CAN", "APMBC"))
    assert facts.facts_of("CAN") == []


def test_a_category_named_with_what_is_not_text_is_refused_clearly(
    categories: CategoryService,
) -> None:
    with pytest.raises(ValidationError, match="category contains characters"):
        categories.members("likely\x00")  # a server refused even to compare it
