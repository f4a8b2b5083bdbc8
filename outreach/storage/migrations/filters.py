"""What autogenerate compares: never the search index's tables (FTS5 tables on a file,
tsvector tables on a server), which the search package builds outside the migrations."""

from __future__ import annotations

from typing import Any

FTS_SUFFIXES = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config", "_fts_content")

#: The search index's triggers (outreach.search) are named with this prefix. Their bodies
#: read other tables, which a batch table rebuild would leave dangling mid-way (SQLite
#: then refuses the RENAME), so the runner drops them before migrating and the search
#: package recreates them, and rebuilds its index, when the file is next opened.
SEARCH_TRIGGER_PREFIX = "search_"
#: The search index's triggers, as (sql, parameters) for any SQLite connection.
SEARCH_TRIGGERS_QUERY = (
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?",
    (len(SEARCH_TRIGGER_PREFIX), SEARCH_TRIGGER_PREFIX),
)


def include_object(
    _object: Any, name: str | None, type_: str, _reflected: bool, _compare_to: Any
) -> bool:
    return not (
        type_ == "table"
        and name is not None
        and (name.endswith(FTS_SUFFIXES) or name.startswith(SEARCH_TRIGGER_PREFIX))
    )
