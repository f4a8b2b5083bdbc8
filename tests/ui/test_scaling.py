"""The app readable at 200% (issue 17, item 5): with QT_SCALE_FACTOR=2, on the smallest
screen that scale is used on (2560 × 1440: 1280 × 720 of its scaled pixels), every main
page keeps the window on the screen and shows no text cut short (see scaled_pages for
what is looked at). A picture of each page goes to test-artefacts/scale-200/, to look at."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).parents[2]
ARTEFACTS = ROOT / "test-artefacts" / "scale-200"
#: a 2560 × 1440 screen at 200%, in the pixels the app lays out in
SCREEN = (1280, 720)


def test_the_main_pages_are_readable_at_200_percent(demo_db_path: Path, tmp_path: Path) -> None:
    shutil.rmtree(ARTEFACTS, ignore_errors=True)  # no picture of a page gone since
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QT_SCALE_FACTOR="2",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # a first start, not the officer's
    )
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_pages", str(demo_db_path), str(ARTEFACTS),
         *map(str, SCREEN)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["scale"] == 2.0
    assert result["window"] == list(SCREEN)  # no page makes it taller or wider
    assert result["cut_short"] == {}
    pictures = [ARTEFACTS / name for name in result["pictures"]]
    assert len(pictures) >= 10
    assert all(QImage(str(picture)).width() == 2 * SCREEN[0] for picture in pictures)
