"""Treaty status from the UN Treaty Collection's status table, as officers copy it.

The table (e.g. chapter XXVI-5 for the Ottawa Convention) is saved as CSV from a
spreadsheet or pasted from the web page as tab-separated text:

    Participant	Signature	Ratification, Accession(a), Succession(d)
    Afghanistan		11 Sep 2002 a
    Denmark3	4 Dec 1997	8 Jun 1998
    Japan	3 Dec 1997	30 Sep 1998 A

- the third column's header is "Ratification, Accession(a), Succession(d)" or the longer
  "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)";
- dates read "3 Dec 1997"; a trailing "a", "A", "AA" or "d" says the kind of consent
  (accession, acceptance, approval, succession; none: ratification);
- footnote numbers are glued to names ("Denmark3") and sometimes to dates; they go;
- names are the UN's ("Bolivia (Plurinational State of)", "Türkiye"), found through the
  states' names and aliases; a name that matches nothing is reported, never guessed.

`plan_untc_import` reads the table and compares it with the database: new
participations, changed dates, and participations the table no longer lists (states
absent from the table are outside the treaty). Nothing changes until `apply_untc_import`,
which records every change in one transaction through `TreatyService`, so entry into
force and obligations follow the treaty's rule and the audit trail has each change. A
withdrawal recorded in the app is never erased by an import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from outreach.domain.enums import ConsentKind
from outreach.errors import CancelledError, ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _, ngettext
from outreach.io.untc_table import (
    ParsedTable,
    read_untc_file,
)
from outreach.progress import Watch, callbacks
from outreach.services import lookup
from outreach.services.common import KEEP, Keep
from outreach.services.treaties import TreatyService, kept_effective_on, rules_of
from outreach.storage import backups
from outreach.storage.database import Database
from outreach.storage.models import Participation

#: a participation's signature, consent and kind of consent
Dates = tuple[date | None, date | None, ConsentKind | None]

# A state leaves a treaty by withdrawing, which is rare (a handful in any treaty's life,
# and recorded in Outreach itself), so a table that drops many participations at once is
# far likelier cut short (a partial copy, a header alone) than true: an import that takes
# out more than 5 states, or more than a tenth of the treaty's participations (a small
# treaty), must be confirmed (`--yes`, or the app's question).
MANY_REMOVALS = 5
MANY_REMOVALS_SHARE = 0.10


class ChangeKind(StrEnum):
    NEW = "new"  # a state the database had no signature or consent for
    CHANGED = "changed"  # different dates or kind of consent
    NOT_LISTED = "not_listed"  # the table no longer lists it: outside the treaty


@dataclass(frozen=True, slots=True)
class Unmatched:
    line: int
    listed_name: str


@dataclass(frozen=True, slots=True)
class ParticipationChange:
    kind: ChangeKind
    state_id: int
    state_name: str
    listed_name: str  # "" for a state the table no longer lists
    line: int | None
    signed_before: date | None
    consent_before: date | None
    kind_before: ConsentKind | None
    signed_on: date | None
    consent_on: date | None
    consent_kind: ConsentKind | None
    in_force_on: date | None  # by the treaty's rule, after the change
    withdrawal_kept: bool  # a withdrawal is recorded and stays
    source_before: str = ""  # where the dates before came from, to put back on undo
    as_of_before: date | None = None
    #: a succession's effective date before, put back on undo (the table has none)
    effective_before: date | None = None
    other_name: str = ""  # the state's name in the other language ("" when the same)

    @property
    def before(self) -> Dates:
        return (self.signed_before, self.consent_before, self.kind_before)

    @property
    def after(self) -> Dates:
        return (self.signed_on, self.consent_on, self.consent_kind)

    @property
    def listed_as(self) -> str:
        """The table's name for the state when it differs from the state's own (in
        English or French) by more than case and accents (a UN name, a footnote glued
        on); else ""."""
        own = {fold(self.state_name), fold(self.other_name)}
        if not self.listed_name or fold(self.listed_name) in own:
            return ""
        return self.listed_name


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would change; nothing has changed yet."""

    treaty_code: str
    source: str
    as_of: date
    listed: int  # participants read from the table
    unchanged: int
    changes: tuple[ParticipationChange, ...]
    unmatched: tuple[Unmatched, ...]
    problems: tuple[str, ...]
    withdrawals_kept: tuple[str, ...]  # not listed, but a withdrawal is recorded: left as is
    participations_before: int = 0  # states with a signature or consent before the import

    @property
    def removals_need_confirmation(self) -> bool:
        """Whether the import takes out so many participations that the table is likely
        incomplete (see MANY_REMOVALS): the command line wants --yes, the app asks."""
        removals = len(self.not_listed)
        return removals > MANY_REMOVALS or removals > MANY_REMOVALS_SHARE * max(
            self.participations_before, 1
        )

    def removals_summary(self, shown: int = 5) -> str:
        """'161 states (Afghanistan, Albania, …)': what an import would take out."""
        names = [change.state_name for change in self.not_listed]
        more = ", …" if len(names) > shown else ""
        listed = ", ".join(names[:shown]) + more
        return ngettext("{count} state ({states})", "{count} states ({states})", len(names)).format(
            count=len(names), states=listed
        )

    def of_kind(self, kind: ChangeKind) -> tuple[ParticipationChange, ...]:
        return tuple(change for change in self.changes if change.kind == kind)

    @property
    def new(self) -> tuple[ParticipationChange, ...]:
        return self.of_kind(ChangeKind.NEW)

    @property
    def changed(self) -> tuple[ParticipationChange, ...]:
        return self.of_kind(ChangeKind.CHANGED)

    @property
    def not_listed(self) -> tuple[ParticipationChange, ...]:
        return self.of_kind(ChangeKind.NOT_LISTED)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    applied: int
    treaty_code: str


# --- reading the table ---------------------------------------------------------------------


def plan_untc_import(
    db: Database,
    table: ParsedTable,
    treaty_code: str = "APMBC",
    *,
    source: str = "UN Treaty Collection status table",
    as_of: date | None = None,
) -> ImportPlan:
    """What importing `table` would change for `treaty_code`; changes nothing."""
    day = as_of or date.today()
    problems = list(table.problems)
    changes: list[ParticipationChange] = []
    unmatched: list[Unmatched] = []
    unchanged = 0
    with db.read() as session:
        treaty = lookup.treaty(session, treaty_code)
        rules = rules_of(treaty)
        current = {
            row.state_id: row
            for row in session.scalars(
                select(Participation).where(Participation.treaty_id == treaty.id)
            )
        }
        seen: dict[int, int] = {}
        states = lookup.StateNames(session)  # read once: a query per row made it slow
        for row in table.rows:
            state = states.find(row.name)
            if state is None:
                unmatched.append(Unmatched(row.line, row.listed_name))
                continue
            if state.id in seen:
                problems.append(
                    _(
                        "line {line}: {listed} names {state} again (line {first}); "
                        "only the first is used"
                    ).format(
                        line=row.line,
                        listed=row.name,
                        state=lookup.state_name(state),
                        first=seen[state.id],
                    )
                )
                continue
            seen[state.id] = row.line
            if row.problem is not None:
                continue  # listed, so not "no longer listed", but nothing to record
            before = current.get(state.id)
            signed_before = before.signed_on if before else None
            consent_before = before.consent_on if before else None
            kind_before = (
                ConsentKind(before.consent_kind) if before and before.consent_kind else None
            )
            if (signed_before, consent_before, kind_before) == (
                row.signed_on,
                row.consent_on,
                row.consent_kind,
            ):
                unchanged += 1
                continue
            changes.append(
                ParticipationChange(
                    kind=ChangeKind.CHANGED if signed_before or consent_before else ChangeKind.NEW,
                    state_id=state.id,
                    state_name=lookup.state_name(state),
                    other_name=lookup.other_state_name(state),
                    listed_name=row.listed_name,
                    line=row.line,
                    signed_before=signed_before,
                    consent_before=consent_before,
                    kind_before=kind_before,
                    signed_on=row.signed_on,
                    consent_on=row.consent_on,
                    consent_kind=row.consent_kind,
                    in_force_on=rules.entry_into_force_for(
                        row.consent_on,
                        kept_effective_on(
                            before.effective_on if before else None,
                            row.consent_kind,
                            row.consent_on,
                        ),
                    )
                    if row.consent_on
                    else None,
                    withdrawal_kept=bool(before and before.withdrawal_notified_on),
                    source_before=before.source if before else "",
                    effective_before=before.effective_on if before else None,
                    as_of_before=before.as_of if before else None,
                )
            )
        withdrawals_kept: list[str] = []
        names = lookup.state_names(session)
        for state_id, before in sorted(current.items(), key=lambda item: fold(names[item[0]])):
            if state_id in seen or (before.signed_on is None and before.consent_on is None):
                continue
            if before.withdrawal_notified_on is not None:
                withdrawals_kept.append(names[state_id])
                continue
            changes.append(
                ParticipationChange(
                    kind=ChangeKind.NOT_LISTED,
                    state_id=state_id,
                    state_name=names[state_id],
                    listed_name="",
                    line=None,
                    signed_before=before.signed_on,
                    consent_before=before.consent_on,
                    kind_before=ConsentKind(before.consent_kind) if before.consent_kind else None,
                    signed_on=None,
                    consent_on=None,
                    consent_kind=None,
                    in_force_on=None,
                    withdrawal_kept=False,
                    source_before=before.source,
                    as_of_before=before.as_of,
                    effective_before=before.effective_on,
                )
            )
    order = {ChangeKind.NEW: 0, ChangeKind.CHANGED: 1, ChangeKind.NOT_LISTED: 2}
    changes.sort(key=lambda change: (order[change.kind], fold(change.state_name)))
    return ImportPlan(
        treaty_code=treaty.code,
        source=source,
        as_of=day,
        listed=len(table.rows),
        unchanged=unchanged,
        changes=tuple(changes),
        unmatched=tuple(unmatched),
        problems=tuple(problems),
        withdrawals_kept=tuple(withdrawals_kept),
        participations_before=sum(
            1 for before in current.values() if before.signed_on or before.consent_on
        ),
    )


def plan_untc_file(
    db: Database, path: Path, treaty_code: str = "APMBC", *, as_of: date | None = None
) -> ImportPlan:
    """Read a saved status table and plan its import (the source names the file)."""
    return plan_untc_import(
        db,
        read_untc_file(path),
        treaty_code,
        source=f"UN Treaty Collection status table ({Path(path).name})",
        as_of=as_of,
    )


def _participation(session: Session, treaty_id: int, state_id: int) -> Participation | None:
    return session.scalar(
        select(Participation).where(
            Participation.treaty_id == treaty_id, Participation.state_id == state_id
        )
    )


def _dates_now(session: Session, treaty_id: int, state_id: int) -> Dates:
    now = _participation(session, treaty_id, state_id)
    if now is None:
        return None, None, None
    return (
        now.signed_on,
        now.consent_on,
        ConsentKind(now.consent_kind) if now.consent_kind else None,
    )


# a participation changed since: what was done about it
PREVIEW_STALE = N_(
    "{state}'s participation changed since the preview; nothing was imported. "
    "Preview the import again."
)
IMPORT_STALE = N_("{state}'s participation changed since the import; nothing was put back.")


def apply_untc_import(db: Database, plan: ImportPlan, **watch: Unpack[Watch]) -> ImportOutcome:
    """Record every change of `plan` in one transaction (all or nothing); `progress`
    hears of each change recorded, and once `cancelled()` is true the import stops with
    CancelledError, having changed nothing.

    Refused when a participation changed since the plan was made: plan again. Whether
    the removals need confirming (`removals_need_confirmation`) is for the caller to ask."""
    progress, cancelled = callbacks(watch)
    treaties = TreatyService(db)
    backups.before_change(db, "import")
    with db.write() as session:
        treaty = lookup.treaty(session, plan.treaty_code)
        for done, change in enumerate(plan.changes):
            if cancelled():
                raise CancelledError(_("The import was cancelled; nothing was changed."))
            progress(done, len(plan.changes))
            _check_unchanged(session, treaty.id, change, change.before, PREVIEW_STALE)
            try:
                _record(treaties, plan, change, change.after, source=plan.source, as_of=plan.as_of)
            except ValidationError as error:
                raise ValidationError(
                    _("{state}: {error} Nothing was imported.").format(
                        state=change.state_name, error=error
                    ),
                    error.field,
                ) from None
    return ImportOutcome(applied=len(plan.changes), treaty_code=plan.treaty_code)


def revert_untc_import(db: Database, plan: ImportPlan) -> ImportOutcome:
    """Put back, in one transaction, what applying `plan` changed: each state's dates and
    their source as they were (obligations met are kept, as always). Refused when a
    participation changed since the import."""
    treaties = TreatyService(db)
    with db.write() as session:
        treaty = lookup.treaty(session, plan.treaty_code)
        for change in plan.changes:
            _check_unchanged(session, treaty.id, change, change.after, IMPORT_STALE)
            participation = _participation(session, treaty.id, change.state_id)
            if participation is not None:  # the source as it was, before the dates
                participation.source = change.source_before
                participation.as_of = change.as_of_before
            _record(treaties, plan, change, change.before, effective_on=change.effective_before)
    return ImportOutcome(applied=len(plan.changes), treaty_code=plan.treaty_code)


def _check_unchanged(
    session: Session, treaty_id: int, change: ParticipationChange, dates: Dates, refusal: str
) -> None:
    """Refuse to go on unless the state's dates are still `dates`, with `refusal` (which
    says what was done about it)."""
    if _dates_now(session, treaty_id, change.state_id) != dates:
        raise ValidationError(_(refusal).format(state=change.state_name))


def _record(
    treaties: TreatyService,
    plan: ImportPlan,
    change: ParticipationChange,
    dates: Dates,
    *,
    source: str = "",
    as_of: date | None = None,
    effective_on: date | Keep | None = KEEP,
) -> None:
    """Give the state's participation these dates (and, for an import, its source; a
    succession keeps its effective date unless one is given)."""
    signed_on, consent_on, consent_kind = dates
    treaties.record_participation(
        change.state_id,
        plan.treaty_code,
        signed_on=signed_on,
        consent_on=consent_on,
        consent_kind=consent_kind,
        effective_on=effective_on,
        source=source,
        as_of=as_of,
    )


class UntcImporter:
    """The import as the app's dialog uses it: plan from a file, then apply."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def plan_file(
        self, path: Path, treaty_code: str = "APMBC", *, as_of: date | None = None
    ) -> ImportPlan:
        return plan_untc_file(self._db, path, treaty_code, as_of=as_of)

    def apply(self, plan: ImportPlan, **watch: Unpack[Watch]) -> ImportOutcome:
        return apply_untc_import(self._db, plan, **watch)

    def revert(self, plan: ImportPlan) -> ImportOutcome:
        return revert_untc_import(self._db, plan)
