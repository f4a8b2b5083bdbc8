"""What a search hands out: frozen records, grouped by kind of record."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: Around the words that matched, in `SearchHit.snippet` (control characters that no
#: user text contains, so a view can turn them into bold or brackets safely).
MARK_START = "\x02"
MARK_END = "\x03"


class SearchKind(StrEnum):
    """The kinds of record the global search finds; the values are the table names,
    as in the `Changes` the database announces."""

    STATE = "state"
    CONTACT = "contact"
    ORGANIZATION = "organization"
    DEMARCHE = "demarche"
    INTERVENTION = "intervention"
    LOG_ENTRY = "log_entry"
    ATTACHMENT = "attachment"  # a file attached to any of the above (or a meeting)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record found: open it with (kind, id)."""

    kind: SearchKind
    id: int
    title: str
    subtitle: str  # e.g. a contact's position, a démarche's state and status
    snippet: str  # the best matching text, matches between MARK_START and MARK_END
    field: str  # where that text comes from: "name", "aliases", "talking_points", …
    state_id: int | None  # the state it concerns, when there is one
    score: float  # bm25: lower is better

    def plain_snippet(self, start: str = "", end: str = "") -> str:
        """The snippet with its marks replaced (by nothing, brackets, ANSI bold, …)."""
        return self.snippet.replace(MARK_START, start).replace(MARK_END, end)


@dataclass(frozen=True, slots=True)
class SearchGroup:
    """The best hits of one kind, best first; `more` when there were others."""

    kind: SearchKind
    hits: tuple[SearchHit, ...]
    more: bool


@dataclass(frozen=True, slots=True)
class SearchResults:
    text: str
    groups: tuple[SearchGroup, ...]  # only kinds with hits, in KIND_ORDER

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return tuple(hit for group in self.groups for hit in group.hits)

    def __bool__(self) -> bool:
        return bool(self.groups)
