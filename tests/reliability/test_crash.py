"""Kill -9 during writes through the real write path: nothing acknowledged is lost and
nothing half-written is left (50 cycles here; benchmarks/bench_crash.py runs more)."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach.setup import open_database
from outreach.setup.reference import load_reference
from tests.reliability.crashing import crash_cycles


@pytest.mark.slow
def test_fifty_kills_mid_write_lose_no_acknowledged_change(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    db = open_database(path, create=True)
    load_reference(db)
    db.close()
    report = crash_cycles(path, cycles=50)
    assert report.cycles == 50 and report.killed == 50, report.problems
    assert report.acknowledged >= 50  # at least one commit acknowledged per cycle
    assert report.lost == []
    assert report.problems == []
