"""Duplicate contacts: likely pairs found over folded names and what else they share; a
merge keeps every log entry, démarche link and the audit history, and can be reversed."""

from __future__ import annotations

import json

import pytest

from outreach.errors import NotFoundError, ValidationError
from outreach.search import SearchKind, SearchService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.duplicates import DuplicateService
from outreach.services.history import HistoryService
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database


@pytest.fixture
def people(reference_db: Database) -> dict[str, int]:
    organizations, contacts = OrganizationService(reference_db), ContactService(reference_db)
    ministry = organizations.create("Ministry of Foreign Affairs", state="TUR").id
    return {
        "ornek": contacts.create(
            "Örnek", given_name="Aylin", organization_id=ministry, email="aylin@example.org",
            position="Deputy Director General",
        ).id,
        "ornek_again": contacts.create(
            "Ornek", given_name="Aylin", organization_id=ministry, phone="+90 312 555 0101",
            notes="Met in Geneva.", languages="tr,fr",
        ).id,
        "reversed": contacts.create("Aylin", given_name="Ornek", state="TUR").id,
        "same_mail": contacts.create(
            "Ornek-Demir", given_name="A.", email="AYLIN@example.org", state="TUR"
        ).id,
        "other": contacts.create("Sample", given_name="Jane", state="CAN").id,
        "namesake": contacts.create("Sample", given_name="Jane", state="KHM").id,
    }  # fmt: skip


def pair_ids(db: Database, threshold: float = 85) -> set[frozenset[int]]:
    return {
        frozenset((pair.first.id, pair.second.id)) for pair in DuplicateService(db).find(threshold)
    }


def test_likely_duplicates_are_found(reference_db: Database, people: dict[str, int]) -> None:
    found = pair_ids(reference_db)
    assert frozenset((people["ornek"], people["ornek_again"])) in found  # accents aside
    assert frozenset((people["ornek"], people["reversed"])) in found  # names swapped
    assert frozenset((people["ornek"], people["same_mail"])) in found  # same e-mail
    # Same name in two different states (a diplomat posted elsewhere?): found, weaker.
    namesakes = next(
        pair
        for pair in DuplicateService(reference_db).find()
        if {pair.first.id, pair.second.id} == {people["other"], people["namesake"]}
    )
    assert namesakes.score == 90 and "different states" in namesakes.reasons
    assert frozenset((people["other"], people["namesake"])) not in pair_ids(reference_db, 95)
    assert frozenset((people["ornek"], people["other"])) not in pair_ids(reference_db, 50)


def test_pairs_come_most_alike_first_with_reasons(
    reference_db: Database, people: dict[str, int]
) -> None:
    pairs = DuplicateService(reference_db).find()
    assert [p.score for p in pairs] == sorted((p.score for p in pairs), reverse=True)
    best = pairs[0]
    assert {best.first.id, best.second.id} == {people["ornek"], people["ornek_again"]}
    assert "same organization" in best.reasons and "same name" in best.reasons


def test_a_threshold_out_of_range_is_refused(reference_db: Database) -> None:
    with pytest.raises(ValidationError, match="1 to 100"):
        DuplicateService(reference_db).find(0)


def test_merge_keeps_every_link_and_the_history(
    reference_db: Database, people: dict[str, int]
) -> None:
    keep, drop = people["ornek"], people["ornek_again"]
    log, demarches = ContactLogService(reference_db), DemarcheService(reference_db)
    only_drop = log.log("2003-01-10", "call", "Call with the second record", contact_ids=[drop])
    both = log.log("2003-02-10", "meeting", "Met both records", contact_ids=[keep, drop])
    demarche = demarches.create(
        "TUR", "Joint deposit", "accede", "meeting", "ambassador", contact_ids=[drop]
    )
    shared = demarches.create(
        "TUR", "Stockpiles", "accede", "meeting", "ambassador", contact_ids=[keep, drop]
    )
    history_before = HistoryService(reference_db).for_entity("contact", drop)

    merged = DuplicateService(reference_db).merge(keep, drop)

    assert log.get(only_drop.id).contact_ids == (keep,)
    assert log.get(both.id).contact_ids == (keep,)
    assert demarches.get(demarche.id).contact_ids == (keep,)
    assert demarches.get(shared.id).contact_ids == (keep,)
    # The kept contact took what it lacked; notes are put together.
    assert merged.kept.phone == "+903125550101"
    assert merged.kept.languages == ("tr", "fr")
    assert merged.kept.notes == "Met in Geneva."
    assert merged.kept.email == "aylin@example.org"
    # The other is gone from lists, its own history intact.
    with pytest.raises(NotFoundError):
        ContactService(reference_db).get(drop)
    history_after = HistoryService(reference_db).for_entity("contact", drop)
    assert history_after[len(history_after) - len(history_before) :] == history_before
    # The merge is in the audit trail, on the kept contact.
    entry = next(
        e for e in HistoryService(reference_db).for_entity("contact", keep) if e.action == "merge"
    )
    assert entry.changes["merged_from"] == [None, drop]
    assert entry.changes["log_entries_moved"] == [None, 2]
    assert entry.changes["demarches_moved"] == [None, 2]
    assert entry.actor == reference_db.actor
    assert json.dumps(entry.changes)
    # Search follows: the log entries now name the kept contact only.
    hits = SearchService(reference_db).search("ornek", kinds=[SearchKind.CONTACT]).hits
    assert drop not in [hit.id for hit in hits]


def test_unmerge_puts_everything_back(reference_db: Database, people: dict[str, int]) -> None:
    keep, drop = people["ornek"], people["ornek_again"]
    log = ContactLogService(reference_db)
    only_drop = log.log("2003-01-10", "call", "Call", contact_ids=[drop])
    both = log.log("2003-02-10", "meeting", "Both", contact_ids=[keep, drop])
    before_keep = ContactService(reference_db).get(keep)
    before_drop = ContactService(reference_db).get(drop)
    service = DuplicateService(reference_db)

    merged = service.merge(keep, drop)
    service.unmerge(merged)

    assert ContactService(reference_db).get(keep) == before_keep
    assert ContactService(reference_db).get(drop) == before_drop
    assert log.get(only_drop.id).contact_ids == (drop,)
    assert log.get(both.id).contact_ids == tuple(sorted((keep, drop)))
    actions = [e.action for e in HistoryService(reference_db).for_entity("contact", keep)]
    assert actions[:2] == ["unmerge", "merge"] or {"unmerge", "merge"} <= set(actions)
    # And again (redo), from the same record.
    again = service.merge(keep, drop)
    service.unmerge(again)
    assert log.get(both.id).contact_ids == tuple(sorted((keep, drop)))


def test_a_contact_cannot_merge_with_itself_or_a_deleted_one(
    reference_db: Database, people: dict[str, int]
) -> None:
    service = DuplicateService(reference_db)
    with pytest.raises(ValidationError, match="itself"):
        service.merge(people["ornek"], people["ornek"])
    ContactService(reference_db).delete(people["other"])
    with pytest.raises(NotFoundError):
        service.merge(people["ornek"], people["other"])


def test_the_side_by_side_summary_counts_links(
    reference_db: Database, people: dict[str, int]
) -> None:
    ContactLogService(reference_db).log("2003-01-10", "call", "Call", contact_ids=[people["ornek"]])
    summary = DuplicateService(reference_db).summary(people["ornek"])
    assert summary.organization == "Ministry of Foreign Affairs"
    assert summary.state == "Türkiye"
    assert (summary.log_entries, summary.demarches) == (1, 0)
