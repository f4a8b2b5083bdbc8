"""What starting the app and the command line does not load: the libraries of work done
later (printing, calendar files, fuzzy matching) and of nothing at all (pandas, numpy)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

NOT_AT_START = (
    "numpy",
    "pandas",
    "icalendar",
    "rapidfuzz",
    "PySide6.QtPdf",
    "ui.briefing.printing",
)


def modules_after(statement: str) -> set[str]:
    """The modules a fresh interpreter holds after `statement`."""
    code = f"{statement}\nimport sys\nprint('\\n'.join(sys.modules))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "statement", ["import ui.app", "import outreach.cli.main"], ids=["app", "command line"]
)
def test_a_cold_start_leaves_the_later_work_unloaded(statement: str) -> None:
    loaded = modules_after(statement)
    assert [name for name in NOT_AT_START if name in loaded] == []
