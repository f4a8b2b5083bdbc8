"""The named operations of `ui.operations` over the demo database: an edit writes only
what changed, undo puts back exactly what was there and redo does the change again."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, timedelta

from outreach.domain.records import StateRecord
from ui.operations.categories import edit_category
from ui.operations.forums import edit_membership
from ui.operations.log import edit_entry
from ui.operations.meetings import edit_meeting
from ui.operations.states import add_fact_about
from ui.services import AppServices
from ui.undo import UndoRunner


def _greece(services: AppServices) -> StateRecord:
    greece = services.states.find("GRC")
    assert greece is not None
    return greece


def test_a_meeting_edit_is_undone_and_redone_and_no_change_is_no_step(
    services: AppServices, undo_runner: UndoRunner
) -> None:
    forums = services.forums
    before = forums.meetings()[0]
    typed = {
        "title": before.title + " ",  # re-spaced only: not a change
        "city": "Geneva",
        "timezone": before.timezone,
        "starts_on": before.starts_on,
        "ends_on": before.ends_on,
        "notes": before.notes,
    }
    operation = edit_meeting(forums, before, typed)
    assert operation is not None
    undo_runner.run(operation)
    assert forums.get_meeting(before.id).city == "Geneva"

    undo_runner.stack.undo()
    assert forums.get_meeting(before.id) == before
    undo_runner.stack.redo()
    assert forums.get_meeting(before.id).city == "Geneva"

    typed["city"] = "Geneva"
    assert edit_meeting(forums, forums.get_meeting(before.id), typed) is None


def test_a_membership_edit_is_undone_exactly(
    services: AppServices, undo_runner: UndoRunner
) -> None:
    forums = services.forums
    before = forums.memberships(forums.forums()[0].id)[0]
    operation = edit_membership(
        forums, before, {"since": before.since, "until": before.until, "source": "Treaty text"}
    )
    assert operation is not None
    undo_runner.run(operation)
    assert forums.get_member(before.id).source == "Treaty text"
    undo_runner.stack.undo()
    assert forums.get_member(before.id) == before


def test_a_category_described_is_undone_with_its_name_untouched(
    services: AppServices, undo_runner: UndoRunner
) -> None:
    categories = services.categories
    before = categories.all()[0]
    values = {"name": before.name, "description": "Why these states matter"}
    operation = edit_category(categories, before, values)
    assert operation is not None
    undo_runner.run(operation)
    assert categories.all()[0].description == "Why these states matter"
    undo_runner.stack.undo()
    assert categories.all()[0] == before
    unchanged = {"name": before.name, "description": before.description}
    assert edit_category(categories, before, unchanged) is None


def test_taking_a_done_follow_up_away_is_undone_with_the_day_it_was_done(
    services: AppServices, undo_runner: UndoRunner
) -> None:
    log = services.log
    day = date.today() - timedelta(days=20)
    entry = log.log(day, "call", "Asked about the stockpile", states=[_greece(services).id])
    log.update(entry.id, follow_up_on=day + timedelta(days=7))
    before = log.complete_follow_up(entry.id, on=day + timedelta(days=5))
    values = {
        "summary": before.summary,
        "states": list(reversed(before.state_ids)),  # the same states: not a change
        "follow_up_on": None,
    }
    operation = edit_entry(log, before, values)
    assert operation is not None
    undo_runner.run(operation)
    assert log.get(entry.id).follow_up_done_on is None

    undo_runner.stack.undo()
    assert log.get(entry.id) == before
    undo_runner.stack.redo()
    assert log.get(entry.id).follow_up_on is None


def test_a_fact_added_then_undone_redone_and_undone_again_leaves_none(
    services: AppServices, undo_runner: UndoRunner
) -> None:
    facts, greece = services.facts, _greece(services)
    known = [asdict(fact) for fact in facts.facts_of(greece.id)]
    values = {
        "kind": "stockpile",
        "holds": True,
        "source": "Article 7 report",
        "as_of": date.today(),
    }
    undo_runner.run(add_fact_about(facts, greece, values))
    assert len(facts.facts_of(greece.id)) == len(known) + 1

    undo_runner.stack.undo()
    undo_runner.stack.redo()
    assert len(facts.facts_of(greece.id)) == len(known) + 1
    undo_runner.stack.undo()
    assert [asdict(fact) for fact in facts.facts_of(greece.id)] == known
