"""Synthetic volume for trying the app at scale: `outreach demo --scale large`.

20,000 contacts, 200,000 log entries and 5,000 démarches spread over every state, written
with sqlite-utils in one transaction (the ORM's per-object work would take minutes). The
audit trail gets one entry that says what was generated.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from outreach.domain.enums import (
    Channel,
    DemarcheStatus,
    Level,
    LogKind,
    OrganizationKind,
    RequestedAction,
)
from outreach.search.index import deferred_search_index
from outreach.storage.bulk import bulk_transaction
from outreach.storage.database import Database
from outreach.storage.models import (
    AuditEntry,
    Contact,
    Demarche,
    LogEntry,
    LogEntryContact,
    LogEntryState,
    Organization,
    State,
    contact_sort_key,
)

CONTACTS = 20_000
LOG_ENTRIES = 200_000
DEMARCHES = 5_000
ORGANIZATIONS_PER_STATE = 5
BATCH = 5_000
FIRST_DAY, LAST_DAY = date(1999, 1, 4), date(2004, 12, 17)

SYLLABLES = ("ka", "lo", "mi", "ra", "te", "su", "na", "vo", "el", "an", "di", "ro", "sa")
TOPICS = (
    "accession timetable",
    "ratification bill",
    "stockpile destruction",
    "Article 7 report",
    "UNGA resolution vote",
    "mine clearance funding",
    "victim assistance",
    "Review Conference attendance",
)


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def _next_id(db: Database, model: Any) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


def _organizations(rng: random.Random, states: list[int], first: int) -> list[dict[str, Any]]:
    kinds = [OrganizationKind.MINISTRY, OrganizationKind.MISSION, OrganizationKind.EMBASSY]
    rows = []
    for number, state_id in enumerate(
        (s for s in states for _ in range(ORGANIZATIONS_PER_STATE)), start=first
    ):
        kind = rng.choice(kinds)
        rows.append(
            {"id": number, "name": f"{kind.value.title()} {_name(rng, 3)} (synthetic)",
             "kind": kind.value, "state_id": state_id, "city": _name(rng, 2), "notes": ""}
        )  # fmt: skip
    return rows


def _contacts(
    rng: random.Random, organizations: list[dict[str, Any]], first: int, count: int
) -> Iterator[dict[str, Any]]:
    for number in range(first, first + count):
        organization = rng.choice(organizations)
        given, family = _name(rng, 2), _name(rng, 3)
        yield {
            "id": number, "given_name": given, "family_name": family,
            "position": "Official (synthetic)", "organization_id": organization["id"],
            "state_id": organization["state_id"],
            "email": f"{given.lower()}.{family.lower()}.{number}@example.org",
            "phone": f"+4122555{number % 10000:04d}", "languages": "en", "notes": "",
            "deleted_at": None, "sort_key": contact_sort_key(family, given),
        }  # fmt: skip


def _demarches(
    rng: random.Random, states: list[int], first: int, count: int
) -> Iterator[dict[str, Any]]:
    statuses = list(DemarcheStatus)
    for number in range(first, first + count):
        planned = _day(rng)
        status = rng.choice(statuses)
        yield {
            "id": number, "state_id": rng.choice(states), "treaty_id": None,
            "title": f"{rng.choice(TOPICS).capitalize()} (synthetic)",
            "requested_action": rng.choice(list(RequestedAction)).value,
            "channel": rng.choice(list(Channel)).value,
            "level": rng.choice(list(Level)).value, "talking_points": "",
            "officer": "Synthetic officer", "status": status.value, "planned_on": planned,
            "due_on": planned + timedelta(days=rng.randrange(14, 180)),
            "delivered_on": planned + timedelta(days=7)
            if status.rank >= DemarcheStatus.DELIVERED.rank and status.is_open else None,
            "response": "", "closed_on": None, "status_reason": "", "deleted_at": None,
        }  # fmt: skip


def _log_entries(
    rng: random.Random, contacts: list[tuple[int, int]], first: int, count: int
) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    kinds = list(LogKind)
    for number in range(first, first + count):
        occurred = _day(rng)
        contact_id, state_id = rng.choice(contacts)
        follow_up = occurred + timedelta(days=rng.randrange(7, 120)) if rng.random() < 0.3 else None
        done = follow_up + timedelta(days=2) if follow_up and rng.random() < 0.7 else None
        entry = {
            "id": number, "occurred_on": occurred, "kind": rng.choice(kinds).value,
            "summary": f"Discussed {rng.choice(TOPICS)} with {_name(rng, 3)}",
            "details": "", "officer": "Synthetic officer", "follow_up_on": follow_up,
            "follow_up_done_on": done, "meeting_id": None, "demarche_id": None,
            "deleted_at": None,
        }  # fmt: skip
        yield (
            entry,
            {"log_entry_id": number, "state_id": state_id},
            {"log_entry_id": number, "contact_id": contact_id},
        )


def _iso(row: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO text, as SQLAlchemy stores them (no reliance on sqlite3's adapters)."""
    return {
        key: str(value) if isinstance(value, date | datetime) else value
        for key, value in row.items()
    }


def _batches(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def bulk_note(rows: int) -> str:
    """What the large demo's one audit entry says it stands for."""
    return (
        f"This one entry stands for {rows:,} rows written in bulk (organizations, contacts, "
        "démarches, log entries and their links), which are not audited one by one."
    )


def load_synthetic(
    db: Database,
    *,
    seed: int = 2004,
    contacts: int = CONTACTS,
    log_entries: int = LOG_ENTRIES,
    demarches: int = DEMARCHES,
    progress: Callable[[str], None] = lambda _text: None,
) -> str:
    """Add the large synthetic volume; returns a one-line summary."""
    rng = random.Random(seed)
    with db.read() as session:
        states = list(session.scalars(select(State.id).order_by(State.id)))
    firsts = {model: _next_id(db, model) for model in (Organization, Contact, Demarche, LogEntry)}
    organizations = _organizations(rng, states, firsts[Organization])
    # The search index is rebuilt once at the end rather than one document per row.
    written = 0  # rows, for the one audit entry that stands for them all
    with bulk_transaction(db) as bulk, deferred_search_index(db, bulk):
        written += bulk.insert_rows("organization", organizations)
        people = list(_contacts(rng, organizations, firsts[Contact], contacts))
        written += bulk.insert_rows("contact", people)
        progress(f"{len(people):,} contacts")
        written += bulk.insert_rows(
            "demarche", map(_iso, _demarches(rng, states, firsts[Demarche], demarches))
        )
        progress(f"{demarches:,} démarches")
        pairs = [(person["id"], person["state_id"]) for person in people]
        for number, batch in enumerate(
            _batches(_log_entries(rng, pairs, firsts[LogEntry], log_entries), BATCH), start=1
        ):
            written += bulk.insert_rows("log_entry", [_iso(row[0]) for row in batch])
            written += bulk.insert_rows(LogEntryState.__tablename__, [row[1] for row in batch])
            written += bulk.insert_rows(LogEntryContact.__tablename__, [row[2] for row in batch])
            if number % 10 == 0:
                progress(f"{number * BATCH:,} log entries")
        counts = {
            "organizations": len(organizations),
            "contacts": contacts,
            "demarches": demarches,
            "log_entries": log_entries,
        }
        bulk.insert_rows(
            AuditEntry.__tablename__,
            [
                {
                    "at": str(datetime.now(UTC).replace(tzinfo=None)),
                    "actor": db.actor,
                    "action": "create",
                    "entity": "synthetic_volume",
                    "entity_id": 0,
                    "state_id": None,
                    "changes": json.dumps(
                        {
                            "generated": [None, counts],
                            "rows_written_in_bulk": [None, written],
                            "note": [None, bulk_note(written)],
                        },
                        ensure_ascii=False,
                        sort_keys=True,
                    ),
                }
            ],
        )
    return (
        f"Added synthetic volume: {len(organizations):,} organizations, {contacts:,} contacts, "
        f"{demarches:,} démarches, {log_entries:,} log entries."
    )


def has_synthetic(db: Database) -> bool:
    """Whether the volume was loaded (its summary row in the audit trail says so)."""
    with db.read() as session:
        found = session.scalar(select(func.count()).where(AuditEntry.entity == "synthetic_volume"))
    return bool(found)
