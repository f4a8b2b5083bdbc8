"""Duplicate contacts: finding likely pairs, and merging one contact into another.

Names are compared accent- and case-folded ("Örnek" and "Ornek" are one name) with
rapidfuzz's token-sort ratio (so "Aylin Örnek" and "Örnek, Aylin" agree); the same
e-mail address or phone number is strong evidence, the same organization some, two
different states counts against. Contacts are compared within blocks (the start of the
family name, the start of the name's first word in alphabetical order, the same e-mail,
the same phone), so 20,000 contacts take about a second, not hours.

A merge keeps one contact: the other's log entries and démarches move to it, its empty
fields are filled from the other, the other is soft-deleted (its own audit history stays
as it was), and an audit entry with the action "merge" says what happened. `unmerge`
reverses a merge exactly (the app's undo).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from outreach.domain.records import ContactRecord
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import _
from outreach.services import common, lookup
from outreach.services.base import Service
from outreach.services.contacts import LABEL as CONTACT
from outreach.services.contacts import contact_record
from outreach.storage import backups
from outreach.storage.models import (
    AuditEntry,
    Contact,
    DemarcheContact,
    LogEntryContact,
    Organization,
    State,
)

Link = TypeVar("Link", LogEntryContact, DemarcheContact)

MERGE = "merge"
UNMERGE = "unmerge"
DEFAULT_THRESHOLD = 85.0
# Fields a merge fills on the kept contact when it has none; notes are put together.
FILLED = ("given_name", "position", "organization_id", "state_id", "email", "phone")


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two contacts that look like one person; `score` out of 100."""

    first: ContactRecord
    second: ContactRecord
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """A contact as the side-by-side review shows it."""

    contact: ContactRecord
    organization: str
    state: str
    log_entries: int
    demarches: int


@dataclass(frozen=True, slots=True)
class MergeRecord:
    """What a merge did, enough to reverse it."""

    kept: ContactRecord
    dropped_id: int
    moved_log_links: tuple[int, ...]  # log_entry_contact ids now pointing at the kept one
    removed_log_links: tuple[int, ...]  # log entry ids the kept one was already linked to
    moved_demarche_links: tuple[int, ...]  # demarche_contact ids
    removed_demarche_links: tuple[int, ...]  # démarche ids
    before: tuple[tuple[str, Any], ...]  # the kept contact's fields the merge changed


@dataclass(frozen=True, slots=True)
class _Person:
    record: ContactRecord
    name: str  # folded "given family", its words in alphabetical order
    family: str  # folded


def _blocks(people: list[_Person]) -> tuple[list[list[int]], list[list[int]]]:
    """Groups of indexes worth comparing: by name (the start of the family name, the
    start of the name's first word in alphabetical order) and by the same e-mail or phone."""
    names: dict[tuple[str, str], list[int]] = defaultdict(list)
    reach: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        if person.family:
            names[("family", person.family[:3])].append(index)
        words = person.name.split()
        if words:
            names[("word", words[0][:3])].append(index)
        if person.record.email:
            reach[("email", person.record.email.casefold())].append(index)
        if person.record.phone:
            reach[("phone", person.record.phone)].append(index)
    keep = [indexes for indexes in names.values() if len(indexes) > 1]
    return keep, [indexes for indexes in reach.values() if len(indexes) > 1]


def _judge(first: _Person, second: _Person, name_score: float) -> tuple[float, list[str]]:
    """The pair's score: the names' likeness, raised by the same e-mail (strong), phone
    (weaker: a ministry's switchboard is shared) or organization, lowered by different
    states."""
    a, b = first.record, second.record
    score, reasons = name_score, []
    if name_score >= 99.5:
        reasons.append(_("same name"))
    else:
        reasons.append(_("names {percent}% alike").format(percent=f"{name_score:.0f}"))
    if a.email and a.email.casefold() == b.email.casefold():
        score += 35
        reasons.append(_("same e-mail"))
    if a.phone and a.phone == b.phone:
        score += 15
        reasons.append(_("same phone"))
    if a.organization_id is not None and a.organization_id == b.organization_id:
        score += 5
        reasons.append(_("same organization"))
    if a.state_id is not None and b.state_id is not None and a.state_id != b.state_id:
        score -= 10
        reasons.append(_("different states"))
    return min(100.0, score), reasons


class DuplicateService(Service):
    def find(
        self, threshold: float = DEFAULT_THRESHOLD, *, limit: int | None = None
    ) -> list[DuplicatePair]:
        """Pairs of live contacts scoring at least `threshold` (0-100), most alike first."""
        if not 0 < threshold <= 100:
            message = _("The threshold is a score from 1 to 100 (got {threshold}).")
            raise ValidationError(message.format(threshold=threshold), "threshold")
        common.check_paging(0, limit)
        with self._db.read() as session:
            people = [
                _Person(
                    contact_record(contact),
                    " ".join(sorted(fold(f"{contact.given_name} {contact.family_name}").split())),
                    fold(contact.family_name),
                )
                for contact in session.scalars(
                    select(Contact).where(Contact.deleted_at.is_(None)).order_by(Contact.id)
                )
            ]
        # rapidfuzz loads here, on the first search, not when the app or the CLI starts
        from rapidfuzz import fuzz, process

        found: dict[tuple[int, int], tuple[float, list[str]]] = {}

        def consider(first: int, second: int, name_score: float | None) -> None:
            pair = (min(first, second), max(first, second))
            if pair in found:
                return
            if name_score is None:
                name_score = float(fuzz.ratio(people[pair[0]].name, people[pair[1]].name))
            score, reasons = _judge(people[pair[0]], people[pair[1]], name_score)
            if score >= threshold:
                found[pair] = (score, reasons)

        by_name, by_reach = _blocks(people)
        cutoff = max(0.0, threshold - 5)  # the organization's +5 is all a name block adds
        for block in by_name:
            choices = [people[index].name for index in block]
            for row, first in enumerate(block):
                for _choice, name_score, column in process.extract(
                    choices[row],
                    choices,
                    scorer=fuzz.ratio,  # on sorted words: rapidfuzz's token_sort_ratio
                    score_cutoff=cutoff,
                    limit=None,
                ):
                    if column > row:
                        consider(first, block[column], float(name_score))
        for block in by_reach:  # the same e-mail or phone: every pair, whatever the names
            for row, first in enumerate(block):
                for second in block[row + 1 :]:
                    consider(first, second, None)
        pairs = [
            DuplicatePair(people[a].record, people[b].record, round(score, 1), tuple(reasons))
            for (a, b), (score, reasons) in found.items()
        ]
        pairs.sort(key=lambda pair: (-pair.score, pair.first.id, pair.second.id))
        return pairs[:limit] if limit is not None else pairs

    def summary(self, contact_id: int) -> ContactSummary:
        with self._db.read() as session:
            contact = lookup.get_live(session, Contact, contact_id, CONTACT)
            organization = (
                session.get(Organization, contact.organization_id)
                if contact.organization_id
                else None
            )
            state = session.get(State, contact.state_id) if contact.state_id else None
            logs = session.scalar(
                select(func.count(LogEntryContact.id)).where(
                    LogEntryContact.contact_id == contact_id
                )
            )
            demarches = session.scalar(
                select(func.count(DemarcheContact.id)).where(
                    DemarcheContact.contact_id == contact_id
                )
            )
            return ContactSummary(
                contact=contact_record(contact),
                organization=organization.name if organization else "",
                state=lookup.state_name(state) if state else "",
                log_entries=logs or 0,
                demarches=demarches or 0,
            )

    def merge(self, keep_id: int, drop_id: int) -> MergeRecord:
        """Merge contact `drop_id` into `keep_id`, keeping every link and all history."""
        if keep_id == drop_id:
            raise ValidationError(_("A contact cannot be merged with itself."), "contact")
        backups.before_change(self._db, "merge")
        with self._db.write() as session:
            keep = lookup.get_live(session, Contact, keep_id, CONTACT)
            drop = lookup.get_live(session, Contact, drop_id, CONTACT)
            before: list[tuple[str, Any]] = []
            for field in FILLED:
                if getattr(keep, field) in (None, "") and getattr(drop, field) not in (None, ""):
                    before.append((field, getattr(keep, field)))
                    setattr(keep, field, getattr(drop, field))
            languages = keep.languages.split(",") if keep.languages else []
            for code in drop.languages.split(",") if drop.languages else []:
                if code not in languages:
                    languages.append(code)
            if ",".join(languages) != keep.languages and len(",".join(languages)) <= 60:
                before.append(("languages", keep.languages))
                keep.languages = ",".join(languages)
            if drop.notes and drop.notes not in keep.notes:
                before.append(("notes", keep.notes))
                keep.notes = "\n\n".join(part for part in (keep.notes, drop.notes) if part)
            moved_logs, removed_logs = _move_links(
                session, LogEntryContact, "log_entry_id", keep_id, drop_id
            )
            moved_demarches, removed_demarches = _move_links(
                session, DemarcheContact, "demarche_id", keep_id, drop_id
            )
            common.soft_delete(drop)
            session.flush()
            record = MergeRecord(
                kept=contact_record(keep),
                dropped_id=drop_id,
                moved_log_links=tuple(moved_logs),
                removed_log_links=tuple(removed_logs),
                moved_demarche_links=tuple(moved_demarches),
                removed_demarche_links=tuple(removed_demarches),
                before=tuple(before),
            )
            _audit(session, self._db.actor, MERGE, keep, record)
            return record

    def unmerge(self, merge: MergeRecord) -> ContactRecord:
        """Reverse `merge`: the dropped contact back, with its links; the kept contact's
        fields as they were."""
        with self._db.write() as session:
            keep = lookup.get_live(session, Contact, merge.kept.id, CONTACT)
            drop = common.get_any(session, Contact, merge.dropped_id, CONTACT)
            common.restore(drop)
            for field, value in merge.before:
                setattr(keep, field, value)
            _restore_links(
                session,
                LogEntryContact,
                "log_entry_id",
                drop.id,
                merge.moved_log_links,
                merge.removed_log_links,
            )
            _restore_links(
                session, DemarcheContact, "demarche_id", drop.id,
                merge.moved_demarche_links, merge.removed_demarche_links,
            )  # fmt: skip
            session.flush()
            _audit(session, self._db.actor, UNMERGE, keep, merge)
            return contact_record(drop)


def _move_links(
    session: Session,
    model: type[Link],
    owner: str,
    keep_id: int,
    drop_id: int,
) -> tuple[list[int], list[int]]:
    """Point `drop_id`'s links at `keep_id`; where both were linked, drop the duplicate.
    Returns (ids of the links moved, owner ids of the links removed)."""
    already = set(session.scalars(select(getattr(model, owner)).where(model.contact_id == keep_id)))
    moved: list[int] = []
    removed: list[int] = []
    for link in list(session.scalars(select(model).where(model.contact_id == drop_id))):
        owner_id = getattr(link, owner)
        if owner_id in already:
            removed.append(owner_id)
            session.delete(link)
        else:
            link.contact_id = keep_id
            moved.append(link.id)
    session.flush()
    return moved, removed


def _restore_links(
    session: Session,
    model: type[Link],
    owner: str,
    drop_id: int,
    moved: tuple[int, ...],
    removed: tuple[int, ...],
) -> None:
    for link in session.scalars(select(model).where(model.id.in_(moved))):
        link.contact_id = drop_id
    session.add_all(model(**{owner: owner_id, "contact_id": drop_id}) for owner_id in removed)


def _audit(session: Session, actor: str, action: str, keep: Contact, merge: MergeRecord) -> None:
    """The audit entry for a merge (or its reversal), on the kept contact."""
    changes: dict[str, list[Any]] = {
        "merged_from": [None, merge.dropped_id] if action == MERGE else [merge.dropped_id, None],
        "log_entries_moved": [None, len(merge.moved_log_links) + len(merge.removed_log_links)],
        "demarches_moved": [
            None,
            len(merge.moved_demarche_links) + len(merge.removed_demarche_links),
        ],
    }
    for field, old in merge.before:
        changes[field] = [old, getattr(keep, field)]
    session.add(
        AuditEntry(
            at=common.utc_now(),
            actor=actor,
            action=action,
            entity=Contact.__tablename__,
            entity_id=keep.id,
            state_id=keep.state_id,
            changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
        )
    )
    session.flush()
