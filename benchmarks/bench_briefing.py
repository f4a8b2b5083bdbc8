"""How fast briefing sheets, meeting packs and the status report print (issues 5, 17).

Run: .venv/bin/python benchmarks/bench_briefing.py [--repeat 9] [--large] [--out FILE]

Measured on one core (the process is pinned to one CPU where the system allows it). Each
measure is the median of repeated runs and goes end to end: resolving the states or the
meeting, gathering the data from the database, laying the PDF out and writing the file.
Beside each, a bare baseline measured in the same run: the same flowables (built from
data gathered beforehand) in a plain reportlab SimpleDocTemplate with no page furniture,
no page numbering, no outline or contents and no file writing. The ratio is what
Outreach adds to reportlab itself.

The pack is the Nairobi Review Conference of the demo: its States Parties and the
observers the demo announces, at least 150 states (the target is for 150 sheets).
The status report covers the demo's 2004 up to the week before Nairobi; issue 17 set no
target for it. `--large` runs the same measures on the large demo (20,000 contacts and 200,000 log
entries behind the same states).
"""

from __future__ import annotations

import argparse
import io
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate
from timing import median_seconds

from outreach.briefing import (
    BriefingData,
    PrintOptions,
    gather,
    gather_pack,
    print_meeting,
    print_states,
    resolve_states,
)
from outreach.briefing.document import SIDE_MARGIN, frame_width
from outreach.briefing.fonts import register_fonts
from outreach.briefing.labels import Words
from outreach.briefing.printing import print_report
from outreach.briefing.records import StatusReport
from outreach.briefing.report import report_story
from outreach.briefing.report_data import gather_report
from outreach.briefing.sheet import sheet_flowables
from outreach.services.forums import ForumService
from outreach.services.meeting_planner import MeetingPlannerService
from outreach.setup import prepare_database
from outreach.storage.database import Database

PACK_SIZE = 150


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to CPU {core}"
    return "not pinned (no sched_setaffinity here)"


def bare_document(sheets: list[BriefingData], options: PrintOptions) -> Callable[[], bytes]:
    """The same flowables in a plain SimpleDocTemplate, written to memory."""
    width = frame_width(options)
    printed_words = Words(options.language)

    def story() -> list[Flowable]:
        flowables: list[Flowable] = []
        for index, data in enumerate(sheets):
            if index:
                flowables.append(PageBreak())
            flowables.extend(sheet_flowables(data, width, printed_words))
        return flowables

    return bare(story, options)


def bare_report(report: StatusReport, options: PrintOptions) -> Callable[[], bytes]:
    """The status report's flowables (charts and map included) in a plain
    SimpleDocTemplate, written to memory."""
    width = frame_width(options)
    return bare(lambda: report_story(report, width, Words(options.language)), options)


def bare(story: Callable[[], list[Flowable]], options: PrintOptions) -> Callable[[], bytes]:
    def build() -> bytes:
        buffer = io.BytesIO()
        SimpleDocTemplate(
            buffer,
            pagesize=options.paper.points,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=21 * mm,
            bottomMargin=19 * mm,
        ).build(story())
        return buffer.getvalue()

    return build


def prepare(folder: Path, large: bool) -> tuple[Database, int, int]:
    """The demo (large, if asked), the Nairobi meeting's id and the number of states in
    its room: at least PACK_SIZE, as the demo announces observers there."""
    db = prepare_database(folder / "demo.db", demo_on_first_run=True, create=True)
    if large:
        from outreach.demo.synthetic import load_synthetic

        load_synthetic(db)
    meeting = ForumService(db).find_meeting("nairobi")
    sheets = MeetingPlannerService(db).room(meeting.id).state_count
    assert sheets >= PACK_SIZE, sheets
    return db, meeting.id, sheets


def run(repeat: int, large: bool) -> str:
    register_fonts()
    pinned = pin_to_one_core()
    options = PrintOptions(officer="Benchmark")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        db, meeting_id, sheets = prepare(folder, large)
        sheet_out, pack_out = folder / "sheet.pdf", folder / "pack.pdf"
        one = gather(db, resolve_states(db, ["KHM"]), officer="Benchmark")
        pack = gather_pack(db, ForumService(db).get_meeting(meeting_id), officer="Benchmark")
        rows: list[tuple[str, float | None, float, float]] = [
            (
                "one briefing sheet (Cambodia)",
                0.2,
                median_seconds(lambda: print_states(db, ["KHM"], sheet_out, options), repeat),
                median_seconds(bare_document(one, options), repeat),
            ),
            (
                f"meeting pack of {sheets} sheets (Nairobi)",
                20.0,
                median_seconds(
                    lambda: print_meeting(db, meeting_id, pack_out, options), max(3, repeat // 3)
                ),
                median_seconds(bare_document(list(pack.sheets), options), max(3, repeat // 3)),
            ),
        ]
        report_out = folder / "report.pdf"
        as_of, since = date(2004, 11, 25), date(2004, 1, 1)
        report = gather_report(db, as_of=as_of, since=since)
        rows.append(
            (
                "status report (2004-01-01 to 2004-11-25)",
                None,
                median_seconds(
                    lambda: print_report(db, report_out, options, as_of=as_of, since=since),
                    repeat,
                ),
                median_seconds(bare_report(report, options), repeat),
            )
        )
        gather_pack_time = median_seconds(
            lambda: gather_pack(db, ForumService(db).get_meeting(meeting_id)), repeat
        )
        pages = print_meeting(db, meeting_id, pack_out, options).pages
        db.close()
    lines = [
        f"Demo: {'large' if large else 'small'}; {pinned}; medians of {repeat} runs "
        f"({max(3, repeat // 3)} for the pack).",
        "",
        "| measure | target (s) | Outreach (s) | bare reportlab (s) | ratio (target < 1.5) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, target, ours, plain in rows:
        wanted = "—" if target is None else f"{target:g}"
        lines.append(f"| {name} | {wanted} | {ours:.3f} | {plain:.3f} | {ours / plain:.2f} |")
    lines += [
        "",
        f"Gathering the pack's data ({sheets} states, one read transaction): "
        f"{gather_pack_time * 1000:.0f} ms; the pack has {pages} pages.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--large", action="store_true", help="use the large demo")
    parser.add_argument("--out", type=Path, default=None)
    arguments = parser.parse_args()
    table = run(arguments.repeat, arguments.large)
    print(table)
    if arguments.out:
        arguments.out.write_text(table + "\n")


if __name__ == "__main__":
    main()
