"""Reading the UN Treaty Collection's status table, as officers copy it: a CSV saved from
a spreadsheet, or the web page's table pasted as tab-separated text (see
`outreach.io.untc_import` for the format and what is done with it). Nothing here
touches the database."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from outreach.domain.enums import ConsentKind
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.io.csv_reading import MEGABYTE, Record, read_text, records, sniff_delimiter

# A treaty has at most a few hundred participants (the UN has 193 members; the widest
# treaties list under 200 participants). A table listing more is not a status table: a
# wrong file, or one pasted many times over, and it is refused before anything is read
# into a plan. The file's size is capped for the same reason (a real table is some tens
# of kilobytes).
MAX_PARTICIPANTS = 1_000
MAX_TABLE_BYTES = 5 * MEGABYTE
TOO_LARGE = N_(
    "{name} is {mb:,.1f} MB; a status table is some tens of kilobytes. Choose the "
    "status table saved from the UN Treaty Collection."
)
# Month names as the UN prints them. Not strptime's %b: it follows the C locale, which a
# desktop app sets from the user's language (French: "déc."), and the table is English.
MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip

SUFFIXES = {
    "": ConsentKind.RATIFICATION,
    "a": ConsentKind.ACCESSION,
    "A": ConsentKind.ACCEPTANCE,
    "AA": ConsentKind.APPROVAL,
    "d": ConsentKind.SUCCESSION,
}

_FOOTNOTES = r"(?:\s*\d{1,2}(?:\s*,\s*\d{1,2})*)?"
_DATE = re.compile(
    r"^(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})"
    r"(?:\s*(?P<suffix>AA|A|a|d|s)(?![A-Za-z]))?" + _FOOTNOTES + r"\s*$"
)
_NAME_FOOTNOTES = re.compile(r"^(?P<name>.*?\D)" + _FOOTNOTES + r"\s*$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TableRow:
    """One participant as the table lists it."""

    line: int
    listed_name: str  # as written, footnotes and all
    name: str  # footnotes removed
    signed_on: date | None
    consent_on: date | None
    consent_kind: ConsentKind | None
    problem: str | None = None  # why the dates could not be read (the row is skipped)


@dataclass(frozen=True, slots=True)
class ParsedTable:
    rows: tuple[TableRow, ...]
    problems: tuple[str, ...]  # rows that could not be read, with the reason


def _clean(cell: str) -> str:
    return _SPACES.sub(" ", cell.replace("\xa0", " ").replace("\u202f", " ")).strip()


def strip_footnotes(name: str) -> str:
    """'Denmark3' -> 'Denmark'; 'Netherlands (Kingdom of the)4, 5' -> 'Netherlands (...)'."""
    text = _clean(name)
    match = _NAME_FOOTNOTES.match(text)
    return match.group("name").strip() if match else text


def parse_cell(cell: str) -> tuple[date, str] | None:
    """A date cell: ('3 Dec 1997 a') -> (date(1997, 12, 3), 'a'); None when blank.
    Raises ValueError with a reason when the cell holds something else."""
    text = _clean(cell)
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(_("'{cell}' is not a date like 3 Dec 1997").format(cell=text))
    month = MONTHS.get(match.group("month").lower())
    if month is None:
        raise ValueError(_("'{cell}' has no month name that the UN uses").format(cell=text))
    try:
        day = date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        raise ValueError(_("'{cell}' is not a day of the calendar").format(cell=text)) from None
    return day, match.group("suffix") or ""


def _records(text: str) -> Iterator[Record]:
    """The table's records: tab-separated when pasted from the web page, else whatever
    separator a spreadsheet used. Three columns: participant, signature, consent."""
    return records(text, sniff_delimiter(text, prefer_tab=True), width=3)


def _header(table: Iterator[Record]) -> tuple[int, int | None, int]:
    """The (participant, signature, consent) columns of the header row, the records
    before it (a title, a note) read and left behind."""
    for _line, record in table:
        folded = [fold(_clean(cell)) for cell in record]
        participant = next((i for i, c in enumerate(folded) if c.startswith("participant")), None)
        if participant is None:
            continue
        signature = next((i for i, c in enumerate(folded) if c.startswith("signature")), None)
        consent = next(
            (i for i, c in enumerate(folded) if c.startswith(("ratification", "accession"))),
            None,
        )
        if consent is None:
            raise ValidationError(
                _(
                    "The table has no column 'Ratification, Accession(a), Succession(d)' "
                    "(or 'Ratification, Acceptance(A), Approval(AA), Accession(a), "
                    "Succession(d)'); copy the whole status table, headers included."
                )
            )
        return participant, signature, consent
    raise ValidationError(
        _(
            "No 'Participant' header found; copy the UN Treaty Collection's status table "
            "with its header row (Participant, Signature, Ratification, …)."
        )
    )


def parse_untc_table(text: str) -> ParsedTable:
    """The participants of a status table (CSV or tab-separated text); refused when
    its quotes do not pair up or it lists more than MAX_PARTICIPANTS."""
    table = _records(text)
    participant, signature, consent = _header(table)
    rows: list[TableRow] = []
    problems: list[str] = []
    for index, record in table:

        def cell(column: int | None, record: list[str] = record) -> str:
            return record[column] if column is not None and column < len(record) else ""

        listed = _clean(cell(participant))
        if not listed:
            continue
        if len(rows) == MAX_PARTICIPANTS:
            raise ValidationError(
                _(
                    "The table lists more than {limit} participants (line {line}); a treaty "
                    "has at most a few hundred, so this is not one treaty's status table. "
                    "Nothing was read."
                ).format(limit=f"{MAX_PARTICIPANTS:,}", line=index)
            )
        name = strip_footnotes(listed)
        try:
            signed = parse_cell(cell(signature))
            consented = parse_cell(cell(consent))
        except ValueError as error:
            problem = _("line {line}: {state}: {problem}").format(
                line=index, state=name, problem=error
            )
            problems.append(problem)
            rows.append(TableRow(index, listed, name, None, None, None, problem))
            continue
        if consented is not None and consented[1] not in SUFFIXES:
            problem = _(
                "line {line}: {state}: '{suffix}' is not a kind of consent (a, A, AA, d or none)"
            ).format(line=index, state=name, suffix=consented[1])
            problems.append(problem)
            rows.append(TableRow(index, listed, name, None, None, None, problem))
            continue
        rows.append(
            TableRow(
                line=index,
                listed_name=listed,
                name=name,
                signed_on=signed[0] if signed else None,
                consent_on=consented[0] if consented else None,
                consent_kind=SUFFIXES[consented[1]] if consented else None,
            )
        )
    return ParsedTable(rows=tuple(rows), problems=tuple(problems))


def read_untc_file(path: Path) -> ParsedTable:
    return parse_untc_table(read_text(path, MAX_TABLE_BYTES, TOO_LARGE))


# --- comparing with the database ----------------------------------------------------------
