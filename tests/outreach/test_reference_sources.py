"""Every shipped reference row cites a source. Where public sources give different days,
the row keeps the day most of them give and says that they differ, in its source, which the
profile and the briefing sheet show whole; `outreach check` names a row without a source."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select, update

from outreach.briefing import Marking, PrintOptions, print_states
from outreach.cli.main import cli
from outreach.reference.sources import PLACEHOLDER, SOURCES_DIFFER
from outreach.services.treaties import TreatyService
from outreach.setup import open_database
from outreach.setup.reference import unsourced_rows
from outreach.storage.database import Database
from outreach.storage.models import Seat, State
from tests.outreach.briefing.conftest import page_texts, words

REFERENCE = Path(__file__).resolve().parents[2] / "resources" / "reference"


def _rows(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the shipped files -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "apmbc_participation.csv",
        "apmbc_withdrawals.csv",
        "seats.csv",
        "forum_members.csv",
        "forums.csv",
        "meetings.csv",
    ],
)
def test_every_shipped_reference_row_cites_a_source(name: str) -> None:
    rows = _rows(name)
    assert rows
    unsourced = [row for row in rows if not row["source"].strip() or PLACEHOLDER in row["source"]]
    assert unsourced == []
    if "as_of" in rows[0]:
        assert [row for row in rows if not row["as_of"]] == []
        assert max(date.fromisoformat(row["as_of"]) for row in rows) <= date.today()


# --- days the sources disagree on ----------------------------------------------------------


@pytest.mark.parametrize(
    ("iso3", "field", "kept", "doubt"),
    [
        ("SWE", "signed_on", date(1997, 12, 3), "signature 3 or 4 Dec 1997"),
        ("SWE", "consent_on", date(1998, 11, 30), "ratification 25 or 30 Nov 1998"),
        ("LTU", "signed_on", date(1999, 2, 26), "signature 22 or 26 Feb 1999"),
        ("SWZ", "consent_on", date(1998, 12, 22), "ratification 22 or 23 Dec 1998"),
        ("KHM", "consent_on", date(1999, 7, 28), "ratification 18 or 28 Jul 1999"),
        ("TLS", "consent_on", date(2003, 5, 7), "accession 4 or 7 May 2003"),
        ("KWT", "consent_on", date(2007, 7, 30), "accession 30 or 31 Jul 2007"),
        ("PLW", "consent_on", date(2007, 11, 18), "accession 18 or 19 Nov 2007"),
        ("TON", "consent_on", date(2025, 6, 25), "accession 25 or 26 Jun 2025"),
    ],
)
def test_a_day_sources_disagree_on_keeps_one_value_and_says_so(
    reference_db: Database, iso3: str, field: str, kept: date, doubt: str
) -> None:
    participation = TreatyService(reference_db).participation(iso3, "APMBC")
    assert participation is not None
    assert getattr(participation, field) == kept
    cited, marker, doubts = participation.source.partition(SOURCES_DIFFER)
    assert marker and cited.strip()
    assert doubt in doubts


def test_a_withdrawal_s_source_comes_before_the_doubt(reference_db: Database) -> None:
    lithuania = TreatyService(reference_db).participation("LTU", "APMBC")
    assert lithuania is not None
    assert lithuania.withdrawal_notified_on == date(2025, 6, 27)
    cited, _, doubt = lithuania.source.partition(SOURCES_DIFFER)
    assert "withdrawal: " in cited
    assert doubt == "signature 22 or 26 Feb 1999"


def test_a_row_the_sources_agree_on_says_nothing_of_a_doubt(reference_db: Database) -> None:
    canada = TreatyService(reference_db).participation("CAN", "APMBC")
    assert canada is not None
    assert canada.source.strip()
    assert SOURCES_DIFFER not in canada.source


def test_the_briefing_sheet_prints_the_doubt(reference_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "sweden.pdf"
    options = PrintOptions(marking=Marking.PROTECTED_B, officer="Officer Example")
    print_states(reference_db, ["SWE"], out, options, as_of=date(2004, 11, 29))
    text = words(page_texts(out))
    assert "1997-12-03" in text
    assert "sources differ: signature 3 or 4 Dec 1997; ratification 25 or 30 Nov 1998" in text


# --- `outreach check` ----------------------------------------------------------------------


def test_no_reference_row_lacks_a_source_once_loaded(reference_db: Database) -> None:
    assert unsourced_rows(reference_db) == []


def test_rows_without_a_source_are_named_on_each_backend(reference_db: Database) -> None:
    TreatyService(reference_db).record_participation("USA", "APMBC", signed_on=None)
    with reference_db.write() as session:
        usa = session.scalars(select(State.id).where(State.iso3 == "USA")).one()
        session.execute(
            update(Seat).where(Seat.state_id == usa, Seat.body == "UNSC").values(source="  ")
        )
        session.execute(
            update(Seat)
            .where(Seat.body == "CD", Seat.start_on == date(1999, 8, 5))
            .values(source=f"{PLACEHOLDER} (recalled)")
        )
    problems = unsourced_rows(reference_db)
    assert "No source for the participation of United States in the APMBC." in problems
    seat = "No source for the seat of United States on the UN Security Council from 1945-10-24."
    assert seat in problems
    placeholders = [line for line in problems if PLACEHOLDER in line]
    assert len(placeholders) == 5  # the five admitted to the CD on 5 August 1999
    ireland = "No source for the seat of Ireland on the Conference on Disarmament from 1999-08-05"
    assert any(line.startswith(ireland) for line in placeholders)
    assert len(problems) == 7


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_check_fails_and_names_a_participation_recorded_without_a_source(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outreach.db"
    assert _run("--db", str(path), "init").exit_code == 0
    assert _run("--db", str(path), "check").exit_code == 0
    db = open_database(path, actor="test-officer")
    try:
        TreatyService(db).record_participation("IND", "APMBC", signed_on=None)
    finally:
        db.close()
    result = _run("--db", str(path), "check")
    assert result.exit_code != 0
    assert "No source for the participation of India in the APMBC." in result.stderr
    assert "1 problem(s) found" in result.stderr
