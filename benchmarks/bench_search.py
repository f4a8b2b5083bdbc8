"""How fast the global search answers on the large demo (200,000 log entries).

Run: .venv/bin/python benchmarks/bench_search.py [--repeat 15] [--out /tmp/search.md]

Each measure is the median of repeated runs of `SearchService.search` (every kind, five
hits each, titles and marked snippets included). Beside each, a bare baseline measured
in the same run: the same FTS5 MATCH on each kind's index in plain sqlite3, five ids per
kind ranked by bm25 over every match (no window), no titles, snippets or records.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from timing import large_demo, median_seconds

from outreach.search import SearchService, match_expression
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, _generation = large_demo(Path(folder))
        db = prepare_database(path, demo_on_first_run=False)
        search = SearchService(db)
        raw = sqlite3.connect(path)
        lines = [
            "| query | text | hits | median (ms) | bare FTS5 MATCH (ms) | ratio |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        worst = 0.0
        for name, text in QUERIES:
            expression = match_expression(text)
            hits = len(search.search(text).hits)
            mine = median_seconds(lambda text=text: search.search(text), arguments.repeat)
            bare = median_seconds(
                lambda expression=expression: [
                    raw.execute(
                        f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rank LIMIT 5",
                        (expression,),
                    ).fetchall()
                    for fts in TABLES
                ],
                arguments.repeat,
            )
            worst = max(worst, mine)
            lines.append(
                f"| {name} | `{text}` | {hits} | {mine * 1000:.1f} | {bare * 1000:.1f} "
                f"| {mine / bare:.1f} |"
            )
        raw.close()
        db.close()
    lines += ["", f"Slowest query: {worst * 1000:.1f} ms (target: under 50 ms)."]
    table = "\n".join(lines)
    print(table)
    if arguments.out:
        arguments.out.write_text(table + "\n")


if __name__ == "__main__":
    main()
