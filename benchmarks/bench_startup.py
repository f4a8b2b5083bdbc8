"""How fast Outreach starts, against a bare Qt window and a bare Python (issue 14).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python benchmarks/bench_startup.py
         [--repeat 7] [--large] [--out FILE]

In one run, alternating, `--repeat` times each:
- a bare PySide6 window (a QMainWindow holding a QTableView) and Outreach on the small
  demo (and, with `--large`, on the large demo): from the process's start to the main
  window exposed on the display, and the process's peak RSS three seconds later;
- `outreach states --format json` on the small demo against `python -c pass`.

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
SETTLE_SECONDS = 3.0  # after the window shows: what a user's first seconds load

#: the child's side: report when the first main window is exposed, then the peak RSS
WATCH = """
import json, os, resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

START = float(os.environ["BENCH_START"])
shown = []

def watch():
    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        handle = widget.windowHandle()
        if isinstance(widget, QMainWindow) and handle is not None and handle.isExposed():
            if not shown:
                shown.append(time.time() - START)
                QTimer.singleShot(int(SETTLE * 1000), finish)
            return

def finish():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB -> MiB
    print(json.dumps({"visible": shown[0], "peak_mib": peak}), flush=True)
    os._exit(0)

def start_watching(app):
    timer = QTimer(app)
    timer.timeout.connect(watch)
    timer.start(5)
    app._bench_timer = timer
"""

BARE = (
    WATCH
    + """
from PySide6.QtWidgets import QTableView
app = QApplication(sys.argv)
start_watching(app)
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 800)
window.show()
app.exec()
"""
)

APP = (
    WATCH
    + """
import ui.app
make = ui.app.make_application

def make_and_watch(argv):
    app = make(argv)
    start_watching(app)
    return app

ui.app.make_application = make_and_watch
from pathlib import Path
ui.app.main(Path(sys.argv[1]))
"""
)


def platform() -> str:
    return "xcb" if os.environ.get("DISPLAY") else "offscreen"


def run_window(code: str, *arguments: str, settings: Path) -> tuple[float, float]:
    """(seconds to the window exposed, peak MiB) of one child process."""
    env = dict(
        os.environ,
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
    return float(result["visible"]), float(result["peak_mib"])


def run_seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=120)
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
        windows: dict[str, list[tuple[float, float]]] = {"bare window": []}
        windows |= {f"Outreach, {name}": [] for name in databases}
        cli: dict[str, list[float]] = {"python -c pass": [], "outreach states": []}
        states = [OUTREACH, "--db", str(databases["small demo"]), "states", "--format", "json"]
        for _round in range(arguments.repeat):  # alternating, so load hits all alike
            windows["bare window"].append(run_window(BARE, settings=folder / "settings"))
            for name, path in databases.items():
                measured = run_window(APP, str(path), settings=folder / "settings")
                windows[f"Outreach, {name}"].append(measured)
            cli["python -c pass"].append(run_seconds([PYTHON, "-c", "pass"]))
            cli["outreach states"].append(run_seconds(states))
    bare_time = statistics.median(seconds for seconds, _peak in windows["bare window"])
    bare_peak = statistics.median(peak for _seconds, peak in windows["bare window"])
    lines = [
        f"Qt platform: {platform()}; medians of {arguments.repeat} runs, alternating.",
        "",
        "| start-up | window visible | × bare | peak RSS | × bare |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, runs in windows.items():
        seconds = statistics.median(run[0] for run in runs)
        peak = statistics.median(run[1] for run in runs)
        lines.append(
            f"| {name} | {seconds:.2f} s | {seconds / bare_time:.1f} | "
            f"{peak:.0f} MiB | {peak / bare_peak:.1f} |"
        )
    bare_python = statistics.median(cli["python -c pass"])
    lines += ["", "| command | time | × `python -c pass` |", "| --- | ---: | ---: |"]
    for name, times in cli.items():
        seconds = statistics.median(times)
        lines.append(f"| {name} | {seconds:.2f} s | {seconds / bare_python:.1f} |")
    report(lines, arguments.out)


if __name__ == "__main__":
    main()
