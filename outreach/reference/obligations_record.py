"""The record of the APMBC's obligations met, as shipped: for each State Party that the
public record speaks of, its initial Article 7 report, the end of its stockpile
destruction (Art. 4) or its declaration that it held none, and its mine clearance
(Art. 5): the deadline after the extensions granted, and the completion declared.

resources/reference/apmbc_obligations_record.csv holds it, each row with its sources
(Landmine Monitor's country profiles, the Implementation Support Unit's country pages,
Mine Action Review) and where they differ, its doubt. A day may be known only to the
month or the year ("2006", "2006-04").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from outreach.reference.participations import shipped_rows
from outreach.reference.sources import SOURCES_DIFFER

#: how much of a date a record gives, by the length of what it writes
PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True, slots=True)
class RecordedDay:
    """A date as a record gives it: the first day of what is known, and how much is."""

    day: date
    precision: str  # "day", "month" or "year" (a MetPrecision's value)


def recorded_day(text: str) -> RecordedDay | None:
    """ "2006" / "2006-04" / "2006-04-12" as a RecordedDay; None for ""."""
    text = text.strip()
    if not text:
        return None
    precision = PRECISION_BY_LENGTH.get(len(text))
    if precision is None:
        raise ValueError(f"not a date, a month or a year: {text!r}")
    padded = text + {"year": "-01-01", "month": "-01", "day": ""}[precision]
    return RecordedDay(date.fromisoformat(padded), precision)


@dataclass(frozen=True, slots=True)
class RecordedObligations:
    iso3: str
    initial_report: RecordedDay | None
    stockpile_status: str  # "completed", "none", "not_completed" or "" (not known)
    stockpile_destroyed: RecordedDay | None
    clearance_status: str  # "completed", "in_progress", "not_affected" or "unknown"
    clearance_deadline: date | None  # after the extensions granted
    extensions: str  # as the record words them
    clearance_completed: RecordedDay | None
    source: str  # the citations, then " — sources differ: …" where they do
    as_of: date | None


def recorded_obligations() -> list[RecordedObligations]:
    """Every row of the shipped record."""
    found = []
    for row in shipped_rows("apmbc_obligations_record.csv"):
        deadline = recorded_day(row["art5_deadline"])
        as_of = recorded_day(row["as_of"])
        doubt = row["doubt"].strip()
        source = row["source"].strip()
        if "differ" in doubt:  # kept whole on the briefing sheet
            source += f"{SOURCES_DIFFER}{doubt.split('differ', 1)[1].lstrip(' :on')}"
        elif doubt:
            source += f"; note: {doubt}"
        found.append(
            RecordedObligations(
                iso3=row["iso3"],
                initial_report=recorded_day(row["initial_report_on"]),
                stockpile_status=row["stockpile_status"].strip(),
                stockpile_destroyed=recorded_day(row["stockpile_destroyed_on"]),
                clearance_status=row["art5_status"].strip(),
                clearance_deadline=deadline.day if deadline else None,
                extensions=row["art5_extensions"].strip(),
                clearance_completed=recorded_day(row["art5_completed_on"]),
                source=source,
                as_of=as_of.day if as_of else None,
            )
        )
    return found
