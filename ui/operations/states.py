"""The undoable changes to a state: its profile (stance, notes, talking points), its
treaty status, its obligations met or extended, the sourced facts about it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from outreach.domain.records import (
    FactRecord,
    ObligationChange,
    ObligationRecord,
    ParticipationRecord,
    StateRecord,
)
from outreach.services.facts import FactService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from ui.operations import edit_op, set_op
from ui.undo import Operation, VersionBook

TREATY = "APMBC"
#: what `TreatyService.set_status` writes at once (with the source and its date)
STATUS_FIELDS = (
    "signed_on",
    "consent_on",
    "consent_kind",
    "effective_on",
    "withdrawal_notified_on",
)


def edit_profile(
    states: StateService, book: VersionBook, before: StateRecord, values: Mapping[str, Any]
) -> Operation[StateRecord] | None:
    """Change the profile fields (`update_profile` keywords) that `values` change, checked
    against the version `before` was read at; None when they change nothing."""
    return edit_op(
        QCoreApplication.translate("StateOperations", "Edit profile of {0}").format(before.name),
        before,
        values,
        states.update_profile,
        book=book,
        kind="state",
    )


def _status_of(record: ParticipationRecord | None) -> dict[str, Any]:
    """The `set_status` keywords that put back `record` (None: no participation)."""
    if record is None:
        return dict.fromkeys(STATUS_FIELDS)
    return {field: getattr(record, field) for field in (*STATUS_FIELDS, "source", "as_of")}


def set_treaty_status(
    treaties: TreatyService,
    state: StateRecord,
    before: ParticipationRecord | None,
    values: Mapping[str, Any],
    treaty: str = TREATY,
) -> Operation[ParticipationRecord]:
    """Record signature, consent and withdrawal in `treaty` at once (`set_status`
    keywords); undo puts back the status `before` (entry into force follows the rule)."""
    state_id = state.id
    return set_op(
        QCoreApplication.translate("StateOperations", "Treaty status of {0}").format(state.name),
        lambda status: treaties.set_status(state_id, treaty, **status),
        values,
        _status_of(before),
    )


def record_obligations(
    treaties: TreatyService,
    state: StateRecord,
    duties: Sequence[ObligationRecord],
    changes: Sequence[ObligationChange],
    source: str,
) -> Operation[list[ObligationRecord]]:
    """Record the changes (citing `source` when one is typed); undo puts back the dates
    and the source each changed duty had."""
    cited = source.strip()
    if cited:
        changes = [replace(change, source=cited, as_of=date.today()) for change in changes]
    changed = {change.obligation_id for change in changes}
    before = [
        ObligationChange(
            duty.id, duty.met_on, duty.extended_to, duty.source, duty.as_of, duty.met_precision
        )
        for duty in duties
        if duty.id in changed
    ]
    return set_op(
        QCoreApplication.translate("StateOperations", "Obligations of {0}").format(state.name),
        treaties.record_obligations,
        changes,
        before,
    )


def add_fact_about(
    facts: FactService, state: StateRecord, values: Mapping[str, Any]
) -> Operation[FactRecord]:
    """Add a sourced fact about `state` (`add_fact` keywords); undo deletes it. A deleted
    fact cannot be restored: redo adds it again, and undo then deletes that copy."""
    state_id = state.id
    added: list[FactRecord] = []

    def add() -> FactRecord:
        added.append(facts.add_fact(state_id, **values))
        return added[-1]

    return Operation(
        QCoreApplication.translate("StateOperations", "Add fact about {0}").format(state.name),
        do=add,
        undo=lambda _first: facts.delete_fact(added[-1].id),
        redo=lambda _first: add(),
    )
