"""The shipped reference data, loaded into a new database: states and their names, the
APMBC's participation table, withdrawals, Security Council seats, forums and meetings."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from outreach.domain.enums import TreatyStatus
from outreach.errors import NotFoundError
from outreach.services.facts import FactService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.setup import open_database, prepare_database
from outreach.setup.reference import load_reference
from outreach.storage.database import Database
from outreach.storage.models import (
    Forum,
    ForumMembership,
    Meeting,
    Participation,
    Seat,
    State,
)

PARTICIPATION_CSV = (
    Path(__file__).resolve().parents[2] / "resources" / "reference" / "apmbc_participation.csv"
)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database with the reference data for the whole module (nothing here writes)."""
    database = open_database(
        tmp_path_factory.mktemp("ref") / "ref.db", actor="test-officer", create=True
    )
    assert load_reference(database) is True
    yield database
    database.close()


@pytest.fixture(scope="module")
def states(reference: Database) -> StateService:
    return StateService(reference)


@pytest.fixture(scope="module")
def treaties(reference: Database) -> TreatyService:
    return TreatyService(reference)


def _iso3_by_id(reference: Database) -> dict[int, str]:
    with reference.read() as session:
        return dict(session.execute(select(State.id, State.iso3)).all())


def _deposits() -> list[dict[str, str]]:
    with PARTICIPATION_CSV.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["consent_on"]]


def test_loading_twice_adds_nothing(reference: Database) -> None:
    with reference.read() as session:
        before = session.scalar(select(func.count(State.id)))
    assert load_reference(reference) is False
    with reference.read() as session:
        assert session.scalar(select(func.count(State.id))) == before


# --- names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "iso3"),
    [
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),  # no accent, typographic apostrophe
        ("côte d'ivoire", "CIV"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("TUR", "TUR"),
        ("TR", "TUR"),
        ("Holy See", "VAT"),
        ("Vatican", "VAT"),
        ("Kosovo", "XKX"),
        ("XK", "XKX"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Bolivia", "BOL"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("United Kingdom", "GBR"),
        ("State of Palestine", "PSE"),
        ("DR Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("  Viet   Nam ", "VNM"),
    ],
)
def test_names_people_type_resolve_to_the_state(
    states: StateService, typed: str, iso3: str
) -> None:
    assert states.get(typed).iso3 == iso3
    found = states.find(typed)
    assert found is not None
    assert found.iso3 == iso3


def test_the_two_congos_are_not_confused(states: StateService) -> None:
    assert states.get("Congo").iso3 == "COG"
    assert states.get("Republic of the Congo").iso3 == "COG"
    assert states.get("DRC").iso3 == "COD"


def test_a_state_keeps_its_aliases(states: StateService) -> None:
    ivory_coast = states.get("CIV")
    assert ivory_coast.name == "Côte d'Ivoire"
    assert "Ivory Coast" in ivory_coast.aliases


def test_an_unknown_name_is_refused_clearly(states: StateService) -> None:
    with pytest.raises(NotFoundError, match="Atlantis") as raised:
        states.get("Atlantis")
    assert "ISO code" in str(raised.value)
    assert states.find("Atlantis") is None
    assert states.find("   ") is None


def test_the_states_are_the_un_members_observers_and_kosovo(reference: Database) -> None:
    with reference.read() as session:
        codes = set(session.scalars(select(State.iso3)))
    assert len(codes) == 193 + 5  # UN members; Holy See, Palestine, Kosovo, Cook Is., Niue
    assert {"VAT", "PSE", "XKX", "COK", "NIU", "CAN", "KHM", "SSD"} <= codes
    assert not codes & {"PRI", "GRL", "HKG", "ATA", "GIB"}  # territories are left out


def test_every_state_has_a_region_and_a_subregion(reference: Database) -> None:
    with reference.read() as session:
        missing = [
            state.iso3
            for state in session.scalars(select(State))
            if not state.region.strip() or not state.subregion.strip()
        ]
    assert missing == []


def test_regions_follow_the_un_scheme(states: StateService) -> None:
    assert states.get("KHM").subregion == "South-eastern Asia"
    assert states.get("CAN").region == "Americas"
    assert states.get("XKX").region == "Europe"
    assert set(states.regions()) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}


# --- States Parties over time ------------------------------------------------------------


@pytest.mark.parametrize("as_of", [date(1997, 12, 3), date(1998, 12, 31), date(1999, 2, 28)])
def test_no_states_parties_before_the_treaty_entered_into_force(
    treaties: TreatyService, as_of: date
) -> None:
    assert treaties.count_parties("APMBC", as_of) == 0


def test_on_1_march_1999_every_deposit_up_to_september_1998_is_in_force(
    treaties: TreatyService,
) -> None:
    # Art. 17: the 40th deposit (16 Sep 1998) and all before it, and the rest of
    # September 1998 (first day of the sixth month after the month of deposit).
    expected = sum(1 for row in _deposits() if row["consent_on"] <= "1998-09-30")
    assert expected >= 40
    assert treaties.count_parties("APMBC", date(1999, 3, 1)) == expected
    assert treaties.count_parties("APMBC", date(1999, 3, 31)) == expected
    october = sum(1 for row in _deposits() if "1998-10-01" <= row["consent_on"] <= "1998-10-31")
    assert treaties.count_parties("APMBC", date(1999, 4, 1)) == expected + october


def test_canada_is_a_party_from_1_march_1999(treaties: TreatyService) -> None:
    canada = treaties.participation("CAN", "APMBC")
    assert canada is not None
    assert canada.signed_on == date(1997, 12, 3)
    assert canada.consent_on == date(1997, 12, 3)
    assert canada.in_force_on == date(1999, 3, 1)
    assert canada.status_on(date(1999, 2, 28)) is TreatyStatus.PENDING
    assert canada.status_on(date(1999, 3, 1)) is TreatyStatus.PARTY


@pytest.mark.parametrize(
    ("iso3", "consent_on", "in_force_on"),
    [
        ("AFG", date(2002, 9, 11), date(2003, 3, 1)),
        ("COD", date(2002, 5, 2), date(2002, 11, 1)),
        ("CYP", date(2003, 1, 17), date(2003, 7, 1)),
        ("LTU", date(2003, 5, 12), date(2003, 11, 1)),
        ("TLS", date(2003, 5, 7), date(2003, 11, 1)),
        ("BFA", date(1998, 9, 16), date(1999, 3, 1)),
    ],
)
def test_dated_joiners_enter_into_force_by_the_rule(
    treaties: TreatyService, iso3: str, consent_on: date, in_force_on: date
) -> None:
    participation = treaties.participation(iso3, "APMBC")
    assert participation is not None
    assert participation.consent_on == consent_on
    assert participation.in_force_on == in_force_on


@pytest.mark.parametrize(
    ("year", "cumulative"),
    [
        (1997, 3),
        (1998, 58),
        (1999, 90),
        (2000, 109),
        (2001, 122),
        (2002, 130),
        (2003, 141),
        (2004, 144),
        (2005, 148),
    ],
)
def test_deposits_by_year_match_the_landmine_monitor(
    states: StateService, year: int, cumulative: int
) -> None:
    rows = states.list_rows(as_of=date(year, 12, 31))
    deposited = [row for row in rows if row.status in (TreatyStatus.PARTY, TreatyStatus.PENDING)]
    assert len(deposited) == cumulative


def test_130_had_joined_by_november_2002(states: StateService, treaties: TreatyService) -> None:
    rows = states.list_rows(as_of=date(2002, 11, 30))
    pending = [row for row in rows if row.status is TreatyStatus.PENDING]
    parties = [row for row in rows if row.status is TreatyStatus.PARTY]
    assert len(parties) + len(pending) == 130
    assert treaties.count_parties("APMBC", date(2002, 11, 30)) == len(parties)
    # Deposits of the last six months are still waiting for entry into force.
    assert {row.iso3 for row in pending} >= {"CAF", "CMR", "COM", "GMB", "AFG"}


def test_count_at_the_end_of_2004(treaties: TreatyService) -> None:
    # 144 had deposited by the end of 2004 (DOMAIN.md); Ethiopia's deposit of
    # 17 Dec 2004 takes effect only on 1 Jun 2005.
    assert treaties.count_parties("APMBC", date(2004, 12, 31)) == 143
    assert treaties.count_parties("APMBC", date(2005, 6, 1)) == 144
    ethiopia = treaties.participation("ETH", "APMBC")
    assert ethiopia is not None
    assert ethiopia.in_force_on == date(2005, 6, 1)


def test_later_point_checks(treaties: TreatyService) -> None:
    assert treaties.count_parties("APMBC", date(2008, 12, 31)) == 156
    assert treaties.count_parties("APMBC", date(2018, 6, 30)) == 164
    assert treaties.count_parties("APMBC", date(2019, 6, 30)) == 164


def test_the_baltic_states_and_finland_have_withdrawn_by_june_2026(
    states: StateService, treaties: TreatyService
) -> None:
    leaving = {"EST", "LVA", "LTU", "FIN"}
    before = {row.iso3: row.status for row in states.list_rows(as_of=date(2025, 12, 26))}
    after = {row.iso3: row.status for row in states.list_rows(as_of=date(2026, 6, 1))}
    assert {before[iso3] for iso3 in leaving} == {TreatyStatus.PARTY}
    assert {after[iso3] for iso3 in leaving} == {TreatyStatus.WITHDRAWN}
    assert after["POL"] is TreatyStatus.WITHDRAWN
    # Art. 20(3): Ukraine's withdrawal does not take effect while it is in armed conflict.
    assert after["UKR"] is TreatyStatus.PARTY
    assert after["CAN"] is TreatyStatus.PARTY

    peak = treaties.count_parties("APMBC", date(2025, 12, 26))
    assert treaties.count_parties("APMBC", date(2025, 12, 27)) == peak - 3  # the Baltic states
    assert treaties.count_parties("APMBC", date(2026, 1, 10)) == peak - 4  # and Finland
    assert treaties.count_parties("APMBC", date(2026, 6, 1)) == peak - 5  # and Poland


def test_withdrawals_keep_their_notice_and_effective_dates(treaties: TreatyService) -> None:
    finland = treaties.participation("FIN", "APMBC")
    assert finland is not None
    assert finland.withdrawal_notified_on == date(2025, 7, 10)
    assert finland.withdrawal_effective_on == date(2026, 1, 10)
    assert "withdrawal" in finland.source


# --- seats -------------------------------------------------------------------------------

PERMANENT = {"CHN", "FRA", "RUS", "GBR", "USA"}
ELECTED_2002_03 = {"BGR", "CMR", "GIN", "MEX", "SYR"}
ELECTED_2003_04 = {"AGO", "CHL", "DEU", "PAK", "ESP"}
ELECTED_2004_05 = {"DZA", "BEN", "BRA", "PHL", "ROU"}
ELECTED_2005_06 = {"ARG", "DNK", "GRC", "JPN", "TZA"}


@pytest.mark.parametrize(
    ("year", "members"),
    [
        (2003, PERMANENT | ELECTED_2002_03 | ELECTED_2003_04),
        (2004, PERMANENT | ELECTED_2003_04 | ELECTED_2004_05),
        (2005, PERMANENT | ELECTED_2004_05 | ELECTED_2005_06),
    ],
)
def test_security_council_composition(reference: Database, year: int, members: set[str]) -> None:
    ids = FactService(reference).council_members(year)
    assert len(ids) == 15
    iso3 = _iso3_by_id(reference)
    assert {iso3[state_id] for state_id in ids} == members


# --- sources -----------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Participation, Seat, ForumMembership])
def test_every_reference_row_carries_its_source_and_date(
    reference: Database, model: type[Participation | Seat | ForumMembership]
) -> None:
    with reference.read() as session:
        rows = list(session.scalars(select(model)))
    assert rows
    assert [row.id for row in rows if not (row.source or "").strip()] == []
    assert [row.id for row in rows if row.as_of is None] == []


def test_the_treaty_rows_cite_the_conventions(treaties: TreatyService) -> None:
    apmbc, ccm = treaties.treaties()
    assert apmbc.code == "APMBC"
    assert apmbc.in_force_on == date(1999, 3, 1)
    assert "Art" in apmbc.source
    assert (ccm.code, ccm.in_force_on, ccm.target_parties) == ("CCM", date(2010, 8, 1), None)
    assert "XXVI-6" in ccm.source


def test_the_cluster_munitions_table_counts_as_its_depositary_does(
    treaties: TreatyService,
) -> None:
    """In force with its first thirty (Art. 17), 112 States Parties by 2025 as the UN's
    table says, 111 once Lithuania's withdrawal took effect on 6 March 2025."""
    assert treaties.party_counts("CCM", date(2010, 7, 31)).in_force == 0
    assert treaties.count_parties("CCM", date(2010, 8, 1)) == 30
    assert treaties.count_parties("CCM", date(2025, 1, 1)) == 112
    assert treaties.count_parties("CCM", date(2025, 3, 6)) == 111
    lithuania = treaties.participation("LTU", "CCM")
    assert lithuania is not None and lithuania.withdrawal_effective_on == date(2025, 3, 6)
    assert treaties.participation("GBR", "CCM") is not None
    indonesia = treaties.participation("IDN", "CCM")  # signed in Oslo, never ratified
    assert indonesia is not None and indonesia.signed_on == date(2008, 12, 3)
    seychelles = treaties.participation("SYC", "CCM")  # signed in New York, then ratified
    assert seychelles is not None and seychelles.signed_on == date(2010, 4, 13)


# --- forums and meetings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("forum", "title_part", "city", "starts_on", "ends_on"),
    [
        ("msp", "First Meeting", "Maputo", date(1999, 5, 3), date(1999, 5, 7)),
        ("msp", "Second Meeting", "Geneva", date(2000, 9, 11), date(2000, 9, 15)),
        ("msp", "Third Meeting", "Managua", date(2001, 9, 18), date(2001, 9, 21)),
        ("msp", "Fourth Meeting", "Geneva", date(2002, 9, 16), date(2002, 9, 20)),
        ("msp", "Fifth Meeting", "Bangkok", date(2003, 9, 15), date(2003, 9, 19)),
        ("revcon", "Review Conference", "Nairobi", date(2004, 11, 29), date(2004, 12, 3)),
        ("msp", "Sixth Meeting", "Zagreb", date(2005, 11, 28), date(2005, 12, 2)),
        ("msp", "Seventh Meeting", "Geneva", date(2006, 9, 18), date(2006, 9, 22)),
        ("sc", "Standing Committees", "Geneva", date(2004, 6, 21), date(2004, 6, 25)),
        ("ccm-msp", "First Meeting", "Vientiane", date(2010, 11, 9), date(2010, 11, 12)),
        ("ccm-revcon", "First Review", "Dubrovnik", date(2015, 9, 7), date(2015, 9, 11)),
        ("ccm-msp", "Thirteenth Meeting", "Geneva", date(2025, 9, 16), date(2025, 9, 19)),
    ],
)
def test_the_campaigns_meetings_are_there(
    reference: Database,
    forum: str,
    title_part: str,
    city: str,
    starts_on: date,
    ends_on: date,
) -> None:
    with reference.read() as session:
        found = session.execute(
            select(Meeting.title, Meeting.ends_on, Meeting.notes)
            .join(Forum, Forum.id == Meeting.forum_id)
            .where(Forum.slug == forum, Meeting.city == city, Meeting.starts_on == starts_on)
        ).all()
    assert len(found) == 1
    title, ends, notes = found[0]
    assert title_part in title
    assert ends == ends_on
    assert "Source" in notes


def _members(reference: Database, forum: str) -> dict[str, tuple[date, date | None]]:
    """A shipped forum's members by ISO code: (since, until)."""
    iso3 = _iso3_by_id(reference)
    with reference.read() as session:
        rows = session.execute(
            select(ForumMembership.state_id, ForumMembership.since, ForumMembership.until)
            .join(Forum, Forum.id == ForumMembership.forum_id)
            .where(Forum.slug == forum)
        ).all()
    return {iso3[state_id]: (since, until) for state_id, since, until in rows}


def test_states_parties_are_members_of_the_meetings_of_states_parties(
    reference: Database,
) -> None:
    by_state = _members(reference, "msp")
    assert by_state["CAN"] == (date(1999, 3, 1), None)
    assert by_state["FIN"] == (date(2012, 7, 1), date(2026, 1, 10))
    assert "USA" not in by_state


def test_the_cluster_munitions_meetings_gather_that_treatys_parties(
    reference: Database,
) -> None:
    by_state = _members(reference, "ccm-msp")
    with reference.read() as session:
        meetings = session.scalar(
            select(func.count(Meeting.id))
            .join(Forum, Forum.id == Meeting.forum_id)
            .where(Forum.slug.in_(["ccm-msp", "ccm-revcon"]))
        )
    assert by_state["NOR"] == (date(2010, 8, 1), None)
    assert by_state["LTU"] == (date(2011, 9, 1), date(2025, 3, 6))
    assert "FIN" not in by_state  # a party to the APMBC, not to this one
    assert meetings == 16  # thirteen meetings of States Parties, three review sessions


def test_a_database_made_before_a_forum_was_shipped_gains_it_on_opening(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.db"
    db = open_database(path, actor="test-officer", create=True)
    load_reference(db)
    with db.write() as session:
        forum = session.scalar(select(Forum).where(Forum.slug == "ccm-msp"))
        assert forum is not None
        session.execute(delete(Meeting).where(Meeting.forum_id == forum.id))
        session.execute(delete(ForumMembership).where(ForumMembership.forum_id == forum.id))
        session.delete(forum)
    db.close()

    db = prepare_database(path, demo_on_first_run=False)
    try:
        with db.read() as session:
            forums = session.scalars(select(Forum.slug).where(Forum.slug.like("ccm-%")))
            assert sorted(forums) == ["ccm-msp", "ccm-revcon"]
            meetings = session.scalar(
                select(func.count(Meeting.id))
                .join(Forum, Forum.id == Meeting.forum_id)
                .where(Forum.slug == "ccm-msp")
            )
            assert meetings == 13
            revcon = session.scalar(
                select(func.count(Meeting.id))
                .join(Forum, Forum.id == Meeting.forum_id)
                .where(Forum.slug == "ccm-revcon")
            )
            assert revcon == 3  # the forum that was there is not loaded twice
    finally:
        db.close()
