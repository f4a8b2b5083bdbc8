"""How the shipped reference rows write their sources.

A row whose public sources give different days for one of its facts says so after its
citations: "…; ISU (30 Nov 1998) — sources differ: ratification 25 or 30 Nov 1998". The
profile shows the source whole; the briefing sheet shortens the citations, never the
doubt.
"""

from __future__ import annotations

SOURCES_DIFFER = " — sources differ: "
#: what the first reference data said where a source was still to be found: no source
PLACEHOLDER = "illustrative (unverified)"


def citation_and_doubt(source: str) -> tuple[str, str]:
    """The citations, and what the sources differ on ("ratification 25 or 30 Nov 1998"),
    "" when they agree."""
    cited, _marker, doubt = source.partition(SOURCES_DIFFER)
    return cited, doubt
