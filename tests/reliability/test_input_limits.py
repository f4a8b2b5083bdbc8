"""What people type is bounded and is text (issue 11, findings 1, 2, 10 and 11, input side).

Every text a service accepts has a limit from `outreach.domain.limits` (a 20,001-character
note is refused with a message, and nothing is written), holds only valid text (a lone
surrogate from undecodable command-line bytes, a NUL: refused, not a crash), every date
lies between 1900 and 2200, and a bilateral cannot be logged as done on a day outside
its meeting.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import String

from outreach.cli.main import cli
from outreach.domain import limits
from outreach.domain.limits import TextField
from outreach.errors import ValidationError
from outreach.services.categories import CategoryService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.facts import FactService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.models import Base
from tests.conftest import audit_rows, database_file

NAIROBI = "Nairobi Summit"  # the First Review Conference, 2004-11-29 to 2004-12-03
#: what Python makes of the bytes of `$'Caf\xe9'` (Latin-1, not UTF-8) in a command's argv
UNDECODABLE = os.fsdecode(b"Caf\xe9")

Write = Callable[[str], object]


def nairobi_id(db: Database) -> int:
    return ForumService(db).find_meetings(NAIROBI)[0].id


# --- one writer per text field: given the database, a call that saves a text there ------


def _state_notes(db: Database) -> Write:
    return lambda text: StateService(db).update_profile("KHM", notes=text)


def _state_points(db: Database) -> Write:
    return lambda text: StateService(db).update_profile("KHM", talking_points=text)


def _alias(db: Database) -> Write:
    return lambda text: StateService(db).add_alias("KHM", text)


def _log_details(db: Database) -> Write:
    return lambda text: ContactLogService(db).log(
        "2004-11-30", "meeting", "Met the delegation", details=text, states=["KHM"]
    )


def _log_summary(db: Database) -> Write:
    return lambda text: ContactLogService(db).log("2004-11-30", "call", text, states=["KHM"])


def _log_officer(db: Database) -> Write:
    entry = ContactLogService(db).log("2004-11-30", "call", "Called", states=["KHM"])
    return lambda text: ContactLogService(db).update(entry.id, officer=text)


def _demarche_points(db: Database) -> Write:
    return lambda text: DemarcheService(db).create(
        "PAK", "Ratify", "ratify", "note_verbale", "ambassador", talking_points=text
    )


def _demarche_response(db: Database) -> Write:
    demarche = DemarcheService(db).create("PAK", "Ratify", "ratify", "note_verbale", "ambassador")
    return lambda text: DemarcheService(db).update(demarche.id, response=text)


def _demarche_reason(db: Database) -> Write:
    demarche = DemarcheService(db).create("PAK", "Ratify", "ratify", "note_verbale", "ambassador")
    return lambda text: DemarcheService(db).move(demarche.id, "cancelled", reason=text)


def _contact_notes(db: Database) -> Write:
    return lambda text: ContactService(db).create("Ejemplo", notes=text)


def _contact_family_name(db: Database) -> Write:
    return lambda text: ContactService(db).create(text)


def _contact_email(db: Database) -> Write:
    contact = ContactService(db).create("Ejemplo")
    return lambda text: ContactService(db).update(contact.id, email=text)


def _organization_notes(db: Database) -> Write:
    return lambda text: OrganizationService(db).create("Ministry", notes=text)


def _category_description(db: Database) -> Write:
    return lambda text: CategoryService(db).create("Producers", description=text)


def _rationale(db: Database) -> Write:
    CategoryService(db).create("Producers", slug="producers")
    return lambda text: CategoryService(db).assign("producers", "PAK", text)


def _fact_detail(db: Database) -> Write:
    return lambda text: FactService(db).add_fact(
        "PAK", "stockpile", source="Landmine Monitor", as_of=date(2004, 7, 31), detail=text
    )


def _membership_source(db: Database) -> Write:
    return lambda text: ForumService(db).add_member("msp", "PAK", since="2005-01-01", source=text)


def _forum_notes(db: Database) -> Write:
    return lambda text: ForumService(db).create_forum("ottawa-process", "Ottawa", notes=text)


def _meeting_notes(db: Database) -> Write:
    meeting = nairobi_id(db)
    return lambda text: ForumService(db).update_meeting(meeting, notes=text)


def _intervention_outcome(db: Database) -> Write:
    meeting = nairobi_id(db)
    return lambda text: InterventionService(db).plan(meeting, "statement", "Opening", outcome=text)


def _obligation_source(db: Database) -> Write:
    duty = TreatyService(db).obligations("KHM", "APMBC")[0]
    return lambda text: TreatyService(db).record_obligation(
        duty.id, met_on=None, extended_to=None, source=text, as_of=date(2004, 1, 1)
    )


WRITERS: dict[str, tuple[Callable[[Database], Write], TextField]] = {
    "state notes": (_state_notes, limits.NOTES),
    "state talking points": (_state_points, limits.TALKING_POINTS),
    "alias": (_alias, limits.ALIAS),
    "log details": (_log_details, limits.DETAILS),
    "log summary": (_log_summary, limits.SUMMARY),
    "log officer": (_log_officer, limits.OFFICER),
    "démarche talking points": (_demarche_points, limits.TALKING_POINTS),
    "démarche response": (_demarche_response, limits.RESPONSE),
    "démarche reason": (_demarche_reason, limits.REASON),
    "contact notes": (_contact_notes, limits.NOTES),
    "contact family name": (_contact_family_name, limits.FAMILY_NAME),
    "contact e-mail": (_contact_email, limits.EMAIL),
    "organization notes": (_organization_notes, limits.NOTES),
    "category description": (_category_description, limits.DESCRIPTION),
    "rationale": (_rationale, limits.RATIONALE),
    "fact detail": (_fact_detail, limits.FACT_DETAIL),
    "membership source": (_membership_source, limits.SOURCE),
    "forum notes": (_forum_notes, limits.NOTES),
    "meeting notes": (_meeting_notes, limits.NOTES),
    "intervention outcome": (_intervention_outcome, limits.OUTCOME),
    "obligation source": (_obligation_source, limits.SOURCE),
}
#: fields whose value must have a certain form, so that "x" * n is not a value
FORMED = {"contact e-mail"}


#: undecodable argv bytes, NUL, a bell, the C1 escape that starts a terminal sequence
NOT_TEXT = [UNDECODABLE, "Caf\x00e", "bell\x07", "csi\x9b2J"]


@pytest.mark.parametrize("name", WRITERS)
def test_a_text_too_long_or_not_text_is_refused_and_nothing_written(
    reference_db: Database, name: str
) -> None:
    setup, field = WRITERS[name]
    write = setup(reference_db)
    before = audit_rows(reference_db)

    with pytest.raises(ValidationError) as too_long:
        write("x" * (field.max_length + 1))
    not_text = []
    for bad in NOT_TEXT:
        with pytest.raises(ValidationError) as refused:
            write(bad)
        not_text.append(str(refused.value))

    verb, contains = ("are", "contain") if field.plural else ("is", "contains")
    assert str(too_long.value) == (
        f"The {field.label} {verb} longer than {field.max_length:,} characters."
    )
    assert too_long.value.field == field.key
    assert set(not_text) == {f"The {field.label} {contains} characters that are not valid text."}
    assert audit_rows(reference_db) == before
    if name not in FORMED:  # the limit itself is allowed, and saved whole
        write("x" * field.max_length)
        assert audit_rows(reference_db) > before


def test_the_notes_message_reads_as_the_issue_asks(reference_db: Database) -> None:
    with pytest.raises(ValidationError, match=r"^The notes are longer than 20,000 characters\.$"):
        StateService(reference_db).update_profile("KHM", notes="n" * 20_001)
    assert StateService(reference_db).get("KHM").notes == ""


def test_tabs_and_line_breaks_are_ordinary_text(reference_db: Database) -> None:
    notes = "Line one\r\n\tindented line two\nline three"
    assert StateService(reference_db).update_profile("KHM", notes=notes).notes == notes


def test_a_contacts_phone_and_languages_are_checked_as_text_first(
    reference_db: Database,
) -> None:
    contacts = ContactService(reference_db)
    with pytest.raises(ValidationError, match=r"^The phone number contains characters"):
        contacts.create("Ejemplo", phone="+855 23\udce9")
    with pytest.raises(ValidationError, match=r"^The languages contain characters that are not"):
        contacts.create("Ejemplo", languages=f"en {UNDECODABLE}")
    with pytest.raises(ValidationError, match=r"^The phone number is longer than 50"):
        contacts.create("Ejemplo", phone="+1" + " 2" * 30)


def test_a_category_slug_or_colour_too_long_for_its_column_is_refused(
    reference_db: Database,
) -> None:
    categories = CategoryService(reference_db)
    # a 120-character name made a 120-character slug, for a 60-character column
    with pytest.raises(ValidationError, match="short name is longer than 60 characters"):
        categories.create("Mine-affected states " * 5)
    # "$" let a trailing line break through, an eighth character in a colour's seven
    with pytest.raises(ValidationError, match="is not a colour like #1f77b4"):
        categories.create("Producers", colour="#1f77b4\n")
    assert categories.all() == []


# --- one definition: the models and the dialogs read the same limits ----------------------


def test_every_limited_column_holds_its_whole_limit() -> None:
    """A value the service lets through must fit the column on a server (VARCHAR(n))."""
    limited = 0
    for table in Base.metadata.tables.values():
        for column in table.columns:
            most = column.info.get("max_length")
            if most is None:
                continue
            limited += 1
            if isinstance(column.type, String) and column.type.length is not None:
                assert most <= column.type.length, f"{table.name}.{column.name}"
    assert limited >= 30


def test_the_columns_people_type_in_carry_their_limit() -> None:
    columns = {
        f"{table.name}.{column.name}": column.info.get("max_length")
        for table in Base.metadata.tables.values()
        for column in table.columns
    }
    assert columns["state.notes"] == limits.NOTES.max_length == 20_000
    assert columns["log_entry.details"] == limits.DETAILS.max_length
    assert columns["demarche.talking_points"] == limits.TALKING_POINTS.max_length
    assert columns["intervention.outcome"] == limits.OUTCOME.max_length
    assert columns["contact.email"] == limits.EMAIL.max_length == 254
    assert columns["log_entry.summary"] == limits.SUMMARY.max_length
    assert columns["fact.source"] == limits.SOURCE.max_length


# --- dates: 1900 to 2200 -------------------------------------------------------------------


def _log_follow_up(db: Database) -> Callable[[object], object]:
    return lambda day: ContactLogService(db).log(
        "2004-11-30", "call", "Called", states=["KHM"], follow_up_on=day
    )


def _demarche_due(db: Database) -> Callable[[object], object]:
    return lambda day: DemarcheService(db).create(
        "PAK", "Ratify", "ratify", "note_verbale", "ambassador", due_on=day
    )


def _meeting_end(db: Database) -> Callable[[object], object]:
    return lambda day: ForumService(db).create_meeting(
        "msp", "Far meeting", starts_on="2004-11-29", ends_on=day
    )


def _fact_as_of(db: Database) -> Callable[[object], object]:
    return lambda day: FactService(db).add_fact(
        "PAK", "producer", source="Landmine Monitor", as_of=day
    )


def _consent(db: Database) -> Callable[[object], object]:
    return lambda day: TreatyService(db).record_participation(
        "PAK", "APMBC", consent_on=day, consent_kind="accession"
    )


def _extension(db: Database) -> Callable[[object], object]:
    duty = TreatyService(db).obligations("KHM", "APMBC")[-1]
    return lambda day: TreatyService(db).record_obligation(duty.id, met_on=None, extended_to=day)


def _assigned_on(db: Database) -> Callable[[object], object]:
    CategoryService(db).create("Producers", slug="producers")
    return lambda day: CategoryService(db).assign("producers", "PAK", "Producer", on=day)


#: services that take ISO text or a date object, and those that take a date object only
DATED = {
    "follow-up": (_log_follow_up, True),
    "due date": (_demarche_due, True),
    "meeting end": (_meeting_end, True),
    "category date": (_assigned_on, True),
    "fact date": (_fact_as_of, False),
    "consent": (_consent, False),
    "extension": (_extension, False),
}
FAR_DAYS = [date(9999, 12, 31), "9999-12-31", date(1899, 12, 31), "1899-12-31"]


@pytest.mark.parametrize("name", DATED)
def test_a_date_outside_1900_to_2200_is_refused_and_nothing_written(
    reference_db: Database, name: str
) -> None:
    setup, takes_text = DATED[name]
    write = setup(reference_db)
    before = audit_rows(reference_db)

    for day in FAR_DAYS:
        if isinstance(day, str) and not takes_text:
            continue
        with pytest.raises(ValidationError, match=r"out of range; give a date from 1900 to 2200"):
            write(day)

    assert audit_rows(reference_db) == before


def test_the_range_includes_its_ends(reference_db: Database) -> None:
    log = ContactLogService(reference_db)
    entry = log.log("1900-01-01", "call", "Called", states=["KHM"], follow_up_on="2200-12-31")
    assert (entry.occurred_on, entry.follow_up_on) == (date(1900, 1, 1), date(2200, 12, 31))


# --- completing a bilateral on a day outside its meeting ---------------------------------


def test_a_bilateral_cannot_be_done_on_a_day_outside_its_meeting(reference_db: Database) -> None:
    interventions = InterventionService(reference_db)
    bilateral = interventions.plan(
        nairobi_id(reference_db), "bilateral", "Bilateral with Pakistan", targets=["PAK"]
    )
    before = audit_rows(reference_db)

    with pytest.raises(ValidationError, match="outside the meeting") as refused:
        interventions.complete_bilateral(bilateral.id, "They listened.", on="2005-06-01")

    assert "2005-06-01" in str(refused.value) and "2004-11-29 to 2004-12-03" in str(refused.value)
    assert audit_rows(reference_db) == before
    assert interventions.get(bilateral.id).status == "planned"
    done = interventions.complete_bilateral(bilateral.id, "They listened.", on="2004-12-03")
    assert done.log_entry.occurred_on == date(2004, 12, 3)


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def db_file(reference_template: Path, tmp_path: Path) -> Path:
    """A copy of the reference database with a bilateral planned at Nairobi."""

    def plan(db: Database) -> object:
        return InterventionService(db).plan(
            nairobi_id(db), "bilateral", "Bilateral with Pakistan", targets=["PAK"]
        )

    return database_file(tmp_path / "limits.db", plan, template=reference_template)


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=True)


def one_error_line(result: Result) -> str:
    assert "Traceback" not in result.output and "unexpected" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    return errors[0]


def interventions_in(db_file: Path) -> list[tuple[str, str]]:
    db = open_database(db_file, actor="test-officer", create=True)
    try:
        found = InterventionService(db).for_meeting(nairobi_id(db))
        return [(record.title, record.status) for record in found]
    finally:
        db.close()


def test_an_argument_that_is_not_utf8_is_refused_in_one_line(db_file: Path) -> None:
    before = interventions_in(db_file)

    result = run(db_file, "plan", "nairobi", "statement", UNDECODABLE)

    assert result.exit_code == 1, result.output
    assert one_error_line(result) == (
        "Error: The title contains characters that are not valid text."
    )
    assert interventions_in(db_file) == before


def test_done_on_a_day_outside_the_meeting_is_refused(db_file: Path) -> None:
    (bilateral_id,) = _ids(db_file)

    outside = run(db_file, "done", bilateral_id, "--outcome", "Listened", "--on", "2005-06-01")
    far = run(db_file, "done", bilateral_id, "--outcome", "Listened", "--on", "9999-12-31")
    garbled = run(db_file, "done", bilateral_id, "--outcome", UNDECODABLE)

    assert outside.exit_code == 1 and "outside the meeting" in one_error_line(outside)
    assert far.exit_code == 2 and "out of range" in one_error_line(far)
    assert garbled.exit_code == 1
    assert (
        one_error_line(garbled) == "Error: The outcome contains characters that are not valid text."
    )
    assert interventions_in(db_file) == [("Bilateral with Pakistan", "planned")]


def _ids(db_file: Path) -> list[str]:
    db = open_database(db_file, actor="test-officer", create=True)
    try:
        return [str(record.id) for record in InterventionService(db).for_meeting(nairobi_id(db))]
    finally:
        db.close()


def test_the_forms_date_pickers_stop_at_the_range_the_services_accept(qtbot: object) -> None:
    from ui.widgets.dates import from_qdate, iso_date_edit, to_qdate

    edit = iso_date_edit()
    edit.setDate(to_qdate(date(2199, 12, 31)))
    edit.setDate(edit.date().addYears(5000))
    assert from_qdate(edit.maximumDate()) == limits.LATEST_DATE
    assert from_qdate(edit.minimumDate()) == limits.EARLIEST_DATE
    assert from_qdate(edit.date()) <= limits.LATEST_DATE
