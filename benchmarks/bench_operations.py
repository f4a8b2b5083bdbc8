"""How long the everyday operations take on the large demo (issue 14): logging a contact
in the window, the states list, a UN Treaty Collection import of the whole status table,
and the JSON export and import, each beside a bare baseline measured in the same run.

Run: .venv/bin/python benchmarks/bench_operations.py [--repeat 5] [--small] [--out FILE]
     [--only log|states|untc|json ...]

The large demo (`outreach demo --scale large`: 198 states, about 20,000 contacts and
200,000 log entries) is made in a temporary folder; `--small` takes the small demo
instead, for a quick trial. Each figure is a median of `--repeat` runs, Outreach and its
baseline taking turns run by run (after one run of each to warm up, except for the JSON
export and import, which take many seconds each), so that a busy spell of the machine
weighs on both:

- log a contact: the app built over the file as `outreach` builds it (Qt offscreen), on
  its contact log page, and the "Log a contact" dialog filled in; from the click on its
  Log button to the new entry in the log list's first row, events processed until it is
  there. That is the entry saved through the undo stack, the window told of the change
  (the pages it touches), and the log page counting its entries and fetching its first
  page again; the status bar's "due" line is counted 150 ms later (`DueLine`), timed
  on its own. Bare: an INSERT of a log row and its state
  link with sqlite3 on the same file, committed (WAL, synchronous=FULL, as Outreach
  writes; the file's search-index triggers fire for it too).
- the states list: `StateService.list_rows`, which the States page fills itself with
  (bench_lists' measure), and the States page's whole reload; bare: SELECT * FROM state.
- a UNTC import of the whole status table: the reference treaty's table made from what
  the database records (one row per state that signed or consented), then the same with
  the dates of five participants a day later (what a new table usually brings), and
  with every date a day later (the most an import can change), imported in turn with
  the recorded one so that each import changes that many rows: the table read, compared
  with the database (`plan_untc_file`) and recorded (`apply_untc_import`, with the
  backup of the file before it changes), in process, without the command's start. Bare:
  the same file read with csv.reader and strptime and its dates written with sqlite3
  (executemany of UPDATEs by state, one transaction) into a copy of the participation
  table. On the large demo it is measured on the small demo as well, whose backup is
  small.
- `outreach export json` and `outreach import json` (`export_json`, `import_json` into a
  new empty database, the search index rebuilt): seconds and throughput. Bare: the same
  tables read with sqlite3 and written with one json.dumps; the same export read with
  json.load and its rows put with executemany into a file made by `create_all` (no
  checks, no triggers, no search index).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_lists import measures
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine
from timing import Bare, large_demo, median_seconds, report

from outreach.io.json_export import export_json, import_json
from outreach.io.untc_import import apply_untc_import, plan_untc_file
from outreach.io.untc_table import SUFFIXES
from outreach.setup import open_database, prepare_database
from outreach.storage import backups
from outreach.storage.database import Database
from outreach.storage.models import Base
from ui.context import Selection
from ui.desktop import DesktopApp, build_app
from ui.i18n import install_language
from ui.log.dialog import LogContactDialog
from ui.log.page import LogPage
from ui.log.table_model import Column
from ui.states.page import StatesPage

#: one timed run: it prepares what it needs untimed and returns the seconds it took
Run = Callable[[], float]

TARGETS = {"log": 0.020, "states": 0.050, "untc": 1.0}
#: the parts `--only` can pick
PARTS = ("log", "states", "untc", "json")
FEW_CHANGES = 5  # what a new status table usually brings: a few accessions or corrections
STATES_LIST = "states list with status, categories and activity"  # bench_lists' measure
LOGGED_STATE = "KHM"  # the state the contacts are logged for
TREATY = "APMBC"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HEADER = (
    "Participant",
    "Signature",
    "Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)",
)
MB = 1_000_000


def timed(call: Callable[[], object]) -> Run:
    def run() -> float:
        start = time.perf_counter()
        call()
        return time.perf_counter() - start

    return run


def taking_turns(ours: Run, bare: Run, repeat: int, *, warm_up: bool = True) -> tuple[float, float]:
    """The medians of `repeat` runs of each, ours and bare in turn (after one run of each
    to warm up unless `warm_up` is False)."""
    if warm_up:
        ours()
        bare()
    mine, plain = [], []
    for _ in range(repeat):
        mine.append(ours())
        plain.append(bare())
    return statistics.median(mine), statistics.median(plain)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def row(name: str, mine: float, bare: float, baseline: str, target: float | None) -> str:
    under = "" if target is None else ("yes" if mine < target else "NO")
    wanted = "" if target is None else ms(target) if target < 1 else f"{target:.0f} s"
    return (
        f"| {name} | {wanted} | {ms(mine)} | {ms(bare)} | {baseline} "
        f"| {mine / bare:.1f} | {under} |"
    )


def part(name: str, seconds: float) -> str:
    return f"| {name} | | {ms(seconds)} | | | | |"


# --- the window ---------------------------------------------------------------------------


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def open_window(app: QApplication, path: Path) -> tuple[DesktopApp, LogPage]:
    """The app over `path` as `outreach` builds it, shown on its contact log page."""
    desktop = build_app(path)
    desktop.window.resize(1400, 900)
    desktop.window.show()
    page = desktop.window.show_page(LogPage)
    assert isinstance(page, LogPage)
    settle(app)
    return desktop, page


def shows(page: LogPage, summary: str) -> bool:
    """Whether the log list's first row is the entry `summary` (the view fetched it when
    it painted; if it has not painted yet, the model fetches it here)."""
    return bool(page.model.data(page.model.index(0, Column.SUMMARY)) == summary)


def log_in_window(app: QApplication, desktop: DesktopApp, page: LogPage, state_id: int) -> Run:
    numbers = itertools.count(1)

    def run() -> float:
        summary = f"Call on the stockpile destruction deadline ({next(numbers)})"
        dialog = LogContactDialog(
            desktop.services, desktop.undo, Selection(state_id=state_id), parent=desktop.window
        )
        dialog.show()
        settle(app)
        dialog.summary_edit.setText(summary)
        start = time.perf_counter()
        dialog.ok_button.click()
        app.processEvents()
        while not shows(page, summary):
            app.processEvents()
        seconds = time.perf_counter() - start
        dialog.deleteLater()
        return seconds

    return run


def bare_log(connection: sqlite3.Connection, state_id: int) -> Run:
    connection.execute("PRAGMA synchronous = FULL")

    def run() -> float:
        start = time.perf_counter()
        with connection:
            cursor = connection.execute(
                "INSERT INTO log_entry (occurred_on, kind, summary, details, officer) "
                "VALUES (?, 'call', 'Call on the stockpile destruction deadline', '', '')",
                (date.today().isoformat(),),
            )
            connection.execute(
                "INSERT INTO log_entry_state (log_entry_id, state_id) VALUES (?, ?)",
                (cursor.lastrowid, state_id),
            )
        return time.perf_counter() - start

    return run


def log_lines(
    app: QApplication, desktop: DesktopApp, page: LogPage, bare: sqlite3.Connection, repeat: int
) -> list[str]:
    state_id = desktop.services.states.get(LOGGED_STATE).id
    mine, plain = taking_turns(
        log_in_window(app, desktop, page, state_id), bare_log(bare, state_id), repeat
    )
    lines = [
        row(
            "log a contact: Log pressed → the entry first in the log list",
            mine,
            plain,
            "sqlite3 INSERT of the entry and its link, commit",
            TARGETS["log"],
        )
    ]
    print(lines[-1], flush=True)

    def refresh_log() -> None:
        page.reload()
        page.model.entry_at(0)

    refresh = median_seconds(refresh_log, repeat)
    lines.append(part("… of which the log page's refresh (count + first page)", refresh))
    due = median_seconds(desktop.due_line.refresh, repeat)
    lines.append(part("… then, 150 ms later, the status bar's due line (`DueLine`)", due))
    print("\n".join(lines[-2:]), flush=True)
    return lines


def window_lines(
    app: QApplication, path: Path, repeat: int, *, log: bool = True, states_page: bool = True
) -> list[str]:
    """In the window: logging a contact (`log`) and the States page's reload
    (`states_page`)."""
    desktop, page = open_window(app, path)
    bare = sqlite3.connect(path)
    lines: list[str] = []
    try:
        if log:
            lines += log_lines(app, desktop, page, bare, repeat)
        if not states_page:
            return lines
        states = desktop.window.show_page(StatesPage)
        settle(app)
        all_states = timed(lambda: bare.execute("SELECT * FROM state").fetchall())
        mine, plain = taking_turns(timed(states.reload), all_states, repeat)
        name = "the States page: reload (filters, list, table)"
        lines.append(row(name, mine, plain, "SELECT * FROM state", None))
        print(lines[-1], flush=True)
    finally:
        bare.close()
        desktop.window.close()
        desktop.db.close()
        settle(app)
    return lines


# --- the states list --------------------------------------------------------------------


def states_list_line(path: Path, repeat: int) -> str:
    """bench_lists' measure of the states list, with its bare baseline."""
    db = open_database(path)
    bare = Bare(sqlite3.connect(path))
    try:
        [(_name, ours, plain)] = [m for m in measures(db, bare) if m[0] == STATES_LIST]
        mine, baseline = taking_turns(timed(ours), timed(plain), repeat)
    finally:
        bare.close()
        db.close()
    return row(
        "the states list (`StateService.list_rows`)",
        mine,
        baseline,
        "SELECT * FROM state",
        TARGETS["states"],
    )


# --- the UNTC import ----------------------------------------------------------------------


def untc_date(day: date, suffix: str = "") -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" + (f" {suffix}" if suffix else "")


def participants(path: Path) -> list[tuple[str, str | None, str | None, str | None]]:
    """The treaty's participants as the database records them: name, signature, consent
    and its kind (the states that signed or consented)."""
    connection = sqlite3.connect(path)
    found = connection.execute(
        "SELECT s.name, p.signed_on, p.consent_on, p.consent_kind FROM participation p "
        "JOIN state s ON s.id = p.state_id JOIN treaty t ON t.id = p.treaty_id "
        "WHERE t.code = ? AND (p.signed_on IS NOT NULL OR p.consent_on IS NOT NULL) "
        "ORDER BY s.name",
        (TREATY,),
    ).fetchall()
    connection.close()
    return found


def status_table(path: Path, target: Path, moved: int) -> Path:
    """The treaty's whole status table as the database records it, the dates of its
    first `moved` participants a day later."""
    suffixes = {kind.value: suffix for suffix, kind in SUFFIXES.items()}
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, (state, signed, consent, kind) in enumerate(participants(path)):
            shift = timedelta(days=1 if number < moved else 0)
            signed_on, consent_on = (
                date.fromisoformat(day) + shift if day else None for day in (signed, consent)
            )
            writer.writerow(
                (
                    state,
                    untc_date(signed_on) if signed_on else "",
                    untc_date(consent_on, suffixes[str(kind)]) if consent_on else "",
                )
            )
    return target


def import_table(db: Database, table: Path, changes: int | None = None) -> float:
    """Import `table` as `outreach import untc` does, without the command's start; the
    seconds it took."""
    start = time.perf_counter()
    plan = plan_untc_file(db, table, TREATY)
    if plan.changes:
        apply_untc_import(db, plan)
    seconds = time.perf_counter() - start
    assert changes is None or len(plan.changes) == changes, (len(plan.changes), changes)
    assert not plan.unmatched, plan.unmatched
    return seconds


def untc_import(db: Database, tables: list[Path], changes: int) -> Run:
    """Run: the next of `tables` imported, each of which differs from the one before in
    `changes` participants."""
    turns = itertools.cycle(tables)
    return lambda: import_table(db, next(turns), changes)


def bare_untc(path: Path, folder: Path, tables: list[Path]) -> Run:
    """Run: the table read with csv.reader and strptime, its dates written with
    executemany into a copy of the participation table (made once, untimed)."""
    connection = sqlite3.connect(folder / f"bare-{tables[0].stem}.db")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("ATTACH DATABASE ? AS demo", (str(path),))
    with connection:
        connection.execute("CREATE TABLE state AS SELECT id, name FROM demo.state")
        connection.execute("CREATE TABLE participation AS SELECT * FROM demo.participation")
        connection.execute("CREATE UNIQUE INDEX by_state ON participation (treaty_id, state_id)")
    treaty = connection.execute("SELECT id FROM demo.treaty WHERE code = ?", (TREATY,))
    (treaty_id,) = treaty.fetchone()
    connection.execute("DETACH DATABASE demo")
    kinds = {suffix: kind.value for suffix, kind in SUFFIXES.items()}
    turns = itertools.cycle(tables)

    def day(text: str) -> str | None:
        if not text:
            return None
        return datetime.strptime(" ".join(text.split()[:3]), "%d %b %Y").date().isoformat()

    def kind(text: str) -> str | None:
        return kinds[" ".join(text.split()[3:])] if text else None

    def run() -> float:
        table = next(turns)
        start = time.perf_counter()
        ids = dict(connection.execute("SELECT name, id FROM state").fetchall())
        with table.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            rows = [
                (day(signed), day(consent), kind(consent), treaty_id, ids[name])
                for name, signed, consent in reader
            ]
        with connection:
            connection.executemany(
                "UPDATE participation SET signed_on = ?, consent_on = ?, consent_kind = ? "
                "WHERE treaty_id = ? AND state_id = ?",
                rows,
            )
        return time.perf_counter() - start

    return run


def untc_lines(path: Path, folder: Path, repeat: int, where: str) -> list[str]:
    listed = len(participants(path))
    recorded, *moved_tables = (
        status_table(path, folder / f"untc-{path.stem}-{moved}.csv", moved)
        for moved in (0, FEW_CHANGES, listed)
    )
    lines = []
    db = open_database(path)
    try:
        for moved, what, later in (
            (FEW_CHANGES, f"{FEW_CHANGES} of them changed", moved_tables[0]),
            (listed, "each changed", moved_tables[1]),
        ):
            import_table(db, recorded)  # from the recorded dates, whatever came before
            tables = [later, recorded]
            mine, plain = taking_turns(
                untc_import(db, tables, moved), bare_untc(path, folder, tables), repeat
            )
            lines.append(
                row(
                    f"UNTC import of the whole status table ({listed} rows, {what}), {where}",
                    mine,
                    plain,
                    "csv.reader + strptime, sqlite3 executemany UPDATE, commit",
                    TARGETS["untc"],
                )
            )
            print(lines[-1], flush=True)
        backup = median_seconds(lambda: backups.before_change(db, "import"), repeat)
    finally:
        db.close()
    size = path.stat().st_size / MB
    lines.append(
        part(f"… of which the backup of the file before it changes ({size:.0f} MB)", backup)
    )
    return lines


# --- JSON export and import -------------------------------------------------------------


def bare_export(path: Path, tables: list[str], target: Path) -> Run:
    def run() -> float:
        start = time.perf_counter()
        connection = sqlite3.connect(path)
        document: dict[str, dict[str, object]] = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}" ORDER BY id')
            columns = [column[0] for column in cursor.description]
            document[table] = {"columns": columns, "rows": cursor.fetchall()}
        target.write_text(json.dumps({"tables": document}, ensure_ascii=False), encoding="utf-8")
        connection.close()
        return time.perf_counter() - start

    return run


def removed(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def fresh_paths(folder: Path, prefix: str) -> Iterator[Path]:
    for number in itertools.count():
        yield folder / f"{prefix}-{number}.db"


def import_in_turn(export: Path, folder: Path, rows: int) -> Run:
    paths = fresh_paths(folder, "imported")

    def run() -> float:
        target = next(paths)
        db = open_database(target, create=True)  # as `outreach import json` makes it
        start = time.perf_counter()
        summary = import_json(db, export)
        seconds = time.perf_counter() - start
        db.close()
        removed(target)
        assert summary.total == rows, (summary.total, rows)
        return seconds

    return run


def bare_import(export: Path, folder: Path) -> Run:
    paths = fresh_paths(folder, "bare-imported")

    def run() -> float:
        target = next(paths)
        engine = create_engine(f"sqlite:///{target}")
        Base.metadata.create_all(engine)
        engine.dispose()
        connection = sqlite3.connect(target)
        start = time.perf_counter()
        with export.open(encoding="utf-8") as handle:
            document = json.load(handle)
        with connection:
            for table, content in document["tables"].items():
                if content["rows"]:
                    columns = ", ".join(f'"{column}"' for column in content["columns"])
                    marks = ", ".join("?" * len(content["columns"]))
                    connection.executemany(
                        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', content["rows"]
                    )
        seconds = time.perf_counter() - start
        connection.close()
        removed(target)
        return seconds

    return run


def json_lines(path: Path, folder: Path, repeat: int) -> list[str]:
    export, bare_file = folder / "export.json", folder / "bare-export.json"
    db = open_database(path)
    try:
        counts = export_json(db, export)  # the count and the file for the import
        rows = sum(counts.values())
        exporting = taking_turns(
            timed(lambda: export_json(db, export)),
            bare_export(path, list(counts), bare_file),
            repeat,
            warm_up=False,
        )
    finally:
        db.close()
    size = export.stat().st_size / MB
    importing = taking_turns(
        import_in_turn(export, folder, rows), bare_import(export, folder), repeat, warm_up=False
    )
    lines = []
    for name, (mine, plain) in (("export json", exporting), ("import json", importing)):
        lines.append(
            f"| `outreach {name}` | {rows:,} | {size:.0f} | {mine:.1f} | {rows / mine:,.0f} "
            f"| {size / mine:.1f} | {plain:.1f} | {rows / plain:,.0f} | {size / plain:.1f} "
            f"| {mine / plain:.1f} |"
        )
        print(lines[-1], flush=True)
    return lines


# --- the whole run ------------------------------------------------------------------------


def make_demo(folder: Path, large: bool) -> tuple[Path, str]:
    if large:
        path, generation = large_demo(folder)
        return path, f"the large demo, its volume generated in {generation:.0f} s"
    path = folder / "small.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    return path, "the small demo"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--small", action="store_true", help="the small demo (a quick trial)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--only",
        action="append",
        choices=PARTS,
        help="measure only this part (repeat the option for several): log a contact, "
        "the states list and page, the UNTC import, the JSON export and import",
    )
    arguments = parser.parse_args()
    repeat, large = arguments.repeat, not arguments.small
    only = set(arguments.only or PARTS)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # never the user's settings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, name)
        app = QApplication([])
        install_language(app, "en")
        path, made = make_demo(folder, large)
        demo = "the large demo" if large else "the small demo"
        print(f"{made.capitalize()}: {path.stat().st_size / MB:.0f} MB.", flush=True)
        lines = [
            f"Medians of {repeat} runs on {made} ({path.stat().st_size / MB:.0f} MB), "
            "Outreach and its baseline in turn.",
            "",
            "| operation | target | Outreach | bare | bare baseline | ratio | under target |",
            "| --- | ---: | ---: | ---: | --- | ---: | --- |",
        ]
        if only & {"log", "states"}:
            lines += window_lines(
                app, path, repeat, log="log" in only, states_page="states" in only
            )
        if "states" in only:
            lines.append(states_list_line(path, repeat))
            print(lines[-1], flush=True)
        if "untc" in only:
            lines += untc_lines(path, folder, repeat, f"into {demo}")
            if large:
                small, _made = make_demo(folder, large=False)
                lines += untc_lines(small, folder, repeat, "into the small demo")
        if "json" in only:
            lines += [
                "",
                "| JSON | rows | MB | Outreach (s) | rows/s | MB/s | bare (s) | bare rows/s "
                "| bare MB/s | ratio |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
                *json_lines(path, folder, repeat),
            ]
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
