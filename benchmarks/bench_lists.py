"""How fast the long lists answer on the large demo (200,000 log entries).

Run: .venv/bin/python benchmarks/bench_lists.py [--repeat 15] [--out docs/benchmarks.md]

Each measure is the median of repeated runs. Beside each, a bare baseline measured in the
same run: the same rows fetched with plain sqlite3 and no service layer, so the ratio
shows what the services add on this machine, whatever its speed that day.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from timing import large_demo, median_seconds

from outreach.domain.records import LogFilter
from outreach.services.contact_log import ContactLogService, LogSort
from outreach.services.states import StateService
from outreach.setup import prepare_database

PAGE = 200


def build_large_demo(folder: Path) -> tuple[Path, float, float]:
    """The large demo, its generation time, and a bare baseline: the same number of log
    rows inserted with plain sqlite3 into one table."""
    path, generation = large_demo(folder)
    bare = sqlite3.connect(folder / "bare.db")
    bare.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, occurred_on TEXT, summary TEXT)")
    start = time.perf_counter()
    with bare:
        bare.executemany(
            "INSERT INTO log VALUES (?, ?, ?)",
            ((n, "2004-01-01", f"Discussed item {n}") for n in range(200_000)),
        )
    baseline = time.perf_counter() - start
    bare.close()
    return path, generation, baseline


def measures(path: Path) -> list[tuple[str, Callable[[], object], Callable[[], object]]]:
    db = prepare_database(path, demo_on_first_run=False)
    log, states = ContactLogService(db), StateService(db)
    raw = sqlite3.connect(path)
    some_state = states.get("PAK").id
    today = date.today()

    def bare(sql: str, *args: object) -> Callable[[], object]:
        return lambda: raw.execute(sql, args).fetchall()

    page_sql = "SELECT * FROM log_entry WHERE deleted_at IS NULL ORDER BY {order} LIMIT ? OFFSET 0"
    return [
        (
            "open the log: count + first page, newest first",
            lambda: (log.count(LogFilter()), log.page(LogFilter(), 0, PAGE)),
            bare(page_sql.format(order="occurred_on DESC, id DESC"), PAGE),
        ),
        (
            "sort the log by kind",
            lambda: log.page(LogFilter(), 0, PAGE, LogSort.KIND_ASC),
            bare(page_sql.format(order="kind, id"), PAGE),
        ),
        (
            "filter the log by state",
            lambda: (
                log.count(LogFilter(state_id=some_state)),
                log.page(LogFilter(state_id=some_state), 0, PAGE),
            ),
            bare(
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
            bare(
                "SELECT * FROM log_entry WHERE follow_up_done_on IS NULL AND follow_up_on < ? "
                "AND deleted_at IS NULL ORDER BY occurred_on DESC LIMIT ?",
                today.isoformat(),
                PAGE,
            ),
        ),
        (
            "states list with status, categories and activity",
            lambda: states.list_rows(),
            bare("SELECT * FROM state"),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path, generation, baseline = build_large_demo(Path(folder))
        lines = [
            f"`outreach demo --scale large` generated its volume in {generation:.1f} s "
            f"(target: under 60 s); inserting 200,000 bare rows with sqlite3 took "
            f"{baseline:.1f} s in the same run (ratio {generation / baseline:.1f}).",
            "",
            "| measure | median (ms) | bare sqlite3 (ms) | ratio |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, ours, baseline in measures(path):
            mine = median_seconds(ours, arguments.repeat)
            bare = median_seconds(baseline, arguments.repeat)
            lines.append(f"| {name} | {mine * 1000:.1f} | {bare * 1000:.1f} | {mine / bare:.1f} |")
    table = "\n".join(lines)
    print(table)
    if arguments.out:
        arguments.out.write_text(table + "\n")


if __name__ == "__main__":
    main()
