"""Global search: accents, prefixes, ranking and grouping; an index that follows every
change (edits, deletions, restores, rolled-back writes, bulk paths, migrations) and can be
checked and rebuilt."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach.demo.synthetic import load_synthetic
from outreach.search import (
    MARK_END,
    MARK_START,
    SearchKind,
    SearchService,
    ensure_search_index,
    match_expression,
    rebuild_search,
    search_index_problems,
)
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.migrations import runner
from outreach.storage.models import Contact
from tests.conftest import database_copy, newer_migration


def row_id(db: Database) -> str:
    """What the index's tables call a document's record: FTS5's rowid, or a column."""
    return "rowid" if db.engine.dialect.name == "sqlite" else "id"


@pytest.fixture
def search(reference_db: Database) -> SearchService:
    return SearchService(reference_db)


def add_people(db: Database) -> dict[str, int]:
    """A few records of each kind, with accents where people type none."""
    organizations = OrganizationService(db)
    contacts = ContactService(db)
    ministry = organizations.create("Auswärtiges Amt", kind="ministry", state="DEU", city="Berlin")
    muller = contacts.create(
        "Müller",
        given_name="Jürgen",
        position="Referatsleiter Abrüstung",
        organization_id=ministry.id,
        email="j.mueller@example.org",
        notes="Prefers calls in the morning.",
    )
    ornek = contacts.create("Örnek", given_name="Aylin", state="TUR")
    demarche = DemarcheService(db).create(
        "TUR",
        "Joint deposit with Greece",
        "accede",
        "meeting",
        "ambassador",
        talking_points="Offer stockpile-destruction expertise.",
        contact_ids=[ornek.id],
    )
    entry = ContactLogService(db).log(
        "2003-03-12",
        "call",
        "Ambassador delivered the démarche; response awaited",
        states=["TUR", "GRC"],
        contact_ids=[ornek.id],
    )
    return {
        "ministry": ministry.id,
        "muller": muller.id,
        "ornek": ornek.id,
        "demarche": demarche.id,
        "entry": entry.id,
    }


@pytest.fixture
def people(reference_db: Database) -> dict[str, int]:
    return add_people(reference_db)


class Searchable(NamedTuple):
    search: SearchService
    people: dict[str, int]
    db: Database


@pytest.fixture(scope="module")
def searchable(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Searchable]:
    """The reference data and `add_people`'s records, written once per backend for the
    tests that only search them."""
    path = tmp_path_factory.mktemp("search") / "people.db"
    with database_copy(backend, "reference", path, request) as db:
        yield Searchable(SearchService(db), add_people(db), db)


def ids(search: SearchService, text: str, kind: SearchKind) -> list[int]:
    return [hit.id for hit in search.search(text, limit=50).hits if hit.kind == kind]


# --- what people type --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("Muller", SearchKind.CONTACT, "muller"),  # no accent typed, one stored
        ("Müller", SearchKind.CONTACT, "muller"),  # the accent typed
        ("MÜLLER", SearchKind.CONTACT, "muller"),  # case
        ("Mül", SearchKind.CONTACT, "muller"),  # a prefix, as the user types
        ("jurg mul", SearchKind.CONTACT, "muller"),  # two prefixes, no accents
        ("ornek", SearchKind.CONTACT, "ornek"),
        ("auswartiges", SearchKind.ORGANIZATION, "ministry"),
        ("demarche", SearchKind.LOG_ENTRY, "entry"),
        ("dema", SearchKind.LOG_ENTRY, "entry"),
        ("démarche", SearchKind.DEMARCHE, "demarche"),  # a démarche is one by kind
        ("stockpile destruction", SearchKind.DEMARCHE, "demarche"),  # talking points
        ("turkiye joint", SearchKind.DEMARCHE, "demarche"),  # its state's name
        ("greece ambassador", SearchKind.LOG_ENTRY, "entry"),  # the entry's states
        ("aylin", SearchKind.LOG_ENTRY, "entry"),  # the entry's contacts
    ],
)
def test_accents_case_and_prefixes_do_not_matter(
    searchable: Searchable, text: str, kind: SearchKind, key: str
) -> None:
    assert searchable.people[key] in ids(searchable.search, text, kind)


def test_letters_that_are_not_accented_letters_fold_too(
    search: SearchService, reference_db: Database
) -> None:
    contacts = ContactService(reference_db)
    lodz = contacts.create("Wiśniewska", given_name="Małgorzata", notes="Office in Łódź")
    orsted = contacts.create("Ørsted", given_name="Søren", position="Rådgiver")
    strasse = contacts.create("Groß", given_name="Jörg", notes="Wilhelmstraße")
    for text, wanted in [
        ("lodz", lodz), ("Łódź", lodz), ("malgorzata", lodz), ("wisniewska", lodz),
        ("orsted soren", orsted), ("Ørsted", orsted), ("radgiver", orsted),
        ("gross", strasse), ("wilhelmstrasse", strasse), ("Groß", strasse),
    ]:  # fmt: skip
        assert wanted.id in ids(search, text, SearchKind.CONTACT), text
    hit = next(h for h in search.search("lodz").hits if h.id == lodz.id)
    assert hit.plain_snippet("[", "]") == "Office in [Łódź]"  # shown as written
    # a folded copy is kept only where a letter was folded
    with reference_db.read() as session:
        folded = dict(
            session.connection()
            .exec_driver_sql(f"SELECT {row_id(reference_db)}, folded FROM search_contact_fts")
            .all()
        )
    assert folded[orsted.id] is not None and "Orsted" in folded[orsted.id]
    assert all(value is None for key, value in folded.items() if key not in {
        lodz.id, orsted.id, strasse.id,
    })  # fmt: skip


def test_states_are_found_by_name_alias_code_and_un_name(searchable: Searchable) -> None:
    search, states = searchable.search, StateService(searchable.db)
    ivory = states.get("CIV").id
    for text in ("Côte d'Ivoire", "cote d ivoire", "Ivory Coast", "ivo", "CIV"):
        assert ids(search, text, SearchKind.STATE)[:1] == [ivory], text
    uk = states.get("GBR").id
    assert uk in ids(search, "United Kingdom of Great Britain", SearchKind.STATE)


def test_every_word_must_match(searchable: Searchable) -> None:
    search, people = searchable.search, searchable.people
    assert ids(search, "muller berlin", SearchKind.CONTACT) == []  # Berlin is the ministry's
    assert ids(search, "muller auswartiges", SearchKind.CONTACT) == [people["muller"]]


def test_a_hit_says_where_it_matched_with_the_words_marked(searchable: Searchable) -> None:
    hits = searchable.search.search("morning").hits
    hit = next(h for h in hits if h.id == searchable.people["muller"])
    assert hit.kind == SearchKind.CONTACT
    assert hit.title == "Jürgen Müller"
    assert hit.field == "notes"
    assert f"{MARK_START}morning{MARK_END}" in hit.snippet
    assert hit.plain_snippet("[", "]") == "Prefers calls in the [morning]."
    assert "Referatsleiter Abrüstung" in hit.subtitle


def test_a_hit_names_the_state_it_concerns(searchable: Searchable) -> None:
    turkey = StateService(searchable.db).get("TUR").id
    hits = {(hit.kind, hit.id): hit for hit in searchable.search.search("joint deposit").hits}
    assert hits[(SearchKind.DEMARCHE, searchable.people["demarche"])].state_id == turkey


def test_results_come_grouped_by_kind_best_first_with_a_limit(
    search: SearchService, reference_db: Database
) -> None:
    contacts = ContactService(reference_db)
    best = contacts.create("Nakamura", given_name="Kenji")  # the name itself
    for number in range(7):
        contacts.create(f"Person{number}", notes=f"Met Nakamura's team, meeting {number}")
    results = search.search("nakamura", limit=3)
    group = results.groups[0]
    assert group.kind == SearchKind.CONTACT
    assert len(group.hits) == 3 and group.more
    assert group.hits[0].id == best.id  # a name match outranks a mention in notes
    scores = [hit.score for hit in group.hits]
    assert scores == sorted(scores)
    kinds = [group.kind for group in search.search("turkiye").groups]
    assert kinds == sorted(kinds, key=list(SearchKind).index)


def test_kinds_can_be_chosen(searchable: Searchable) -> None:
    results = searchable.search.search("turkiye", kinds=["demarche"])
    assert {hit.kind for hit in results.hits} == {SearchKind.DEMARCHE}
    with pytest.raises(Exception, match="not a kind of record"):
        searchable.search.search("turkiye", kinds=["planet"])


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=40))
def test_any_text_is_a_safe_query(text: str) -> None:
    """Quotes, stars, AND/NEAR and brackets are words to look for, never FTS syntax."""
    expression = match_expression(text)
    if expression is None:
        return
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    connection.execute("SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()


@pytest.mark.parametrize("text", ['"', "AND", "NEAR(a b)", "*", "a OR b", "(((", "-x", "'", ""])
def test_odd_queries_answer_quietly(searchable: Searchable, text: str) -> None:
    searchable.search.search(text)


# --- the index follows every change ---------------------------------------------------------


def test_edits_are_found_at_once_and_old_text_is_not(
    search: SearchService, reference_db: Database, people: dict[str, int]
) -> None:
    contacts = ContactService(reference_db)
    contacts.update(people["muller"], family_name="Schmidt")
    assert ids(search, "muller", SearchKind.CONTACT) == []
    assert ids(search, "schmidt", SearchKind.CONTACT) == [people["muller"]]
    # A change to the organization reaches the contact's document too.
    OrganizationService(reference_db).update(people["ministry"], name="Federal Foreign Office")
    assert ids(search, "federal foreign schmidt", SearchKind.CONTACT) == [people["muller"]]
    assert ids(search, "auswartiges", SearchKind.CONTACT) == []
    # A state's new alias is found.
    StateService(reference_db).add_alias("DEU", "Deutschland")
    assert StateService(reference_db).get("DEU").id in ids(search, "deutschland", SearchKind.STATE)


def test_deleted_records_drop_out_and_come_back_when_restored(
    search: SearchService, reference_db: Database, people: dict[str, int]
) -> None:
    """Delete then restore: what the app's undo of a deletion does."""
    contacts, log = ContactService(reference_db), ContactLogService(reference_db)
    contacts.delete(people["muller"])
    log.delete(people["entry"])
    assert ids(search, "muller", SearchKind.CONTACT) == []
    assert ids(search, "demarche", SearchKind.LOG_ENTRY) == []
    contacts.restore(people["muller"])
    log.restore(people["entry"])
    assert ids(search, "muller", SearchKind.CONTACT) == [people["muller"]]
    assert ids(search, "demarche", SearchKind.LOG_ENTRY) == [people["entry"]]
    assert search_index_problems(reference_db) == []


def test_a_rolled_back_write_leaves_nothing_in_the_index(
    search: SearchService, reference_db: Database
) -> None:
    with pytest.raises(RuntimeError), reference_db.write() as session:
        session.add(Contact(family_name="Phantom", given_name="Nobody"))
        session.flush()
        assert ids(search, "phantom", SearchKind.CONTACT)  # seen inside the transaction
        raise RuntimeError("the user cancelled")
    assert ids(search, "phantom", SearchKind.CONTACT) == []
    assert search_index_problems(reference_db) == []


def test_the_bulk_path_is_indexed(reference_db: Database) -> None:
    load_synthetic(reference_db, contacts=60, log_entries=300, demarches=20)
    results = SearchService(reference_db).search("synthetic")
    assert {group.kind for group in results.groups} >= {
        SearchKind.ORGANIZATION,
        SearchKind.DEMARCHE,
        SearchKind.LOG_ENTRY,
    }
    assert search_index_problems(reference_db) == []


# --- checking, rebuilding, opening, migrating -------------------------------------------------


def test_a_damaged_index_is_reported_and_rebuilt(
    search: SearchService, reference_db: Database, people: dict[str, int]
) -> None:
    with reference_db.write() as session:
        session.connection().exec_driver_sql("DELETE FROM search_contact_fts")
    assert ids(search, "muller", SearchKind.CONTACT) == []
    assert any("contact" in problem for problem in search_index_problems(reference_db))
    counts = rebuild_search(reference_db)
    assert counts[SearchKind.CONTACT] == 2
    assert search_index_problems(reference_db) == []
    assert ids(search, "muller", SearchKind.CONTACT) == [people["muller"]]


@pytest.mark.file_only  # drops the index's FTS5 tables behind the app's back
def test_opening_a_file_without_an_index_builds_it(
    people: dict[str, int], reference_db: Database
) -> None:
    path = reference_db.path
    reference_db.close()
    with sqlite3.connect(path) as connection:
        names = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE name LIKE 'search%' "
            "AND type IN ('table', 'trigger') AND sql LIKE 'CREATE%'"
        ).fetchall()
        for kind, name in names:
            if kind == "trigger" or name.endswith("_fts"):
                connection.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    reopened = open_database(path, create=True)
    try:
        assert ids(SearchService(reopened), "muller", SearchKind.CONTACT) == [people["muller"]]
        assert ensure_search_index(reopened) == []  # current now: nothing more to do
    finally:
        reopened.close()


NEXT_REVISION = """


def upgrade() -> None:
    # Batch operations rebuild tables that the search documents read.
    for table in ("state", "contact", "log_entry"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("extra", sa.String(10), nullable=False, server_default=""))


def downgrade() -> None:
    for table in ("state", "contact", "log_entry"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
"""


@pytest.fixture
def newer_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pretend a newer version of the app ships a migration that rebuilds tables."""
    with newer_migration(tmp_path, monkeypatch, "9999_test", NEXT_REVISION):
        yield


@pytest.mark.file_only  # SQLite's table rebuilds; the server alters tables in place
def test_the_index_survives_a_migration_that_rebuilds_tables(
    people: dict[str, int], reference_db: Database, newer_code: None
) -> None:
    path = reference_db.path
    reference_db.close()
    migrated = open_database(path, create=True)
    try:
        assert runner.current_revision(migrated.engine) == "9999_test"
        search = SearchService(migrated)
        assert ids(search, "muller", SearchKind.CONTACT) == [people["muller"]]
        assert ids(search, "demarche", SearchKind.LOG_ENTRY) == [people["entry"]]
        # The triggers are back: later edits are indexed.
        ContactService(migrated).update(people["ornek"], family_name="Güneş")
        assert ids(search, "gunes", SearchKind.CONTACT) == [people["ornek"]]
        assert ids(search, "gunes", SearchKind.LOG_ENTRY) == [people["entry"]]
        assert search_index_problems(migrated) == []
    finally:
        migrated.close()
