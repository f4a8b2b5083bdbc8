from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from outreach.domain.enums import LogKind
from outreach.domain.records import LogEntryRecord, LogFilter
from outreach.errors import NotFoundError, ValidationError
from outreach.services.contact_log import ContactLogService, LogSort, page_query
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.storage.database import Database
from outreach.storage.models import LogEntry, LogEntryContact, LogEntryState
from tests.conftest import add_few_states, database_copy


@pytest.fixture
def log(db: Database) -> ContactLogService:
    return ContactLogService(db)


def add_contacts(db: Database) -> list[int]:
    """Three contacts, of Cambodia, Pakistan and Côte d'Ivoire (`add_few_states`)."""
    service = ContactService(db)
    return [
        service.create("Sok", state="KHM").id,
        service.create("Malik", state="PAK").id,
        service.create("Kone", state="CIV").id,
    ]


@pytest.fixture
def contact_ids(db: Database, few_states: dict[str, int]) -> list[int]:
    return add_contacts(db)


# --- logging one entry -----------------------------------------------------------------


def test_log_keeps_states_contacts_and_follow_up(
    log: ContactLogService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    entry = log.log(
        "2002-10-03",
        "meeting",
        "  Deputy DG expects cabinet approval of accession in Q2  ",
        details="Spoke on the margins.",
        officer="J. Smith",
        states=["PAK", "Cambodia", few_states["PAK"]],
        contact_ids=[contact_ids[1]],
        follow_up_on=date(2003, 5, 1),
    )

    assert entry.occurred_on == date(2002, 10, 3)
    assert entry.kind == "meeting"
    assert entry.summary == "Deputy DG expects cabinet approval of accession in Q2"
    assert entry.state_ids == tuple(sorted((few_states["PAK"], few_states["KHM"])))
    assert entry.contact_ids == (contact_ids[1],)
    assert entry.follow_up_on == date(2003, 5, 1)
    assert entry.follow_up_done_on is None
    assert log.get(entry.id) == entry


def test_an_entry_may_name_only_a_contact(log: ContactLogService, contact_ids: list[int]) -> None:
    entry = log.log(date(2003, 1, 2), LogKind.CALL, "Call", contact_ids=[contact_ids[0]])

    assert entry.state_ids == ()
    assert entry.contact_ids == (contact_ids[0],)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"summary": "   "}, ValidationError, "summary cannot be empty"),
        ({"summary": "x" * 501}, ValidationError, "summary is longer than 500"),
        ({"kind": "telepathy"}, ValidationError, "'telepathy' is not a valid kind"),
        ({"states": [], "contact_ids": []}, ValidationError, "at least one state or one contact"),
        (
            {"follow_up_on": date(2003, 1, 1)},
            ValidationError,
            r"follow-up \(2003-01-01\) cannot be due before the contact it follows \(2003-02-01\)",
        ),
        ({"occurred_on": "yesterday"}, ValidationError, "'yesterday' is not a date"),
        ({"occurred_on": ""}, ValidationError, "date of the contact cannot be empty"),
        ({"states": ["Atlantis"]}, NotFoundError, "Unknown state 'Atlantis'"),
        ({"contact_ids": [404]}, NotFoundError, "no contact with id 404"),
        ({"demarche_id": 404}, NotFoundError, "no démarche with id 404"),
        ({"meeting_id": 404}, NotFoundError, "no meeting with id 404"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    log: ContactLogService,
    few_states: dict[str, int],
    audit_count: Callable[[], int],
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    fields: dict[str, Any] = {
        "occurred_on": date(2003, 2, 1),
        "kind": "call",
        "summary": "Call",
        "states": ["KHM"],
    }
    fields.update(kwargs)
    before = audit_count()

    with pytest.raises(error, match=message):
        log.log(**fields)

    assert log.count() == 0
    assert audit_count() == before


def test_update_replaces_states_and_contacts(
    log: ContactLogService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    entry = log.log(date(2003, 2, 1), "call", "Call", states=["KHM"], contact_ids=contact_ids)

    updated = log.update(entry.id, states=["CIV", "CAN"], contact_ids=[contact_ids[2]])

    assert updated.state_ids == tuple(sorted((few_states["CIV"], few_states["CAN"])))
    assert updated.contact_ids == (contact_ids[2],)
    assert updated.summary == "Call"
    assert log.get(entry.id) == updated


def test_refused_updates_change_nothing(
    log: ContactLogService, few_states: dict[str, int], contact_ids: list[int]
) -> None:
    entry = log.log(
        date(2003, 2, 1),
        "call",
        "Call",
        states=["KHM"],
        contact_ids=[contact_ids[0]],
        follow_up_on=date(2003, 3, 1),
    )

    with pytest.raises(ValidationError, match="at least one state or one contact"):
        log.update(entry.id, summary="Changed", states=[], contact_ids=[])
    with pytest.raises(ValidationError, match="cannot be due before the contact"):
        log.update(entry.id, summary="Changed", occurred_on=date(2003, 4, 1))
    with pytest.raises(NotFoundError, match="Unknown state"):
        log.update(entry.id, summary="Changed", states=["KHM", "Narnia"])

    assert log.get(entry.id) == entry


def test_update_clears_the_follow_up_only_when_asked(
    log: ContactLogService, few_states: dict[str, int]
) -> None:
    entry = log.log(date(2003, 2, 1), "call", "Call", states=["KHM"], follow_up_on="2003-03-01")

    kept = log.update(entry.id, details="More")
    cleared = log.update(entry.id, follow_up_on=None)

    assert kept.follow_up_on == date(2003, 3, 1)
    assert cleared.follow_up_on is None


# --- follow-ups ---------------------------------------------------------------------------


def test_complete_and_reopen_a_follow_up(
    log: ContactLogService, few_states: dict[str, int]
) -> None:
    entry = log.log(date(2003, 2, 1), "call", "Call", states=["KHM"], follow_up_on="2003-03-01")

    done = log.complete_follow_up(entry.id, on=date(2003, 3, 2))
    with pytest.raises(ValidationError, match="was done already, on 2003-03-02"):
        log.complete_follow_up(entry.id)
    reopened = log.reopen_follow_up(entry.id)
    with pytest.raises(ValidationError, match="is not done; nothing to reopen"):
        log.reopen_follow_up(entry.id)

    assert done.follow_up_done_on == date(2003, 3, 2)
    assert reopened.follow_up_done_on is None
    assert log.complete_follow_up(entry.id).follow_up_done_on == date.today()


def test_a_follow_up_must_exist_and_cannot_be_done_before_the_contact(
    log: ContactLogService, few_states: dict[str, int]
) -> None:
    plain = log.log(date(2003, 2, 1), "call", "Call", states=["KHM"])
    with_follow_up = log.log(
        date(2003, 2, 1), "call", "Call", states=["KHM"], follow_up_on=date(2003, 3, 1)
    )

    with pytest.raises(ValidationError, match="has no follow-up to complete"):
        log.complete_follow_up(plain.id)
    with pytest.raises(ValidationError, match=r"cannot be done \(2003-01-01\) before the contact"):
        log.complete_follow_up(with_follow_up.id, on=date(2003, 1, 1))
    assert log.get(with_follow_up.id).follow_up_done_on is None


def test_follow_ups_due_lists_open_ones_due_by_a_date(
    log: ContactLogService, few_states: dict[str, int]
) -> None:
    def entry(summary: str, follow_up: date | None) -> LogEntryRecord:
        return log.log(date(2003, 1, 1), "call", summary, states=["KHM"], follow_up_on=follow_up)

    late = entry("Late", date(2003, 2, 1))
    due_today = entry("Due today", date(2003, 3, 1))
    entry("Later", date(2003, 3, 2))
    entry("None", None)
    done = entry("Done", date(2003, 2, 1))
    log.complete_follow_up(done.id, on=date(2003, 2, 1))
    deleted = entry("Deleted", date(2003, 2, 1))
    log.delete(deleted.id)

    due = log.follow_ups_due(date(2003, 3, 1))

    assert [e.summary for e in due] == [late.summary, due_today.summary]
    assert [e.follow_up_overdue_on(date(2003, 3, 1)) for e in due] == [True, False]
    overdue = log.page(LogFilter(overdue_on=date(2003, 3, 1)))
    assert [e.summary for e in overdue] == ["Late"]
    assert log.count(LogFilter(open_follow_up_only=True)) == 3


def test_delete_hides_and_restore_brings_back(
    log: ContactLogService, few_states: dict[str, int]
) -> None:
    entry = log.log(date(2003, 2, 1), "call", "Call", states=["KHM"])

    log.delete(entry.id)

    assert log.count() == 0
    assert log.page() == []
    with pytest.raises(NotFoundError, match=f"no log entry with id {entry.id}"):
        log.get(entry.id)
    assert log.restore(entry.id) == entry
    assert log.page() == [entry]


def test_an_entry_can_point_at_a_demarche(
    db: Database, log: ContactLogService, few_states: dict[str, int]
) -> None:
    demarche = DemarcheService(db).create("KHM", "Accede", "accede", "letter", "minister")

    entry = log.log(date(2003, 2, 1), "letter", "Sent", states=["KHM"], demarche_id=demarche.id)
    unlinked = log.update(entry.id, demarche_id=None)

    assert entry.demarche_id == demarche.id
    assert unlinked.demarche_id is None


# --- the paged query, against a few hundred generated entries ------------------------------


@dataclass(frozen=True)
class Generated:
    id: int
    occurred_on: date
    kind: str
    summary: str
    details: str
    follow_up_on: date | None
    follow_up_done_on: date | None
    state_ids: frozenset[int]
    contact_ids: frozenset[int]
    deleted: bool


ENTRIES = 400
WORDS = ["Accession", "cabinet", "stockpile", "Art. 7 report", "clearance", "UNGA vote", "50%"]


def generate(db: Database, states: dict[str, int], contact_ids: list[int]) -> list[Generated]:
    """Entries with varied dates, kinds, summaries, states, contacts and follow-ups."""
    rng = random.Random(2004)
    kinds = [kind.value for kind in LogKind]
    state_ids = sorted(states.values())
    rows: list[Generated] = []
    with db.write() as session:
        for number in range(1, ENTRIES + 1):
            occurred = date(2002, 1, 1) + timedelta(days=rng.randrange(0, 700))
            follow_up = (
                occurred + timedelta(days=rng.randrange(5, 90)) if rng.random() < 0.4 else None
            )
            done = follow_up if follow_up and rng.random() < 0.5 else None
            entry = LogEntry(
                id=number,
                occurred_on=occurred,
                kind=rng.choice(kinds),
                summary=f"{rng.choice(WORDS)} {rng.choice(['talk', 'Talk', 'note'])} {number}",
                details=rng.choice(["", "Mentioned the cabinet", "nothing new"]),
                follow_up_on=follow_up,
                follow_up_done_on=done,
                deleted_at=datetime(2004, 1, 1) if number % 29 == 0 else None,
            )
            session.add(entry)
            linked_states = frozenset(rng.sample(state_ids, rng.randrange(0, 3)))
            contacts = frozenset(
                rng.sample(contact_ids, rng.randrange(0 if linked_states else 1, 3))
            )
            session.add_all(LogEntryState(log_entry_id=number, state_id=s) for s in linked_states)
            session.add_all(LogEntryContact(log_entry_id=number, contact_id=c) for c in contacts)
            rows.append(
                Generated(
                    number,
                    occurred,
                    entry.kind,
                    entry.summary,
                    entry.details,
                    follow_up,
                    done,
                    linked_states,
                    contacts,
                    deleted=entry.deleted_at is not None,
                )
            )
    return rows


@dataclass(frozen=True)
class PagedLog:
    """The generated entries in their database, with the states and contacts they name."""

    db: Database
    log: ContactLogService
    rows: list[Generated]
    states: dict[str, int]
    contact_ids: list[int]


@pytest.fixture(scope="module")
def paged(
    backend: str, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[PagedLog]:
    """The generated entries, written once per backend: the paging tests only read them."""
    path = tmp_path_factory.mktemp("paged") / "log.db"
    with database_copy(backend, "empty", path, request) as db:
        states = add_few_states(db)
        contact_ids = add_contacts(db)
        rows = generate(db, states, contact_ids)
        yield PagedLog(db, ContactLogService(db), rows, states, contact_ids)


def expected(rows: list[Generated], filters: LogFilter, sort: str) -> list[int]:
    def keep(row: Generated) -> bool:
        needle = (filters.text or "").lower()
        open_follow_up = row.follow_up_on is not None and row.follow_up_done_on is None
        return (
            not row.deleted
            and (filters.state_id is None or filters.state_id in row.state_ids)
            and (filters.contact_id is None or filters.contact_id in row.contact_ids)
            and (filters.kind is None or row.kind == filters.kind)
            and (filters.date_from is None or row.occurred_on >= filters.date_from)
            and (filters.date_to is None or row.occurred_on <= filters.date_to)
            and (not filters.open_follow_up_only or open_follow_up)
            and (
                filters.overdue_on is None
                or (
                    open_follow_up
                    and row.follow_up_on is not None
                    and row.follow_up_on < filters.overdue_on
                )
            )
            and (not needle or needle in row.summary.lower() or needle in row.details.lower())
        )

    column, direction = sort.split()
    keys: dict[str, Callable[[Generated], Any]] = {
        "occurred_on": lambda row: (row.occurred_on, row.id),
        "kind": lambda row: (row.kind, row.id),
        "summary": lambda row: (row.summary.lower(), row.id),
    }
    kept = sorted(filter(keep, rows), key=keys[column], reverse=direction == "desc")
    return [row.id for row in kept]


FILTERS = [
    LogFilter(),
    LogFilter(kind="meeting"),
    LogFilter(date_from=date(2002, 6, 1), date_to=date(2002, 12, 31)),
    LogFilter(open_follow_up_only=True),
    LogFilter(overdue_on=date(2003, 1, 1)),
    LogFilter(text="CABINET"),
    LogFilter(text="50%"),
    LogFilter(text="talk", kind="call", date_from=date(2002, 3, 1)),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_pages_match_the_filtered_sorted_entries(paged: PagedLog, filters: LogFilter) -> None:
    log = paged.log
    for sort in LogSort:
        want = expected(paged.rows, filters, sort.value)
        assert len(want) > 5  # the generated data exercises every filter

        got: list[int] = []
        for offset in range(0, len(want) + 40, 40):
            got.extend(entry.id for entry in log.page(filters, offset=offset, limit=40, sort=sort))

        assert log.count(filters) == len(want)
        assert got == want, f"sorted by {sort.value}"


def test_state_and_contact_filters(paged: PagedLog) -> None:
    states, contact_ids = paged.states, paged.contact_ids
    for filters in (
        LogFilter(state_id=states["KHM"]),
        LogFilter(contact_id=contact_ids[1]),
        LogFilter(state_id=states["CIV"], contact_id=contact_ids[0], kind="email"),
    ):
        want = expected(paged.rows, filters, "occurred_on desc")
        assert want
        page = paged.log.page(filters, limit=1000)
        assert [entry.id for entry in page] == want
        assert paged.log.count(filters) == len(want)


def test_page_records_carry_their_states_and_contacts(paged: PagedLog) -> None:
    by_id = {row.id: row for row in paged.rows}

    page = paged.log.page(LogFilter(), offset=100, limit=50, sort=LogSort.OCCURRED_ASC)

    assert len(page) == 50
    for entry in page:
        assert set(entry.state_ids) == by_id[entry.id].state_ids
        assert set(entry.contact_ids) == by_id[entry.id].contact_ids
        assert entry.follow_up_on == by_id[entry.id].follow_up_on


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda log: log.page(LogFilter(), offset=-1), "offset cannot be negative"),
        (lambda log: log.page(LogFilter(), limit=0), "page size must be at least 1"),
        (lambda log: log.page(LogFilter(), sort="date desc"), "'date desc' is not a valid sort"),
        (lambda log: log.count(LogFilter(kind="fax")), "'fax' is not a valid kind"),
        (
            lambda log: log.count(LogFilter(date_from=date(2003, 1, 2), date_to=date(2003, 1, 1))),
            r"period ends \(2003-01-01\) before it starts",
        ),
    ],
)
def test_bad_queries_are_refused(
    log: ContactLogService, call: Callable[[ContactLogService], object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        call(log)


def test_sort_by_column_and_direction() -> None:
    assert LogSort.by("occurred_on", descending=True) is LogSort.OCCURRED_DESC
    assert LogSort.by("summary") is LogSort.SUMMARY_ASC
    with pytest.raises(ValidationError, match="'officer asc' is not a valid sort"):
        LogSort.by("officer")


def _plan(db: Database, filters: LogFilter, sort: LogSort) -> str:
    query = page_query(filters, offset=200, limit=50, sort=sort)
    sql = query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    with db.read() as session:
        rows = session.execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
    return "\n".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    "filters",
    [
        LogFilter(),
        LogFilter(date_from=date(2002, 6, 1), date_to=date(2002, 12, 31)),
        LogFilter(kind="call", text="cabinet", open_follow_up_only=True),
    ],
)
@pytest.mark.parametrize("sort", [LogSort.OCCURRED_DESC, LogSort.OCCURRED_ASC])
@pytest.mark.file_only  # reads SQLite's query plan; the server's lists are benchmarked
def test_a_date_ordered_page_walks_the_date_index(
    paged: PagedLog, filters: LogFilter, sort: LogSort
) -> None:
    plan = _plan(paged.db, filters, sort)

    # Either index in date order: the whole log's, or the open follow-ups' partial one.
    assert "ix_log_entry_occurred" in plan or "ix_log_entry_open_follow_up" in plan
    assert "TEMP B-TREE" not in plan  # no sorting of the whole table for one page


def test_mine_are_the_entries_an_officer_logged(reference_db: Database) -> None:
    log = ContactLogService(reference_db)
    mine = log.log("2004-09-01", "call", "Mine", states=["KHM"], officer="Desk Officer")
    log.log("2004-09-02", "call", "Theirs", states=["KHM"], officer="Another Officer")
    found = log.page(LogFilter(officer="desk officer"), 0, 10)
    assert [entry.id for entry in found] == [mine.id]
    assert log.count(LogFilter(officer="Desk Officer")) == 1
