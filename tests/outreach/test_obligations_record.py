"""The record of obligations met (issue 15, item 5): what Landmine Monitor and the ISU
say of each State Party's initial Article 7 report, stockpile destruction (or that it
held none) and mine clearance (its deadline as extended, its completion) reaches the
duties the rules compute, citing the record; the profile and the sheet stop calling a
duty overdue that the record shows met."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from outreach.briefing import PrintOptions, print_states
from outreach.domain.enums import MetPrecision, ObligationKind
from outreach.domain.records import ObligationChange, ObligationRecord
from outreach.reference.obligations_record import RecordedDay, recorded_day
from outreach.services.facts import FactService
from outreach.services.treaties import TreatyService
from outreach.setup import prepare_database
from outreach.storage.database import Database
from tests.conftest import downgrade_file
from tests.outreach.briefing.conftest import page_texts, words

TODAY = date(2026, 12, 2)


def duties(db: Database, iso3: str) -> dict[ObligationKind, ObligationRecord]:
    return {duty.kind: duty for duty in TreatyService(db).obligations(iso3, "APMBC")}


def test_a_record_gives_a_day_a_month_or_a_year() -> None:
    assert recorded_day("2006") == RecordedDay(date(2006, 1, 1), "year")
    assert recorded_day("1997-11") == RecordedDay(date(1997, 11, 1), "month")
    assert recorded_day("2015-09-17") == RecordedDay(date(2015, 9, 17), "day")
    assert recorded_day(" ") is None
    with pytest.raises(ValueError, match="not a date"):
        recorded_day("17 Sep 2015")


def test_the_record_meets_the_duties_it_speaks_of(reference_db: Database) -> None:
    canada = duties(reference_db, "CAN")
    report, stockpile = canada[ObligationKind.ART7_INITIAL], canada[ObligationKind.ART4_STOCKPILE]
    assert report.met_on == date(1999, 8, 27) and report.met_text() == "1999-08-27"
    assert stockpile.met_text() == "1997-11"  # destroyed in November 1997: the month is known
    assert stockpile.met_precision is MetPrecision.MONTH
    assert "Landmine Monitor" in stockpile.source or "ISU" in stockpile.source
    assert not stockpile.overdue_on(TODAY)

    mozambique = duties(reference_db, "MOZ")[ObligationKind.ART5_CLEARANCE]
    assert mozambique.extended_to == date(2014, 12, 31)  # the deadline as extended
    assert mozambique.met_on == date(2015, 9, 17)  # clearance declared complete


def test_what_the_record_shows_unmet_stays_overdue(reference_db: Database) -> None:
    greece = duties(reference_db, "GRC")[ObligationKind.ART4_STOCKPILE]
    assert greece.met_on is None and greece.overdue_on(TODAY)  # its 2008 deadline missed
    assert greece.source.startswith("Computed from entry into force")


def test_a_state_that_held_no_stockpile_never_owed_its_destruction(
    reference_db: Database,
) -> None:
    stockpile = duties(reference_db, "SSD")[ObligationKind.ART4_STOCKPILE]
    assert stockpile.met_precision is MetPrecision.NEVER_AROSE
    assert stockpile.met_text() == "" and not stockpile.overdue_on(TODAY)


def test_a_state_the_record_shows_clearing_has_its_article_5_duty(
    reference_db: Database,
) -> None:
    afghanistan = duties(reference_db, "AFG")
    clearance = afghanistan[ObligationKind.ART5_CLEARANCE]
    assert clearance.due_on == date(2013, 3, 1)  # ten years after entry into force
    assert clearance.extended_to == date(2025, 3, 1)
    assert clearance.met_on is None


def test_an_officer_s_date_is_a_day_and_undo_gives_back_the_record_s_year(
    reference_db: Database,
) -> None:
    treaties = TreatyService(reference_db)
    stockpile = duties(reference_db, "AFG")[ObligationKind.ART4_STOCKPILE]
    assert stockpile.met_text() == "2006"
    typed = treaties.record_obligation(stockpile.id, met_on=date(2006, 5, 2), extended_to=None)
    assert (typed.met_text(), typed.met_precision) == ("2006-05-02", MetPrecision.DAY)
    undone = treaties.record_obligations(
        [
            ObligationChange(
                stockpile.id,
                stockpile.met_on,
                None,
                stockpile.source,
                stockpile.as_of,
                stockpile.met_precision,
            )
        ]
    )
    assert undone[0].met_text() == "2006"


@pytest.mark.file_only
def test_a_file_from_before_the_record_gets_it_when_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "campaign.db"
    prepare_database(path, demo_on_first_run=False, create=True).close()
    downgrade_file(path, "0010")
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(  # the duties as the rules alone computed them
            "UPDATE obligation SET met_on = NULL, extended_to = NULL, "
            "source = 'Computed from entry into force (1999-03-01)'"
        )
    database = prepare_database(path, demo_on_first_run=False)
    try:
        assert database.migrated_from == "0010"
        assert duties(database, "CAN")[ObligationKind.ART4_STOCKPILE].met_text() == "1997-11"
        assert duties(database, "GRC")[ObligationKind.ART4_STOCKPILE].met_on is None
    finally:
        database.close()


def test_the_sheet_says_met_in_the_period_the_record_gives(
    reference_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "sheets.pdf"
    print_states(reference_db, ["CAN", "SSD", "GRC"], out, PrintOptions(), as_of=TODAY)
    text = words(page_texts(out))
    assert "Met in 1997-11" in text  # Canada's stockpile
    assert "Never arose: none held, as declared" in text  # South Sudan's
    assert "OVERDUE" in text  # Greece's stockpile


def test_the_annual_update_is_on_the_sheet_once_the_state_s_reports_are_recorded(
    reference_db: Database, tmp_path: Path
) -> None:
    def annual_row() -> bool:
        out = tmp_path / "ireland.pdf"
        print_states(reference_db, ["IRL"], out, PrintOptions(), as_of=TODAY)
        return "Annual Article 7 update" in words(page_texts(out))

    assert not annual_row()  # nothing recorded of Ireland's reports: nothing to say
    facts = FactService(reference_db)
    facts.add_fact("IRL", "art7_report", source="ISU Article 7 database", as_of=date(2025, 4, 28))
    out = tmp_path / "ireland.pdf"
    print_states(reference_db, ["IRL"], out, PrintOptions(), as_of=TODAY)
    text = words(page_texts(out))
    assert "Annual Article 7 update (by 30 April, covering the year before)" in text
    assert "2026-04-30" in text and "OVERDUE" in text  # 2025's came; 2026's has not
    facts.add_fact("IRL", "art7_report", source="ISU Article 7 database", as_of=date(2026, 4, 29))
    print_states(reference_db, ["IRL"], out, PrintOptions(), as_of=TODAY)
    assert "Met on 2026-04-29" in words(page_texts(out))


@pytest.mark.file_only
def test_a_file_made_before_the_second_treaty_gets_it_when_it_opens(tmp_path: Path) -> None:
    path = tmp_path / "campaign.db"
    prepare_database(path, demo_on_first_run=False, create=True).close()
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(
            "DELETE FROM participation WHERE treaty_id = (SELECT id FROM treaty WHERE code = 'CCM')"
        )
        connection.execute("DELETE FROM treaty WHERE code = 'CCM'")
    database = prepare_database(path, demo_on_first_run=False)
    try:
        treaties = TreatyService(database)
        assert [treaty.code for treaty in treaties.treaties()] == ["APMBC", "CCM"]
        assert treaties.count_parties("CCM", date(2025, 1, 1)) == 112
    finally:
        database.close()
