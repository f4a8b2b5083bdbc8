"""The .ics export, read back with icalendar: every event with its UID, the right dates
(all-day, or timed with the meeting's TZID), accented titles, and the VTIMEZONE needed."""

from __future__ import annotations

import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from outreach.domain.records import MeetingRecord
from outreach.errors import OutreachError
from outreach.io.calendar_export import build_calendar, calendar_ics, export_ics, uid
from outreach.services.calendar import CalendarService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.storage.database import Database

STAMP = datetime(2004, 11, 1, 12, 0, tzinfo=UTC)
NAIROBI_TIME = ZoneInfo("Africa/Nairobi")
BANGKOK_TIME = ZoneInfo("Asia/Bangkok")


@pytest.fixture
def bangkok(reference_db: Database) -> MeetingRecord:
    return ForumService(reference_db).find_meetings("Fifth Meeting of the States Parties")[0]


@pytest.fixture
def planned(
    reference_db: Database, nairobi: MeetingRecord, bangkok: MeetingRecord
) -> dict[str, int]:
    """Three bilaterals and a statement at Nairobi, a bilateral at Bangkok, an untimed
    side event, a dropped one, a démarche due date and an open follow-up."""
    interventions = InterventionService(reference_db)

    def plan(meeting: MeetingRecord, kind: str, title: str, *args: str, **kw: object) -> int:
        return interventions.plan(meeting.id, kind, title, targets=list(args), **kw).id  # type: ignore[arg-type]

    ids = {
        "ivorian": plan(
            nairobi, "bilateral", "Bilatérale avec la Côte d'Ivoire", "CIV",
            starts_at="2004-11-30 10:00", ends_at="2004-11-30 10:45",
        ),
        "pakistan": plan(
            nairobi, "bilateral", "Bilateral with Pakistan", "PAK",
            starts_at="2004-11-30 11:00", ends_at="2004-11-30 11:30",
        ),
        "turkiye": plan(
            nairobi, "bilateral", "İkili görüşme: Türkiye", "TUR",
            starts_at="2004-12-01 15:00",
        ),
        "statement": plan(
            nairobi, "statement", "Déclaration du Canada",
            starts_at="2004-12-02 09:30", ends_at="2004-12-02 09:40",
        ),
        "bangkok": plan(
            bangkok, "bilateral", "Bilateral with Thailand", "THA",
            starts_at="2003-09-16 08:30", ends_at="2003-09-16 09:00",
        ),
        "side_event": plan(nairobi, "side_event", "Side event: stockpile destruction"),
        "dropped": plan(nairobi, "statement", "Dropped statement"),
        "demarche": DemarcheService(reference_db).create(
            "VNM", "Accession: open a dialogue on alternatives", "accede", "aide_memoire",
            "director_general", due_on="2004-11-15",
        ).id,
        "follow_up": ContactLogService(reference_db).log(
            "2004-11-02", "call", "Éthiopie : projet de loi au parlement", states=["ETH"],
            follow_up_on="2004-12-10",
        ).id,
    }  # fmt: skip
    interventions.set_status(ids["dropped"], "dropped")
    return ids


def events(text: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(text)
    found = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs are unique"
    return found


def start(event: Event) -> date | datetime:
    value = event.decoded("DTSTART")
    assert isinstance(value, date)
    return value


def end(event: Event) -> date | datetime | None:
    return event.decoded("DTEND") if "DTEND" in event else None


def test_round_trip_finds_every_event_with_its_dates_and_titles(
    reference_db: Database, nairobi: MeetingRecord, planned: dict[str, int]
) -> None:
    text, items = calendar_ics(CalendarService(reference_db), stamp=STAMP)
    found = events(text)

    expected_uids = {uid(item) for item in items}
    assert set(found) == expected_uids
    assert f"intervention-{planned['dropped']}@outreach" not in found

    ivorian = found[f"intervention-{planned['ivorian']}@outreach"]
    assert str(ivorian["SUMMARY"]) == "Bilatérale avec la Côte d'Ivoire"
    assert start(ivorian) == datetime(2004, 11, 30, 10, 0, tzinfo=NAIROBI_TIME)
    assert end(ivorian) == datetime(2004, 11, 30, 10, 45, tzinfo=NAIROBI_TIME)
    assert ivorian["DTSTART"].params["TZID"] == "Africa/Nairobi"
    assert start(ivorian).astimezone(UTC) == datetime(2004, 11, 30, 7, 0, tzinfo=UTC)
    assert str(ivorian["LOCATION"]) == "Nairobi"
    assert "Côte d'Ivoire" in str(ivorian["DESCRIPTION"])
    assert str(ivorian["STATUS"]) == "TENTATIVE"

    turkiye = found[f"intervention-{planned['turkiye']}@outreach"]
    assert str(turkiye["SUMMARY"]) == "İkili görüşme: Türkiye"
    assert (start(turkiye), end(turkiye)) == (
        datetime(2004, 12, 1, 15, 0, tzinfo=NAIROBI_TIME),
        None,
    )
    statement = found[f"intervention-{planned['statement']}@outreach"]
    assert str(statement["SUMMARY"]) == "Déclaration du Canada"
    bangkok = found[f"intervention-{planned['bangkok']}@outreach"]
    assert start(bangkok) == datetime(2003, 9, 16, 8, 30, tzinfo=BANGKOK_TIME)
    assert bangkok["DTSTART"].params["TZID"] == "Asia/Bangkok"

    side_event = found[f"intervention-{planned['side_event']}@outreach"]
    assert (start(side_event), end(side_event)) == (date(2004, 11, 29), date(2004, 12, 4))

    meeting = found[f"meeting-{nairobi.id}@outreach"]
    assert str(meeting["SUMMARY"]) == nairobi.title
    assert (start(meeting), end(meeting)) == (date(2004, 11, 29), date(2004, 12, 4))  # exclusive
    assert not isinstance(start(meeting), datetime)

    demarche = found[f"demarche-due-{planned['demarche']}@outreach"]
    assert str(demarche["SUMMARY"]) == (
        "Démarche due: Accession: open a dialogue on alternatives (Viet Nam)"
    )
    assert (start(demarche), end(demarche)) == (date(2004, 11, 15), date(2004, 11, 16))
    assert str(demarche["TRANSP"]) == "TRANSPARENT"

    follow_up = found[f"follow-up-{planned['follow_up']}@outreach"]
    assert str(follow_up["SUMMARY"]) == (
        "Follow up: Éthiopie : projet de loi au parlement (Ethiopia)"
    )
    assert start(follow_up) == date(2004, 12, 10)

    for event in found.values():
        assert event.decoded("DTSTAMP") == STAMP

    zones = {str(zone["TZID"]) for zone in Calendar.from_ical(text).walk("VTIMEZONE")}
    assert zones == {"Africa/Nairobi", "Asia/Bangkok"}


def test_a_period_keeps_what_falls_in_it(
    reference_db: Database, nairobi: MeetingRecord, planned: dict[str, int]
) -> None:
    text, _items = calendar_ics(
        CalendarService(reference_db), date(2004, 11, 30), date(2004, 11, 30), stamp=STAMP
    )
    assert set(events(text)) == {
        f"meeting-{nairobi.id}@outreach",
        f"intervention-{planned['ivorian']}@outreach",
        f"intervention-{planned['pakistan']}@outreach",
        f"intervention-{planned['side_event']}@outreach",
    }
    zones = {str(zone["TZID"]) for zone in Calendar.from_ical(text).walk("VTIMEZONE")}
    assert zones == {"Africa/Nairobi"}


def test_exports_are_stable_and_written_whole(
    reference_db: Database, planned: dict[str, int], tmp_path: Path
) -> None:
    service = CalendarService(reference_db)
    first = export_ics(service, tmp_path / "campaign.ics", date(2004, 11, 1), stamp=STAMP)
    second = export_ics(service, tmp_path / "again.ics", date(2004, 11, 1), stamp=STAMP)

    assert (tmp_path / "campaign.ics").read_bytes() == (tmp_path / "again.ics").read_bytes()
    # Nairobi, Zagreb 2005, Geneva 2006 and the CCM's sixteen meetings (2010-2025)
    assert (first.events, first.meetings, first.interventions) == (26, 19, 5)
    assert (first.demarches, first.follow_ups) == (1, 1)
    assert second.path == tmp_path / "again.ics"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    mode = stat.S_IMODE(os.stat(first.path).st_mode)
    assert mode & 0o077 == 0  # like the database: not readable by others


def test_an_unwritable_place_is_a_clear_error(reference_db: Database, tmp_path: Path) -> None:
    with pytest.raises(OutreachError, match=r"Cannot write .*missing"):
        export_ics(CalendarService(reference_db), tmp_path / "missing" / "x.ics")


def test_an_empty_calendar_is_still_a_valid_file() -> None:
    text = build_calendar([], stamp=STAMP).to_ical()
    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar.walk("VEVENT") == []
