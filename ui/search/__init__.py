"""Global search: the Ctrl+K dialog."""

from ui.search.dialog import SearchDialog, SearchResultsModel

__all__ = ["SearchDialog", "SearchResultsModel"]
