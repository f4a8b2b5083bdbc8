"""Searching the index: what people type becomes folded word prefixes, each kind is
ranked by the backend (bm25 on a file, ts_rank on a server; title-like columns weigh
most), and each hit comes back as a frozen `SearchHit` with a title, a line of context
and the matching words marked.

Ranking is bounded so that a query stays quick on the large demo (200,000 log entries):
it is computed over the newest `window` matches of each kind (2,000 by default), which
is every match for any query that narrows things down, and the most recent ones for a
word that appears everywhere ("discussed"), where recency is the better order anyway.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import _
from outreach.search.index import SearchIndex, index_of
from outreach.search.records import (
    MARK_END,
    MARK_START,
    SearchGroup,
    SearchHit,
    SearchKind,
    SearchResults,
)
from outreach.search.sources import ATTACHED_TO_STATE, ATTACHED_TO_TITLE, BY_KIND, Source
from outreach.search.sqlite_index import match_expression as fts5_expression
from outreach.services import lookup
from outreach.storage.database import Database

KIND_ORDER: tuple[SearchKind, ...] = tuple(SearchKind)
DEFAULT_LIMIT = 5
DEFAULT_WINDOW = 2_000
MAX_TERMS = 8
SNIPPET_BEFORE, SNIPPET_AFTER = 50, 110
STATE_NAMES = ("name", "name_fr")  # a state's columns of its name in each language

_WORD = re.compile(r"[^\W_]+")

# Per kind: id, title, state id and up to three parts of the subtitle, for some ids;
# `{state}` is the name of the state `st` in the app's language.
_DETAILS: dict[SearchKind, str] = {
    SearchKind.STATE: (
        "SELECT st.id, {state}, st.id, st.iso3, st.subregion, st.official_name "
        "FROM state st WHERE st.id IN ({ids})"
    ),
    SearchKind.CONTACT: (
        "SELECT c.id, trim(c.given_name || ' ' || c.family_name), c.state_id, c.position, "
        "o.name, {state} FROM contact c LEFT JOIN organization o ON o.id = c.organization_id "
        "LEFT JOIN state st ON st.id = c.state_id WHERE c.id IN ({ids})"
    ),
    SearchKind.ORGANIZATION: (
        "SELECT o.id, o.name, o.state_id, o.kind, o.city, {state} FROM organization o "
        "LEFT JOIN state st ON st.id = o.state_id WHERE o.id IN ({ids})"
    ),
    SearchKind.DEMARCHE: (
        "SELECT d.id, d.title, d.state_id, {state}, d.status, d.due_on FROM demarche d "
        "LEFT JOIN state st ON st.id = d.state_id WHERE d.id IN ({ids})"
    ),
    SearchKind.INTERVENTION: (
        "SELECT i.id, i.title, (SELECT min(t.state_id) FROM intervention_target t "
        "WHERE t.intervention_id = i.id), m.title, i.kind, i.status FROM intervention i "
        "LEFT JOIN meeting m ON m.id = i.meeting_id WHERE i.id IN ({ids})"
    ),
    SearchKind.LOG_ENTRY: (
        "SELECT e.id, e.summary, (SELECT min(ls.state_id) FROM log_entry_state ls "
        "WHERE ls.log_entry_id = e.id), e.occurred_on, e.kind, "
        "(SELECT {join}({state}, ', ') FROM log_entry_state ls JOIN state st "
        "ON st.id = ls.state_id WHERE ls.log_entry_id = e.id) "
        "FROM log_entry e WHERE e.id IN ({ids})"
    ),
    # the file's name; the record it is attached to, and what kind of record that is
    SearchKind.ATTACHMENT: (
        f"SELECT a.id, a.name, {ATTACHED_TO_STATE}, {ATTACHED_TO_TITLE}, a.record_kind "
        "FROM attachment a WHERE a.id IN ({ids})"
    ),
}


def terms_of(text: str) -> list[str]:
    """The words of a query as the index splits them (letters and digits)."""
    words = _WORD.findall(unicodedata.normalize("NFC", text))
    longer = [word for word in words if len(word) > 1]
    # A one-letter word ("d" of "d'Ivoire") matches everything as a prefix: drop it when
    # the query has better words.
    return (longer or words)[:MAX_TERMS]


def folded_terms(text: str) -> list[str]:
    """The words of `text`, folded as the index's folded column is ("Łódź" typed finds
    "Lodz" written, too); each is matched as a word prefix ("dema" finds "démarche")."""
    return [fold(term) for term in terms_of(text)]


def match_expression(text: str) -> str | None:
    """The FTS5 query a SQLite file runs for `text`, or None when `text` has no words."""
    terms = folded_terms(text)
    return fts5_expression(terms) if terms else None


def _mark(text: str, prefixes: Sequence[str]) -> tuple[str, int | None]:
    """`text` with the words that start with a prefix marked; and where the first is."""
    pieces: list[str] = []
    last, first = 0, None
    for match in _WORD.finditer(text):
        word = match.group()
        if any(fold(word).startswith(prefix) for prefix in prefixes):
            if first is None:
                first = len("".join(pieces)) + (match.start() - last)
            pieces += [text[last : match.start()], MARK_START, word, MARK_END]
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), first


def _excerpt(marked: str, first: int) -> str:
    """A window of a long text around its first match, cut at spaces."""
    if len(marked) <= SNIPPET_BEFORE + SNIPPET_AFTER:
        return marked
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(marked), first + SNIPPET_AFTER)
    if start > 0:
        space = marked.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    if end < len(marked):
        space = marked.rfind(" ", first, end)
        end = space if space > first else end
    excerpt = marked[start:end]
    if excerpt.count(MARK_START) > excerpt.count(MARK_END):
        excerpt += MARK_END
    return ("…" if start > 0 else "") + excerpt + ("…" if end < len(marked) else "")


def _snippet(source: Source, values: Sequence[Any], prefixes: Sequence[str]) -> tuple[str, str]:
    """(column name, marked excerpt) of the weightiest column that matched."""
    order = sorted(
        range(len(source.columns)),
        key=lambda i: (source.columns[i][0] == "labels", -source.columns[i][1]),
    )
    for index in order:
        text = str(values[index] or "")
        marked, first = _mark(text, prefixes)
        if first is not None:
            return source.columns[index][0], _excerpt(marked, first)
    return source.columns[0][0], str(values[0] or "")


def _state_name_hit(title: str, snippet: str, prefixes: Sequence[str]) -> tuple[str, str]:
    """(field, snippet) of a state found by a name: the name shown (the title, in the
    app's language) when it matches, else its name in the other language, shown as one
    of its other names ("also known as: Cambodge")."""
    marked, first = _mark(title, prefixes)
    return ("name", marked) if first is not None else ("aliases", snippet)


def _subtitle(parts: Iterable[object]) -> str:
    return " · ".join(str(part).replace("_", " ") for part in parts if part not in (None, ""))


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self,
        text: str,
        *,
        limit: int = DEFAULT_LIMIT,
        kinds: Iterable[SearchKind | str] | None = None,
        window: int = DEFAULT_WINDOW,
    ) -> SearchResults:
        """The best `limit` records of each kind holding every word of `text` (as a word
        or the start of one, ignoring case and accents), best first."""
        if limit < 1:
            raise ValidationError(
                _("The number of results must be at least 1 (got {limit}).").format(limit=limit)
            )
        wanted = self._kinds(kinds)
        prefixes = folded_terms(text)
        if not prefixes:
            return SearchResults(text=text, groups=())
        groups = []
        index = index_of(self._db)
        with self._db.read() as session:
            connection = session.connection()
            for kind in wanted:
                group = self._group(index, connection, BY_KIND[kind], prefixes, limit, window)
                if group.hits:
                    groups.append(group)
        return SearchResults(text=text, groups=tuple(groups))

    @staticmethod
    def _kinds(kinds: Iterable[SearchKind | str] | None) -> list[SearchKind]:
        if kinds is None:
            return list(KIND_ORDER)
        chosen = set()
        for kind in kinds:
            try:
                chosen.add(SearchKind(kind))
            except ValueError:
                allowed = ", ".join(KIND_ORDER)
                raise ValidationError(
                    _("'{kind}' is not a kind of record to search; choose from: {allowed}.").format(
                        kind=kind, allowed=allowed
                    ),
                    "kinds",
                ) from None
        return [kind for kind in KIND_ORDER if kind in chosen]

    @staticmethod
    def _group(
        index: SearchIndex,
        connection: Connection,
        source: Source,
        prefixes: Sequence[str],
        limit: int,
        window: int,
    ) -> SearchGroup:
        ranked = index.ranked(connection, source, prefixes, window, limit + 1)
        more = len(ranked) > limit
        ranked = ranked[:limit]
        if not ranked:
            return SearchGroup(kind=source.kind, hits=(), more=False)
        ids = [record_id for record_id, _score in ranked]
        documents = index.documents(connection, source, ids)
        query = _DETAILS[source.kind].format(
            ids=", ".join(str(record_id) for record_id in ids),
            join=index.join_function,
            state=lookup.state_name_sql("st"),
        )
        details = {int(row[0]): tuple(row[1:]) for row in connection.exec_driver_sql(query)}
        hits = []
        for record_id, score in ranked:
            if record_id not in details or record_id not in documents:
                continue
            title, state_id, *parts = details[record_id]
            parts = [part for part in parts if part != title]  # e.g. an official name
            field, snippet = _snippet(source, documents[record_id], prefixes)
            if source.kind == SearchKind.STATE and field in STATE_NAMES:
                field, snippet = _state_name_hit(str(title or ""), snippet, prefixes)
            hits.append(
                SearchHit(
                    kind=source.kind,
                    id=record_id,
                    title=str(title or ""),
                    subtitle=_subtitle(parts),
                    snippet=snippet,
                    field=field,
                    state_id=int(state_id) if state_id is not None else None,
                    score=float(score),
                )
            )
        return SearchGroup(kind=source.kind, hits=tuple(hits), more=more)
