"""The Security Council and the Conference on Disarmament in the shipped reference data:
the whole Council every year the campaign can look at, and the CD as it grew."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from outreach.services.facts import FactService
from outreach.services.forums import ForumService
from outreach.storage.database import Database
from outreach.storage.models import Seat, State

YEARS = range(1997, 2027)
PERMANENT = {"CHN", "FRA", "GBR", "RUS", "USA"}


def _council_on(reference_db: Database, day: date) -> list[tuple[str, str]]:
    """(iso3, kind) of every Security Council seat held on `day`."""
    with reference_db.read() as session:
        rows = session.execute(
            select(State.iso3, Seat.kind)
            .join(State, State.id == Seat.state_id)
            .where(
                Seat.body == "UNSC",
                Seat.start_on <= day,
                (Seat.end_on.is_(None)) | (Seat.end_on >= day),
            )
        ).all()
    return [(iso3, kind) for iso3, kind in rows]


@pytest.mark.parametrize("year", YEARS)
def test_the_council_has_fifteen_members_on_1_july(reference_db: Database, year: int) -> None:
    seats = _council_on(reference_db, date(year, 7, 1))
    assert len(seats) == 15
    assert len({iso3 for iso3, _ in seats}) == 15
    assert {iso3 for iso3, kind in seats if kind == "permanent"} == PERMANENT
    assert sum(1 for _, kind in seats if kind == "elected") == 10


def test_the_states_page_filter_counts_fifteen_in_every_year(reference_db: Database) -> None:
    facts = FactService(reference_db)
    assert {year: len(set(facts.council_members(year))) for year in YEARS} == dict.fromkeys(
        YEARS, 15
    )


def test_elected_terms_run_two_calendar_years(reference_db: Database) -> None:
    with reference_db.read() as session:
        terms = session.execute(
            select(State.iso3, Seat.start_on, Seat.end_on)
            .join(State, State.id == Seat.state_id)
            .where(Seat.body == "UNSC", Seat.kind == "elected")
        ).all()
    odd = {
        (iso3, start.year, end.year if end else None)
        for iso3, start, end in terms
        if (start.month, start.day) != (1, 1)
        or end is None
        or (end.year, end.month, end.day) != (start.year + 1, 12, 31)
    }
    # Italy and the Netherlands split the 2017-2018 term, a year each.
    assert odd == {("ITA", 2017, 2017), ("NLD", 2018, 2018)}
    assert {start.year for _, start, _ in terms} >= set(range(1996, 2027))


@pytest.mark.parametrize(
    ("year", "joined"),
    [
        (2001, {"BGD", "JAM", "MLI", "TUN", "UKR"}),  # elected for 2000-2001
        (2007, {"BEL", "IDN", "ITA", "PAN", "ZAF"}),  # elected for 2007-2008
        (2014, {"TCD", "CHL", "JOR", "LTU", "NGA"}),  # Jordan in the seat Saudi Arabia declined
        (2026, {"BHR", "COL", "COD", "LVA", "LBR"}),  # elected for 2026-2027
    ],
)
def test_members_whose_terms_began_the_year_before_or_that_year_are_there(
    reference_db: Database, year: int, joined: set[str]
) -> None:
    members = {iso3 for iso3, _ in _council_on(reference_db, date(year, 7, 1))}
    assert joined <= members


# --- the Conference on Disarmament -------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (date(1979, 1, 23), 0),
        (date(1979, 1, 24), 37),  # the 38 of 1996 less Yugoslavia's seat, dated 1996 on purpose
        (date(1996, 6, 16), 37),
        (date(1996, 6, 17), 61),  # 38 members and the 23 admitted that day (DCF/266)
        (date(1999, 8, 4), 61),
        (date(1999, 8, 5), 66),  # five more admitted on 5 August 1999 (DCF/382)
        (date(2004, 7, 1), 66),
    ],
)
def test_the_cd_s_members_on_a_day(reference_db: Database, day: date, count: int) -> None:
    assert len(ForumService(reference_db).members("cd", day)) == count


def test_the_five_admitted_in_1999_joined_on_5_august(reference_db: Database) -> None:
    before = {m.state_iso3 for m in ForumService(reference_db).members("cd", date(1999, 8, 4))}
    after = {m.state_iso3 for m in ForumService(reference_db).members("cd", date(1999, 8, 5))}
    assert after - before == {"ECU", "IRL", "KAZ", "MYS", "TUN"}
    assert {"AUT", "CHE", "ZAF", "PRK", "ISR"} <= before  # among the 23 of June 1996


# The 38 members of June 1996 sat from the Committee on Disarmament's first session (24 Jan
# 1979): no State was admitted between 1979 and 1996. Yugoslavia's seat keeps 1996 (see its row).
FOUNDERS = {
    "ARG", "AUS", "BEL", "BGR", "BRA", "CAN", "CHN", "COD", "CUB", "DEU", "DZA", "EGY", "ETH",
    "FRA", "GBR", "HUN", "IDN", "IND", "IRN", "ITA", "JPN", "KEN", "LKA", "MAR", "MEX", "MMR",
    "MNG", "NGA", "NLD", "PAK", "PER", "POL", "ROU", "RUS", "SWE", "USA", "VEN",
}  # fmt: skip


def test_the_cd_s_members_carry_the_day_they_joined(reference_db: Database) -> None:
    with reference_db.read() as session:
        starts = dict(
            session.execute(
                select(State.iso3, Seat.start_on)
                .join(State, State.id == Seat.state_id)
                .where(Seat.body == "CD")
            ).all()
        )
    assert {iso3 for iso3, start in starts.items() if start == date(1979, 1, 24)} == FOUNDERS
    # the USSR's and the FRG's seats, held on by the Russian Federation and unified Germany
    assert starts["RUS"] == starts["DEU"] == date(1979, 1, 24)
    assert starts["SVK"] == date(1996, 6, 17)  # Czechoslovakia's seat lapsed; admitted anew
    assert starts["AUT"] == starts["ZAF"] == date(1996, 6, 17)
    assert starts["IRL"] == starts["KAZ"] == date(1999, 8, 5)
    assert starts["SRB"] == date(1996, 6, 17)
    founders = {m.state_iso3 for m in ForumService(reference_db).members("cd", date(1979, 1, 24))}
    assert founders == FOUNDERS
