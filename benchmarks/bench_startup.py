"""How fast Outreach starts, against a bare Qt window and a bare Python (issue 14).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python benchmarks/bench_startup.py
         [--repeat 7] [--large] [--out FILE]

In one run, alternating, `--repeat` times each:
- a bare PySide6 window (a QMainWindow holding a QTableView) and Outreach (`outreach
  --db FILE`, as an officer starts it) on the small demo (and, with `--large`, on the
  large demo): from the process's start to the main window exposed on the display, to
  its first page built and shown (the window shows before the database opens), and the
  process's peak RSS three seconds later; and the first start on a new machine, which
  makes the demo file before its first page shows;
- `outreach states --format json` on the small demo against `python -c pass`, and
  `python -c "import sqlalchemy.orm"`: the floor the data layer sets.

The children keep bytecode (PYTHONDONTWRITEBYTECODE is dropped from their environment),
and a first round is run and not counted, as a user's every start but the first.

Each child process reports through one JSON line on stdout; the start is the wall clock
the parent read just before starting it, so interpreter start and imports count. It runs
on the X server of `DISPLAY` when there is one (Xvfb), offscreen otherwise, and says
which: offscreen paints nothing, so its times are lower than a user sees.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import report

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
OUTREACH = str(Path(PYTHON).parent / "outreach")
FIRST = "Outreach, first start (makes the demo)"
SETTLE_SECONDS = 3.0  # after the window shows: what a user's first seconds load

#: the child's side: QApplication replaced, before any module imports it, by a subclass
#: whose event filter notes when a main window is first exposed and when its first page
#: (the bare window's table) is first painted, then reports those and the peak RSS
WATCH = """
import json, os, resource, sys, time
import PySide6.QtWidgets as widgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QWindow

START = float(os.environ["BENCH_START"])
seen = {}

def is_page(widget):
    window = widget.window()
    if not isinstance(window, widgets.QMainWindow):
        return False
    pages = getattr(window, "built_pages", None)
    return widget in pages if pages is not None else widget is window.centralWidget()

class Watcher(QObject):
    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Expose and "visible" not in seen and isinstance(watched, QWindow):
            if watched.isExposed() and any(
                isinstance(widget, widgets.QMainWindow) and widget.windowHandle() is watched
                for widget in widgets.QApplication.topLevelWidgets()
            ):
                seen["visible"] = time.time() - START
        elif kind == QEvent.Type.Paint and "ready" not in seen and "visible" in seen:
            if isinstance(watched, widgets.QWidget) and is_page(watched):
                seen["ready"] = time.time() - START
                QTimer.singleShot(int(SETTLE * 1000), finish)
        return False

def finish():
    seen["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB
    print(json.dumps(seen), flush=True)
    os._exit(0)

class WatchedApplication(widgets.QApplication):
    def __init__(self, *arguments):
        super().__init__(*arguments)
        self._bench_watcher = Watcher()
        self.installEventFilter(self._bench_watcher)

widgets.QApplication = WatchedApplication
"""

BARE = (
    WATCH
    + """
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 800)
window.show()
app.exec()
"""
)

#: Outreach as the officer starts it: the `outreach` command, with the file to open
APP = (
    WATCH
    + """
from outreach.cli.start import main
sys.argv = ["outreach", "--db", sys.argv[1]]
main()
"""
)

#: Outreach's first start on a new machine: no database at OUTREACH_DB yet, so it makes
#: one with the reference data and the demo campaign
FIRST_START = (
    WATCH
    + """
from outreach.cli.start import main
sys.argv = ["outreach"]
main()
"""
)


def platform() -> str:
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def child_environment(**settings: str) -> dict[str, str]:
    """The environment of a measured process: bytecode kept, as in a user's install."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return env | settings


def run_window(
    code: str, *arguments: str, settings: Path, **more: str
) -> tuple[float, float, float]:
    """(seconds to the window exposed, seconds to its first page shown, peak MiB) of
    one child process (`more`: more of its environment)."""
    env = child_environment(
        **more,
        QT_QPA_PLATFORM=platform(),
        BENCH_START=repr(time.time()),
        # the app's settings, backups and logs: a scratch folder, never the user's
        XDG_CONFIG_HOME=str(settings / "config"),
        XDG_DATA_HOME=str(settings / "data"),
        XDG_STATE_HOME=str(settings / "state"),
    )
    done = subprocess.run(
        [PYTHON, "-c", code.replace("SETTLE", repr(SETTLE_SECONDS)), *arguments],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"no report from the child: {done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    return float(result["visible"]), float(result["ready"]), float(result["peak_mib"])


def run_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=120, env=child_environment())
    return time.perf_counter() - start


def demo(folder: Path, scale: str) -> Path:
    path = folder / f"{scale}.db"
    subprocess.run(
        [OUTREACH, "--db", str(path), "demo", "--scale", scale], capture_output=True, check=True
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--large", action="store_true")
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        databases = {"small demo": demo(folder, "small")}
        if arguments.large:
            databases["large demo"] = demo(folder, "large")
        windows: dict[str, list[tuple[float, float, float]]] = {"bare window": []}
        windows |= {f"Outreach, {name}": [] for name in databases}
        windows[FIRST] = []
        states = [OUTREACH, "--db", str(databases["small demo"]), "states", "--format", "json"]
        commands = {
            "python -c pass": [PYTHON, "-c", "pass"],
            "python -c 'import sqlalchemy.orm'": [PYTHON, "-c", "import sqlalchemy.orm"],
            "outreach states --format json": states,
        }
        cli: dict[str, list[float]] = {name: [] for name in commands}
        settings = folder / "settings"
        # a first round not counted: bytecode compiled, files in the page cache, as on
        # every start of a user's but the first after installing
        for _round in range(arguments.repeat + 1):  # alternating, so load hits all alike
            measured = {"bare window": run_window(BARE, settings=settings)}
            for name, path in databases.items():
                measured[f"Outreach, {name}"] = run_window(APP, str(path), settings=settings)
            new_file = str(folder / f"first-start-{_round}.db")
            measured[FIRST] = run_window(FIRST_START, settings=settings, OUTREACH_DB=new_file)
            timed = {name: run_seconds(command) for name, command in commands.items()}
            if _round:
                for name, runs in measured.items():
                    windows[name].append(runs)
                for name, seconds in timed.items():
                    cli[name].append(seconds)
    report(table(windows, cli, arguments.repeat), arguments.out)


def table(
    windows: dict[str, list[tuple[float, float, float]]],
    cli: dict[str, list[float]],
    repeat: int,
) -> list[str]:
    bare_time = statistics.median(run[0] for run in windows["bare window"])
    bare_peak = statistics.median(run[2] for run in windows["bare window"])
    lines = [
        f"Qt platform: {platform()}; medians of {repeat} runs, alternating.",
        "",
        "| start-up | window visible | × bare | first page shown | × bare | peak RSS | × bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, runs in windows.items():
        seconds = statistics.median(run[0] for run in runs)
        ready = statistics.median(run[1] for run in runs)
        peak = statistics.median(run[2] for run in runs)
        lines.append(
            f"| {name} | {seconds:.2f} s | {seconds / bare_time:.1f} | {ready:.2f} s | "
            f"{ready / bare_time:.1f} | {peak:.0f} MiB | {peak / bare_peak:.1f} |"
        )
    bare_python = statistics.median(cli["python -c pass"])
    lines += ["", "| command | time | × `python -c pass` |", "| --- | ---: | ---: |"]
    for name, times in cli.items():
        seconds = statistics.median(times)
        lines.append(f"| {name} | {seconds:.2f} s | {seconds / bare_python:.1f} |")
    return lines


if __name__ == "__main__":
    main()
