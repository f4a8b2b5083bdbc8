"""Kill -9 during writes, through the real write path, and count what was lost.

A child process (forked, so each cycle costs milliseconds rather than an interpreter's
start) logs contacts through `ContactLogService` on a database file: each entry is a
transaction with its audit rows and its search document. After each commit it writes the
entry's id to a pipe: that id was acknowledged and must survive. The parent kills the
child with SIGKILL at a random moment, mid-transaction as often as not, then opens the
file and checks that every acknowledged entry is there, whole (its state link, its audit
row, its search document), and that the file passes its own checks.

Used by tests/reliability/test_crash.py (50 cycles) and benchmarks/bench_crash.py (more).
"""

from __future__ import annotations

import os
import random
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from outreach.search import search_index_problems
from outreach.services.contact_log import ContactLogService
from outreach.setup import open_database
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import AuditEntry, LogEntry, LogEntryState


@dataclass
class CrashReport:
    cycles: int = 0
    acknowledged: int = 0
    lost: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    killed: int = 0


def _summary(number: int) -> str:
    return f"Crash probe call {number} about the accession timetable"


def _write_until_killed(path: Path, ack: int, first: int) -> None:
    """The child: log entries one after another, acknowledging each commit."""
    try:
        db = open_database(path, actor="crash-probe")
        log = ContactLogService(db)
        number = first
        while True:
            entry = log.log("2004-06-01", "call", _summary(number), states=["KHM"])
            os.write(ack, f"{entry.id}\n".encode())
            number += 1
    finally:
        os._exit(0)  # never run the parent's cleanup in the child


def run_cycle(path: Path, rng: random.Random, first: int) -> tuple[list[int], bool]:
    """One cycle: fork a writer, kill it after a few commits and a random instant
    (often inside the next transaction); returns the ids it acknowledged and whether
    SIGKILL is what ended it."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        _write_until_killed(path, write_end, first)
    os.close(write_end)
    wanted = rng.randint(1, 6)
    received = b""
    with os.fdopen(read_end, "rb", buffering=0) as pipe:
        while received.count(b"\n") < wanted:
            chunk = pipe.read(64)
            if not chunk:  # the child died on its own: a bug, reported by the caller
                break
            received += chunk
        time.sleep(rng.uniform(0, 0.02))  # often inside the next transaction
        os.kill(child, signal.SIGKILL)
        _pid, status = os.waitpid(child, 0)
        received += pipe.read()  # commits acknowledged before the kill landed
    acknowledged = [int(line) for line in received.decode().split()]
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    return acknowledged, killed


def check_survivors(path: Path, acknowledged: list[int]) -> tuple[list[int], list[str]]:
    """Which acknowledged entries are missing or partial (no state link, no audit row),
    and what the file's own checks report (integrity, references, the search index's
    document counts)."""
    db = open_database(path)
    try:
        with db.read() as session:
            entries = set(session.scalars(select(LogEntry.id).where(LogEntry.id.in_(acknowledged))))
            linked = set(
                session.scalars(
                    select(LogEntryState.log_entry_id).where(
                        LogEntryState.log_entry_id.in_(acknowledged)
                    )
                )
            )
            audited = set(
                session.scalars(
                    select(AuditEntry.entity_id).where(
                        AuditEntry.entity == "log_entry", AuditEntry.entity_id.in_(acknowledged)
                    )
                )
            )
        whole = entries & linked & audited
        problems = integrity_problems(db) + search_index_problems(db)
    finally:
        db.close()
    return sorted(set(acknowledged) - whole), problems


def crash_cycles(path: Path, cycles: int, seed: int = 11) -> CrashReport:
    """Run `cycles` kill -9 cycles on the database file at `path` (which must exist),
    then check what survived: each cycle's writer opens the file its predecessor was
    killed over, so a kill that left damage fails the next cycle too."""
    rng = random.Random(seed)
    report = CrashReport()
    acknowledged: list[int] = []
    for cycle in range(cycles):
        ids, killed = run_cycle(path, rng, first=cycle * 1000)
        report.cycles += 1
        report.killed += int(killed)
        acknowledged += ids
        if not killed:
            report.problems.append(f"cycle {cycle}: the writer stopped before it was killed")
    report.acknowledged = len(acknowledged)
    report.lost, problems = check_survivors(path, acknowledged)
    report.problems += problems
    return report
