"""How fast the long lists answer on the large demo (200,000 log entries), on a file and
on a PostgreSQL server, in the same run.

Run: .venv/bin/python benchmarks/bench_lists.py [--repeat 15] [--out docs/benchmarks.md]

The large demo is made twice: in a SQLite file and in a database of a throwaway
PostgreSQL server on a Unix socket (`tests.postgres_server.TestServer`, stopped at the
end). Each measure is the median of repeated runs, the backends taking turns measure by
measure. Beside each, a bare baseline measured in the same run: the same rows fetched
with the plain driver (sqlite3, psycopg) and no service layer, so the ratio shows what
the services add on this machine, whatever its speed that day.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from timing import POSTGRESQL, SQLITE, Bare, LargeDemo, large_demo_on_both, median_seconds, report

from outreach.domain.records import LogFilter
from outreach.services.contact_log import ContactLogService, LogSort
from outreach.services.states import StateService
from outreach.setup import prepare_database
from outreach.storage.database import Database

PAGE = 200
LOG_ROWS = 200_000
TARGET_MS = {SQLITE: 250, POSTGRESQL: 100}
DRIVER = {SQLITE: "sqlite3", POSTGRESQL: "psycopg"}
HOW = {SQLITE: "executemany", POSTGRESQL: "COPY"}

Measure = tuple[str, Callable[[], object], Callable[[], object]]


def bare_generation(demo: LargeDemo) -> float:
    """The bare baseline of the generation: as many log rows as the large demo's, into
    one table, in one transaction, with the plain driver."""
    bare = demo.scratch()
    bare.execute("CREATE TABLE log (id integer PRIMARY KEY, occurred_on date, summary text)")
    start = time.perf_counter()
    bare.insert_rows("log", ((n, "2004-01-01", f"Discussed item {n}") for n in range(LOG_ROWS)))
    seconds = time.perf_counter() - start
    bare.close()
    return seconds


def measures(db: Database, bare: Bare) -> list[Measure]:
    log, states = ContactLogService(db), StateService(db)
    some_state = states.get("PAK").id
    today = date.today()

    def plain(sql: str, *args: object) -> Callable[[], object]:
        return lambda: bare.rows(sql, *args)

    page_sql = "SELECT * FROM log_entry WHERE deleted_at IS NULL ORDER BY {order} LIMIT ? OFFSET 0"
    return [
        (
            "open the log: count + first page, newest first",
            lambda: (log.count(LogFilter()), log.page(LogFilter(), 0, PAGE)),
            plain(page_sql.format(order="occurred_on DESC, id DESC"), PAGE),
        ),
        (
            "sort the log by kind",
            lambda: log.page(LogFilter(), 0, PAGE, LogSort.KIND_ASC),
            plain(page_sql.format(order="kind, id"), PAGE),
        ),
        (
            "filter the log by state",
            lambda: (
                log.count(LogFilter(state_id=some_state)),
                log.page(LogFilter(state_id=some_state), 0, PAGE),
            ),
            plain(
                "SELECT le.* FROM log_entry le JOIN log_entry_state s ON s.log_entry_id = le.id "
                "WHERE s.state_id = ? AND le.deleted_at IS NULL "
                "ORDER BY le.occurred_on DESC LIMIT ?",
                some_state,
                PAGE,
            ),
        ),
        (
            "filter the log: overdue follow-ups",
            lambda: (
                log.count(LogFilter(overdue_on=today)),
                log.page(LogFilter(overdue_on=today), 0, PAGE),
            ),
            plain(
                "SELECT * FROM log_entry WHERE follow_up_done_on IS NULL AND follow_up_on < ? "
                "AND deleted_at IS NULL ORDER BY occurred_on DESC LIMIT ?",
                today.isoformat(),
                PAGE,
            ),
        ),
        (
            "states list with status, categories and activity",
            lambda: states.list_rows(),
            plain("SELECT * FROM state"),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, large_demo_on_both(Path(folder)) as demos:
        lines = []
        for demo in demos:
            baseline = bare_generation(demo)
            lines.append(
                f"- {demo.backend}: `outreach demo --scale large` generated its volume in "
                f"{demo.generation:.1f} s (target: under 60 s); inserting {LOG_ROWS:,} bare "
                f"rows with {DRIVER[demo.backend]} ({HOW[demo.backend]}) took {baseline:.1f} s "
                f"in the same run (ratio {demo.generation / baseline:.1f})."
            )
        print("\n".join(lines), flush=True)
        opened = [
            (
                demo,
                prepare_database(demo.location, demo_on_first_run=False, create=True),
                demo.bare(),
            )
            for demo in demos
        ]
        header = " | ".join(
            f"{demo.backend} (ms) | bare {DRIVER[demo.backend]} (ms) | ratio" for demo in demos
        )
        lines += [
            "",
            f"| measure | {header} | {POSTGRESQL} under {TARGET_MS[POSTGRESQL]} ms |",
            "| --- |" + " ---: | ---: | ---: |" * len(demos) + " --- |",
        ]
        each = [measures(db, bare) for _demo, db, bare in opened]
        for index, (name, _ours, _bare) in enumerate(each[0]):
            cells = []
            under = ""
            for (demo, _db, _bare), backend_measures in zip(opened, each, strict=True):
                _name, ours, baseline = backend_measures[index]
                mine = median_seconds(ours, arguments.repeat)
                bare = median_seconds(baseline, arguments.repeat)
                cells.append(f"{mine * 1000:.1f} | {bare * 1000:.1f} | {mine / bare:.1f}")
                if demo.backend == POSTGRESQL:
                    under = "yes" if mine * 1000 < TARGET_MS[POSTGRESQL] else "NO"
            lines.append(f"| {name} | {' | '.join(cells)} | {under} |")
            print(lines[-1], flush=True)
        for _demo, db, bare in opened:
            bare.close()
            db.close()
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
