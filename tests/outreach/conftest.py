"""Fixtures of the core's tests beyond the root's databases."""

from __future__ import annotations

import pytest

from outreach.domain.records import MeetingRecord
from outreach.services.forums import ForumService
from outreach.services.states import StateService
from outreach.storage.database import Database


@pytest.fixture
def states(reference_db: Database) -> StateService:
    """The states service over a copy of the reference data."""
    return StateService(reference_db)


@pytest.fixture
def nairobi(reference_db: Database) -> MeetingRecord:
    """The First Review Conference of the reference data: the Nairobi Summit, 29 November
    to 3 December 2004, on Africa/Nairobi time."""
    (found,) = ForumService(reference_db).find_meetings("Nairobi Summit")
    return found
