"""The treaties the app ships with. The APMBC comes first; others fit the same shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class TreatyRef:
    code: str
    name: str
    short_name: str
    adopted_on: date
    in_force_on: date
    threshold_reached_on: date
    months_after_deposit: int
    signature_closes_on: date
    withdrawal_months: int
    target_parties: int | None
    target_counting: str  # a `Counting`: how the target's States Parties were counted
    source: str
    as_of: date


APMBC = TreatyRef(
    code="APMBC",
    name=(
        "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer "
        "of Anti-Personnel Mines and on their Destruction"
    ),
    short_name="Ottawa Convention",
    adopted_on=date(1997, 9, 18),
    # Art. 17(1): first day of the sixth month after the 40th deposit (Burkina Faso,
    # 16 September 1998).
    in_force_on=date(1999, 3, 1),
    threshold_reached_on=date(1998, 9, 16),
    months_after_deposit=6,  # Art. 17(2)
    signature_closes_on=date(1999, 2, 28),  # Art. 15: open for signature until in force
    withdrawal_months=6,  # Art. 20(3)
    target_parties=145,  # the Contact Group's aim for the 2004 Review Conference
    # Counted by deposit, as the campaign counted then: 130 by November 2002 (Landmine
    # Monitor), when the Contact Group set it at its 4th Meeting of States Parties.
    target_counting="deposit",
    source="Convention text, Arts. 15, 17 and 20; UN Treaty Collection, chapter XXVI-5",
    as_of=date(1999, 3, 1),
)

CCM = TreatyRef(
    code="CCM",
    name="Convention on Cluster Munitions",
    short_name="Convention on Cluster Munitions",
    adopted_on=date(2008, 5, 30),  # Dublin; opened for signature in Oslo, 3 December 2008
    # Art. 17(1): the first day of the sixth month after the 30th deposit (Burkina Faso and
    # Moldova, both 16 February 2010).
    in_force_on=date(2010, 8, 1),
    threshold_reached_on=date(2010, 2, 16),
    months_after_deposit=6,  # Art. 17(2)
    signature_closes_on=date(2010, 7, 31),  # Art. 15: open for signature until in force
    withdrawal_months=6,  # Art. 20(2)
    target_parties=None,
    target_counting="in_force",
    source="Convention text, Arts. 15, 17 and 20; UN Treaty Collection, chapter XXVI-6",
    as_of=date(2010, 8, 1),
)

#: the APMBC first: the default everywhere a treaty is not chosen
TREATIES = (APMBC, CCM)

#: the shipped forums whose members are a treaty's States Parties (from entry into force)
PARTIES_FORUMS: dict[str, tuple[str, ...]] = {
    "APMBC": ("msp", "revcon", "sc"),
    "CCM": ("ccm-msp", "ccm-revcon"),
}


def treaty_of_forum(slug: str) -> str | None:
    """The code of the treaty whose States Parties the forum gathers; None for another
    forum (the Conference on Disarmament, a regional organization…)."""
    return next((code for code, slugs in PARTIES_FORUMS.items() if slug in slugs), None)
