"""Treaty status from the UN Treaty Collection's status table.

Two tables written for these tests, in the two shapes officers bring: a CSV saved from a
spreadsheet with the long header (tests/outreach/io/fixtures/untc_apmbc_long.csv), and
the web page pasted as tab-separated text with the short header, a title line above it,
non-breaking spaces, a typographic apostrophe and an unreadable date
(untc_apmbc_pasted.txt). Between them: footnotes glued to names ("Denmark3",
"Netherlands (Kingdom of the)5, 6") and to a date ("23 Oct 2006 d4"); every suffix (a,
A, AA, d and none; the AA row is invented, no state approved the APMBC); the UN's names
for Bolivia, Côte d'Ivoire, the DR Congo, Türkiye, the State of Palestine, the Holy See
and the United Kingdom; a name that matches nothing ("Republic of Atlantis"); a state
whose withdrawal is recorded in the app (Estonia) and one that is not listed (Poland).
A third test builds the whole table from the shipped reference data.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from outreach.domain.enums import ConsentKind, TreatyStatus
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.io.untc_import import (
    ChangeKind,
    apply_untc_import,
    plan_untc_file,
    revert_untc_import,
)
from outreach.io.untc_table import parse_cell, parse_untc_table, strip_footnotes
from outreach.services.history import HistoryService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database
from outreach.storage.models import AuditEntry, Obligation, Participation

FIXTURES = Path(__file__).parent / "fixtures"
LONG = FIXTURES / "untc_apmbc_long.csv"
PASTED = FIXTURES / "untc_apmbc_pasted.txt"
TODAY = date(2026, 11, 22)


@pytest.fixture
def campaign(reference_db: Database) -> Database:
    """The reference states and treaty; APMBC participations only for a few states."""
    with reference_db.write() as session:
        session.execute(delete(Obligation))
        session.execute(delete(Participation))
    treaties = TreatyService(reference_db)
    # Denmark: in Outreach with a wrong consent date.
    treaties.record_participation(
        "DNK", "APMBC", signed_on=date(1997, 12, 4), consent_on=date(1998, 6, 9),
        consent_kind="ratification",
    )  # fmt: skip
    # Estonia: listed as in Outreach, with a withdrawal recorded here.
    treaties.record_participation(
        "EST", "APMBC", consent_on=date(2004, 5, 12), consent_kind="accession"
    )
    treaties.notify_withdrawal("EST", "APMBC", date(2025, 6, 27), source="MFA statement")
    # Poland: withdrawal recorded, not listed in the table.
    treaties.record_participation(
        "POL", "APMBC", signed_on=date(1997, 12, 4), consent_on=date(2012, 12, 27),
        consent_kind="ratification",
    )  # fmt: skip
    treaties.notify_withdrawal("POL", "APMBC", date(2025, 8, 20))
    # Canada: a party in Outreach, absent from the table.
    treaties.record_participation(
        "CAN", "APMBC", signed_on=date(1997, 12, 3), consent_on=date(1997, 12, 3),
        consent_kind="ratification",
    )  # fmt: skip
    return reference_db


def by_state(db: Database, changes: tuple[object, ...]) -> dict[str, object]:
    states = StateService(db)
    return {states.get(change.state_id).iso3: change for change in changes}  # type: ignore[attr-defined]


# --- reading cells and names --------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("3 Dec 1997", (date(1997, 12, 3), "")),
        ("11 Sep 2002 a", (date(2002, 9, 11), "a")),
        ("30 Sep 1998 A", (date(1998, 9, 30), "A")),
        ("6 Apr 1998 AA", (date(1998, 4, 6), "AA")),
        ("23 Oct 2006 d", (date(2006, 10, 23), "d")),
        ("23 Oct 2006 d4", (date(2006, 10, 23), "d")),  # a footnote after the suffix
        ("12 Apr 1999 5, 6", (date(1999, 4, 12), "")),  # footnotes after a date
        ("\xa03\xa0Dec\xa01997\xa0", (date(1997, 12, 3), "")),  # pasted from the web
        ("3 December 1997", (date(1997, 12, 3), "")),
        ("4 Sept. 1997", (date(1997, 9, 4), "")),
        ("", None),
        ("\xa0", None),
    ],
)
def test_date_cells(cell: str, expected: tuple[date, str] | None) -> None:
    assert parse_cell(cell) == expected


@pytest.mark.parametrize("cell", ["10 Jun 19x8", "31 Feb 1999", "3 Dez 1997", "soon", "1998-06-10"])
def test_unreadable_date_cells_say_why(cell: str) -> None:
    with pytest.raises(ValueError, match=cell.split()[0]):
        parse_cell(cell)


@pytest.mark.parametrize(
    ("listed", "name"),
    [
        ("Denmark3", "Denmark"),
        ("Netherlands (Kingdom of the)5, 6", "Netherlands (Kingdom of the)"),
        ("United Kingdom of Great Britain and Northern Ireland7",
         "United Kingdom of Great Britain and Northern Ireland"),
        ("Montenegro 4", "Montenegro"),
        ("Türkiye", "Türkiye"),
        ("\xa0Holy See\xa0", "Holy See"),
    ],
)  # fmt: skip
def test_footnotes_come_off_names(listed: str, name: str) -> None:
    assert strip_footnotes(listed) == name


def test_both_headers_and_both_separators_are_read() -> None:
    long = parse_untc_table(LONG.read_text(encoding="utf-8"))
    pasted = parse_untc_table(PASTED.read_text(encoding="utf-8"))
    assert len(long.rows) == 16 and long.problems == ()
    assert [row.name for row in pasted.rows][:3] == [
        "Afghanistan",
        "Bolivia (Plurinational State of)",
        "Côte d’Ivoire",
    ]
    assert pasted.problems == ("line 8: Fiji: '10 Jun 19x8' is not a date like 3 Dec 1997",)
    kinds = {row.name: row.consent_kind for row in long.rows}
    assert kinds["Afghanistan"] == ConsentKind.ACCESSION
    assert kinds["Japan"] == ConsentKind.ACCEPTANCE
    assert kinds["Hungary"] == ConsentKind.APPROVAL
    assert kinds["Montenegro"] == ConsentKind.SUCCESSION
    assert kinds["Denmark"] == ConsentKind.RATIFICATION


def test_a_table_without_its_headers_is_refused_clearly() -> None:
    with pytest.raises(ValidationError, match="Participant"):
        parse_untc_table("Afghanistan,,11 Sep 2002 a\n")
    with pytest.raises(ValidationError, match="Ratification, Accession"):
        parse_untc_table("Participant,Signature\nAfghanistan,\n")


# --- planning -----------------------------------------------------------------------------


def test_the_plan_shows_new_changed_not_listed_and_unmatched(campaign: Database) -> None:
    plan = plan_untc_file(campaign, LONG, "APMBC", as_of=TODAY)
    new = by_state(campaign, plan.new)
    changed = by_state(campaign, plan.changed)
    leaving = by_state(campaign, plan.not_listed)
    assert set(new) == {
        "AFG", "BOL", "CIV", "COD", "VAT", "HUN", "JPN", "MHL", "MNE", "NLD", "PSE", "TUR",
        "GBR",
    }  # fmt: skip
    assert set(changed) == {"DNK"}
    assert changed["DNK"].consent_before == date(1998, 6, 9)  # type: ignore[attr-defined]
    assert changed["DNK"].consent_on == date(1998, 6, 8)  # type: ignore[attr-defined]
    assert set(leaving) == {"CAN"}
    assert plan.withdrawals_kept == ("Poland",)
    assert plan.unchanged == 1  # Estonia
    assert [(u.line, u.listed_name) for u in plan.unmatched] == [(14, "Republic of Atlantis")]
    # Entry into force by the treaty's rule (Art. 17): the treaty's own date for early
    # instruments, else the first day of the sixth month after the deposit.
    assert new["GBR"].in_force_on == date(1999, 3, 1)  # type: ignore[attr-defined]
    assert new["TUR"].in_force_on == date(2004, 3, 1)  # type: ignore[attr-defined]
    assert new["MHL"].in_force_on == date(2025, 9, 1)  # type: ignore[attr-defined]
    assert new["NLD"].listed_name == "Netherlands (Kingdom of the)5, 6"  # type: ignore[attr-defined]


def test_a_change_says_how_the_table_names_a_state_only_when_it_differs(
    campaign: Database,
) -> None:
    plan = plan_untc_file(campaign, LONG, "APMBC")
    changes = by_state(campaign, plan.changes)
    assert changes["BOL"].listed_as == "Bolivia (Plurinational State of)"  # type: ignore[attr-defined]
    assert changes["DNK"].listed_as == "Denmark3"  # type: ignore[attr-defined]
    same = [c for c in plan.changes if fold(c.listed_name) == fold(c.state_name)]
    assert same and all(change.listed_as == "" for change in same)


def test_planning_changes_nothing(campaign: Database) -> None:
    with campaign.read() as session:
        before = session.scalar(select(func.count(AuditEntry.id)))
    plan_untc_file(campaign, LONG, "APMBC")
    with campaign.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == before


# --- applying -----------------------------------------------------------------------------


def test_applying_records_every_rule_in_one_go(campaign: Database) -> None:
    plan = plan_untc_file(campaign, LONG, "APMBC", as_of=TODAY)
    outcome = apply_untc_import(campaign, plan)
    assert outcome.applied == len(plan.changes) == 15
    treaties = TreatyService(campaign)

    def status(iso3: str) -> TreatyStatus:
        participation = treaties.participation(iso3, "APMBC")
        return participation.status_on(TODAY) if participation else TreatyStatus.OUTSIDE

    afghanistan = treaties.participation("AFG", "APMBC")
    assert afghanistan is not None
    assert (afghanistan.signed_on, afghanistan.consent_on) == (None, date(2002, 9, 11))
    assert afghanistan.consent_kind == ConsentKind.ACCESSION
    assert afghanistan.in_force_on == date(2003, 3, 1)
    assert afghanistan.source == "UN Treaty Collection status table (untc_apmbc_long.csv)"
    assert afghanistan.as_of == TODAY
    assert treaties.obligations("AFG", "APMBC")  # computed from entry into force
    japan = treaties.participation("JPN", "APMBC")
    assert japan is not None and japan.consent_kind == ConsentKind.ACCEPTANCE
    montenegro = treaties.participation("MNE", "APMBC")
    assert montenegro is not None and montenegro.consent_kind == ConsentKind.SUCCESSION
    denmark = treaties.participation("DNK", "APMBC")
    assert denmark is not None and denmark.consent_on == date(1998, 6, 8)
    for iso3 in ("BOL", "CIV", "COD", "VAT", "NLD", "PSE", "TUR", "GBR", "MHL"):
        assert status(iso3) == TreatyStatus.PARTY, iso3
    # Not listed: outside the treaty, its duties gone.
    assert status("CAN") == TreatyStatus.OUTSIDE
    assert treaties.obligations("CAN", "APMBC") == []
    # Withdrawals recorded in Outreach stay, listed or not.
    estonia = treaties.participation("EST", "APMBC")
    assert estonia is not None and estonia.withdrawal_notified_on == date(2025, 6, 27)
    assert status("EST") == TreatyStatus.WITHDRAWN
    poland = treaties.participation("POL", "APMBC")
    assert poland is not None and poland.consent_on == date(2012, 12, 27)
    assert poland.withdrawal_notified_on == date(2025, 8, 20)
    # Each change is in the audit trail.
    history = HistoryService(campaign).for_state("DNK")
    assert any(
        entry.entity == "participation" and "consent_on" in entry.changes for entry in history
    )


def test_the_pasted_table_imports_what_it_can_read(campaign: Database) -> None:
    plan = plan_untc_file(campaign, PASTED, "APMBC", as_of=TODAY)
    assert {u.listed_name for u in plan.unmatched} == {"Republic of Atlantis"}
    assert len(plan.problems) == 1 and "Fiji" in plan.problems[0]
    changes = by_state(campaign, plan.changes)
    assert "FJI" not in changes  # unreadable: neither recorded nor "no longer listed"
    assert changes["CIV"].kind == ChangeKind.NEW  # type: ignore[attr-defined]
    assert changes["SSD"].consent_kind == ConsentKind.SUCCESSION  # type: ignore[attr-defined]
    apply_untc_import(campaign, plan)
    assert TreatyService(campaign).participation("SSD", "APMBC") is not None


def test_a_stale_plan_is_refused_whole(campaign: Database) -> None:
    plan = plan_untc_file(campaign, LONG, "APMBC")
    TreatyService(campaign).record_participation(
        "JPN", "APMBC", signed_on=date(1997, 12, 3), consent_on=date(1998, 9, 30),
        consent_kind="acceptance",
    )  # fmt: skip
    with campaign.read() as session:
        audit_before = session.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(ValidationError, match="changed since the preview"):
        apply_untc_import(campaign, plan)
    assert TreatyService(campaign).participation("AFG", "APMBC") is None  # nothing went in
    with campaign.read() as session:
        assert session.scalar(select(func.count(AuditEntry.id))) == audit_before


def snapshot(db: Database) -> dict[str, object]:
    """Every participation (dates, source) and obligation, by state."""
    treaties, states = TreatyService(db), StateService(db)
    with db.read() as session:
        ids = list(session.scalars(select(Participation.state_id)))
    return {
        states.get(state_id).iso3: (
            treaties.participation(state_id, "APMBC"),
            treaties.obligations(state_id, "APMBC"),
        )
        for state_id in ids
    }


def test_an_import_can_be_put_back_as_it_was(campaign: Database) -> None:
    treaties = TreatyService(campaign)
    (canada_report, *_rest) = treaties.obligations("CAN", "APMBC")
    treaties.record_obligation(canada_report.id, met_on=date(1999, 8, 27), extended_to=None)
    before = snapshot(campaign)
    plan = plan_untc_file(campaign, LONG, "APMBC")
    apply_untc_import(campaign, plan)
    assert treaties.participation("CAN", "APMBC").consent_on is None  # type: ignore[union-attr]

    revert_untc_import(campaign, plan)
    after = snapshot(campaign)
    # a new participation is put back to no dates (the row stays, as outside the treaty)
    for iso3 in set(after) - set(before):
        participation, obligations = after[iso3]  # type: ignore[misc]
        assert participation.status_on(TODAY) is TreatyStatus.OUTSIDE and obligations == []
        del after[iso3]
    assert without_ids(after) == without_ids(before)
    assert after["CAN"][1][0].met_on == date(1999, 8, 27)  # type: ignore[index]

    apply_untc_import(campaign, plan)  # redo: the plan applies again
    assert treaties.participation("CAN", "APMBC").consent_on is None  # type: ignore[union-attr]


def without_ids(states: dict[str, object]) -> dict[str, object]:
    """A snapshot with the obligations' ids left out (recomputed duties get new ids)."""

    def plain(value: object) -> object:
        participation, obligations = value  # type: ignore[misc]
        return participation, [
            (o.kind, o.due_on, o.extended_to, o.met_on, o.source, o.as_of) for o in obligations
        ]

    return {iso3: plain(value) for iso3, value in states.items()}


def test_putting_back_is_refused_once_a_state_changed_again(campaign: Database) -> None:
    plan = plan_untc_file(campaign, LONG, "APMBC")
    apply_untc_import(campaign, plan)
    TreatyService(campaign).record_participation(
        "DNK", "APMBC", signed_on=date(1997, 12, 4), consent_on=date(1998, 6, 10),
        consent_kind="ratification",
    )  # fmt: skip
    imported = snapshot(campaign)
    with pytest.raises(ValidationError, match="Denmark's participation changed since the import"):
        revert_untc_import(campaign, plan)
    assert snapshot(campaign) == imported


def test_importing_the_same_table_again_changes_nothing(campaign: Database) -> None:
    apply_untc_import(campaign, plan_untc_file(campaign, LONG, "APMBC"))
    again = plan_untc_file(campaign, LONG, "APMBC")
    assert again.changes == ()
    assert again.unchanged == 15


def untc_date(day: str) -> str:
    if not day:
        return ""
    value = date.fromisoformat(day)
    return f"{value.day} {value.strftime('%b')} {value.year}"


SUFFIX = {"ratification": "", "accession": " a", "acceptance": " A", "approval": " AA",
          "succession": " d"}  # fmt: skip


def full_status_table(folder: Path, code: str = "APMBC") -> tuple[Path, list[dict[str, str]]]:
    """The whole status table of treaty `code` in the UNTC's shape, from the shipped
    reference data, with footnote numbers on a few names."""
    shipped = f"{code.lower()}_participation.csv"
    reference = Path(__file__).parents[3] / "resources" / "reference" / shipped
    with reference.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    lines = ["Participant\tSignature\tRatification, Acceptance(A), Approval(AA), "
             "Accession(a), Succession(d)"]  # fmt: skip
    for number, row in enumerate(rows):
        footnote = str(number % 9 + 1) if number % 5 == 0 else ""
        consent = untc_date(row["consent_on"])
        if consent:
            consent += SUFFIX[row["consent_kind"]]
        lines.append(f"{row['participant']}{footnote}\t{untc_date(row['signed_on'])}\t{consent}")
    path = folder / "status.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, rows


def test_the_whole_table_gives_every_state_its_status(campaign: Database, tmp_path: Path) -> None:
    path, rows = full_status_table(tmp_path)
    plan = plan_untc_file(campaign, path, "APMBC")
    assert plan.unmatched == () and plan.problems == ()
    apply_untc_import(campaign, plan)
    treaties = TreatyService(campaign)
    for row in rows:
        participation = treaties.participation(row["iso3"], "APMBC")
        assert participation is not None, row["participant"]
        assert participation.signed_on == (
            date.fromisoformat(row["signed_on"]) if row["signed_on"] else None
        )
        assert participation.consent_on == (
            date.fromisoformat(row["consent_on"]) if row["consent_on"] else None
        )
        if row["consent_kind"]:
            assert participation.consent_kind == ConsentKind(row["consent_kind"])


def test_the_cluster_munitions_table_imports_as_the_treaty_chosen(
    campaign: Database, tmp_path: Path
) -> None:
    """The import is the second treaty's too: its own table, its own rule of entry into
    force (the first thirty on 1 Aug 2010)."""
    path, rows = full_status_table(tmp_path, "CCM")
    apmbc_before = TreatyService(campaign).participation("CAN", "APMBC")
    plan = plan_untc_file(campaign, path, "CCM")
    assert plan.unmatched == () and plan.problems == ()
    # every row that gives a date (six signatories' days are not in the sources read)
    assert len(plan.changes) == sum(bool(row["signed_on"] or row["consent_on"]) for row in rows)
    apply_untc_import(campaign, plan)
    treaties = TreatyService(campaign)
    norway = treaties.participation("NOR", "CCM")
    assert norway is not None and norway.in_force_on == date(2010, 8, 1)
    canada = treaties.participation("CAN", "CCM")
    assert canada is not None and canada.in_force_on == date(2015, 9, 1)
    assert treaties.participation("CAN", "APMBC") == apmbc_before  # the other untouched
    assert treaties.count_parties("CCM", date(2025, 1, 1)) == 112
