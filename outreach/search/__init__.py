"""Global full-text search over states, contacts, organizations, démarches,
interventions and the contact log (SQLite FTS5 behind a small adapter)."""

from outreach.search.index import ensure_search_index, rebuild_search, search_index_problems
from outreach.search.records import (
    MARK_END,
    MARK_START,
    SearchGroup,
    SearchHit,
    SearchKind,
    SearchResults,
)
from outreach.search.service import SearchService, match_expression

__all__ = [
    "MARK_END",
    "MARK_START",
    "SearchGroup",
    "SearchHit",
    "SearchKind",
    "SearchResults",
    "SearchService",
    "ensure_search_index",
    "match_expression",
    "rebuild_search",
    "search_index_problems",
]
