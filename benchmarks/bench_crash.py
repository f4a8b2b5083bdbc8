"""Kill -9 during writes, many more times than the test suite does: how many commits were
acknowledged, how many of them were lost (must be none), what the file's own checks said.

Run: .venv/bin/python benchmarks/bench_crash.py [--cycles 500] [--out /tmp/crash.md]

Each cycle forks a writer that logs contacts through `ContactLogService` (the real write
path: one transaction per entry with its audit row and search document, BEGIN IMMEDIATE,
synchronous=FULL in WAL) and acknowledges each commit on a pipe; the parent sends SIGKILL
after one to six acknowledgements and a random instant, so many kills land inside a
transaction. At the end every acknowledged entry must be there whole (its state link and
its audit row) and integrity, references, the audit chain and the search index must pass.
This measures loss, not speed: seconds per cycle are given only to plan a longer run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for the tests' probe
from outreach.setup import open_database
from outreach.setup.reference import load_reference
from tests.reliability.crashing import crash_cycles


def measure(cycles: int, seed: int) -> dict[str, float | int | str]:
    with tempfile.TemporaryDirectory(prefix="outreach-crash-") as folder:
        path = Path(folder) / "crash.db"
        db = open_database(path, create=True)
        load_reference(db)
        db.close()
        start = time.perf_counter()
        report = crash_cycles(path, cycles, seed=seed)
        elapsed = time.perf_counter() - start
    return {
        "cycles": report.cycles,
        "killed by SIGKILL": report.killed,
        "commits acknowledged": report.acknowledged,
        "acknowledged but lost": len(report.lost),
        "problems found by the checks": len(report.problems),
        "seconds per cycle": round(elapsed / max(report.cycles, 1), 3),
        "first problems": "; ".join(report.problems[:3]) or "none",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cycles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2004)
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    results = measure(arguments.cycles, arguments.seed)
    lines = ["| measure | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in results.items()]
    table = "\n".join(lines)
    print(table)
    if arguments.out is not None:
        arguments.out.write_text(table + "\n")


if __name__ == "__main__":
    main()
