"""A database file in a folder this process cannot write, for the read-only tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def read_only_folder_holding(database: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of `database` in a folder this process cannot write: a read-only bind mount
    when running as root (who ignores permissions, not a read-only mount), else a 0555
    folder. Yields the copy's path."""
    source = tmp_path / "source"
    source.mkdir(parents=True)
    shutil.copy2(database, source / database.name)
    if os.geteuid() != 0:
        source.chmod(0o555)
        try:
            yield source / database.name
        finally:
            source.chmod(0o755)
        return
    mounted = tmp_path / "read-only"
    mounted.mkdir()
    subprocess.run(["mount", "--bind", str(source), str(mounted)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(mounted)], check=True)
        yield mounted / database.name
    finally:
        subprocess.run(["umount", str(mounted)], check=True)
