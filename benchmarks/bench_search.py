"""How fast the global search answers on the large demo (200,000 log entries), on a file
and on a PostgreSQL server, in the same run.

Run: .venv/bin/python benchmarks/bench_search.py [--repeat 15] [--out /tmp/search.md]

The large demo is made twice: in a SQLite file and in a database of a throwaway
PostgreSQL server on a Unix socket (`tests.postgres_server.TestServer`, stopped at the
end). Each measure is the median of repeated runs of `SearchService.search` (every kind,
five hits each, titles and marked snippets included), the backends taking turns query by
query. Beside each, a bare baseline measured in the same run with the plain driver, five
ids per kind ranked over every match (no window), no titles, snippets or records: on the
file the same FTS5 MATCH on each kind's index in sqlite3, ranked by bm25; on the server
the same tsquery on each kind's tsvector column in psycopg, ranked by ts_rank.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from timing import POSTGRESQL, SQLITE, Bare, large_demo_on_both, median_seconds, report

from outreach.search import SearchService, match_expression
from outreach.search.postgresql_index import RANK_WEIGHTS, tsquery_text
from outreach.search.service import folded_terms
from outreach.search.sources import SOURCES
from outreach.setup import prepare_database

QUERIES = (
    ("prefix, as typed", "dema"),
    ("accented word", "démarche"),
    ("accents typed without", "Ornek"),
    ("ł typed as l", "przykladowy"),
    ("common word (in every log entry)", "discussed"),
    ("two words", "stockpile destruction"),
    ("short prefix", "ka"),
)
TABLES = tuple(source.fts for source in SOURCES)
TARGET_MS = {SQLITE: 50, POSTGRESQL: 100}
BARE = {SQLITE: "bare FTS5 MATCH", POSTGRESQL: "bare tsquery"}


def bare_fts5(bare: Bare, text: str) -> Callable[[], object]:
    expression = match_expression(text)
    return lambda: [
        bare.rows(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT 5", expression)
        for fts in TABLES
    ]


def bare_tsquery(bare: Bare, text: str) -> Callable[[], object]:
    query = tsquery_text(folded_terms(text))
    return lambda: [
        bare.rows(
            f"SELECT t.id FROM {fts} t, to_tsquery('simple', ?) q WHERE t.document @@ q "
            f"ORDER BY ts_rank('{RANK_WEIGHTS}', t.document, q) DESC LIMIT 5",
            query,
        )
        for fts in TABLES
    ]


BARE_QUERY = {SQLITE: bare_fts5, POSTGRESQL: bare_tsquery}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, large_demo_on_both(Path(folder)) as demos:
        opened = [
            (
                demo,
                prepare_database(demo.location, demo_on_first_run=False, create=True),
                demo.bare(),
            )
            for demo in demos
        ]
        searches = [(demo, SearchService(db), bare) for demo, db, bare in opened]
        header = " | ".join(
            f"{demo.backend} hits | {demo.backend} (ms) | {BARE[demo.backend]} (ms) | ratio"
            for demo in demos
        )
        lines = [
            f"| query | text | {header} | {POSTGRESQL} under {TARGET_MS[POSTGRESQL]} ms |",
            "| --- | --- |" + " ---: | ---: | ---: | ---: |" * len(demos) + " --- |",
        ]
        worst = dict.fromkeys((demo.backend for demo in demos), 0.0)
        for name, text in QUERIES:
            cells, under = [], ""
            for demo, search, bare in searches:
                hits = len(search.search(text).hits)
                mine = median_seconds(
                    lambda search=search, text=text: search.search(text), arguments.repeat
                )
                baseline = median_seconds(BARE_QUERY[demo.backend](bare, text), arguments.repeat)
                worst[demo.backend] = max(worst[demo.backend], mine)
                cells.append(
                    f"{hits} | {mine * 1000:.1f} | {baseline * 1000:.1f} | {mine / baseline:.1f}"
                )
                if demo.backend == POSTGRESQL:
                    under = "yes" if mine * 1000 < TARGET_MS[POSTGRESQL] else "NO"
            lines.append(f"| {name} | `{text}` | {' | '.join(cells)} | {under} |")
            print(lines[-1], flush=True)
        for _demo, db, bare in opened:
            bare.close()
            db.close()
    lines.append("")
    lines += [
        f"Slowest query on {backend}: {seconds * 1000:.1f} ms "
        f"(target: under {TARGET_MS[backend]} ms)."
        for backend, seconds in worst.items()
    ]
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
