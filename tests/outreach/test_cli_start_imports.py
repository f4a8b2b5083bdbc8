"""What `outreach states` loads from a cold start: listing a file's states loads neither
the migrations' machinery (a file at the newest schema needs none), nor the server's
driver, nor the libraries of printing, calendar files or fuzzy matching; and it still
prints the states."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from outreach.cli.main import cli

NOT_FOR_STATES = (
    "alembic",
    "psycopg",
    "reportlab",
    "icalendar",
    "rapidfuzz",
    "numpy",
    "pandas",
)

#: the `outreach` program itself (its entry point), then the modules it loaded
RUN_AND_LIST_MODULES = """
import sys
from pathlib import Path

from outreach.cli.start import main

listing = Path(sys.argv.pop(1))
sys.argv[0] = "outreach"
try:
    main()
finally:
    listing.write_text("\\n".join(sys.modules))
"""


def test_listing_a_files_states_loads_only_what_it_needs(
    demo_db_path: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "modules.txt"
    arguments = ["--db", str(demo_db_path), "states", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_MODULES, str(listing), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(listing.read_text().split())
    assert [name for name in NOT_FOR_STATES if name in loaded] == []

    rows = json.loads(done.stdout)
    by_iso3 = {row["iso3"]: row for row in rows}
    assert len(rows) == 198
    assert by_iso3["CAN"]["in_force_on"] == "1999-03-01"
    assert by_iso3["USA"]["status"] == "outside"
    assert any(row["categories"] for row in rows)  # the demo's categories
    # The same as the command line prints with every module loaded beforehand.
    everything_loaded = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    assert done.stdout == everything_loaded.stdout
