"""--db and OUTREACH_DB: a file path or a server URL; a password never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach.errors import ValidationError
from outreach.storage.location import FileLocation, ServerLocation, parse_location


@pytest.mark.parametrize(
    ("typed", "shown", "name"),
    [
        ("postgresql://jd@db.example.org:5433/desk", "postgresql://jd@db.example.org:5433/desk",
         "desk on db.example.org"),
        ("postgresql+psycopg://jd:s3cret@db.example.org/desk", "postgresql://jd@db.example.org/desk",
         "desk on db.example.org"),
        ("postgres://jd@/desk?host=/run/postgresql", "postgresql://jd@/desk?host=/run/postgresql",
         "desk on /run/postgresql"),
        ("postgresql:///?service=desk", "postgresql:///?service=desk", "service desk"),
    ],
)  # fmt: skip
def test_a_server_url_is_read_and_shown_without_its_password(
    typed: str, shown: str, name: str
) -> None:
    location = parse_location(typed)
    assert isinstance(location, ServerLocation)
    assert location.url.drivername == "postgresql+psycopg"  # psycopg 3
    assert (location.display, location.name) == (shown, name)
    assert "s3cret" not in location.display + location.name + repr(location.display)


def test_a_path_is_a_file(tmp_path: Path) -> None:
    location = parse_location(str(tmp_path / "campaign.db"))
    assert location == FileLocation(tmp_path / "campaign.db")
    assert location.name == "campaign.db"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("mysql://jd@db.example.org/desk", "not a database Outreach can open"),
        ("postgresql://jd@db.example.org", "names no database"),
        ("  ", "Say which database"),
    ],
)
def test_what_is_not_a_database_is_refused_in_one_sentence(typed: str, says: str) -> None:
    with pytest.raises(ValidationError, match=says):
        parse_location(typed)
