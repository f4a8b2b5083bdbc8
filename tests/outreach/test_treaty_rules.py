"""The APMBC's dated rules: entry into force (Art. 17), withdrawal (Art. 20), obligations
(Arts. 4, 5 and 7) and a state's status on a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outreach.domain.enums import ObligationKind, TreatyStatus
from outreach.domain.treaty_rules import (
    AnnualReportStanding,
    DueObligation,
    TreatyRules,
    add_months,
    annual_report_standing,
    apmbc_obligations,
    first_day_of_month_after,
    next_annual_report_due,
    status_on,
)
from outreach.reference.treaties import APMBC

TREATY_IN_FORCE = date(1999, 3, 1)
FORTIETH_DEPOSIT = date(1998, 9, 16)  # Burkina Faso


@pytest.fixture(scope="module")
def rules() -> TreatyRules:
    """The APMBC's rules exactly as the app ships them."""
    return TreatyRules(
        code=APMBC.code,
        in_force_on=APMBC.in_force_on,
        threshold_reached_on=APMBC.threshold_reached_on,
        months_after_deposit=APMBC.months_after_deposit,
        signature_closes_on=APMBC.signature_closes_on,
        withdrawal_months=APMBC.withdrawal_months,
    )


def test_the_shipped_apmbc_carries_the_convention_dates() -> None:
    assert APMBC.in_force_on == TREATY_IN_FORCE
    assert APMBC.threshold_reached_on == FORTIETH_DEPOSIT
    assert APMBC.months_after_deposit == 6
    assert APMBC.withdrawal_months == 6
    assert APMBC.signature_closes_on == date(1999, 2, 28)


# --- entry into force (Art. 17) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("deposited_on", "in_force_on"),
    [
        # Ottawa, the first three ratifications (Canada, Ireland, Mauritius).
        (date(1997, 12, 3), date(1999, 3, 1)),
        (date(1998, 6, 29), date(1999, 3, 1)),
        # The 40th deposit itself.
        (FORTIETH_DEPOSIT, date(1999, 3, 1)),
        # Later in September 1998: the sixth month after September is still March.
        (date(1998, 9, 17), date(1999, 3, 1)),
        (date(1998, 9, 30), date(1999, 3, 1)),
        # October 1998 deposits enter into force a month after the treaty itself.
        (date(1998, 10, 1), date(1999, 4, 1)),
        (date(1998, 10, 8), date(1999, 4, 1)),
        (date(1998, 10, 31), date(1999, 4, 1)),
        # After the signature period closed.
        (date(1999, 2, 28), date(1999, 8, 1)),
        (date(1999, 3, 1), date(1999, 9, 1)),
        # DOMAIN.md: Afghanistan, 11 Sep 2002 -> 1 Mar 2003.
        (date(2002, 9, 11), date(2003, 3, 1)),
        (date(2002, 5, 2), date(2002, 11, 1)),  # DR Congo
        (date(2003, 9, 25), date(2004, 3, 1)),  # Greece and Türkiye, joint deposit
        (date(2004, 12, 17), date(2005, 6, 1)),  # Ethiopia
        # The last day of a month: 31 August -> 1 February of the next year.
        (date(2003, 8, 31), date(2004, 2, 1)),
        (date(2023, 8, 31), date(2024, 2, 1)),
        (date(2002, 12, 31), date(2003, 6, 1)),
    ],
)
def test_entry_into_force_follows_article_17(
    rules: TreatyRules, deposited_on: date, in_force_on: date
) -> None:
    assert rules.entry_into_force_for(deposited_on) == in_force_on


def test_a_succession_takes_effect_on_the_day_given_never_before_the_treaty(
    rules: TreatyRules,
) -> None:
    # South Sudan: notified 11 Nov 2011, effective from its independence, 9 Jul 2011
    assert rules.entry_into_force_for(date(2011, 11, 11), date(2011, 7, 9)) == date(2011, 7, 9)
    assert rules.entry_into_force_for(date(2011, 11, 11)) == date(2012, 5, 1)  # by Art. 17
    assert rules.entry_into_force_for(date(1999, 4, 1), date(1998, 1, 1)) == date(1999, 3, 1)


def test_no_entry_into_force_for_a_treaty_not_yet_in_force() -> None:
    pending = TreatyRules(
        code="DRAFT",
        in_force_on=None,
        threshold_reached_on=None,
        months_after_deposit=6,
        signature_closes_on=None,
        withdrawal_months=6,
    )
    assert pending.entry_into_force_for(date(2004, 1, 15)) is None


@given(st.dates(min_value=date(1997, 12, 3), max_value=date(2100, 12, 31)))
def test_entry_into_force_is_a_first_of_month_never_before_the_treaty(
    deposited_on: date,
) -> None:
    rules = TreatyRules("APMBC", TREATY_IN_FORCE, FORTIETH_DEPOSIT, 6, date(1999, 2, 28), 6)
    in_force_on = rules.entry_into_force_for(deposited_on)
    assert in_force_on is not None
    assert in_force_on.day == 1
    assert in_force_on >= TREATY_IN_FORCE
    assert in_force_on > deposited_on


@given(st.dates(min_value=FORTIETH_DEPOSIT + timedelta(days=1), max_value=date(2100, 12, 31)))
def test_after_the_40th_deposit_entry_into_force_is_five_to_six_months_later(
    deposited_on: date,
) -> None:
    rules = TreatyRules("APMBC", TREATY_IN_FORCE, FORTIETH_DEPOSIT, 6, date(1999, 2, 28), 6)
    in_force_on = rules.entry_into_force_for(deposited_on)
    assert in_force_on is not None
    assert add_months(deposited_on, 5) < in_force_on <= add_months(deposited_on, 6)
    # The first day of the sixth month after the month of deposit.
    months_apart = (in_force_on.year - deposited_on.year) * 12 + (
        in_force_on.month - deposited_on.month
    )
    assert months_apart == 6


@given(
    st.dates(min_value=date(1997, 12, 3), max_value=date(2100, 12, 31)),
    st.dates(min_value=date(1997, 12, 3), max_value=date(2100, 12, 31)),
)
def test_a_later_deposit_never_enters_into_force_earlier(first: date, second: date) -> None:
    rules = TreatyRules("APMBC", TREATY_IN_FORCE, FORTIETH_DEPOSIT, 6, date(1999, 2, 28), 6)
    earlier, later = sorted((first, second))
    earlier_in_force = rules.entry_into_force_for(earlier)
    later_in_force = rules.entry_into_force_for(later)
    assert earlier_in_force is not None
    assert later_in_force is not None
    assert earlier_in_force <= later_in_force


# --- withdrawal (Art. 20) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("notified_on", "effective_on"),
    [
        (date(2025, 6, 27), date(2025, 12, 27)),  # Estonia, Latvia, Lithuania
        (date(2025, 7, 10), date(2026, 1, 10)),  # Finland
        (date(2025, 8, 20), date(2026, 2, 20)),  # Poland
        (date(2025, 8, 31), date(2026, 2, 28)),  # no 31 February
        (date(2027, 8, 31), date(2028, 2, 29)),  # leap year
        (date(2026, 12, 31), date(2027, 6, 30)),
    ],
)
def test_withdrawal_takes_effect_six_months_after_notice(
    rules: TreatyRules, notified_on: date, effective_on: date
) -> None:
    assert rules.withdrawal_effective_on(notified_on) == effective_on


@given(st.dates(min_value=date(1999, 3, 1), max_value=date(2100, 12, 31)))
def test_withdrawal_is_effective_about_half_a_year_later(notified_on: date) -> None:
    rules = TreatyRules("APMBC", TREATY_IN_FORCE, FORTIETH_DEPOSIT, 6, date(1999, 2, 28), 6)
    effective_on = rules.withdrawal_effective_on(notified_on)
    assert 181 <= (effective_on - notified_on).days <= 184
    assert effective_on.day <= notified_on.day


# --- month arithmetic --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2004, 1, 31), 1, date(2004, 2, 29)),
        (date(2003, 1, 31), 1, date(2003, 2, 28)),
        (date(2003, 3, 31), 1, date(2003, 4, 30)),
        (date(2003, 11, 15), 3, date(2004, 2, 15)),
        (date(1999, 3, 1), 48, date(2003, 3, 1)),
        (date(2004, 2, 29), 12, date(2005, 2, 28)),
        (date(2004, 2, 29), 48, date(2008, 2, 29)),
        (date(2004, 5, 17), 0, date(2004, 5, 17)),
    ],
)
def test_add_months_keeps_the_day_or_clamps_to_the_months_end(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)),
    st.integers(min_value=0, max_value=240),
)
def test_add_months_lands_in_the_right_month_never_past_the_day(day: date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day
    if result.day < day.day:  # clamped: it must be that month's last day
        assert (result + timedelta(days=1)).day == 1


def test_first_day_of_the_sixth_month_after() -> None:
    assert first_day_of_month_after(date(1998, 9, 16), 6) == date(1999, 3, 1)
    assert first_day_of_month_after(date(2002, 9, 30), 6) == date(2003, 3, 1)
    assert first_day_of_month_after(date(2003, 8, 31), 6) == date(2004, 2, 1)


# --- status on a date --------------------------------------------------------------------

SIGNED = date(1997, 12, 3)
CONSENTED = date(2002, 9, 11)
IN_FORCE = date(2003, 3, 1)
WITHDRAWAL_EFFECTIVE = date(2025, 12, 27)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (date(1997, 12, 2), TreatyStatus.OUTSIDE),
        (SIGNED, TreatyStatus.SIGNATORY),
        (date(2002, 9, 10), TreatyStatus.SIGNATORY),
        (CONSENTED, TreatyStatus.PENDING),
        (date(2003, 2, 28), TreatyStatus.PENDING),
        (IN_FORCE, TreatyStatus.PARTY),
        (date(2025, 12, 26), TreatyStatus.PARTY),
        (WITHDRAWAL_EFFECTIVE, TreatyStatus.WITHDRAWN),
        (date(2030, 1, 1), TreatyStatus.WITHDRAWN),
    ],
)
def test_status_through_a_participations_life(as_of: date, expected: TreatyStatus) -> None:
    assert status_on(as_of, SIGNED, CONSENTED, IN_FORCE, WITHDRAWAL_EFFECTIVE) is expected


def test_a_state_that_never_signed_or_consented_is_outside() -> None:
    assert status_on(date(2004, 12, 3), None, None, None, None) is TreatyStatus.OUTSIDE


def test_a_signatory_stays_a_signatory_without_consent() -> None:
    assert status_on(date(2008, 1, 1), date(1997, 12, 4), None, None, None) is (
        TreatyStatus.SIGNATORY
    )


def test_an_acceding_state_is_pending_then_party_without_ever_signing() -> None:
    assert status_on(date(2002, 9, 10), None, CONSENTED, IN_FORCE, None) is TreatyStatus.OUTSIDE
    assert status_on(date(2002, 12, 1), None, CONSENTED, IN_FORCE, None) is TreatyStatus.PENDING
    assert status_on(IN_FORCE, None, CONSENTED, IN_FORCE, None) is TreatyStatus.PARTY


def test_a_notified_withdrawal_leaves_the_state_a_party_until_it_takes_effect() -> None:
    assert status_on(date(2025, 7, 1), None, CONSENTED, IN_FORCE, WITHDRAWAL_EFFECTIVE) is (
        TreatyStatus.PARTY
    )


@given(st.lists(st.dates(min_value=date(1997, 1, 1), max_value=date(2030, 1, 1)), min_size=2))
def test_status_only_moves_forward_through_a_participation(days: list[date]) -> None:
    order = [
        TreatyStatus.OUTSIDE,
        TreatyStatus.SIGNATORY,
        TreatyStatus.PENDING,
        TreatyStatus.PARTY,
        TreatyStatus.WITHDRAWN,
    ]
    ranks = [
        order.index(status_on(day, SIGNED, CONSENTED, IN_FORCE, WITHDRAWAL_EFFECTIVE))
        for day in sorted(days)
    ]
    assert ranks == sorted(ranks)


# --- obligations (Arts. 4, 5 and 7) ------------------------------------------------------


def _due(duties: list[DueObligation], kind: ObligationKind) -> date:
    (duty,) = [duty for duty in duties if duty.kind is kind]
    return duty.due_on


def test_obligations_of_a_state_that_is_not_mine_affected() -> None:
    duties = apmbc_obligations(date(1999, 3, 1), mine_affected=False)
    assert {duty.kind for duty in duties} == {
        ObligationKind.ART7_INITIAL,
        ObligationKind.ART4_STOCKPILE,
    }
    assert _due(duties, ObligationKind.ART7_INITIAL) == date(1999, 8, 28)  # 180 days
    assert _due(duties, ObligationKind.ART4_STOCKPILE) == date(2003, 3, 1)  # 4 years


def test_a_mine_affected_state_must_also_clear_within_ten_years() -> None:
    duties = apmbc_obligations(date(2003, 3, 1), mine_affected=True)  # Afghanistan
    assert {duty.kind for duty in duties} == {
        ObligationKind.ART7_INITIAL,
        ObligationKind.ART4_STOCKPILE,
        ObligationKind.ART5_CLEARANCE,
    }
    assert _due(duties, ObligationKind.ART7_INITIAL) == date(2003, 8, 28)
    assert _due(duties, ObligationKind.ART4_STOCKPILE) == date(2007, 3, 1)
    assert _due(duties, ObligationKind.ART5_CLEARANCE) == date(2013, 3, 1)


def test_every_obligation_says_which_article_it_comes_from() -> None:
    duties = apmbc_obligations(date(2004, 3, 1), mine_affected=True)
    articles = {duty.kind: duty.description for duty in duties}
    assert "Article 7" in articles[ObligationKind.ART7_INITIAL]
    assert "Article 4" in articles[ObligationKind.ART4_STOCKPILE]
    assert "Article 5" in articles[ObligationKind.ART5_CLEARANCE]


@given(
    st.dates(min_value=date(1999, 3, 1), max_value=date(2100, 1, 1)).map(
        lambda day: day.replace(day=1)
    ),
    st.booleans(),
)
def test_obligation_deadlines_follow_entry_into_force(in_force_on: date, affected: bool) -> None:
    duties = apmbc_obligations(in_force_on, mine_affected=affected)
    assert _due(duties, ObligationKind.ART7_INITIAL) - in_force_on == timedelta(days=180)
    stockpile = _due(duties, ObligationKind.ART4_STOCKPILE)
    assert (stockpile.year - in_force_on.year, stockpile.month) == (4, in_force_on.month)
    assert (ObligationKind.ART5_CLEARANCE in {duty.kind for duty in duties}) is affected
    if affected:
        clearance = _due(duties, ObligationKind.ART5_CLEARANCE)
        assert clearance == in_force_on.replace(year=in_force_on.year + 10)


# --- the annual Article 7 report ---------------------------------------------------------


@pytest.mark.parametrize(
    ("in_force_on", "as_of", "due_on"),
    [
        # The first annual update falls in the year after entry into force.
        (date(1999, 3, 1), date(1999, 3, 1), date(2000, 4, 30)),
        (date(1999, 3, 1), date(1999, 12, 31), date(2000, 4, 30)),
        # Then every 30 April: on the day itself it is still that year's.
        (date(1999, 3, 1), date(2000, 4, 30), date(2000, 4, 30)),
        (date(1999, 3, 1), date(2000, 5, 1), date(2001, 4, 30)),
        (date(1999, 3, 1), date(2004, 1, 15), date(2004, 4, 30)),
        (date(2003, 3, 1), date(2004, 11, 29), date(2005, 4, 30)),
    ],
)
def test_next_annual_report_is_due_on_30_april(
    in_force_on: date, as_of: date, due_on: date
) -> None:
    assert next_annual_report_due(in_force_on, as_of) == due_on


@given(
    st.dates(min_value=date(1999, 3, 1), max_value=date(2060, 1, 1)),
    st.dates(min_value=date(1999, 3, 1), max_value=date(2070, 1, 1)),
)
def test_the_next_annual_report_is_always_a_30_april_not_yet_past(
    in_force_on: date, as_of: date
) -> None:
    due_on = next_annual_report_due(in_force_on, as_of)
    assert (due_on.month, due_on.day) == (4, 30)
    assert due_on > in_force_on
    assert due_on >= as_of
    assert due_on.year > in_force_on.year


# --- the annual Article 7 update ----------------------------------------------------------

KAZ_IN_FORCE = date(2003, 12, 1)  # initial report due 2004-05-29: annual ones from 2005


def test_before_the_first_annual_update_falls_due_it_is_ahead_and_not_late() -> None:
    standing = annual_report_standing(KAZ_IN_FORCE, [], date(2005, 1, 1))
    assert standing == AnnualReportStanding(date(2005, 4, 30), None, tracked=False)
    assert not standing.late_on(date(2005, 1, 1))


@pytest.mark.parametrize(
    ("received", "received_on", "late"),
    [
        ([date(2026, 4, 20)], date(2026, 4, 20), False),  # on time
        ([date(2025, 4, 10), date(2026, 6, 1)], date(2026, 6, 1), True),  # a month late
        ([date(2025, 4, 10)], None, True),  # last year's came; this year's has not
        ([], None, False),  # nothing recorded of the state's reports: not called late
    ],
)
def test_the_latest_cycle_is_on_time_late_or_unknown(
    received: list[date], received_on: date | None, late: bool
) -> None:
    today = date(2026, 12, 2)
    standing = annual_report_standing(KAZ_IN_FORCE, received, today)
    assert standing.due_on == date(2026, 4, 30)
    assert standing.received_on == received_on
    assert standing.late_on(today) is late
