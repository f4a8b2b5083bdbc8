"""What the search index holds: one table per kind of record, one row per live record,
built by a SQL query over the record and the few records it names (the same on both
backends, but for the aggregate that joins texts, `{join}` below).

A document takes text from other tables (a contact's organization and state, a log
entry's states and contacts), so each source lists the tables it *watches*: a change to
a watched table re-indexes the documents it touches, through SQL triggers (see
`outreach.search.sqlite_index` for why triggers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection

from outreach.folding import fold_sql
from outreach.i18n import _
from outreach.search.records import SearchKind
from outreach.storage.migrations.filters import SEARCH_TRIGGER_PREFIX

TOKENIZE = "unicode61 remove_diacritics 2"
#: The tokenizer takes accents off (é, ü, ó, ź) but keeps letters that are not a letter
#: and an accent (ł, ø, đ, ß, æ…): each document also holds its text with those folded
#: by `fold_sql` in this column, so "Lodz" finds "Łódź" and "Orsted" finds "Ørsted".
FOLDED = "folded"
FOLDED_WEIGHT = 1.0
PREFIX = "2 3"  # prefix indexes for what people type first: "dé", "dém"


def quote(name: str) -> str:
    """An identifier quoted for SQL, on either backend."""
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class Watch:
    """A table whose rows feed documents. `ids` selects the ids of the documents a row
    touches, with `{keys}` standing for the row's `key` value(s), old and/or new."""

    table: str
    columns: tuple[str, ...]  # an UPDATE of these re-indexes; others are ignored
    key: str = "id"
    ids: str = "{keys}"

    def touched(self, event: str, old: str, new: str) -> str:
        """The SQL of the ids a trigger on `event` ("ai", "au" or "ad": after an insert,
        an update, a delete) re-indexes: `ids` with the row's key as it was (the trigger's
        `old` row), as it is (`new`), or both."""
        rows = {"ai": (new,), "au": (old, new), "ad": (old,)}[event]
        return self.ids.format(keys=", ".join(f"{row}.{quote(self.key)}" for row in rows))


@dataclass(frozen=True, slots=True)
class Source:
    kind: SearchKind
    columns: tuple[tuple[str, float], ...]  # FTS column, bm25 weight
    values: tuple[str, ...]  # the SQL of each column's text, in the same order
    tables: str  # what they are read from: "<table> <alias> [JOIN ...]"
    alias: str
    live: str  # the condition that keeps deleted records out
    watches: tuple[Watch, ...]

    @property
    def fts_columns(self) -> tuple[tuple[str, float], ...]:
        """The columns, then the folded copy of letters the tokenizer keeps (see FOLDED)."""
        return (*self.columns, (FOLDED, FOLDED_WEIGHT))

    @property
    def table(self) -> str:
        return str(self.kind)

    @property
    def fts(self) -> str:
        return f"search_{self.kind}_fts"

    def document_query(self, join: str, ids: str | None = None, fence: str = "") -> str:
        """The documents of the live records whose id is in `ids` (all when None): the id,
        one text per column, then the folded copy (NULL unless a letter was folded).
        `join` is the backend's aggregate that joins texts with a separator; `fence`
        ends the inner query (PostgreSQL's "OFFSET 0" keeps it from being merged into
        the outer one, which would run each text's subquery three times)."""
        where = self.live if ids is None else f"{self.live} AND {self.alias}.id IN ({ids})"
        named = ", ".join(
            f"{value.format(join=join)} AS v{index}" for index, value in enumerate(self.values)
        )
        texts = [f"coalesce(doc.v{index}, '')" for index in range(len(self.values))]
        # The values are read once, in the inner query; each is folded on its own, which
        # keeps the SQL shallow enough for SQLite's parser.
        joined = " || ' ' || ".join(texts)
        folded = " || ' ' || ".join(fold_sql(text) for text in texts)
        plain = ", ".join(f"doc.v{index}" for index in range(len(self.values)))
        return (
            f"SELECT doc.id, {plain}, nullif({folded}, {joined}) FROM "
            f"(SELECT {self.alias}.id AS id, {named} FROM {self.tables} WHERE {where}{fence}) "
            "AS doc"
        )

    def trigger_name(self, watch: Watch, event: str) -> str:
        return f"{SEARCH_TRIGGER_PREFIX}{self.kind}__{watch.table}_{event}"


def _label(column: str) -> str:
    """An enum value as words: 'note_verbale' -> 'note verbale'."""
    return f"replace({column}, '_', ' ')"


#: the title of the record an attachment `a` is attached to, whatever its kind
ATTACHED_TO_TITLE = (
    "CASE a.record_kind "
    "WHEN 'state' THEN (SELECT x.name FROM state x WHERE x.id = a.record_id) "
    "WHEN 'contact' THEN (SELECT trim(x.given_name || ' ' || x.family_name) FROM contact x "
    "WHERE x.id = a.record_id) "
    "WHEN 'organization' THEN (SELECT x.name FROM organization x WHERE x.id = a.record_id) "
    "WHEN 'demarche' THEN (SELECT x.title FROM demarche x WHERE x.id = a.record_id) "
    "WHEN 'log_entry' THEN (SELECT x.summary FROM log_entry x WHERE x.id = a.record_id) "
    "WHEN 'meeting' THEN (SELECT x.title FROM meeting x WHERE x.id = a.record_id) "
    "WHEN 'intervention' THEN (SELECT x.title FROM intervention x WHERE x.id = a.record_id) "
    "END"
)

#: the state an attachment `a` concerns: the state itself, or the state of its record
ATTACHED_TO_STATE = (
    "CASE a.record_kind "
    "WHEN 'state' THEN a.record_id "
    "WHEN 'contact' THEN (SELECT x.state_id FROM contact x WHERE x.id = a.record_id) "
    "WHEN 'organization' THEN (SELECT x.state_id FROM organization x WHERE x.id = a.record_id) "
    "WHEN 'demarche' THEN (SELECT x.state_id FROM demarche x WHERE x.id = a.record_id) "
    "WHEN 'log_entry' THEN (SELECT min(x.state_id) FROM log_entry_state x "
    "WHERE x.log_entry_id = a.record_id) "
    "WHEN 'intervention' THEN (SELECT min(x.state_id) FROM intervention_target x "
    "WHERE x.intervention_id = a.record_id) "
    "END"
)

SOURCES: tuple[Source, ...] = (
    Source(
        kind=SearchKind.STATE,
        columns=(
            ("name", 10.0),
            ("name_fr", 10.0),  # "Cambodge" finds Cambodia, whatever the app's language
            ("official_name", 5.0),
            ("codes", 5.0),
            ("aliases", 8.0),
            ("notes", 1.0),
            ("talking_points", 1.0),
        ),
        values=(
            "s.name",
            "s.name_fr",
            "s.official_name",
            "s.iso2 || ' ' || s.iso3",
            "coalesce((SELECT {join}(a.alias, ' · ') FROM state_alias a "
            "WHERE a.state_id = s.id), '')",
            "s.notes",
            "s.talking_points",
        ),
        tables="state s",
        alias="s",
        live="TRUE",
        watches=(
            Watch(
                "state",
                ("name", "name_fr", "official_name", "iso2", "iso3", "notes", "talking_points"),
            ),
            Watch("state_alias", ("state_id", "alias"), key="state_id"),
        ),
    ),
    Source(
        kind=SearchKind.CONTACT,
        columns=(
            ("name", 10.0),
            ("position", 3.0),
            ("organization", 2.0),
            ("state", 2.0),
            ("reach", 3.0),
            ("notes", 1.0),
        ),
        values=(
            "trim(c.given_name || ' ' || c.family_name)",
            "c.position",
            "coalesce(o.name, '')",
            "coalesce(st.name, '')",
            "c.email || ' ' || c.phone",
            "c.notes",
        ),
        tables=(
            "contact c LEFT JOIN organization o ON o.id = c.organization_id "
            "LEFT JOIN state st ON st.id = c.state_id"
        ),
        alias="c",
        live="c.deleted_at IS NULL",
        watches=(
            Watch(
                "contact",
                (
                    "given_name",
                    "family_name",
                    "position",
                    "organization_id",
                    "state_id",
                    "email",
                    "phone",
                    "notes",
                    "deleted_at",
                ),
            ),
            Watch(
                "organization",
                ("name",),
                ids="SELECT id FROM contact WHERE organization_id IN ({keys})",
            ),
            Watch("state", ("name",), ids="SELECT id FROM contact WHERE state_id IN ({keys})"),
        ),
    ),
    Source(
        kind=SearchKind.ORGANIZATION,
        columns=(("name", 10.0), ("city", 3.0), ("state", 2.0), ("notes", 1.0)),
        values=("o.name", "o.city", "coalesce(st.name, '')", "o.notes"),
        tables="organization o LEFT JOIN state st ON st.id = o.state_id",
        alias="o",
        live="o.deleted_at IS NULL",
        watches=(
            Watch("organization", ("name", "city", "state_id", "notes", "deleted_at")),
            Watch("state", ("name",), ids="SELECT id FROM organization WHERE state_id IN ({keys})"),
        ),
    ),
    Source(
        kind=SearchKind.DEMARCHE,
        columns=(
            ("title", 10.0),
            ("state", 4.0),
            ("talking_points", 1.0),
            ("response", 1.0),
            ("labels", 0.5),
        ),
        values=(
            "d.title",
            "coalesce(st.name, '')",
            "d.talking_points",
            "d.response || ' ' || d.status_reason",
            f"'démarche ' || d.status || ' ' || {_label('d.requested_action')} || ' ' || "
            f"{_label('d.channel')} || ' ' || d.officer",
        ),
        tables="demarche d LEFT JOIN state st ON st.id = d.state_id",
        alias="d",
        live="d.deleted_at IS NULL",
        watches=(
            Watch(
                "demarche",
                (
                    "title",
                    "state_id",
                    "talking_points",
                    "response",
                    "status_reason",
                    "status",
                    "requested_action",
                    "channel",
                    "officer",
                    "deleted_at",
                ),
            ),
            Watch("state", ("name",), ids="SELECT id FROM demarche WHERE state_id IN ({keys})"),
        ),
    ),
    Source(
        kind=SearchKind.INTERVENTION,
        columns=(
            ("title", 10.0),
            ("meeting", 3.0),
            ("talking_points", 1.0),
            ("outcome", 1.0),
            ("labels", 0.5),
        ),
        values=(
            "i.title",
            "coalesce(m.title, '')",
            "i.talking_points",
            "i.outcome",
            f"'intervention ' || {_label('i.kind')} || ' ' || i.status || ' ' || i.lead_officer",
        ),
        tables="intervention i LEFT JOIN meeting m ON m.id = i.meeting_id",
        alias="i",
        live="i.deleted_at IS NULL",
        watches=(
            Watch(
                "intervention",
                (
                    "title",
                    "meeting_id",
                    "talking_points",
                    "outcome",
                    "kind",
                    "status",
                    "lead_officer",
                    "deleted_at",
                ),
            ),
            Watch(
                "meeting",
                ("title",),
                ids="SELECT id FROM intervention WHERE meeting_id IN ({keys})",
            ),
        ),
    ),
    Source(
        kind=SearchKind.LOG_ENTRY,
        columns=(
            ("summary", 10.0),
            ("details", 1.0),
            ("states", 3.0),
            ("contacts", 3.0),
            ("labels", 0.5),
        ),
        values=(
            "e.summary",
            "e.details",
            "coalesce((SELECT {join}(st.name, ' · ') FROM log_entry_state ls "
            "JOIN state st ON st.id = ls.state_id WHERE ls.log_entry_id = e.id), '')",
            "coalesce((SELECT {join}(trim(c.given_name || ' ' || c.family_name), ' · ') "
            "FROM log_entry_contact lc JOIN contact c ON c.id = lc.contact_id "
            "WHERE lc.log_entry_id = e.id), '')",
            "e.kind || ' ' || e.officer",
        ),
        tables="log_entry e",
        alias="e",
        live="e.deleted_at IS NULL",
        watches=(
            Watch("log_entry", ("summary", "details", "kind", "officer", "deleted_at")),
            Watch("log_entry_state", ("log_entry_id", "state_id"), key="log_entry_id"),
            Watch("log_entry_contact", ("log_entry_id", "contact_id"), key="log_entry_id"),
            Watch(
                "state",
                ("name",),
                ids="SELECT log_entry_id FROM log_entry_state WHERE state_id IN ({keys})",
            ),
            Watch(
                "contact",
                ("given_name", "family_name"),
                ids="SELECT log_entry_id FROM log_entry_contact WHERE contact_id IN ({keys})",
            ),
        ),
    ),
    Source(
        kind=SearchKind.ATTACHMENT,
        columns=(("name", 10.0), ("attached_to", 2.0), ("text", 1.0)),
        values=("a.name", f"coalesce({ATTACHED_TO_TITLE}, '')", "coalesce(b.text, '')"),
        tables="attachment a JOIN attachment_blob b ON b.id = a.blob_id",
        alias="a",
        live="a.deleted_at IS NULL",
        watches=(
            Watch("attachment", ("name", "record_kind", "record_id", "blob_id", "deleted_at")),
            # its text is read after it is attached
            Watch(
                "attachment_blob",
                ("text",),
                ids="SELECT id FROM attachment WHERE blob_id IN ({keys})",
            ),
        ),
    ),
)

BY_KIND: dict[SearchKind, Source] = {source.kind: source for source in SOURCES}


def document_count_problems(connection: Connection, source: Source) -> list[str]:
    """Either backend's index holds one document per live record: a count that differs
    is a problem `outreach check` reports."""
    table, index = quote(source.table), quote(source.fts)
    documents = connection.exec_driver_sql(f"SELECT count(*) FROM {index}").scalar()
    records = connection.exec_driver_sql(
        f"SELECT count(*) FROM {table} {source.alias} WHERE {source.live}"
    ).scalar()
    if documents == records:
        return []
    problem = _("search: the {kind} index holds {documents} documents for {records} records")
    return [problem.format(kind=source.kind, documents=documents, records=records)]


def index_problems(
    connection: Connection,
    is_current: Callable[[Source], bool],
    damaged: Callable[[Source], bool] = lambda _source: False,
) -> list[str]:
    """What `outreach check` reports of either backend's index, source by source: its
    table or triggers missing or outdated, damage the backend finds, or a count of
    documents that differs from the live records."""
    problems: list[str] = []
    for source in SOURCES:
        if not is_current(source):
            problem = _("search: the {kind} index is missing or outdated")
        elif damaged(source):
            problem = _(
                "search: the {kind} index is damaged; `outreach check --rebuild-search` rebuilds it"
            )
        else:
            problems.extend(document_count_problems(connection, source))
            continue
        problems.append(problem.format(kind=source.kind))
    return problems
