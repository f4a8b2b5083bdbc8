"""A treaty's dated rules: entry into force, status on a date, obligations that follow.

Pure functions over dates; the APMBC's articles are the model (Art. 4, 5, 7, 17, 20).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from outreach.domain.enums import FactKind, ObligationKind, TreatyStatus
from outreach.i18n import N_, current_language, words


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def first_day_of_month_after(day: date, months: int) -> date:
    """The first day of the `months`-th month after the month of `day`."""
    return add_months(day.replace(day=1), months)


@dataclass(frozen=True, slots=True)
class TreatyRules:
    """What a treaty says about dates, as stored on its row."""

    code: str
    in_force_on: date | None  # the treaty's own entry into force
    threshold_reached_on: date | None  # the deposit that triggered it (APMBC: the 40th)
    months_after_deposit: int  # for later instruments (APMBC Art. 17(2): six)
    signature_closes_on: date | None  # after this a state accedes instead of signing
    withdrawal_months: int  # notice period (APMBC Art. 20: six months)

    def entry_into_force_for(
        self, consent_on: date, succession_effective_on: date | None = None
    ) -> date | None:
        """When the treaty enters into force for a state that deposited on `consent_on`.

        A notification of succession takes effect from the day the depositary records
        (the successor's independence: South Sudan deposited on 11 Nov 2011, bound from
        9 Jul 2011), given as `succession_effective_on`; without one it follows the rule
        like any other instrument (APMBC Art. 17: the first day of the sixth month after
        the month of deposit, and never before the treaty's own entry into force)."""
        if self.in_force_on is None:
            return None
        if succession_effective_on is not None:
            return max(succession_effective_on, self.in_force_on)
        if self.threshold_reached_on is not None and consent_on <= self.threshold_reached_on:
            return self.in_force_on
        later = first_day_of_month_after(consent_on, self.months_after_deposit)
        return max(later, self.in_force_on)

    def in_force_for(
        self, consent_on: date | None, succession_effective_on: date | None = None
    ) -> date | None:
        """`entry_into_force_for`, None without a consent."""
        if consent_on is None:
            return None
        return self.entry_into_force_for(consent_on, succession_effective_on)

    def withdrawal_effective_on(self, notified_on: date) -> date:
        return add_months(notified_on, self.withdrawal_months)

    def withdrawal_effective_for(
        self, notified_on: date | None, dated: date | None = None
    ) -> date | None:
        """When a withdrawal notified on `notified_on` takes effect: the day a source
        `dated`, else the notice period's end; None without a notice."""
        if dated is not None or notified_on is None:
            return dated
        return self.withdrawal_effective_on(notified_on)


#: a status filter besides the statuses themselves: party or pending, every state whose
#: instrument is deposited (how Landmine Monitor and the ICBL count States Parties)
JOINED = "joined"


def status_matches(status: TreatyStatus, wanted: str) -> bool:
    """Whether `status` is the one `wanted`, or one of those JOINED stands for."""
    if wanted == JOINED:
        return status in (TreatyStatus.PARTY, TreatyStatus.PENDING)
    return status.value == wanted


PENDING_AND_DEPOSITED = N_(
    "{pending} pending entry into force ({deposited} by deposit, as Landmine and Cluster "
    "Munition Monitor counts)"
)


def parties_line(in_force: int, pending: int, language: str | None = None) -> str:
    """Both counts in one line: "161 States Parties; 0 pending entry into force (161 by
    deposit, as Landmine Monitor counts)"."""
    catalogue = words(language or current_language())
    parties = catalogue.ngettext("{count} State Party", "{count} States Parties", in_force).format(
        count=in_force
    )
    rest = catalogue.gettext(PENDING_AND_DEPOSITED).format(
        pending=pending, deposited=in_force + pending
    )
    return f"{parties}; {rest}"


def party_from(consent_on: date | None, in_force_on: date | None) -> date:
    """The day a state counts as a State Party: entry into force, or for a succession
    (in force from before it was notified) its notification; `date.max` when never."""
    if in_force_on is None or consent_on is None:
        return date.max
    return max(in_force_on, consent_on)


def status_on(
    as_of: date,
    signed_on: date | None,
    consent_on: date | None,
    in_force_on: date | None,
    withdrawal_effective_on: date | None,
) -> TreatyStatus:
    """A state's status on `as_of`, from its participation dates, as it stood that day: a
    succession binds its state from before its notification (from independence), but
    makes it a party only once notified."""
    if withdrawal_effective_on is not None and withdrawal_effective_on <= as_of:
        return TreatyStatus.WITHDRAWN
    if party_from(consent_on, in_force_on) <= as_of:
        return TreatyStatus.PARTY
    if consent_on is not None and consent_on <= as_of:
        return TreatyStatus.PENDING
    if signed_on is not None and signed_on <= as_of:
        return TreatyStatus.SIGNATORY
    return TreatyStatus.OUTSIDE


@dataclass(frozen=True, slots=True)
class DueObligation:
    kind: ObligationKind
    due_on: date
    description: str


#: how the rules describe each duty they write (stored in English, read in the language)
DUTY_TEXTS = {
    ObligationKind.ART7_INITIAL: N_(
        "Initial Article 7 transparency report (within 180 days of entry into force)"
    ),
    ObligationKind.ART4_STOCKPILE: N_(
        "Destroy stockpiled anti-personnel mines (Article 4, within 4 years)"
    ),
    ObligationKind.ART5_CLEARANCE: N_(
        "Clear mined areas (Article 5, within 10 years; extension may be requested)"
    ),
    ObligationKind.ART7_ANNUAL: N_(
        "Annual Article 7 update (by 30 April, covering the year before)"
    ),
    ObligationKind.CCM_ART7_INITIAL: N_(
        "Initial Article 7 transparency report (within 180 days of entry into force)"
    ),
    ObligationKind.CCM_ART3_STOCKPILE: N_(
        "Destroy stockpiled cluster munitions (Article 3, within 8 years)"
    ),
    ObligationKind.CCM_ART4_CLEARANCE: N_(
        "Clear cluster munition remnants (Article 4, within 10 years; extension may be requested)"
    ),
}


def duty_text(description: str, language: str | None = None) -> str:
    """A duty's description as stored, in `language`: the rules' own descriptions are
    translated, one an officer typed reads as typed."""
    if description not in DUTY_TEXTS.values():
        return description
    return words(language or current_language()).gettext(description)


@dataclass(frozen=True, slots=True)
class DutyRule:
    """A duty a treaty sets from entry into force: due `days` or `months` after it; a
    clearance duty binds only a state with contamination (`if_affected`)."""

    kind: ObligationKind
    days: int = 0
    months: int = 0
    if_affected: bool = False

    def due(self, in_force_on: date) -> DueObligation:
        due_on = add_months(in_force_on, self.months) + timedelta(days=self.days)
        return DueObligation(self.kind, due_on, DUTY_TEXTS[self.kind])


#: APMBC Art. 7 (initial report in 180 days), Art. 4 (stockpiles in 4 years), Art. 5
#: (mined areas in 10 years, for a mine-affected state)
APMBC_DUTIES = (
    DutyRule(ObligationKind.ART7_INITIAL, days=180),
    DutyRule(ObligationKind.ART4_STOCKPILE, months=48),
    DutyRule(ObligationKind.ART5_CLEARANCE, months=120, if_affected=True),
)
#: CCM Art. 7 (initial report in 180 days), Art. 3 (stockpiles in 8 years), Art. 4
#: (remnants in 10 years, for a state with them on its territory)
CCM_DUTIES = (
    DutyRule(ObligationKind.CCM_ART7_INITIAL, days=180),
    DutyRule(ObligationKind.CCM_ART3_STOCKPILE, months=96),
    DutyRule(ObligationKind.CCM_ART4_CLEARANCE, months=120, if_affected=True),
)


def duties_from(
    rules: Sequence[DutyRule], in_force_on: date, affected: bool
) -> list[DueObligation]:
    """The dated duties `rules` set for a state bound from `in_force_on`."""
    return [rule.due(in_force_on) for rule in rules if affected or not rule.if_affected]


def apmbc_obligations(in_force_on: date, mine_affected: bool) -> list[DueObligation]:
    """The dated duties that follow from entry into force (APMBC Art. 4, 5 and 7)."""
    return duties_from(APMBC_DUTIES, in_force_on, mine_affected)


def ccm_obligations(in_force_on: date, contaminated: bool) -> list[DueObligation]:
    """The dated duties that follow from entry into force of the Convention on Cluster
    Munitions (Arts. 3, 4 and 7)."""
    return duties_from(CCM_DUTIES, in_force_on, contaminated)


#: per treaty: its duties from entry into force, and the fact that brings its clearance
#: duty (a mine-affected state under the APMBC, one with cluster munition remnants under
#: the CCM)
OBLIGATIONS_BY_TREATY: dict[str, tuple[Callable[[date, bool], list[DueObligation]], FactKind]] = {
    "APMBC": (apmbc_obligations, FactKind.MINE_AFFECTED),
    "CCM": (ccm_obligations, FactKind.CLUSTER_CONTAMINATED),
}


def treaty_obligations(code: str, in_force_on: date, affected: bool) -> list[DueObligation]:
    """The duties of treaty `code` from entry into force (none for a treaty whose rules
    the app does not know)."""
    rules = OBLIGATIONS_BY_TREATY.get(code)
    return rules[0](in_force_on, affected) if rules is not None else []


def next_annual_report_due(in_force_on: date, as_of: date) -> date:
    """The next 30 April on which an annual Article 7 report falls due: every year after
    the one in which the initial report (180 days after entry into force) was due."""
    first_year = (in_force_on + timedelta(days=180)).year + 1
    year = max(first_year, as_of.year if as_of <= date(as_of.year, 4, 30) else as_of.year + 1)
    return date(year, 4, 30)


def first_annual_report_due(in_force_on: date) -> date:
    """The first 30 April an annual Article 7 report falls due: in the year after the one
    in which the initial report (180 days after entry into force) was due."""
    return date((in_force_on + timedelta(days=180)).year + 1, 4, 30)


@dataclass(frozen=True, slots=True)
class AnnualReportStanding:
    """A State Party's annual Article 7 update (Art. 7(2): by 30 April, covering the year
    before) for the cycle due on `due_on`: when it was received, if it was, and whether
    the desk records the state's reports at all (`tracked`)."""

    due_on: date
    received_on: date | None
    tracked: bool

    def late_on(self, day: date) -> bool:
        """Received after its day, or, for a state whose reports are recorded, not
        received by it. A state with none recorded is not called late: nothing is known."""
        if self.received_on is not None:
            return self.received_on > self.due_on
        return self.tracked and day > self.due_on


def annual_report_standing(
    in_force_on: date, received: Sequence[date], as_of: date
) -> AnnualReportStanding:
    """The annual update of the cycle whose 30 April is the latest on or before `as_of`
    (the first one while none has fallen due), from the days reports were `received`:
    one received in the year up to that 30 April is on time; one received after it, by
    `as_of`, is late."""
    first = first_annual_report_due(in_force_on)
    this_year = date(as_of.year, 4, 30)
    due_on = max(first, this_year if as_of >= this_year else date(as_of.year - 1, 4, 30))
    known = sorted(day for day in received if day <= as_of)
    year_before = date(due_on.year - 1, 4, 30)
    on_time = [day for day in known if year_before < day <= due_on]
    after = [day for day in known if day > due_on]
    received_on = on_time[0] if on_time else after[0] if after else None
    return AnnualReportStanding(due_on=due_on, received_on=received_on, tracked=bool(known))
