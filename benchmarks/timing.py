"""What the benchmark scripts share: a median of repeated runs, and the large demo."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from outreach.demo.synthetic import load_synthetic
from outreach.setup import prepare_database


def median_seconds(call: Callable[[], object], repeat: int) -> float:
    """The median time of `repeat` calls, after one call to warm up (page cache filled,
    fonts registered, code paths compiled)."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def large_demo(folder: Path) -> tuple[Path, float]:
    """The demo plus the synthetic volume (200,000 log entries) in `folder`, and how long
    the synthetic volume took to generate."""
    path = folder / "large.db"
    db = prepare_database(path, demo_on_first_run=True)
    start = time.perf_counter()
    load_synthetic(db)
    generation = time.perf_counter() - start
    db.close()
    return path, generation
