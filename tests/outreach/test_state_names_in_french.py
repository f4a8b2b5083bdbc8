"""States named in French: the reference's French names (ISO's translation with our
corrections), stored in `state.name_fr` (a migration fills the states already there),
shown when the app or a printed page speaks French, found by the name in either
language, and sorted as a French reader expects."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from alembic import command
from sqlalchemy import inspect, select

from outreach.briefing import all_state_ids
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.reference.countries import all_states, french_name
from outreach.search import SearchKind, SearchService
from outreach.services import lookup
from outreach.services.categories import CategoryService
from outreach.services.forums import ForumService
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.migrations.runner import alembic_config, current_revision, head_revision
from outreach.storage.models import State

#: how Canada and the UN write these names, where ISO's French translation differs
CORRECTIONS = {
    "CIV": "Côte d'Ivoire",
    "VAT": "Saint-Siège",
    "TUR": "Türkiye",
    "MDA": "République de Moldova",
    "SLV": "El Salvador",
    "BOL": "Bolivie",
    "IRN": "Iran",
    "KOR": "République de Corée",
    "PRK": "République populaire démocratique de Corée",
    "RUS": "Fédération de Russie",
    "SYR": "République arabe syrienne",
    "TZA": "République-Unie de Tanzanie",
    "VEN": "Venezuela",
    "VNM": "Viet Nam",
    "PSE": "État de Palestine",
    "XKX": "Kosovo",
    "CPV": "Cabo Verde",
    "LAO": "République démocratique populaire lao",
    "FSM": "Micronésie (États fédérés de)",
    "COK": "Îles Cook",
    "NIU": "Nioué",
    "GNQ": "Guinée équatoriale",  # ISO: « Guinée Équatoriale »
    "SLB": "Îles Salomon",  # ISO: « Salomon, Îles »
    "MMR": "Myanmar",  # ISO: « Birmanie »
    "TLS": "Timor-Leste",  # ISO: « Timor oriental »
}
#: in French: É and E together, as a French reader expects (not the accented after Z)
FRENCH_ORDER = ["Égypte", "El Salvador", "Émirats arabes unis", "Équateur"]


# --- the reference -------------------------------------------------------------------------


def test_every_state_has_a_french_name_written_as_a_name() -> None:
    names = {state.iso3: state.name_fr for state in all_states()}
    assert all(names.values()), [iso3 for iso3, name in names.items() if not name]
    assert not [name for name in names.values() if name and ", " in name]  # ISO's inverted form
    assert french_name("KHM") == french_name("khm") == "Cambodge"
    assert french_name("ZZZ") is None


def test_no_french_name_names_another_state() -> None:
    """Typing a French name finds its state: it is no other state's name or alias."""
    english = {
        fold(name): state.iso3 for state in all_states() for name in (state.name, *state.aliases)
    }
    clashes = [
        (state.iso3, state.name_fr)
        for state in all_states()
        if english.get(fold(state.name_fr or ""), state.iso3) != state.iso3
    ]
    assert clashes == []


@pytest.mark.parametrize(("iso3", "expected"), CORRECTIONS.items())
def test_our_corrections_of_iso_french_names(iso3: str, expected: str) -> None:
    assert french_name(iso3) == expected


# --- storage: loaded into a new database, and filled by the migration ----------------------


def _french_names(db: Database) -> dict[str, str | None]:
    with db.read() as session:
        return dict(session.execute(select(State.iso3, State.name_fr)).all())


def test_a_new_database_holds_the_french_names(reference_db: Database) -> None:
    names = _french_names(reference_db)
    assert names == {state.iso3: state.name_fr for state in all_states()}


def test_the_migration_adds_and_fills_the_french_names(reference_db: Database) -> None:
    """A database from before 0008 (the column dropped by its downgrade, on either
    backend) gets the column and every state's French name, and its search index finds
    them."""
    with reference_db.engine.connect() as connection, reference_db.backend.migrating(connection):
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    with reference_db.engine.connect() as connection:
        columns = {column["name"] for column in inspect(connection).get_columns("state")}
    assert "name_fr" not in columns
    reference_db.close()

    migrated = open_database(reference_db.location, actor="test-officer")
    try:
        assert current_revision(migrated.engine) == head_revision()  # 0008 and any later
        names = _french_names(migrated)
        assert names["KHM"] == "Cambodge" and names["CIV"] == "Côte d'Ivoire"
        assert None not in names.values()
        hits = SearchService(migrated).search("Cambodge", kinds=[SearchKind.STATE]).hits
        assert [hit.title for hit in hits] == ["Cambodia"]
    finally:
        migrated.close()


# --- services: the name shown follows the language; either finds the state ----------------


def test_states_are_named_in_the_apps_language(
    reference_db: Database, states: StateService, in_french: None
) -> None:
    assert states.get("KHM").name == "Cambodge"
    row = next(row for row in states.list_rows() if row.iso3 == "KHM")
    assert (row.name, row.other_name) == ("Cambodge", "Cambodia")
    asia = CategoryService(reference_db).preview('{"conditions": [{"region": "Asia"}]}')
    assert "Cambodge" in {member.state_name for member in asia}
    in_the_cd = ForumService(reference_db).members("cd")
    assert "Allemagne" in {member.state_name for member in in_the_cd}
    assert states.names()[states.get("KHM").id] == "Cambodge"


def test_in_english_nothing_changes(states: StateService) -> None:
    assert states.get("KHM").name == "Cambodia"
    row = next(row for row in states.list_rows() if row.iso3 == "KHM")
    assert (row.name, row.other_name) == ("Cambodia", "Cambodge")
    assert states.names() == {row.id: row.name for row in states.list_rows()}
    names = [row.name for row in states.list_rows()]
    assert names.index("Egypt") < names.index("El Salvador") < names.index("Equatorial Guinea")


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("text", ["Cambodge", "cambodge", "Cambodia", "KHM"])
def test_a_state_is_found_by_its_name_in_either_language(
    reference_db: Database, speak: Callable[[str], None], language: str, text: str
) -> None:
    speak(language)
    assert StateService(reference_db).find(text).iso3 == "KHM"  # type: ignore[union-attr]
    assert [row.iso3 for row in StateService(reference_db).list_rows(text=text)] == ["KHM"]
    with reference_db.read() as session:
        assert lookup.state(session, text).iso3 == "KHM"
        assert lookup.StateNames(session).find(text).iso3 == "KHM"  # type: ignore[union-attr]


def test_an_alias_may_not_be_another_states_french_name(states: StateService) -> None:
    with pytest.raises(ValidationError, match="'Cambodge' already names Cambodia"):
        states.add_alias("THA", "Cambodge")


def test_french_names_sort_with_their_accents_folded(
    reference_db: Database, states: StateService, speak: Callable[[str], None]
) -> None:
    speak("fr")
    rows = states.list_rows()
    names = [row.name for row in rows]
    assert [name for name in names if name in FRENCH_ORDER] == FRENCH_ORDER
    assert names == sorted(names, key=fold)
    by_id = {row.id: row.name for row in rows}
    speak("en")  # a print in French from an app in English: the print's order
    assert [by_id[state_id] for state_id in all_state_ids(reference_db, "fr")] == names


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("text", ["Cambodge", "Cambodia", "camb"])
def test_search_finds_a_state_by_its_name_in_either_language(
    reference_db: Database, speak: Callable[[str], None], language: str, text: str
) -> None:
    speak(language)
    hits = SearchService(reference_db).search(text, kinds=[SearchKind.STATE]).hits
    shown = "Cambodge" if language == "fr" else "Cambodia"
    assert [(hit.title, hit.kind) for hit in hits] == [(shown, SearchKind.STATE)]
    typed_shown = fold(shown).startswith(fold(text))
    assert hits[0].field == ("name" if typed_shown else "aliases")  # "also known as Cambodia"
