"""The shipped reference tables as rows: the CSV files under resources/reference/, and
the APMBC's participation table with each state's withdrawal joined to its row.

What a new database is loaded with (`outreach.setup.reference`) and what migration 0010
brings older ones to. The dates are as the sources give them; entry into force, and a
withdrawal's effect where no source dates it, follow the treaty's rules, which the
callers apply (`outreach.domain.treaty_rules.TreatyRules`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources

from outreach.reference.sources import SOURCES_DIFFER


def shipped_rows(name: str) -> Iterator[dict[str, str]]:
    """The rows of resources/reference/`name`, a CSV file with a header."""
    text = resources.files("resources").joinpath("reference", name).read_text(encoding="utf-8")
    yield from csv.DictReader(io.StringIO(text, newline=""))


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True, slots=True)
class ShippedParticipation:
    """One state's row of the APMBC as shipped, its withdrawal (if any) joined to it."""

    iso3: str
    signed_on: date | None
    consent_on: date | None
    consent_kind: str | None  # a ConsentKind's value
    effective_on: date | None  # a succession's, as the depositary records it
    withdrawal_notified_on: date | None
    withdrawal_effective_on: date | None  # as a source dates it; None: by the rule
    source: str
    as_of: date | None


def shipped_table(name: str) -> bool:
    """Whether resources/reference/`name` is shipped."""
    return resources.files("resources").joinpath("reference", name).is_file()


def shipped_participations(code: str = "APMBC") -> dict[str, ShippedParticipation]:
    """The participation table of treaty `code` as shipped (`<code>_participation.csv`,
    its withdrawals in `<code>_withdrawals.csv` when there are any), by ISO alpha-3 code;
    empty when none is shipped. A withdrawal's source is added to the row's citations,
    before any doubt they carry."""
    table, withdrawn = f"{code.lower()}_participation.csv", f"{code.lower()}_withdrawals.csv"
    if not shipped_table(table):
        return {}
    withdrawals = (
        {row["iso3"]: row for row in shipped_rows(withdrawn)} if shipped_table(withdrawn) else {}
    )
    shipped = {}
    for row in shipped_rows(table):
        source = row["source"]
        withdrawal = withdrawals.get(row["iso3"], {})
        if withdrawal:
            cited, marker, doubt = source.partition(SOURCES_DIFFER)
            source = f"{cited}; withdrawal: {withdrawal['source']}{marker}{doubt}"
        shipped[row["iso3"]] = ShippedParticipation(
            iso3=row["iso3"],
            signed_on=_day(row["signed_on"]),
            consent_on=_day(row["consent_on"]),
            consent_kind=row["consent_kind"] or None,
            effective_on=_day(row.get("effective_on")),
            withdrawal_notified_on=_day(withdrawal.get("notified_on")),
            withdrawal_effective_on=_day(withdrawal.get("effective_on")),
            source=source,
            as_of=_day(row["as_of"]),
        )
    return shipped
