"""Live: what another officer commits on the server reaches this window's listeners
within two seconds, and a server that goes away and comes back is said and caught up."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from outreach.domain.changes import Changes, Entity
from outreach.services.contacts import ContactService
from outreach.setup import open_database
from outreach.storage.database import Database
from outreach.storage.postgresql_changes import tables_changed_by_others
from tests.conftest import server_copy
from tests.postgres_server import TestServer

SOON = 2.0  # seconds: the promise


class Heard:
    """What a listener heard, from its thread, waited on from the test's."""

    def __init__(self) -> None:
        self.changes: list[Changes] = []
        self.states: list[tuple[bool, str]] = []
        self._event = threading.Condition()

    def change(self, changes: Changes) -> None:
        with self._event:
            self.changes.append(changes)
            self._event.notify_all()

    def state(self, up: bool, why: str) -> None:
        with self._event:
            self.states.append((up, why))
            self._event.notify_all()

    def wait_for(self, check: Callable[[], bool], seconds: float) -> float:
        """Seconds until `check` held (fails the test if it never did)."""
        start = time.monotonic()
        with self._event:
            assert self._event.wait_for(check, timeout=seconds), "not heard in time"
        return time.monotonic() - start


@pytest.fixture
def window(pg_server: TestServer, pg_templates: dict[str, str]) -> Iterator[Database]:
    with server_copy(pg_server, pg_templates["empty"]) as db:
        yield db


def test_another_officers_commit_is_heard_within_two_seconds(window: Database) -> None:
    heard = Heard()
    window.subscribe(heard.change)
    stop = window.listen_to_others(heard.state)
    assert stop is not None
    try:
        heard.wait_for(lambda: heard.states == [(True, "")], SOON)
        other = open_database(window.location, create=True)
        try:
            ContactService(other).create("Example", given_name="Second")
        finally:
            other.close()
        took = heard.wait_for(lambda: any(c.touches(Entity.CONTACT) for c in heard.changes), SOON)
        assert took < SOON
        # my own commit is announced once, by the database itself, not again by the server
        heard.changes.clear()
        ContactService(window).create("Example", given_name="Mine")
        time.sleep(1.0)
        assert [change.touches(Entity.CONTACT) for change in heard.changes] == [True]
    finally:
        stop()


def test_a_file_has_nobody_else_to_hear(db_path: object) -> None:
    database = open_database(str(db_path), create=True)
    try:
        assert database.listen_to_others() is None
    finally:
        database.close()


def test_notices_from_this_process_are_told_apart() -> None:
    payloads = ["Outreach a|contact", "Outreach b|log_entry", "Outreach a|state"]
    assert tables_changed_by_others(payloads, "Outreach a") == {"log_entry"}


@pytest.mark.server  # a server of its own, stopped and started again
def test_a_server_that_goes_away_is_said_and_caught_up_when_back() -> None:
    server = TestServer().start()
    try:
        name = server.new_database()
        window = open_database(server.url(name), create=True)
        heard = Heard()
        window.subscribe(heard.change)
        stop = window.listen_to_others(heard.state)
        assert stop is not None
        try:
            heard.wait_for(lambda: (True, "") in heard.states, SOON)
            server.pause()
            heard.wait_for(lambda: any(not up for up, _why in heard.states), 10)
            server.resume()
            heard.wait_for(lambda: heard.states[-1] == (True, ""), 15)
            # the notices sent meanwhile are lost: everything is read again
            heard.wait_for(
                lambda: any(c.touches(Entity.CONTACT, Entity.STATE) for c in heard.changes), 5
            )
            ContactService(window).create("Back", given_name="Again")  # and it works again
        finally:
            stop()
            window.close()
    finally:
        server.stop()
