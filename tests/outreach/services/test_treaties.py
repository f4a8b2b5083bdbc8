"""Recording signatures, consents and withdrawals; States Parties over time."""

from __future__ import annotations

import re
from datetime import date

import pytest

from outreach.domain.enums import ConsentKind, Counting, ObligationKind, TreatyStatus
from outreach.domain.records import ObligationChange
from outreach.errors import NotFoundError, ValidationError
from outreach.services.facts import FactService
from outreach.services.treaties import TreatyService, status_of
from outreach.storage.database import Database


@pytest.fixture
def treaties(reference_db: Database) -> TreatyService:
    return TreatyService(reference_db)


def _due(treaties: TreatyService, iso3: str) -> dict[ObligationKind, date]:
    return {duty.kind: duty.due_on for duty in treaties.obligations(iso3, "APMBC")}


# --- recording participation -------------------------------------------------------------


def test_an_accession_enters_into_force_by_the_rule_with_its_obligations(
    treaties: TreatyService,
) -> None:
    recorded = treaties.record_participation(
        "Kazakhstan",
        "APMBC",
        consent_on=date(2003, 6, 10),
        consent_kind="accession",
        source="Depositary notification (test)",
        as_of=date(2003, 6, 12),
    )
    assert recorded.consent_kind is ConsentKind.ACCESSION
    assert recorded.in_force_on == date(2003, 12, 1)
    assert recorded.status_on(date(2003, 11, 30)) is TreatyStatus.PENDING
    assert recorded.status_on(date(2003, 12, 1)) is TreatyStatus.PARTY
    assert _due(treaties, "KAZ") == {
        ObligationKind.ART7_INITIAL: date(2004, 5, 29),  # 180 days
        ObligationKind.ART4_STOCKPILE: date(2007, 12, 1),  # 4 years
    }
    stored = treaties.participation("KAZ", "APMBC")
    assert stored == recorded
    assert stored is not None
    assert stored.source == "Depositary notification (test)"


def test_a_mine_affected_state_must_also_clear_its_mined_areas(
    treaties: TreatyService, reference_db: Database
) -> None:
    FactService(reference_db).add_fact(
        "IRQ", "mine_affected", source="illustrative", as_of=date(2002, 7, 31)
    )
    treaties.record_participation(
        "IRQ", "APMBC", consent_on=date(2007, 8, 15), consent_kind="accession"
    )
    assert _due(treaties, "IRQ") == {
        ObligationKind.ART7_INITIAL: date(2008, 7, 30),  # 180 days, leap year
        ObligationKind.ART4_STOCKPILE: date(2012, 2, 1),
        ObligationKind.ART5_CLEARANCE: date(2018, 2, 1),  # 10 years
    }


def test_a_signature_in_the_signature_period_then_ratification(treaties: TreatyService) -> None:
    recorded = treaties.record_participation(
        "KAZ",
        "APMBC",
        signed_on=date(1997, 12, 4),
        consent_on=date(1998, 10, 20),
        consent_kind=ConsentKind.RATIFICATION,
    )
    assert recorded.in_force_on == date(1999, 4, 1)
    assert recorded.status_on(date(1998, 1, 1)) is TreatyStatus.SIGNATORY


def test_a_signature_alone_has_no_entry_into_force_nor_obligations(
    treaties: TreatyService,
) -> None:
    recorded = treaties.record_participation("KAZ", "APMBC", signed_on=date(1998, 2, 1))
    assert recorded.in_force_on is None
    assert recorded.status_on(date(2004, 1, 1)) is TreatyStatus.SIGNATORY
    assert treaties.obligations("KAZ", "APMBC") == []


def test_recording_again_recomputes_entry_into_force_and_obligations(
    treaties: TreatyService,
) -> None:
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="accession"
    )
    corrected = treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 7, 2), consent_kind="accession"
    )
    assert corrected.in_force_on == date(2004, 1, 1)
    duties = treaties.obligations("KAZ", "APMBC")
    assert len(duties) == 2  # replaced, not added to
    assert _due(treaties, "KAZ")[ObligationKind.ART4_STOCKPILE] == date(2008, 1, 1)


def test_a_duty_met_or_extended_is_no_longer_overdue_and_survives_a_correction(
    treaties: TreatyService,
) -> None:
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="accession"
    )
    duties = {duty.kind: duty for duty in treaties.obligations("KAZ", "APMBC")}
    report, stockpile = duties[ObligationKind.ART7_INITIAL], duties[ObligationKind.ART4_STOCKPILE]
    assert report.overdue_on(date(2010, 1, 1)) and stockpile.overdue_on(date(2010, 1, 1))

    met = treaties.record_obligation(
        report.id, met_on=date(2004, 5, 20), extended_to=None, source="Article 7 report (test)"
    )
    assert (met.met_on, met.source) == (date(2004, 5, 20), "Article 7 report (test)")
    extended = treaties.record_obligation(stockpile.id, met_on=None, extended_to=date(2009, 1, 1))
    assert extended.deadline == date(2009, 1, 1)
    assert not extended.overdue_on(date(2008, 6, 1)) and extended.overdue_on(date(2009, 1, 2))
    stored = {duty.kind: duty for duty in treaties.obligations("KAZ", "APMBC")}
    assert not stored[report.kind].overdue_on(date(2030, 1, 1))  # met

    # a corrected deposit recomputes the open duties and keeps the one met
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 7, 2), consent_kind="accession"
    )
    after = {duty.kind: duty for duty in treaties.obligations("KAZ", "APMBC")}
    assert after[report.kind].met_on == date(2004, 5, 20)
    assert after[stockpile.kind].extended_to is None  # a new deadline: 2008-01-01


def test_a_correction_that_keeps_entry_into_force_keeps_the_duties_as_they_are(
    treaties: TreatyService,
) -> None:
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="accession"
    )
    before = treaties.obligations("KAZ", "APMBC")
    # deposited a day later, still in force on 1 December 2003: the same duties, kept
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 11), consent_kind="accession"
    )
    assert treaties.obligations("KAZ", "APMBC") == before
    # a month later: the same duties (the same records) at their new deadlines
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 7, 2), consent_kind="accession"
    )
    moved = treaties.obligations("KAZ", "APMBC")
    assert [duty.id for duty in moved] == [duty.id for duty in before]
    assert [duty.due_on for duty in moved] == [date(2004, 6, 29), date(2008, 1, 1)]


def test_recording_a_duty_refuses_what_cannot_be(treaties: TreatyService) -> None:
    (duty, *_others) = treaties.obligations("CAN", "APMBC")
    with pytest.raises(ValidationError, match="after the deadline") as raised:
        treaties.record_obligation(duty.id, met_on=None, extended_to=duty.due_on)
    assert raised.value.field == "extended_to"
    with pytest.raises(ValidationError, match="still ahead"):
        treaties.record_obligation(duty.id, met_on=date(2999, 1, 1), extended_to=None)
    with pytest.raises(NotFoundError, match="no obligation with id 999999"):
        treaties.record_obligation(999_999, met_on=None, extended_to=None)
    assert treaties.obligations("CAN", "APMBC")[0] == duty


def test_several_duties_are_recorded_together_or_not_at_all(treaties: TreatyService) -> None:
    first, second, *_rest = treaties.obligations("IRL", "APMBC")
    with pytest.raises(ValidationError):
        treaties.record_obligations(
            [
                ObligationChange(first.id, date(1999, 8, 27), None, "Article 7 report", None),
                ObligationChange(second.id, None, second.due_on),  # not after the deadline
            ]
        )
    assert treaties.obligations("IRL", "APMBC")[:2] == [first, second]
    recorded = treaties.record_obligations(
        [ObligationChange(first.id, date(1999, 8, 27), None, "Article 7 report", date(2000, 1, 1))]
    )
    assert (recorded[0].met_on, recorded[0].source, recorded[0].as_of) == (
        date(1999, 8, 27), "Article 7 report", date(2000, 1, 1),
    )  # fmt: skip
    treaties.record_obligations([ObligationChange(first.id, None, None, first.source, first.as_of)])
    assert treaties.obligations("IRL", "APMBC")[0] == first


def test_a_succession_is_in_force_from_the_day_it_takes_effect(
    treaties: TreatyService,
) -> None:
    south_sudan = treaties.participation("SSD", "APMBC")
    assert south_sudan is not None  # as shipped: deposited 11 Nov 2011, effective 9 Jul 2011
    assert (south_sudan.effective_on, south_sudan.in_force_on) == (
        date(2011, 7, 9), date(2011, 7, 9),
    )  # fmt: skip
    # A party from its notification (never pending), bound from its independence.
    assert south_sudan.status_on(date(2011, 11, 10)) is TreatyStatus.OUTSIDE
    assert south_sudan.status_on(date(2011, 11, 11)) is TreatyStatus.PARTY
    assert _due(treaties, "SSD")[ObligationKind.ART7_INITIAL] == date(2012, 1, 5)

    # Without its effective date a succession follows the rule like any instrument (the
    # initial report stays as the record has it: made on 3 Dec 2012).
    by_rule = treaties.record_participation(
        "SSD", "APMBC", consent_on=date(2011, 11, 11), consent_kind="succession", effective_on=None
    )
    assert by_rule.in_force_on == date(2012, 5, 1)
    assert {duty.kind: duty.met_on for duty in treaties.obligations("SSD", "APMBC")}[
        ObligationKind.ART7_INITIAL
    ] == date(2012, 12, 3)


def test_a_correction_keeps_a_successions_effective_date_unless_it_is_no_succession(
    treaties: TreatyService,
) -> None:
    kept = treaties.record_participation(
        "SSD", "APMBC", consent_on=date(2011, 11, 11), consent_kind="succession", source="x"
    )
    assert kept.effective_on == date(2011, 7, 9)
    now_an_accession = treaties.record_participation(
        "SSD", "APMBC", consent_on=date(2011, 11, 11), consent_kind="accession"
    )
    assert now_an_accession.effective_on is None
    assert now_an_accession.in_force_on == date(2012, 5, 1)


@pytest.mark.parametrize(
    ("kind", "effective_on", "says"),
    [
        ("accession", date(2011, 7, 9), "Only a notification of succession"),
        ("succession", date(2011, 11, 12), "on or before its notification (2011-11-11)"),
    ],
)
def test_an_effective_date_that_cannot_be_is_refused(
    treaties: TreatyService, kind: str, effective_on: date, says: str
) -> None:
    before = treaties.participation("SSD", "APMBC")
    with pytest.raises(ValidationError, match=re.escape(says)) as raised:
        treaties.record_participation(
            "SSD", "APMBC", consent_on=date(2011, 11, 11), consent_kind=kind,
            effective_on=effective_on,
        )  # fmt: skip
    assert raised.value.field == "effective_on"
    assert treaties.participation("SSD", "APMBC") == before


def test_consent_without_its_kind_is_refused(treaties: TreatyService) -> None:
    with pytest.raises(ValidationError, match="kind of consent") as raised:
        treaties.record_participation("KAZ", "APMBC", consent_on=date(2003, 6, 10))
    assert raised.value.field == "consent_kind"
    assert treaties.participation("KAZ", "APMBC") is None


def test_a_kind_without_its_date_is_refused(treaties: TreatyService) -> None:
    with pytest.raises(ValidationError, match="date"):
        treaties.record_participation("KAZ", "APMBC", consent_kind="accession")
    assert treaties.participation("KAZ", "APMBC") is None


def test_an_unknown_kind_of_consent_is_refused(treaties: TreatyService) -> None:
    with pytest.raises(ValidationError, match="adhesion"):
        treaties.record_participation(
            "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="adhesion"
        )
    assert treaties.participation("KAZ", "APMBC") is None


@pytest.mark.parametrize("signed_on", [date(1999, 3, 1), date(2003, 6, 1)])
def test_signing_after_the_signature_period_closed_is_refused(
    treaties: TreatyService, signed_on: date
) -> None:
    with pytest.raises(ValidationError, match="accede") as raised:
        treaties.record_participation(
            "KAZ",
            "APMBC",
            signed_on=signed_on,
            consent_on=date(2003, 6, 10),
            consent_kind="ratification",
        )
    assert "1999-02-28" in str(raised.value)
    assert treaties.participation("KAZ", "APMBC") is None


def test_signing_on_the_last_day_of_the_period_is_allowed(treaties: TreatyService) -> None:
    recorded = treaties.record_participation("KAZ", "APMBC", signed_on=date(1999, 2, 28))
    assert recorded.signed_on == date(1999, 2, 28)


def test_consent_before_signature_is_refused_and_the_old_record_kept(
    treaties: TreatyService,
) -> None:
    before = treaties.participation("CAN", "APMBC")
    obligations = treaties.obligations("CAN", "APMBC")
    with pytest.raises(ValidationError, match="before"):
        treaties.record_participation(
            "CAN",
            "APMBC",
            signed_on=date(1997, 12, 3),
            consent_on=date(1997, 12, 2),
            consent_kind="ratification",
        )
    assert treaties.participation("CAN", "APMBC") == before
    assert treaties.obligations("CAN", "APMBC") == obligations


def test_unknown_treaty_or_state_is_refused(treaties: TreatyService) -> None:
    with pytest.raises(NotFoundError, match="TPNW"):
        treaties.record_participation("KAZ", "TPNW", signed_on=date(2017, 9, 20))
    with pytest.raises(NotFoundError, match="Atlantis"):
        treaties.record_participation("Atlantis", "APMBC", signed_on=date(1998, 1, 1))


def test_the_treaty_code_is_not_case_sensitive(treaties: TreatyService) -> None:
    participation = treaties.participation("CAN", "apmbc")
    assert participation is not None
    assert participation.in_force_on == date(1999, 3, 1)


def test_recording_a_party_as_mine_affected_adds_its_clearance_deadline(
    treaties: TreatyService, reference_db: Database
) -> None:
    FactService(reference_db).add_fact(
        "AFG", "mine_affected", source="illustrative", as_of=date(2002, 7, 31)
    )
    assert _due(treaties, "AFG").get(ObligationKind.ART5_CLEARANCE) == date(2013, 3, 1)


# --- withdrawal --------------------------------------------------------------------------


def test_a_withdrawal_takes_effect_six_months_after_notice(treaties: TreatyService) -> None:
    recorded = treaties.notify_withdrawal(
        "CAN", "APMBC", date(2027, 8, 31), source="Depositary notification (test)"
    )
    assert recorded.withdrawal_notified_on == date(2027, 8, 31)
    assert recorded.withdrawal_effective_on == date(2028, 2, 29)
    assert status_of(recorded, date(2028, 2, 28)) is TreatyStatus.PARTY
    assert status_of(recorded, date(2028, 2, 29)) is TreatyStatus.WITHDRAWN
    assert recorded.in_force_on == date(1999, 3, 1)  # its history is kept
    before = treaties.count_parties("APMBC", date(2028, 2, 28))
    assert treaties.count_parties("APMBC", date(2028, 2, 29)) == before - 1


def test_a_state_outside_cannot_withdraw(treaties: TreatyService) -> None:
    with pytest.raises(ValidationError, match="not consented"):
        treaties.notify_withdrawal("USA", "APMBC", date(2004, 1, 1))
    assert treaties.participation("USA", "APMBC") is None


def test_a_signatory_cannot_withdraw(treaties: TreatyService) -> None:
    treaties.record_participation("KAZ", "APMBC", signed_on=date(1998, 2, 1))
    with pytest.raises(ValidationError, match="cannot withdraw"):
        treaties.notify_withdrawal("KAZ", "APMBC", date(2004, 1, 1))
    participation = treaties.participation("KAZ", "APMBC")
    assert participation is not None
    assert participation.withdrawal_effective_on is None


def test_a_withdrawal_cannot_predate_consent(treaties: TreatyService) -> None:
    with pytest.raises(ValidationError, match="predate"):
        treaties.notify_withdrawal("AFG", "APMBC", date(2002, 1, 1))
    participation = treaties.participation("AFG", "APMBC")
    assert participation is not None
    assert participation.withdrawal_notified_on is None


def test_status_of_a_state_without_participation_is_outside() -> None:
    assert status_of(None, date(2004, 12, 3)) is TreatyStatus.OUTSIDE


# --- States Parties over time ------------------------------------------------------------


def test_parties_over_time_grows_until_the_withdrawals(treaties: TreatyService) -> None:
    curve = treaties.parties_over_time("APMBC", date(2026, 6, 1))
    days = [day for day, _count in curve]
    assert days == sorted(set(days))
    assert curve[0] == (date(1999, 3, 1), treaties.count_parties("APMBC", date(1999, 3, 1)))
    assert curve[-1] == (date(2026, 6, 1), treaties.count_parties("APMBC", date(2026, 6, 1)))

    growth = [count for day, count in curve if day < date(2025, 12, 27)]
    assert growth == sorted(growth)
    assert max(growth) == 166
    shrink = [count for day, count in curve if day >= date(2025, 12, 27)]
    assert shrink == sorted(shrink, reverse=True)
    assert shrink[-1] == 161


def test_states_parties_are_counted_both_ways(treaties: TreatyService) -> None:
    """The treaty binds from entry into force; Landmine Monitor and the ICBL count from
    deposit: at the end of 2003, 141 deposited and 134 in force."""
    end_of_2003 = treaties.party_counts("APMBC", date(2003, 12, 31))
    assert (end_of_2003.deposited, end_of_2003.in_force, end_of_2003.pending) == (141, 134, 7)
    assert treaties.count_parties("APMBC", date(2003, 12, 31), Counting.DEPOSIT) == 141
    assert treaties.count_parties("APMBC", date(2003, 12, 31)) == 134
    # Before the treaty was in force, deposits counted and none was bound.
    end_of_1998 = treaties.party_counts("APMBC", date(1998, 12, 31))
    assert (end_of_1998.in_force, end_of_1998.deposited) == (0, 58)
    by_deposit = treaties.parties_over_time("APMBC", date(2004, 12, 31), Counting.DEPOSIT)
    assert by_deposit[0] == (date(1997, 12, 3), 3)  # Canada, Ireland, Mauritius
    assert by_deposit[-1] == (date(2004, 12, 31), 144)  # Landmine Monitor's end of 2004


def test_a_succession_counts_from_its_notification_both_ways(treaties: TreatyService) -> None:
    """South Sudan, bound from 9 Jul 2011, notified on 11 Nov 2011: before the notice it
    counted nowhere, and it never was pending."""
    before = treaties.party_counts("APMBC", date(2011, 11, 10))
    after = treaties.party_counts("APMBC", date(2011, 11, 11))
    assert after.in_force == before.in_force + 1
    assert after.deposited == before.deposited + 1
    assert after.pending == before.pending


def test_parties_over_time_ends_on_the_asked_date(treaties: TreatyService) -> None:
    assert treaties.parties_over_time("APMBC", date(1998, 12, 31)) == [(date(1998, 12, 31), 0)]
    curve = treaties.parties_over_time("APMBC", date(2004, 12, 3))
    assert curve[-1] == (date(2004, 12, 3), 143)
    assert all(day <= date(2004, 12, 3) for day, _count in curve)


def test_a_new_party_shows_in_the_curve(treaties: TreatyService) -> None:
    pending_day, in_force_day = date(2003, 11, 30), date(2004, 1, 1)
    before_pending = treaties.count_parties("APMBC", pending_day)
    before = treaties.count_parties("APMBC", in_force_day)
    treaties.record_participation(
        "KAZ", "APMBC", consent_on=date(2003, 6, 10), consent_kind="accession"
    )
    assert treaties.count_parties("APMBC", pending_day) == before_pending
    assert treaties.count_parties("APMBC", in_force_day) == before + 1
    assert (date(2003, 12, 1), treaties.count_parties("APMBC", date(2003, 12, 1))) in (
        treaties.parties_over_time("APMBC", date(2004, 1, 1))
    )


def test_counting_an_unknown_treaty_is_refused(treaties: TreatyService) -> None:
    with pytest.raises(NotFoundError, match="APMBC"):  # the message lists the known ones
        treaties.count_parties("CTBT", date(2004, 1, 1))


def test_a_withdrawal_can_be_taken_back(reference_db: Database) -> None:
    treaties = TreatyService(reference_db)
    notified = treaties.notify_withdrawal("CAN", "APMBC", date(2025, 1, 10))
    assert notified.withdrawal_effective_on == date(2025, 7, 10)
    cleared = treaties.clear_withdrawal("CAN", "APMBC")
    assert cleared.withdrawal_notified_on is None
    assert cleared.status_on(date(2026, 1, 1)).value == "party"


def test_the_convention_on_cluster_munitions_has_its_own_rules_and_duties(
    treaties: TreatyService, reference_db: Database
) -> None:
    """A second treaty, not shaped like the first: in force 1 Aug 2010, Art. 17 for later
    deposits, stockpiles within 8 years (Art. 3), remnants within 10 (Art. 4)."""
    assert [treaty.code for treaty in treaties.treaties()] == ["APMBC", "CCM"]
    recorded = treaties.record_participation(
        "CAN", "CCM", signed_on=date(2008, 12, 3), consent_on=date(2015, 3, 16),
        consent_kind="ratification",
    )  # fmt: skip
    assert recorded.in_force_on == date(2015, 9, 1)
    assert _duties(treaties, "CAN", "CCM") == {
        ObligationKind.CCM_ART7_INITIAL: date(2016, 2, 28),
        ObligationKind.CCM_ART3_STOCKPILE: date(2023, 9, 1),
    }
    early = treaties.record_participation(
        "NOR", "CCM", signed_on=date(2008, 12, 3), consent_on=date(2008, 12, 3),
        consent_kind="ratification",
    )  # fmt: skip
    assert early.in_force_on == date(2010, 8, 1)  # among the first thirty
    FactService(reference_db).add_fact(
        "LAO", "cluster_contaminated", source="Cluster Munition Monitor", as_of=date(2009, 1, 1)
    )
    treaties.record_participation(
        "LAO", "CCM", signed_on=date(2008, 12, 3), consent_on=date(2009, 3, 18),
        consent_kind="ratification",
    )  # fmt: skip
    assert _duties(treaties, "LAO", "CCM")[ObligationKind.CCM_ART4_CLEARANCE] == date(2020, 8, 1)
    with pytest.raises(ValidationError, match="closed for signature on 2010-07-31"):
        treaties.record_participation(
            "KAZ", "CCM", signed_on=date(2011, 1, 1), consent_on=date(2012, 1, 1),
            consent_kind="ratification",
        )  # fmt: skip
    assert treaties.participation("CAN", "APMBC") is not None  # the first one untouched


def _duties(treaties: TreatyService, iso3: str, code: str) -> dict[ObligationKind, date]:
    return {duty.kind: duty.due_on for duty in treaties.obligations(iso3, code)}


def test_a_treaty_code_that_is_not_text_is_refused_clearly(treaties: TreatyService) -> None:
    """A NUL in a typed code: a message, on a file and on a server alike (PostgreSQL
    refused even to compare it, and the error was its own)."""
    with pytest.raises(ValidationError, match="treaty code contains characters"):
        treaties.record_participation("KHM", "\x00", signed_on=date(1997, 12, 3))
    with pytest.raises(NotFoundError, match="Unknown treaty 'XYZ'"):
        treaties.record_participation("KHM", "XYZ", signed_on=date(1997, 12, 3))
