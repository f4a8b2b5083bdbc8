from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from outreach.domain.records import MeetingRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.services.forums import ForumService
from outreach.storage.database import Database


@pytest.fixture
def forums(db: Database) -> ForumService:
    return ForumService(db)


@pytest.fixture
def msp(forums: ForumService) -> int:
    return forums.create_forum("MSP", "Meeting of States Parties", "treaty").id


def meeting(
    forums: ForumService, title: str = "Fifth MSP", forum: str = "msp", **kwargs: Any
) -> MeetingRecord:
    fields: dict[str, Any] = {
        "city": "Bangkok",
        "starts_on": date(2003, 9, 15),
        "ends_on": date(2003, 9, 19),
        "timezone": "Asia/Bangkok",
    }
    fields.update(kwargs)
    return forums.create_meeting(forum, title, **fields)


# --- forums and members --------------------------------------------------------------------


def test_forums_have_unique_lower_case_slugs(forums: ForumService) -> None:
    created = forums.create_forum(" UNGA 1C ", "UN General Assembly First Committee", "un")

    assert created.slug == "unga-1c"
    assert forums.forums() == [created]
    with pytest.raises(ValidationError, match="A forum 'unga-1c' exists already"):
        forums.create_forum("unga-1c", "Duplicate")
    with pytest.raises(ValidationError, match="'club' is not a valid forum kind"):
        forums.create_forum("club", "A club", "club")
    with pytest.raises(ValidationError, match="forum name cannot be empty"):
        forums.create_forum("cd", " ")
    assert forums.forums() == [created]


def test_members_on_a_date(forums: ForumService, msp: int, few_states: dict[str, int]) -> None:
    forums.add_member("msp", "KHM", since=date(1999, 3, 1))
    forums.add_member(msp, "CAN", since="1999-03-01", until="2001-12-31", source="UNODA")
    forums.add_member("msp", "Côte d'Ivoire")  # no dates: always a member
    forums.add_member("msp", "TUR", since=date(2004, 3, 1))

    def members(on: date) -> list[str]:
        return [member.state_iso3 for member in forums.members("msp", on)]

    assert members(date(1998, 1, 1)) == ["CIV"]
    assert members(date(2001, 12, 31)) == ["KHM", "CAN", "CIV"]
    assert members(date(2003, 1, 1)) == ["KHM", "CIV"]
    assert members(date(2004, 3, 1)) == ["KHM", "CIV", "TUR"]
    canada = forums.members("msp", date(2000, 1, 1))[1]
    assert (canada.state_name, canada.source, canada.until) == (
        "Canada",
        "UNODA",
        date(2001, 12, 31),
    )


def test_forums_of_a_state(forums: ForumService, msp: int, few_states: dict[str, int]) -> None:
    forums.create_forum("cd", "Conference on Disarmament", "un")
    forums.add_member("msp", "CAN", since=date(1999, 3, 1))
    forums.add_member("cd", "CAN", since=date(1979, 1, 1), until=date(2000, 1, 1))

    assert [f.slug for f in forums.forums_of("CAN", date(1999, 6, 1))] == ["cd", "msp"]
    assert [f.slug for f in forums.forums_of("CAN", date(2002, 1, 1))] == ["msp"]
    assert forums.forums_of("KHM", date(2002, 1, 1)) == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"since": date(2003, 1, 1), "until": date(2002, 1, 1)},
            ValidationError,
            r"membership ends \(2002-01-01\) before it starts \(2003-01-01\)",
        ),
        ({"since": date(2000, 1, 1)}, ValidationError, "Canada is already a member"),
        (
            {"until": date(1999, 5, 1)},
            ValidationError,
            r"already a member .*\(from 1999-03-01 to no end date\)",
        ),
        ({"forum": "osce"}, NotFoundError, "Unknown forum 'osce'"),
        ({"state": "Atlantis"}, NotFoundError, "Unknown state 'Atlantis'"),
    ],
)
def test_bad_memberships_are_refused(
    forums: ForumService,
    msp: int,
    few_states: dict[str, int],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    forums.add_member("msp", "CAN", since=date(1999, 3, 1))
    fields: dict[str, Any] = {"forum": "msp", "state": "CAN"}
    fields.update(kwargs)

    with pytest.raises(error, match=message):
        forums.add_member(**fields)

    assert [m.state_iso3 for m in forums.members("msp", date(2010, 1, 1))] == ["CAN"]


def test_a_membership_may_follow_an_earlier_one(
    forums: ForumService, msp: int, few_states: dict[str, int]
) -> None:
    forums.add_member("msp", "CAN", since=date(1999, 3, 1), until=date(2001, 12, 31))

    forums.add_member("msp", "CAN", since=date(2003, 1, 1))

    assert [m.state_iso3 for m in forums.members("msp", date(2002, 6, 1))] == []
    assert [m.state_iso3 for m in forums.members("msp", date(2003, 6, 1))] == ["CAN"]


# --- meetings ------------------------------------------------------------------------------


def test_create_and_get_a_meeting(forums: ForumService, msp: int) -> None:
    created = meeting(forums, notes="Thai presidency")

    assert created.forum_id == msp
    assert created.forum_slug == "msp"
    assert (created.starts_on, created.ends_on) == (date(2003, 9, 15), date(2003, 9, 19))
    assert created.timezone == "Asia/Bangkok"
    assert created.attendee_ids == ()
    assert forums.get_meeting(created.id) == created


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"starts_on": date(2003, 9, 19), "ends_on": date(2003, 9, 15)},
            ValidationError,
            r"meeting ends \(2003-09-15\) before it starts \(2003-09-19\)",
        ),
        ({"timezone": "Mars/Olympus_Mons"}, ValidationError, "'Mars/Olympus_Mons' is not a time"),
        ({"timezone": "../../etc/passwd"}, ValidationError, "is not a time zone"),
        ({"timezone": ""}, ValidationError, "is not a time zone"),
        ({"starts_on": None}, ValidationError, "needs a start date"),
        ({"forum": "osce"}, NotFoundError, "Unknown forum 'osce'"),
        ({"title": ""}, ValidationError, "meeting title cannot be empty"),
    ],
)
def test_bad_meetings_are_refused_and_nothing_is_saved(
    forums: ForumService,
    msp: int,
    audit_count: Callable[[], int],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    before = audit_count()

    with pytest.raises(error, match=message):
        meeting(forums, **kwargs)

    assert forums.meetings() == []
    assert audit_count() == before


def test_update_a_meeting(forums: ForumService, msp: int) -> None:
    created = meeting(forums)

    moved = forums.update_meeting(
        created.id, city="Genève", starts_on="2003-09-16", timezone="Europe/Zurich"
    )

    assert moved.city == "Genève"
    assert moved.starts_on == date(2003, 9, 16)
    assert moved.ends_on == date(2003, 9, 19)
    assert moved.timezone == "Europe/Zurich"
    with pytest.raises(ValidationError, match=r"meeting ends \(2003-09-10\) before it starts"):
        forums.update_meeting(created.id, title="Renamed", ends_on=date(2003, 9, 10))
    with pytest.raises(ValidationError, match="is not a time zone"):
        forums.update_meeting(created.id, title="Renamed", timezone="Geneva")
    assert forums.get_meeting(created.id) == moved


def test_meetings_by_forum_and_period(forums: ForumService, msp: int) -> None:
    forums.create_forum("sc", "Standing Committees", "treaty")
    september = meeting(forums, "Fifth MSP")
    february = meeting(
        forums, "Intersessional", forum="sc", starts_on=date(2003, 2, 3), ends_on=date(2003, 2, 7)
    )
    next_year = meeting(
        forums, "First Review Conference", starts_on=date(2004, 11, 29), ends_on=date(2004, 12, 3)
    )

    def titles(**kwargs: Any) -> list[str]:
        return [m.title for m in forums.meetings(**kwargs)]

    assert titles() == [february.title, september.title, next_year.title]
    assert titles(forum="msp") == [september.title, next_year.title]
    assert titles(from_=date(2003, 2, 7), to=date(2003, 9, 15)) == [february.title, september.title]
    assert titles(from_=date(2003, 9, 20)) == [next_year.title]
    assert titles(to=date(2003, 2, 2)) == []
    with pytest.raises(ValidationError, match="period ends"):
        forums.meetings(from_=date(2004, 1, 1), to=date(2003, 1, 1))


def test_find_meetings_by_id_title_or_city_ignoring_case_and_accents(
    forums: ForumService, msp: int
) -> None:
    fifth = meeting(forums, "Fifth Meeting of States Parties")
    review = meeting(
        forums,
        "Première Conférence d'examen",
        city="Nairobi",
        starts_on=date(2004, 11, 29),
        ends_on=date(2004, 12, 3),
        timezone="Africa/Nairobi",
    )

    assert forums.find_meetings("CONFERENCE") == [review]
    assert forums.find_meetings("states parties") == [fifth]
    assert forums.find_meetings("premiere conference") == [review]
    assert forums.find_meetings("NAIROBI") == [review]
    assert forums.find_meetings("bangkok") == [fifth]
    assert forums.find_meetings(str(review.id)) == [review]
    assert forums.find_meetings("  ") == []
    assert forums.find_meetings("Oslo") == []


def test_find_meeting_names_exactly_one_or_says_why_not(forums: ForumService, msp: int) -> None:
    fifth = meeting(forums, "Fifth Meeting of States Parties")
    contact_group = meeting(forums, "Contact Group on the margins of the Fifth Meeting")
    assert forums.find_meeting("contact group") == contact_group
    assert forums.find_meeting(str(fifth.id)) == fifth
    assert forums.find_meeting(fifth.id) == fifth
    with pytest.raises(ValidationError, match=r"'bangkok' matches 2 meetings: .*Give more"):
        forums.find_meeting("bangkok")
    with pytest.raises(NotFoundError, match="No meeting matches 'Oslo'"):
        forums.find_meeting("Oslo")
    with pytest.raises(NotFoundError, match="no meeting with id 9999"):
        forums.find_meeting(9999)
    with pytest.raises(ValidationError, match="Name a meeting"):
        forums.find_meeting("  ")


def test_delete_and_restore_a_meeting(forums: ForumService, msp: int) -> None:
    created = meeting(forums)

    forums.delete_meeting(created.id)

    assert forums.meetings() == []
    assert forums.find_meetings("Fifth") == []
    with pytest.raises(NotFoundError, match=f"no meeting with id {created.id}"):
        forums.get_meeting(created.id)
    assert forums.restore_meeting(created.id) == created
    assert forums.meetings() == [created]


def test_attendees(forums: ForumService, msp: int, few_states: dict[str, int]) -> None:
    created = meeting(forums)

    forums.add_attendee(created.id, "PAK")
    with_two = forums.add_attendee(created.id, "Türkiye")
    with pytest.raises(ValidationError, match="Pakistan is already listed as attending"):
        forums.add_attendee(created.id, "PAK")
    with_one = forums.remove_attendee(created.id, "PAK")
    with pytest.raises(ValidationError, match="Pakistan is not listed as attending"):
        forums.remove_attendee(created.id, "PAK")

    assert with_two.attendee_ids == tuple(sorted((few_states["PAK"], few_states["TUR"])))
    assert with_one.attendee_ids == (few_states["TUR"],)
    assert forums.get_meeting(created.id).attendee_ids == (few_states["TUR"],)


def test_a_forum_named_with_what_is_not_text_is_refused_clearly(forums: ForumService) -> None:
    with pytest.raises(ValidationError, match="forum contains characters"):
        forums.members("msp\x00")  # a server refused even to compare it
    with pytest.raises(NotFoundError, match="Unknown forum 'nope'"):
        forums.members("nope")
